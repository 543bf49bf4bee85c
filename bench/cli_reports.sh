#!/bin/sh
# cli_reports.sh BUILD DIR [RUNS] - each report of the `tasksext` command
# against floor' (tasks_floor: walk, read, libyaml over the front matter,
# md_parse), whole processes on the same tree: RUNS rounds (default 5)
# after one untimed run of each, the median wall time, and the median of
# each round's ratio to the floor's time in that round. DIR is a tree
# tasks_bench made (tasks_bench --specs 10000 leaves
# /tmp/tasks_bench-10000-s42). Use a Release build; output goes
# to /dev/null, so what is timed is reading, computing and formatting.
set -eu
build=$1
tree=$2
runs=${3:-5}
program=$build/tasksext
floor=$build/bench/tasks_floor
[ -x "$program" ] && [ -x "$floor" ] || {
    echo "cli_reports: no $program or $floor: build the tasksext_cli and tasks_floor targets" >&2
    exit 2
}
[ -d "$tree" ] || { echo "cli_reports: no tree $tree: run tasks_bench first" >&2; exit 2; }

# One timed run of the command, in seconds.
seconds() {
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median_of() {
    sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# Rounds, each timing the floor and then every command once, so that a
# command and the floor it is divided by are measured within a second of
# each other: on a shared machine whose speed drifts by a fifth over a
# minute, the ratio of each round is steadier than the ratio of two
# medians taken a minute apart. Reported: the median time, and the median
# of the rounds' ratios.
commands="progress ready blocked critical-path conflicts issues next check badge"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
"$floor" "$tree" > /dev/null 2>&1 || true # warm the page cache
for command in $commands; do "$program" "$command" "$tree" > /dev/null 2>&1 || true; done
i=0
while [ $i -lt "$runs" ]; do
    base=$(seconds "$floor" "$tree")
    echo "tasks_floor $base 1" >> "$results"
    for command in $commands; do
        t=$(seconds "$program" "$command" "$tree")
        echo "$command $t $(echo "$t / $base" | bc -l)" >> "$results"
    done
    i=$((i + 1))
done
printf '%-16s %8s %8s\n' "command" "median s" "x floor'"
for command in tasks_floor $commands; do
    t=$(awk -v c="$command" '$1 == c { print $2 }' "$results" | median_of)
    ratio=$(awk -v c="$command" '$1 == c { print $3 }' "$results" | median_of)
    printf '%-16s %8.3f %8.2f\n' "$command" "$t" "$ratio"
done
