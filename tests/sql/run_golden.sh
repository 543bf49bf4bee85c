#!/bin/sh
# run_golden.sh MODULE CASE.sql - runs one SQL golden case in the real sqlite3
# shell with the built module loaded, from the source root, and compares the
# whole output with CASE.out.
#
# A statement that errors fails the case, unless the case's first line is
# `-- expect: errors`: then what the shell prints on stderr is part of the
# output and is compared too. A case whose first line is `-- load: none`
# loads the module itself (`.load @MODULE@`), to see what loading adds.
#
# A case writes files only under @TMP@, a folder of its own that is removed
# afterwards (never a fixed path such as /tmp/x: two checkouts may run their
# suites at once); in the output that folder's path reads @TMP@ again.
#
# A case that reads `../shared/...` (the real-file corpus, read in place)
# needs the shared folder: without it the case is skipped (exit 77, with the
# message of needs_shared.sh). When TASKSEXT_SHARED_DIR names a folder other
# than ../shared, the case runs from a copy of the source root made of
# symbolic links, with ../shared beside it pointing there: the case's text,
# its paths and its output stay as they are.
#
# Environment: SQLITE3 (default sqlite3); TASKSEXT_WRAPPER, a command put in
# front of sqlite3 (valgrind); TASKSEXT_SHARED_DIR (default ../shared);
# UPDATE_GOLDEN=1 rewrites CASE.out.
set -u
module=$1
case_file=$2
expected=${case_file%.sql}.out
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
sqlite=${SQLITE3:-sqlite3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# What a case reads there, two levels deep: corpus/real, format/NAME.md.
for need in $(grep -o '\.\./shared/[A-Za-z0-9_.-]*\(/[A-Za-z0-9_.-]*\)\{0,1\}' "$case_file" | sort -u); do
    sh "$root/tests/needs_shared.sh" "${need#../shared/}" || exit $?
    shared=$(cd "${TASKSEXT_SHARED_DIR:-../shared}" && pwd -P) || exit 1
    if [ "$shared" != "$(cd .. && pwd -P)/shared" ] && [ ! -d "$tmp/root" ]; then
        mkdir "$tmp/root" "$tmp/root/main"
        for entry in "$root"/* "$root"/.[!.]*; do
            [ -e "$entry" ] && ln -s "$entry" "$tmp/root/main/"
        done
        ln -s "$shared" "$tmp/root/shared"
        cd "$tmp/root/main" || exit 1
    fi
done

if grep -q '/tmp/' "$case_file"; then
    echo "FAIL $case_file: uses a fixed path under /tmp; write under @TMP@ instead" >&2
    exit 1
fi
mkdir "$tmp/work" || exit 1
work_regex=$(printf '%s' "$tmp/work" | sed 's/[]\/$*.^|[]/\\&/g')
work_text=$(printf '%s' "$tmp/work" | sed 's/[\\&|]/\\&/g')

first=$(head -n 1 "$case_file")
sed "s|@MODULE@|$module|g; s|@TMP@|$work_text|g" "$case_file" > "$tmp/case.sql"
if [ "$first" = "-- load: none" ]; then
    set -- -batch -bail :memory:
else
    set -- -batch -bail -cmd ".load $module" :memory:
fi
if [ "$first" = "-- expect: errors" ]; then
    # -bail off: every statement runs and each error is part of the output.
    shift 2
    set -- -batch "$@"
fi
${TASKSEXT_WRAPPER:-} "$sqlite" "$@" < "$tmp/case.sql" > "$tmp/out" 2> "$tmp/err"
status=$?
if [ "$first" = "-- expect: errors" ]; then
    cat "$tmp/err" >> "$tmp/out"
elif [ $status -ne 0 ] || [ -s "$tmp/err" ]; then
    echo "FAIL $case_file: sqlite3 exited $status" >&2
    cat "$tmp/err" >&2
    exit 1
fi
sed "s|$work_regex|@TMP@|g" "$tmp/out" > "$tmp/out.tmp" && mv "$tmp/out.tmp" "$tmp/out" || exit 1
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/out" "$expected"
    echo "updated $expected"
    exit 0
fi
if ! diff -u "$expected" "$tmp/out" > "$tmp/diff"; then
    echo "FAIL $case_file: output differs from $expected" >&2
    head -n 80 "$tmp/diff" >&2
    exit 1
fi
exit 0
