#!/bin/sh
# cli_reports.sh BUILD DIR [RUNS] - each report of the `tasksext` command
# against floor' (tasks_floor: walk, read, libyaml over the front matter,
# md_parse), whole processes on the same tree, in the same run: the median
# wall time of RUNS runs (default 5) after one untimed run, and its ratio to
# the floor's median. DIR is a tree tasks_bench made (tasks_bench --specs
# 10000 leaves /tmp/tasks_bench-10000-s42). Use a Release build; output goes
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

# The median wall time of the command, in seconds.
median() {
    "$@" > /dev/null 2>&1 || true
    i=0
    while [ $i -lt "$runs" ]; do
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s.%N)
        echo "$end - $start" | bc
        i=$((i + 1))
    done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

base=$(median "$floor" "$tree")
printf '%-16s %8s %8s\n' "command" "median s" "x floor'"
printf '%-16s %8.3f %8.2f\n' "tasks_floor" "$base" 1
for command in progress ready blocked critical-path conflicts issues next check badge; do
    t=$(median "$program" "$command" "$tree")
    printf '%-16s %8.3f %8.2f\n' "$command" "$t" "$(echo "$t / $base" | bc -l)"
done
