#!/bin/sh
# history_cases.sh TASKSEXT - `burndown` and `done` find the repository from
# the current folder as git does: from a folder deep in a clone of
# examples/history.git, and from a work tree whose .git is a symlink to the
# repository, they read what --root reads. Needs git (exits 77 without it).
set -u
program=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v git >/dev/null 2>&1; then
    echo "history_cases: skipped: git is not installed"
    exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
git clone -q "$source/examples/history.git" "$work/clone" || exit 1
want=$("$program" burndown --root "$source/examples/history.git" --csv) || exit 1
failed=0
check() { # NAME FOLDER
    got=$(cd "$2" && "$program" burndown --csv 2>&1)
    if [ "$got" != "$want" ]; then
        printf 'FAIL %s\n--- expected\n%s\n--- got\n%s\n' "$1" "$want" "$got" >&2
        failed=$((failed + 1))
    fi
}
check "a folder deep in the clone" "$work/clone/specs/002-search"
mv "$work/clone/.git" "$work/clone.git"
ln -s "$work/clone.git" "$work/clone/.git"
check "a .git that is a symlink" "$work/clone/specs"
[ $failed -eq 0 ] || exit 1
echo "history_cases: 2 passed"
