#!/bin/sh
# run_case.sh TASKSEXT NAME - runs one line of cases.txt (NAME|ARGUMENTS)
# from the source root and compares stdout, stderr and the exit code with
# expected/NAME.out (UPDATE_GOLDEN=1 rewrites it). The program's output is
# never a terminal here, so tables are 100 columns wide and colourless.
set -u
program=$1
name=$2
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 1
args=$(grep "^$name|" "$here/cases.txt" | cut -d'|' -f2-)
[ -n "$args" ] || { echo "no case $name" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# The arguments are split by the shell as written in cases.txt (quotes kept).
eval "set -- $args"
NO_COLOR= "$program" "$@" > "$tmp/out" 2> "$tmp/err"
status=$?
{
    cat "$tmp/out"
    if [ -s "$tmp/err" ]; then
        echo "--- stderr"
        cat "$tmp/err"
    fi
    echo "--- exit $status"
} > "$tmp/got"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/got" "$here/expected/$name.out"
    exit 0
fi
diff -u "$here/expected/$name.out" "$tmp/got" >&2 || { echo "FAIL $name" >&2; exit 1; }
