#!/bin/sh
# mark_cases.sh TASKSEXT - `tasksext mark` on a copy of the examples: the
# box's byte and nothing else changes, marking back restores the file byte
# for byte, the printed row is the task as it now reads, and a status no
# mark stands for is refused with one line naming file:line, changing nothing.
set -u
program=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cp -R "$source/examples" "$work/examples"
cd "$work" || exit 1
file=examples/specs/002-search/tasks.md
original=$(mktemp "$work/original.XXXXXX")
cp "$file" "$original"
passed=0
failed=0
fail() {
    echo "FAIL $*" >&2
    failed=$((failed + 1))
}

out=$("$program" mark T005 done --spec 002-search --root examples --csv 2>&1)
status=$?
expected='spec,id,status,mark,previous_status,title,file,line,line_hash
002-search,T005,done,x,todo,Rank by user activity in src/search/rank.py and src/models/user.py,examples/specs/002-search/tasks.md,21,'
case $out in
"$expected"*) passed=$((passed + 1)) ;;
*) fail "mark done (exit $status): $out" ;;
esac
# One byte differs: the space in the box became an x.
diffs=$(cmp -l "$original" "$file" | wc -l)
[ "$diffs" -eq 1 ] && passed=$((passed + 1)) || fail "mark done changed $diffs bytes"
"$program" ready examples --spec 002-search --csv | grep -q '^002-search,T005,' &&
    fail "T005 still ready after marking it done" || passed=$((passed + 1))

"$program" mark T005 todo --spec 002-search --root examples > /dev/null 2>&1 ||
    fail "mark todo: exit $?"
cmp -s "$original" "$file" && passed=$((passed + 1)) || fail "mark back did not restore the bytes"

err=$("$program" mark T005 nonsense --spec 002-search --root examples 2>&1 >/dev/null)
status=$?
[ $status -eq 1 ] && passed=$((passed + 1)) || fail "an unknown status: exit $status"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && case $err in
"tasksext: examples/specs/002-search/tasks.md:21: "*) true ;;
*) false ;;
esac && passed=$((passed + 1)) || fail "an unknown status: '$err'"
cmp -s "$original" "$file" && passed=$((passed + 1)) || fail "a refused mark changed the file"

# A mark character, and a user's status word through --status.
"$program" mark T004 '~' --spec 002-search --root examples --status '~=blocked' --csv |
    grep -q ',blocked,~,in_progress,' && passed=$((passed + 1)) || fail "mark with a character"

echo "mark: $passed passed, $failed failed"
[ $failed -eq 0 ]
