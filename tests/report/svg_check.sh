#!/bin/sh
# svg_check.sh SQL_REPORTS - `graph --format svg` gives a well-formed SVG
# document with a node per task of the examples. Skipped without Graphviz.
set -u
report=$1
command -v dot >/dev/null 2>&1 || {
    echo "svg check skipped: needs Graphviz's dot, and there is none on PATH" \
        "(Debian: apt-get install graphviz, which scripts/install-deps --quick does)"
    exit 77
}
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$report" graph --root examples --format svg > "$tmp/graph.svg" || exit 1
python3 - "$tmp/graph.svg" <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
svg = doc.documentElement
assert svg.tagName == "svg", svg.tagName
nodes = [g for g in doc.getElementsByTagName("g") if g.getAttribute("class") == "node"]
assert len(nodes) == 24, len(nodes)
print("svg check: 24 nodes, 1 passed, 0 failed")
PY
