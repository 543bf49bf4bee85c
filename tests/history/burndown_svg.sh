#!/bin/sh
# burndown_svg.sh TASKSEXT - regenerates examples/burndown.svg, the burn-down
# of examples/history.git the README shows, with `tasksext burndown --svg`
# (sql/burndown.sql drawn by cli/burndown_svg.c), and compares it byte for
# byte with the one checked in; checks that it is well-formed XML.
# UPDATE_GOLDEN=1 rewrites it.
set -u
program=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
"$program" burndown all --root examples/history.git --svg > "$work/burndown.svg" || exit 1
/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as e; e.parse(sys.argv[1])' \
    "$work/burndown.svg" || { echo "FAIL: not well-formed XML"; exit 1; }
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$work/burndown.svg" examples/burndown.svg
    echo "updated examples/burndown.svg"
    exit 0
fi
if ! diff -u examples/burndown.svg "$work/burndown.svg"; then
    echo "FAIL: examples/burndown.svg is not what the renderer draws now"
    exit 1
fi
echo "burndown_svg: examples/burndown.svg is up to date"
