#!/bin/sh
# node_client.sh MODULE - runs the better-sqlite3 client test from the
# source root; skipped (77) when node or its node_modules are missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null 2>&1 || {
    echo "node client skipped: needs Node, and there is no node on PATH (Debian: apt-get" \
        "install nodejs npm, which scripts/install-deps --quick does; then npm ci in tests/clients/node)"
    exit 77
}
# The package builds its native part on install; without it there is no client.
[ -f "$here/node/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ] || {
    echo "node client skipped: needs better-sqlite3, built by npm ci in tests/clients/node" \
        "(scripts/test runs it; it needs npm's registry, and g++ and make to compile SQLite)"
    exit 77
}
cd "$here/../.." || exit 1
TASKSEXT_MODULE=$1 exec node "$here/node/client_test.mjs"
