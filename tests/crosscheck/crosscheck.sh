#!/bin/sh
# Cross-check tasks() (md4c + libyaml, in the built module) against an
# independent finder (markdown-it + yaml, gfm_tasks.mjs) over a corpus.
#
# Usage: crosscheck.sh BUILD_DIR CORPUS_DIR
# Exit: 0 all tasks agree, 1 disagreement (diff printed), 2 usage/tool error,
#       77 skipped (no node, or no node_modules: run `npm ci` here first).
set -u

here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR CORPUS_DIR" >&2
  exit 2
fi
build=${1%/}
corpus=${2%/}

if ! command -v node >/dev/null 2>&1; then
  echo "crosscheck: skipped: needs Node, and there is no node on PATH (Debian: apt-get" \
    "install nodejs npm, which scripts/install-deps --quick does; then npm ci in tests/crosscheck)"
  exit 77
fi
if [ ! -d "$here/node_modules/markdown-it" ] || [ ! -d "$here/node_modules/yaml" ]; then
  echo "crosscheck: skipped: needs its Node packages, and there is no node_modules in $here" \
    "(run npm ci there; scripts/test does, and says so when npm cannot reach its registry)"
  exit 77
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "crosscheck: sqlite3 shell not found" >&2
  exit 2
fi
if [ ! -f "$build/tasksext.so" ] && [ ! -f "$build/tasksext.dylib" ]; then
  echo "crosscheck: no tasksext module in $build" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "crosscheck: no corpus directory $corpus" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# SQL string literal: double any single quote.
sql_corpus=$(printf '%s' "$corpus" | sed "s/'/''/g")
sql_build=$(printf '%s' "$build" | sed "s/'/''/g")

if ! sqlite3 -batch -bail :memory: \
    ".load '$sql_build/tasksext'" \
    ".headers off" \
    ".mode tabs" \
    ".separator \"\t\" \"\n\"" \
    "SELECT file, line, mark FROM tasks('$sql_corpus/**/*.md') ORDER BY file, line;" \
    >"$tmp/ext.raw" 2>"$tmp/ext.err"; then
  echo "crosscheck: sqlite3 failed:" >&2
  cat "$tmp/ext.err" >&2
  exit 2
fi

find "$corpus" -name '*.md' -type f | LC_ALL=C sort >"$tmp/files"
: >"$tmp/node.raw"
if [ -s "$tmp/files" ]; then
  # -d '\n': one path per line, spaces and quotes in names kept as they are.
  if ! xargs -d '\n' node "$here/gfm_tasks.mjs" <"$tmp/files" >"$tmp/node.raw"; then
    echo "crosscheck: gfm_tasks.mjs failed" >&2
    exit 2
  fi
fi

LC_ALL=C sort "$tmp/ext.raw" >"$tmp/ext.tsv"
LC_ALL=C sort "$tmp/node.raw" >"$tmp/node.tsv"

n_ext=$(wc -l <"$tmp/ext.tsv" | tr -d ' ')
n_node=$(wc -l <"$tmp/node.tsv" | tr -d ' ')
n_files=$(wc -l <"$tmp/files" | tr -d ' ')

if diff -u --label "tasks() [md4c]" --label "gfm_tasks.mjs [markdown-it]" \
    "$tmp/ext.tsv" "$tmp/node.tsv" >"$tmp/diff"; then
  echo "crosscheck: $n_ext tasks agree in $n_files files"
  echo "$n_ext passed, 0 failed"
  exit 0
fi

cat "$tmp/diff"
n_only_ext=$(grep -c '^-[^-]' "$tmp/diff")
n_only_node=$(grep -c '^+[^+]' "$tmp/diff")
echo "crosscheck: tasks() has $n_ext rows, gfm_tasks.mjs has $n_node;" \
  "$n_only_ext only in tasks(), $n_only_node only in gfm_tasks.mjs"
n_failed=$((n_only_ext + n_only_node))
n_passed=$((n_ext - n_only_ext))
echo "$n_passed passed, $n_failed failed"
exit 1
