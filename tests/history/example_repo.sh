#!/bin/sh
# example_repo.sh - examples/history.git, the example repository the README
# and tests/sql/cases/history_reports.sql read, is what
# examples/make_history_repo.sh makes: rebuilt here, its branch must point to
# the very commit checked in (same dates, names and contents, so the same
# ids). Needs git; exits 77 (skipped) without it.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v git >/dev/null 2>&1; then
    echo "example_repo: skipped: git is not installed"
    exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
sh "$root/examples/make_history_repo.sh" "$work/history.git" || exit 1
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
made=$(git -C "$work/history.git" rev-parse main) || exit 1
kept=$(git -C "$root/examples/history.git" rev-parse main) || exit 1
if [ "$made" != "$kept" ]; then
    echo "FAIL: examples/make_history_repo.sh makes $made, examples/history.git holds $kept:"
    echo "      run examples/make_history_repo.sh examples/history.git and commit it"
    exit 1
fi
echo "example_repo: examples/history.git is what make_history_repo.sh makes ($kept)"
