#!/bin/sh
# exit_codes.sh TASKSEXT - the exit codes and where help goes: usage errors
# exit 2 with the usage on stderr (the command's own when there is one),
# help exits 0 on stdout, and every command takes --help.
set -u
program=$1
cd "$(dirname "$0")/../.." || exit 1
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
expect() { # WANTED-STATUS STREAM PATTERN ARGS...
    want=$1 stream=$2 pattern=$3
    shift 3
    "$program" "$@" > "$work/out" 2> "$work/err"
    status=$?
    if [ "$stream" = stdout ]; then file="$work/out"; else file="$work/err"; fi
    if [ $status -eq "$want" ] && grep -q -- "$pattern" "$file"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL tasksext $*: exit $status (wanted $want), no '$pattern' on $stream:" >&2
        head -3 "$file" >&2
    fi
}


expect 2 stderr '^usage: tasksext COMMAND'
expect 0 stdout '^usage: tasksext COMMAND' --help
expect 0 stdout '^usage: tasksext COMMAND' help
expect 2 stderr "no command 'nope'" help nope
expect 0 stdout '^tasksext [0-9]' --version
for command in progress ready blocked critical-path conflicts issues graph next mark check badge sql; do
    expect 0 stdout "^usage: tasksext $command" "$command" --help
    expect 0 stdout "^usage: tasksext $command" help "$command"
    expect 2 stderr "^usage: tasksext $command" "$command" --no-such-option
done
expect 2 stderr 'takes no value' ready examples --json=yes
expect 2 stderr '--root needs a value' ready --root
expect 2 stderr "^usage: tasksext ready" ready examples --format dot
expect 2 stderr '--width takes' progress examples --width 3
expect 1 stderr 'nothing is ready' next tests/cli/fixtures/done
expect 0 stdout 'passed' check examples
# A file over the size limit (sparse: nothing is written) fails every
# command that reads the tree, naming the file, whichever way it scans.
mkdir -p "$work/big/a" "$work/big/b" "$work/big/c"
printf -- '- [ ] T001 first\n- [ ] T002 second\n' > "$work/big/a/tasks.md"
truncate -s 70M "$work/big/b/tasks.md"
printf -- '- [x] T001 done\n' > "$work/big/c/tasks.md"
for command in progress ready blocked critical-path conflicts issues next check badge; do
    expect 1 stderr "big/b/tasks.md: larger than the [0-9]*-byte limit" "$command" "$work/big"
done
expect 1 stderr "big/b/tasks.md: larger than the [0-9]*-byte limit" graph --root "$work/big" a
# ... also in a folder whose name is a glob's, and at the end of a root
# ending in `//`.
mkdir -p "$work/glob/a" "$work/glob/[draft]"
cp "$work/big/a/tasks.md" "$work/glob/a/tasks.md"
truncate -s 70M "$work/glob/[draft]/tasks.md"
expect 1 stderr "glob/\[draft\]/tasks.md: larger than the [0-9]*-byte limit" blocked "$work/glob"
expect 1 stderr "glob//\[draft\]/tasks.md: larger than the [0-9]*-byte limit" next "$work/glob//"
# ... in a folder whose name is not UTF-8 (shown repaired), and among many
# task lists with no task.
mkdir -p "$work/bytes/a" "$work/bytes/$(printf 'b\377')"
cp "$work/big/a/tasks.md" "$work/bytes/a/tasks.md"
truncate -s 70M "$work/bytes/$(printf 'b\377')/tasks.md"
expect 1 stderr "bytes/b.*/tasks.md: larger than the [0-9]*-byte limit" critical-path "$work/bytes"
mkdir -p "$work/empty/z"
cp "$work/big/a/tasks.md" "$work/empty/z/tasks.md"
for i in $(seq 1 40); do mkdir -p "$work/empty/e$i" && echo "# no tasks" > "$work/empty/e$i/tasks.md"; done
expect 0 stdout "T001" ready "$work/empty"
mkdir -p "$work/empty/x"
truncate -s 70M "$work/empty/x/tasks.md"
expect 1 stderr "empty/x/tasks.md: larger than the [0-9]*-byte limit" ready "$work/empty"
# A box in a folder named like a glob is marked, and its row read back.
mkdir -p "$work/marks/[draft]"
printf -- '- [ ] T001 one\n- [ ] T002 two\n' > "$work/marks/[draft]/tasks.md"
expect 0 stdout 'T001 *done' mark T001 done --root "$work/marks" --spec '[draft]'
# With several roots, the first root's error is the one said, whichever
# way a command reads them.
mkdir -p "$work/none/sub"
echo hi > "$work/none/sub/README.md"
for command in issues progress ready; do
    expect 1 stderr "no task lists under '$work/none'" "$command" "$work/none" "$work/big"
    expect 1 stderr "big/b/tasks.md: larger than" "$command" "$work/big" "$work/none"
done
# Only the size error stops a command, not a path that reads like one.
mkdir -p "$work/named/x-byte limit" "$work/named/a"
cp "$work/big/a/tasks.md" "$work/named/a/tasks.md"
ln -s /nonexistent "$work/named/x-byte limit/tasks.md"
expect 0 stdout "unreadable-file" issues "$work/named"
expect 0 stdout "T001" next "$work/named"
echo "exit codes: $passed passed, $failed failed"
[ $failed -eq 0 ]
