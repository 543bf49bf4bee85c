#!/bin/sh
# staged_install.sh BUILD_DIR - installs the build into a fresh folder
# (cmake --install --prefix) and runs the installed command from elsewhere
# with an empty environment: no PATH, no LD_LIBRARY_PATH, no variable of
# ours. Its progress of the examples must equal the golden output.
set -u
build=$(cd "$1" && pwd)
source=$(cd "$(dirname "$0")/../.." && pwd)
cmake=${CMAKE:-cmake}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
"$cmake" --install "$build" --prefix "$work/stage" > "$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }
[ -x "$work/stage/bin/tasksext" ] || { echo "FAIL: no bin/tasksext in the stage" >&2; exit 1; }
cp -R "$source/examples" "$work/examples"
cd "$work" || exit 1
env -i "$work/stage/bin/tasksext" progress examples > "$work/got" 2> "$work/err"
status=$?
[ $status -eq 0 ] && [ ! -s "$work/err" ] ||
    { cat "$work/err" >&2; echo "FAIL: stage/bin/tasksext progress examples: exit $status" >&2; exit 1; }
grep -v '^--- exit' "$source/tests/cli/expected/progress.out" > "$work/expected"
diff -u "$work/expected" "$work/got" >&2 || { echo "FAIL: staged output differs" >&2; exit 1; }
if [ -x "$work/stage/bin/tasks-report" ]; then
    env -i PATH=/usr/bin:/bin "$work/stage/bin/tasks-report" progress examples > "$work/alias" 2>&1 ||
        { cat "$work/alias" >&2; echo "FAIL: stage/bin/tasks-report" >&2; exit 1; }
    diff -u "$work/expected" "$work/alias" >&2 || { echo "FAIL: tasks-report is no alias" >&2; exit 1; }
fi
echo "staged install: $work/stage/bin/tasksext progress examples as expected"
