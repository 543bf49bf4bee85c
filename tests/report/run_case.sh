#!/bin/sh
# run_case.sh SQL_REPORTS NAME - runs one line of cases.txt through the
# sql-reports harness (sql_reports.in) from the source root and compares the whole output
# with expected/NAME.out (UPDATE_GOLDEN=1 rewrites it). Anything on stderr or
# a non-zero exit fails the case.
set -u
report=$1
name=$2
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.." || exit 1
args=$(grep "^$name|" "$here/cases.txt" | cut -d'|' -f2-)
[ -n "$args" ] || { echo "no case $name" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # the arguments are split on purpose
"$report" $args > "$tmp/out" 2> "$tmp/err"
status=$?
if [ $status -ne 0 ] || [ -s "$tmp/err" ]; then
    echo "FAIL $name: exit $status" >&2
    cat "$tmp/err" >&2
    exit 1
fi
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$tmp/out" "$here/expected/$name.out"
    exit 0
fi
diff -u "$here/expected/$name.out" "$tmp/out" >&2 || { echo "FAIL $name" >&2; exit 1; }
