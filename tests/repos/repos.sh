#!/bin/sh
# repos.sh MODULE - builds repositories like the ones users have (two packages
# with a spec folder of the same name, two rollout plans, .git/, node_modules/,
# an agent's prompt named tasks.md, a template, a folder git ignores, a nested
# clone, a Kiro graph with numeric ids, cc-sdd's `7.9*` line) in a temporary
# folder, runs the queries of repos.sql over it in the real sqlite3 shell, and
# compares the whole output with repos.out (UPDATE_GOLDEN=1 rewrites it).
# Needs git (to make the repositories); exits 77 (skipped) without it.
set -u
module=$1
here=$(cd "$(dirname "$0")" && pwd)
sqlite=${SQLITE3:-sqlite3}
if ! command -v git >/dev/null 2>&1; then
    echo "repos: skipped: git is not installed (Debian: apt-get install git)"
    exit 77
fi
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo"
cd "$repo" || exit 1
git init -q . || exit 1

task() { mkdir -p "$(dirname "$1")" && cat > "$1"; }

# Two packages, each with its own spec folder 001-auth: two specs.
for pkg in pkgA pkgB; do
    task $pkg/specs/001-auth/tasks.md <<MD
# Tasks: $pkg auth

## Phase 1: Setup

- [x] T001 Create the $pkg project
- [ ] T002 Add the login form (depends on T001)
MD
done
# Two Catalyst rollout plans: each its own spec, named after the file.
task .xe/rollouts/rollout-login.md <<'MD'
# Rollout: login

## Implementation

- [x] Ship the login form
- [ ] Turn the flag on (depends on 1)
MD
task .xe/rollouts/rollout-search.md <<'MD'
# Rollout: search

## Implementation

- [ ] Index the users
MD
# Kiro, with a dependency graph whose ids are numbers, and cc-sdd's line.
task .kiro/specs/notify/tasks.md <<'MD'
# Implementation Plan

- [x] 1. Set up the service
- [ ] 2. Deliver e-mail
- [ ] 2.1 Render the template
- [ ] 2.2 Send it
- [ ] 7.9* (P) Performance tests

## Task Dependency Graph

```json
{"waves": [{"wave": 0, "tasks": [1]}, {"wave": 1, "tasks": [2.1, 2.2]}]}
```
MD
# What the walk must leave out.
task node_modules/some-package/specs/001-x/tasks.md <<'MD'
- [ ] T001 A task list shipped inside a package
MD
task .claude/commands/tasks.md <<'MD'
- [ ] T001 An agent's prompt that happens to be named tasks.md
MD
task templates/commands/tasks.md <<'MD'
- [ ] T001 [US1] A template
MD
task build/specs/generated/tasks.md <<'MD'
- [ ] T001 Generated, and ignored by git
MD
printf 'build/\n' > .gitignore
# A clone inside the repository ignores by its own rules.
mkdir -p vendor/lib
git -C vendor/lib init -q . || exit 1
printf 'scratch/\n' > vendor/lib/.gitignore
task vendor/lib/specs/lib-feature/tasks.md <<'MD'
- [ ] T001 The library's own task
MD
task vendor/lib/scratch/tasks.md <<'MD'
- [ ] T001 Ignored by the nested clone's rules
MD

sed "s|@MODULE@|$module|g" "$here/repos.sql" > "$work/case.sql"
"$sqlite" -batch -bail -cmd ".load $module" :memory: < "$work/case.sql" > "$work/out" 2> "$work/err"
status=$?
if [ $status -ne 0 ] || [ -s "$work/err" ]; then
    echo "FAIL repos: sqlite3 exited $status" >&2
    cat "$work/err" >&2
    exit 1
fi
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$work/out" "$here/repos.out"
    echo "updated $here/repos.out"
    exit 0
fi
diff -u "$here/repos.out" "$work/out" >&2 || { echo "FAIL repos: output differs" >&2; exit 1; }

# A work tree whose .git is a symlink to the repository (a layout git
# accepts): its ignore rules apply all the same.
linked=$work/linked
mkdir -p "$linked/kept" "$linked/ignored" "$work/store"
git init -q "$work/store/linked" || exit 1
mv "$work/store/linked/.git" "$work/store/linked.git"
ln -s "$work/store/linked.git" "$linked/.git"
printf 'ignored/\n' > "$linked/.gitignore"
printf -- '- [ ] T001 Kept task\n' > "$linked/kept/tasks.md"
printf -- '- [ ] T001 Ignored task\n' > "$linked/ignored/tasks.md"
got=$("$sqlite" -batch -cmd ".load $module" :memory: \
    "SELECT group_concat(title, ', ') FROM tasks('$linked')" 2>&1)
if [ "$got" != "Kept task" ]; then
    echo "FAIL repos: a .git that is a symlink: got '$got', wanted 'Kept task'" >&2
    exit 1
fi
