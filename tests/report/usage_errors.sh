#!/bin/sh
# usage_errors.sh SQL_REPORTS - wrong arguments print usage and exit non-zero.
set -u
report=$1
for args in "" "bogus" "ready --nope" "graph x --format png" "progress a b" "graph x --csv"; do
    # shellcheck disable=SC2086
    if "$report" $args > /dev/null 2>&1; then
        echo "FAIL: sql-reports $args succeeded" >&2
        exit 1
    fi
done
"$report" bogus 2>&1 | grep -q "^  sql-reports progress" || { echo "FAIL: no usage text" >&2; exit 1; }
echo "usage errors: 6 passed, 0 failed"
