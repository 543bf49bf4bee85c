#!/bin/sh
# history_baseline.sh REPOSITORY MODULE - the way to a task-list history
# without task_history(): check out each first-parent commit and scan it,
# as a script around `git checkout` and the sqlite3 shell would. Prints the
# seconds the loop took (the clone it works in is not counted). Run once, by
# hand: on tasks_history_bench's 2,000 commits it takes minutes.
set -eu
repo=$1
module=$2
sqlite=${SQLITE3:-sqlite3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/tree"
cd "$work/tree"
commits=$(git rev-list --first-parent --reverse HEAD)
start=$(date +%s.%N)
n=0
for commit in $commits; do
    git checkout -q --detach "$commit"
    "$sqlite" :memory: -cmd ".load $module" "SELECT count(*), sum(done) FROM tasks('.')" > /dev/null
    n=$((n + 1))
done
end=$(date +%s.%N)
echo "checkout + tasks() per commit: $n commits in $(echo "$end - $start" | bc) s"
