#!/bin/sh
# config_cases.sh TASKSEXT - the settings file: found by walking up from the
# current directory, its roots relative to its folder, excludes, statuses
# and what progress counts applied; the command line wins; --no-config and
# --config; a wrong setting is an error naming the file and line.
set -u
program=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/deep/er"
cp -R "$source/examples" "$work/repo/examples"
cp -R "$source/tests/cli/fixtures/stuck" "$work/repo/stuck"
cat > "$work/repo/.tasksext.yaml" <<'YAML'
# settings for the test
roots: [examples, stuck]
exclude:
  - "*/.kiro"
statuses:
  "~": blocked
  kiro:
    "-": cancelled
progress: all
YAML
passed=0
failed=0
check() { # NAME EXPECTED-EXIT EXPECTED-OUTPUT COMMAND...
    name=$1 want_status=$2 want=$3
    shift 3
    got=$("$@" 2>&1)
    status=$?
    if [ "$status" -eq "$want_status" ] && [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s (exit %s)\n--- expected\n%s\n--- got\n%s\n' "$name" "$status" "$want" "$got" >&2
    fi
}

cd "$work/repo/deep/er" || exit 1
check "found upward, roots, exclude, progress: all" 0 "kind,spec,step,step_name,total,done,cancelled,open,optional,percent
spec,001-user-auth,,,10,4,1,5,0,44
spec,002-search,,,7,3,0,4,0,43
spec,001-stuck,,,4,1,0,3,0,25
all,(all),,,21,8,1,12,0,40" sh -c "'$program' progress --csv | grep -v '^step'"

check "statuses from the file" 1 "tasksext: nothing is ready: 3 open tasks held up by T002 (../../stuck/specs/001-stuck/tasks.md:6, its status: blocked)" \
    "$program" next --spec 001-stuck

check "the command line wins" 0 "kind,spec,step,step_name,total,done,cancelled,open,optional,percent
spec,001-stuck,,,4,1,0,3,0,25
step,001-stuck,1,Setup,2,1,0,1,0,50
step,001-stuck,2,Build,2,0,0,2,0,0
all,(all),,,4,1,0,3,0,25" "$program" progress ../../stuck --count counted --csv

check "--no-config" 1 "tasksext: no task lists under '.' (looked for tasks.md and rollout-*.md)" \
    "$program" progress --no-config

cat > "$work/bad.yaml" <<'YAML'
roots: [examples]
rootz: [specs]
YAML
check "an unknown setting" 1 "tasksext: $work/bad.yaml:2: unknown setting 'rootz' (roots, exclude, statuses, progress)" \
    "$program" progress --config "$work/bad.yaml"

printf 'progress: some\n' > "$work/bad2.yaml"
check "a bad value" 1 "tasksext: $work/bad2.yaml:1: 'progress' is counted or all" \
    "$program" progress --config "$work/bad2.yaml"

echo "config: $passed passed, $failed failed"
[ $failed -eq 0 ]
