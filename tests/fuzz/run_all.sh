#!/bin/bash
# run_all.sh BUILD_DIR SECONDS - runs every fuzz target for SECONDS each.
#
# BUILD_DIR is the build tree configured with -DTASKSEXT_FUZZ=ON. Each target
# keeps a growing corpus in BUILD_DIR/tests/fuzz/corpus/<target> (the seeds of
# make_seeds.sh are read alongside, not written to) and writes crash, leak and
# timeout inputs to BUILD_DIR/tests/fuzz/artifacts/<target>/. Prints the
# executions and coverage each target reached; exits non-zero when any target
# found a crash, a leak, a timeout, ran out of memory or could not run.
#
# FUZZ_JOBS=2 runs two targets at a time (default 1). FUZZ_TARGETS picks
# targets (default: "parse front_matter glob sql json"). FUZZ_EXTRA_ARGS is added
# to every libFuzzer command line, e.g. "-fork=1 -ignore_crashes=1" to go on
# past a known crash (the result still counts as a failure).
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS" >&2
    exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
jobs=${FUZZ_JOBS:-1}
targets=${FUZZ_TARGETS:-parse front_matter glob sql json}
here=$(cd "$(dirname "$0")" && pwd)
fuzz_dir=$build/tests/fuzz
seeds=$fuzz_dir/seeds
logs=$fuzz_dir/logs

if [ ! -d "$seeds/markdown" ]; then
    sh "$here/make_seeds.sh" "$seeds" || exit 1
fi
mkdir -p "$logs"

max_len_of() {
    case $1 in
    parse) echo 65536 ;;
    glob) echo 4096 ;;
    *) echo 16384 ;;
    esac
}

run_one() {
    local name=$1
    local exe=$fuzz_dir/fuzz_$name
    local corpus=$fuzz_dir/corpus/$name
    local artifacts=$fuzz_dir/artifacts/$name/
    local seed_dir=$seeds/markdown
    local dict=(-dict="$here/markdown.dict")
    if [ "$name" = glob ]; then
        seed_dir=$seeds/glob
        dict=()
    fi
    if [ "$name" = json ]; then
        seed_dir=$seeds/json
        dict=(-dict="$here/json.dict")
    fi
    mkdir -p "$corpus" "$artifacts"
    if [ ! -x "$exe" ]; then
        echo "missing $exe" > "$logs/$name.log"
        echo 127 > "$logs/$name.rc"
        return
    fi
    "$exe" "$corpus" "$seed_dir" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len_of "$name")" -print_final_stats=1 \
        -artifact_prefix="$artifacts" ${FUZZ_EXTRA_ARGS:-} > "$logs/$name.log" 2>&1
    echo $? > "$logs/$name.rc"
}

running=0
for name in $targets; do
    run_one "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

status=0
printf '%-18s %12s %8s %8s  %s\n' target execs cov ft result
for name in $targets; do
    log=$logs/$name.log
    rc=$(cat "$logs/$name.rc" 2>/dev/null || echo 127)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    # The last status line ("#N DONE cov: X ft: Y ...", the last pulse, or in
    # fork mode "#N: cov: X ft: Y ...").
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    [ -n "$execs" ] || execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    # A failure: a non-zero exit, or (fork mode with -ignore_crashes, which
    # exits 0) a sanitizer report or a non-zero oom/timeout/crash count.
    found=
    for what in 'ERROR: AddressSanitizer' 'ERROR: LeakSanitizer' 'runtime error' \
        'ERROR: libFuzzer' 'invariant failed' 'out-of-memory'; do
        line=$(grep -m 1 -F "$what" "$log")
        [ -n "$line" ] && found="$found $line"
    done
    crashes=$(sed -n 's/.*oom\/timeout\/crash: \([0-9/]*\).*/\1/p' "$log" | tail -n 1)
    case $crashes in
    '' | 0/0/0) ;;
    *) found="$found oom/timeout/crash $crashes" ;;
    esac
    result=ok
    if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
        status=1
        result="FAILED (exit $rc):$found"
        artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        [ -n "$artifact" ] && result="$result; input: $artifact"
    fi
    printf '%-18s %12s %8s %8s  %s\n' "fuzz_$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
echo "logs: $logs"
exit $status
