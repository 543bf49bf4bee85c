#!/bin/sh
# history.sh MODULE - builds git repositories with the `git` command in a
# temporary folder (tasks added, started, done, reopened, removed; ids
# renumbered; a spec folder renamed; a merge; a rollout's tasks without ids;
# a shallow clone; a repository with no task lists; an empty one), runs
# history.sql over them in the real sqlite3 shell, and compares the whole
# output with history.out (UPDATE_GOLDEN=1 rewrites it). It also checks that
# reading a repository writes nothing in it and runs none of its hooks.
# Needs git; exits 77 (skipped) without it.
set -u
module=$1
here=$(cd "$(dirname "$0")" && pwd)
sqlite=${SQLITE3:-sqlite3}
if ! command -v git >/dev/null 2>&1; then
    echo "history: skipped: git is not installed (Debian: apt-get install git)"
    exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
# No configuration of the machine or the user leaks in.
export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
repo=$work/team
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q -b main . || exit 1

day=0
# commit AUTHOR MESSAGE: commits everything, one day after the last commit.
commit() {
    day=$((day + 1))
    stamp="2026-03-$(printf %02d $day)T10:00:00Z"
    git add -A &&
        GIT_AUTHOR_DATE=$stamp GIT_COMMITTER_DATE=$stamp git -c user.name="$1" \
            -c user.email="$1@example.org" commit -q -m "$2" || exit 1
}
put() { mkdir -p "$(dirname "$1")" && cat > "$1"; }

put specs/001-auth/tasks.md <<'MD'
# Tasks: auth

## Phase 1: Setup

- [ ] T001 Create the project in src/auth/setup.py
- [ ] T002 Login form in src/auth/login.py
- [ ] T003 Session store in src/auth/session.py
- [ ] T004 Remember me
MD
put .kiro/specs/notify/tasks.md <<'MD'
# Implementation Plan

- [ ] 1. Set up the service
- [ ] 2. Deliver e-mail
  - [ ] 2.1 Render the template
  - [ ] 2.2 Send it
MD
# What a directory walk leaves out, the history leaves out too.
put node_modules/pkg/specs/001-x/tasks.md <<'MD'
- [ ] T001 A package's own task list
MD
put templates/tasks.md <<'MD'
- [ ] T001 [US1] A template
MD
put .claude/commands/tasks.md <<'MD'
- [ ] T001 An agent's prompt
MD
echo '# notes' > mytasks.md
commit ana "Plan auth and notify"

sed -i 's/\[ \] T001/[x] T001/; s/\[ \] T002/[\/] T002/' specs/001-auth/tasks.md
put src/auth/setup.py <<'PY'
print("setup")
PY
commit bo "Set up the project; start the login form"

# T002 done, but src/auth/login.py never written: unverified-done.
sed -i 's/\[\/\] T002/[x] T002/' specs/001-auth/tasks.md
commit ana "Tick the login form"

# Reopened, and T004 dropped.
sed -i 's/\[x\] T002/[ ] T002/; /T004/d' specs/001-auth/tasks.md
commit bo "Reopen the login form; drop remember-me"

# A task inserted before T002: the others renumbered, same words.
put specs/001-auth/tasks.md <<'MD'
# Tasks: auth

## Phase 1: Setup

- [x] T001 Create the project in src/auth/setup.py
- [ ] T002 Write the threat model
- [ ] T003 Login form in src/auth/login.py
- [ ] T004 Session store in src/auth/session.py
MD
commit ana "Insert the threat model; renumber"

# The spec folder renamed, and in the same commit its T004 done (with its file).
git mv specs/001-auth specs/001-login
sed -i 's/\[ \] T004/[x] T004/' specs/001-login/tasks.md
put src/auth/session.py <<'PY'
store = {}
PY
commit bo "Rename 001-auth to 001-login; session store done"

# A branch merged with a merge commit: on the first-parent line its changes
# are the merge's.
git checkout -q -b notify-work
sed -i 's/\[ \] 2.1/[x] 2.1/' .kiro/specs/notify/tasks.md
commit cy "Render the template"
sed -i 's/\[ \] 1\./[x] 1./' .kiro/specs/notify/tasks.md
commit cy "Set up the service"
git checkout -q main
sed -i 's/\[ \] T002/[-] T002/' specs/001-login/tasks.md
commit ana "Cancel the threat model"
day=$((day + 1))
stamp="2026-03-$(printf %02d $day)T10:00:00Z"
GIT_AUTHOR_DATE=$stamp GIT_COMMITTER_DATE=$stamp git -c user.name=ana -c user.email=ana@example.org \
    merge -q --no-ff -m "Merge notify-work" notify-work || exit 1

# A rollout plan: tasks without ids are known by their text.
put .xe/rollouts/rollout-launch.md <<'MD'
# Rollout: launch

## Implementation

- [ ] Ship the login form
- [ ] Turn the flag on
MD
# A task list at the top of the work tree, whose tasks have no ids: its
# spec is the repository's folder name.
put tasks.md <<'MD'
- [ ] Write the README
- [ ] Add a licence
MD
commit bo "Plan the launch"
put .xe/rollouts/rollout-launch.md <<'MD'
# Rollout: launch

## Implementation

- [ ] Write the release notes
- [x] Ship the login form
- [ ] Turn the flag on
MD
put tasks.md <<'MD'
- [ ] Add a licence
- [x] Write the README
MD
commit bo "Release notes first; login form shipped"

# The notify spec deleted: its counts go to zero.
git rm -q -r .kiro/specs/notify
commit ana "Drop notify"

# Hooks that would leave a mark if anything ran them.
for hook in post-checkout post-merge pre-commit reference-transaction; do
    printf '#!/bin/sh\ntouch "%s/hook-ran"\n' "$work" > .git/hooks/$hook
    chmod +x .git/hooks/$hook
done

# A shallow clone of the last three first-parent commits.
git clone -q --depth 3 "file://$repo" "$work/shallow" || exit 1
# A repository with no task lists, and one with no commits at all.
mkdir -p "$work/plain" && cd "$work/plain" && git init -q -b main . && echo hi > README.md &&
    git add README.md && GIT_AUTHOR_DATE=2026-03-01T10:00:00Z GIT_COMMITTER_DATE=2026-03-01T10:00:00Z \
    git -c user.name=ana -c user.email=ana@example.org commit -q -m "Readme" || exit 1
mkdir -p "$work/empty" && git -C "$work/empty" init -q -b main . || exit 1

snapshot() { (cd "$repo/.git" && find . -type f | sort | xargs sha1sum; ls -la --time-style=full-iso .); }
before=$(snapshot)

cd "$work" || exit 1
out=$work/out
{
    "$sqlite" -batch -bail -cmd ".load $module" :memory: < "$here/history.sql" 2>&1
    echo "-- errors"
    "$sqlite" -batch -cmd ".load $module" :memory: < "$here/history_errors.sql" 2>&1
} | sed "s|$work|WORK|g" > "$out"

status=0
# A repository owned by another user is refused, as git refuses it (run as
# root here, as in CI: a copy given to `nobody`).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    cp -r "$repo" "$work/owned" && chown -R nobody "$work/owned"
    said=$("$sqlite" -batch -cmd ".load $module" :memory: \
        "SELECT count(*) FROM task_history('$work/owned')" 2>&1)
    case $said in
    *"owned by another user"*) ;;
    *)
        echo "FAIL: a repository of another user was not refused as such: $said"
        status=1
        ;;
    esac
fi
if [ "$before" != "$(snapshot)" ]; then
    echo "FAIL: reading the history changed something in .git"
    status=1
fi
if [ -e "$work/hook-ran" ]; then
    echo "FAIL: reading the history ran a hook"
    status=1
fi
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$out" "$here/history.out"
    echo "updated $here/history.out"
    exit $status
fi
if ! diff -u "$here/history.out" "$out"; then
    echo "FAIL: output differs from history.out"
    status=1
fi
[ $status -eq 0 ] && echo "history: as expected"
exit $status
