#!/bin/sh
# bad_input.sh MODULE - the bad-input matrix: each case builds its input in a
# private temporary directory, runs a query in the real sqlite3 shell with the
# module loaded, and compares the whole output (stdout and stderr, exit code)
# with the documented outcome. Never a crash, a hang or silently missing tasks.
#
# The permission-denied cases run the shell as another user (nobody), who
# cannot enter every folder a checkout may lie in (a mktemp -d folder or a
# home is often mode 700): so the module is copied into the work folder, under
# /tmp rather than a TMPDIR that may be private, and loaded from there. Exit 77
# (skipped) when those cases could not run and every other case passed.
set -u
sqlite=${SQLITE3:-sqlite3}
work=$(mktemp -d /tmp/tasksext-matrix.XXXXXX) || exit 1
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
mkdir "$work/module" && cp "$1" "$work/module/tasksext.so" &&
    chmod 755 "$work/module" "$work/module/tasksext.so" || exit 1
# Without the suffix: .load tries the name, then the name with .so, and its
# error names the file it tried last.
module=$work/module/tasksext
passed=0
failed=0
skipped=

# check NAME EXPECTED SQL... : runs the statements (with a 60 s bound, so a hang
# fails the case instead of the suite) and compares what the shell printed.
check() {
    name=$1
    expected=$2
    shift 2
    got=$(cd "$work" && timeout 60 $RUN_AS "$sqlite" -batch -cmd ".load $module" :memory: "$@" 2>&1)
    status=$?
    got="$got
exit $status"
    if [ "$got" = "$expected" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s\n--- expected\n%s\n--- got\n%s\n' "$name" "$expected" "$got" >&2
    fi
}
RUN_AS=

mkdir -p "$work/ok/a"
printf -- '- [ ] T001 one\n' > "$work/ok/a/tasks.md"

# ---- paths ---------------------------------------------------------------------
check "missing path" "Error: stepping, tasks(): no such file or directory 'nope': check the path
exit 1" "SELECT * FROM tasks('nope')"

mkdir -p "$work/private/x" "$work/denied"
printf -- '- [ ] T001 secret\n' > "$work/private/x/tasks.md"
printf -- '- [ ] T001 secret\n' > "$work/denied/tasks.md"
chmod 000 "$work/private/x" "$work/denied/tasks.md"
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    RUN_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    $RUN_AS test -r "$module.so" ||
        skipped="nobody (uid 65534) cannot read $module.so: /tmp is not open to it"
elif [ "$(id -u)" = 0 ]; then
    skipped="as root without setpriv (util-linux) they cannot run as another user"
fi
if [ -z "$skipped" ]; then
    check "permission-denied directory" "private/x: Permission denied
exit 0" "SELECT error FROM task_specs('private')"
    check "permission-denied file" "denied/tasks.md: Permission denied|0
exit 0" "SELECT error, tasks FROM task_specs('denied')"
    check "permission-denied root" "Error: stepping, tasks(): cannot read directory 'private/x': Permission denied
exit 1" "SELECT * FROM tasks('private/x')"
fi
RUN_AS=
chmod 755 "$work/private/x"
chmod 644 "$work/denied/tasks.md"

mkdir -p "$work/links"
ln -s /nonexistent/tasks.md "$work/links/tasks.md"
check "dangling symlink" "links/tasks.md: dangling symbolic link
exit 0" "SELECT error FROM task_specs('links')"

mkdir -p "$work/loop/inner"
ln -s .. "$work/loop/inner/up"
printf -- '- [ ] T001 once\n' > "$work/loop/inner/tasks.md"
check "directory symlink loop" "loop/inner/tasks.md|1
exit 0" "SELECT file, count(*) FROM tasks('loop') GROUP BY file"

mkdir -p "$work/fifo" "$work/device"
mkfifo "$work/fifo/tasks.md"
ln -s /dev/zero "$work/device/tasks.md"
check "FIFO named tasks.md" "fifo/tasks.md: not a regular file|0
exit 0" "SELECT error, tasks FROM task_specs('fifo')"
check "FIFO given directly" "Error: stepping, tasks(): cannot read 'fifo/tasks.md': not a regular file or directory
exit 1" "SELECT * FROM tasks('fifo/tasks.md')"
check "character device named tasks.md" "device/tasks.md: not a regular file
exit 0" "SELECT error FROM task_specs('device')"

deep="$work/deep"
mkdir -p "$deep"
d="$deep"
i=0
while [ $i -lt 66 ]; do d="$d/d"; i=$((i + 1)); done
mkdir -p "$d"
printf -- '- [ ] T001 too deep\n' > "$d/tasks.md"
check "tree deeper than the limit" "1
exit 0" "SELECT count(*) FROM task_specs('deep') WHERE error LIKE '%deeper than the 64-level limit, not entered'"

# ---- size ----------------------------------------------------------------------
mkdir -p "$work/empty"
: > "$work/empty/tasks.md"
check "empty file" "empty|0|0|
exit 0" "SELECT spec, tasks, done, error FROM task_specs('empty')"

mkdir -p "$work/big"
head -c 5000 /dev/zero | tr '\0' 'a' > "$work/big/tasks.md"
check "file over SQLITE_LIMIT_LENGTH" "              length 4000
big/tasks.md: larger than the 4000-byte limit|0
exit 0" ".limit length 4000" "SELECT error, tasks FROM task_specs('big')"

mkdir -p "$work/line"
{ printf -- '- [ ] T001 '; head -c 10000000 /dev/zero | tr '\0' 'x'; printf '\n'; } > "$work/line/tasks.md"
check "10 MB single line" "1|10000000
exit 0" "SELECT count(*), length(title) FROM tasks('line')"

mkdir -p "$work/million"
awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf "- [ ] T%d task %d\n", i, i }' > "$work/million/tasks.md"
check "a million tasks" "1000000|1000000|1
exit 0" "SELECT count(*), max(line), sum(ready) FROM tasks('million')"

mkdir -p "$work/nested"
awk 'BEGIN { s = ""; for (i = 1; i <= 3000; i++) { printf "%s- [ ] N%d deep\n", s, i; s = s "  " } }' \
    > "$work/nested/tasks.md"
check "lists nested thousands deep" "1
exit 0" "SELECT count(*) >= 1 FROM tasks('nested')"

mkdir -p "$work/quotes"
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf ">"; printf " - [ ] T001 quoted\n- [ ] T002 real\n" }' \
    > "$work/quotes/tasks.md"
check "block quotes nested thousands deep" "T002
exit 0" "SELECT id FROM tasks('quotes')"

# ---- bytes ---------------------------------------------------------------------
mkdir -p "$work/bytes"
printf -- '- [ ] T001 nul \000 and bad \377 byte\n- [x] T002 after\n' > "$work/bytes/tasks.md"
# U+FFFD is EF BF BD: the bad byte and the NUL each become one.
check "NUL and invalid UTF-8" "T001|6E756C20EFBFBD20616E642062616420EFBFBD2062797465
T002|6166746572
exit 0" "SELECT id, hex(title) FROM tasks('bytes')"

mkdir -p "$work/utf16"
printf '\377\376-\000 \000[\000 \000]\000 \000T\0000\0000\0001\000\n\000' > "$work/utf16/tasks.md"
check "UTF-16 with a BOM" "0|utf16/tasks.md:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); tasksext reads UTF-8: convert it with iconv -f UTF-16 -t UTF-8
bad-encoding
exit 0" "SELECT tasks, error FROM task_specs('utf16')" "SELECT code FROM task_issues('utf16')"

mkdir -p "$work/cr"
printf -- '# CR only\r\r- [ ] T001 a\r- [x] T002 b\r' > "$work/cr/tasks.md"
check "CR-only line endings" "T001|3
T002|4
exit 0" "SELECT id, line FROM tasks('cr')"

mkdir -p "$work/changing"
printf -- '- [ ] T001 a\n- [ ] T002 b\n' > "$work/changing/tasks.md"
(
    end=$(($(date +%s) + 3))
    while [ "$(date +%s)" -lt "$end" ]; do
        printf -- '- [ ] T001 a\n' > "$work/changing/tasks.md.tmp"
        cat "$work/changing/tasks.md.tmp" > "$work/changing/tasks.md"
        printf -- '- [ ] T001 a\n- [ ] T002 b\n' > "$work/changing/tasks.md"
    done
) &
writer=$!
n=0
while [ $n -lt 20 ]; do
    out=$(cd "$work" && "$sqlite" -batch -cmd ".load $module" :memory: \
        "SELECT count(*) FROM tasks('changing/tasks.md')" 2>&1)
    case $out in
    0|1|2) ;;
    *) failed=$((failed + 1)); echo "FAIL file that changes while read: $out" >&2; break ;;
    esac
    n=$((n + 1))
done
wait $writer
[ $n -eq 20 ] && passed=$((passed + 1))

# ---- front matter ----------------------------------------------------------------
mkdir -p "$work/fm-bad" "$work/fm-open" "$work/fm-bomb" "$work/fm-id" "$work/fm-dup"
printf -- '---\nid: x\ntitle: a: b\n---\n- [ ] T001 kept\n' > "$work/fm-bad/tasks.md"
check "malformed YAML keeps the tasks" "fm-bad|T001|5
fm-bad/tasks.md:3: front matter: mapping values are not allowed in this context
exit 0" "SELECT spec, id, line FROM tasks('fm-bad')" "SELECT error FROM task_specs('fm-bad')"
printf -- '---\nid: x\n- [ ] T001 kept\n' > "$work/fm-open/tasks.md"
check "unterminated front matter" "T001|3
fm-open/tasks.md:1: front matter: the \`---\` on line 1 is never closed
exit 0" "SELECT id, line FROM tasks('fm-open')" "SELECT error FROM task_specs('fm-open')"
{
    printf -- '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev=a
    for n in b c d e f g h i; do
        printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev
        prev=$n
    done
    printf -- '---\n- [ ] T001 survives the bomb\n'
} > "$work/fm-bomb/tasks.md"
check "alias bomb" "T001
fm-bomb/tasks.md:7: front matter: aliases expand beyond the 1 MiB limit
exit 0" "SELECT id FROM tasks('fm-bomb')" "SELECT error FROM task_specs('fm-bomb')"
printf -- '---\nid: {name: x}\n---\n- [ ] T001 a\n' > "$work/fm-id/tasks.md"
check "non-scalar id" "fm-id|{\"id\":{\"name\":\"x\"}}
exit 0" "SELECT spec, meta FROM task_specs('fm-id')"
printf -- '---\nid: one\nid: two\n---\n- [ ] T001 a\n' > "$work/fm-dup/tasks.md"
check "duplicate keys" "fm-dup|fm-dup/tasks.md:3: front matter: duplicate key 'id'
exit 0" "SELECT spec, error FROM task_specs('fm-dup')"

# ---- dependencies ----------------------------------------------------------------
mkdir -p "$work/dep-self" "$work/dep-back" "$work/dep-wide" "$work/dep-fan"
printf -- '- [ ] T001 a\n\n## Dependencies\n\n- T001 depends on T001\n' > "$work/dep-self/tasks.md"
check "self-dependency" "T001|T001|explicit
cycle|dependency cycle of 1 task: T001 → T001
exit 0" "SELECT id, depends_on, kind FROM task_deps('dep-self')" \
    "SELECT code, message FROM task_issues('dep-self')"
printf -- '- [ ] T004 [P] a\n- [ ] T009 [P] b\n- [ ] T010 [P] c\n\n## Dependencies\n\n- T009-T004 before T010\n' \
    > "$work/dep-back/tasks.md"
check "backwards range" "T010|T004
T010|T009
backwards-range
exit 0" "SELECT id, depends_on FROM task_deps('dep-back')" "SELECT code FROM task_issues('dep-back')"
awk 'BEGIN { for (i = 1; i <= 5001; i++) printf "- [ ] T%04d [P] t\n", i;
             printf "\n## Dependencies\n\n- T0001-T5000 before T5001\n- T0099 blocks T9999\n" }' \
    > "$work/dep-wide/tasks.md"
check "range across thousands of ids, unknown id" "5000
unknown-id|T9999 is not a task in this file: T0099 blocks T9999
exit 0" "SELECT count(*) FROM task_deps('dep-wide')" "SELECT code, message FROM task_issues('dep-wide')"
awk 'BEGIN { for (i = 1; i <= 5003; i++) printf "- [ ] T%04d [P] t\n", i;
             printf "\n## Dependencies\n\n- T0001-T5000 before T5001-T5003\n" }' \
    > "$work/dep-fan/tasks.md"
check "dependency fan-out limit" "0
fan-out-limit
exit 0" "SELECT count(*) FROM task_deps('dep-fan')" "SELECT code FROM task_issues('dep-fan')"

mkdir -p "$work/dep-flat" "$work/dep-waves"
awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf "- [ ] 1.1 x\n" }' > "$work/dep-flat/tasks.md"
check "a million flat-numbered tasks with no parent" "1000000|0
exit 0" "SELECT count(*), max(depth) FROM tasks('dep-flat')"
awk 'BEGIN { print "## Step 1: A"; for (i = 1; i <= 1500; i++) printf "- [ ] T%d [P] a\n", i;
             print "## Step 2: B"; for (i = 1501; i <= 3000; i++) printf "- [ ] T%d [P] b\n", i }' \
    > "$work/dep-waves/tasks.md"
check "two huge parallel waves side by side" "0
fan-out-limit|1500 tasks would each wait for 1500: over the 1000000-edge limit
exit 0" "SELECT count(*) FROM task_deps('dep-waves')" "SELECT code, message FROM task_issues('dep-waves')"

mkdir -p "$work/dep-lines"
awk 'BEGIN { print "## Phase 1: A"; for (i = 1; i <= 20000; i++) printf "- [ ] T%d a\n", i;
             print "## Dependencies"; for (i = 1; i <= 20000; i++) print "- Phase 1 before Phase 2" }' \
    > "$work/dep-lines/tasks.md"
check "twenty thousand dependency lines over twenty thousand tasks" "fan-out-limit|1
unparsed-dependency|9999
exit 0" "SELECT code, count(*) FROM task_issues('dep-lines') GROUP BY code"

echo "bad input: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
if [ -n "$skipped" ]; then
    echo "skipped: the 3 permission-denied cases: $skipped"
    exit 77
fi
