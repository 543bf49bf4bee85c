#!/bin/sh
# make_seeds.sh OUT_DIR - collects the seed corpora for the fuzz targets.
#
#   OUT_DIR/markdown/  every file of tests/fixtures, examples and the shared
#                      real-world corpus (read in place, copied, never changed)
#   OUT_DIR/glob/      pattern<newline>path pairs for fuzz_glob
#   OUT_DIR/json/      arrays as tasks() gives them (waits_for, files) for fuzz_json
#
# OUT_DIR belongs under a build directory: the seeds are not committed.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${TASKSEXT_CORPUS:-$(cd "$root/.." && pwd)/shared/corpus/real}

mkdir -p "$out/markdown" "$out/glob" "$out/json"

# Copies every regular file under $2 into $out/markdown, named by its path so
# the many files called tasks.md do not overwrite each other.
collect() {
    label=$1
    dir=$2
    if [ ! -d "$dir" ]; then
        echo "make_seeds: skipping missing $dir" >&2
        return 0
    fi
    find "$dir" -type f ! -name MANIFEST.tsv | sort | while IFS= read -r file; do
        rel=${file#"$dir"/}
        name=$(printf '%s' "$label/$rel" | tr '/ ' '__')
        cp "$file" "$out/markdown/$name"
    done
}

collect fixtures "$root/tests/fixtures"
collect examples "$root/examples"
collect real "$corpus"

# Glob seeds: the pattern, a newline, the path.
n=0
glob_seed() {
    n=$((n + 1))
    printf '%s\n%s' "$1" "$2" > "$out/glob/seed-$n"
}
glob_seed '**/tasks.md' 'specs/001-auth/tasks.md'
glob_seed '.xe/specs/*/tasks.md' '.xe/specs/002-search/tasks.md'
glob_seed 'specs/0[0-9][0-9]-*/tasks.md' 'specs/007-x/tasks.md'
glob_seed 'specs/[!a-z]*/task?.md' 'specs/9/tasks.md'
glob_seed '**' 'a/b/c'
glob_seed 'a/**/b/**/c' 'a/x/b/y/z/c'
glob_seed '*.md' 'dir/tasks.md'
glob_seed '[]-]x' ']x'
glob_seed '[^/]' '/'
glob_seed '*a*a*a*a*b' 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'

# JSON seeds: arrays as tasks() writes them, and in other valid forms.
j=0
json_seed() {
    j=$((j + 1))
    printf '%s' "$1" > "$out/json/seed-$j"
}
json_seed '[]'
json_seed '[{"line":12,"id":"T001","kind":"step"},{"line":7,"id":null,"kind":"sequence"}]'
json_seed '[{"line":3,"id":"a\"}\\b\u0001","kind":"explicit"}]'
json_seed ' [ { "kind" : "wave" , "extra" : null , "line" : 40 } ] '
json_seed '[{"id":"x","note":true,"line":2,"kind":"subtask","w":-1.5e3}]'
json_seed '["src/a.py","b \"c\".json","\u00e9\ud83d\ude00"]'

echo "make_seeds: $(ls "$out/markdown" | wc -l) markdown seeds, $n glob seeds, $j json seeds in $out"
