#!/bin/sh
# make_history_repo.sh OUT - writes the example repository examples/history.git
# (a bare repository, checked in) to OUT: the three example specs of this
# folder (examples/.xe, specs, .kiro) arriving and being worked on, a commit
# a day by three people, until the task lists are those in this folder.
# Dates, names and contents are fixed, so the commits are the same on every
# machine: tests/history/example_repo.sh rebuilds it and compares.
set -eu
case $1 in
/*) out=$1 ;;
*) out=$(pwd)/$1 ;;
esac
examples=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git init -q -b main "$work/tree"
cd "$work/tree"

auth=.xe/specs/001-user-auth/tasks.md
search=specs/002-search/tasks.md
notify=.kiro/specs/notifications/tasks.md
# The lines whose box is not empty in the final lists.
marked_auth="19 20 21 25 34"
marked_search="11 12 16 20"
marked_notify="3 8"

# version FILE MARKED [LINE=MARK ...]: the example FILE with the boxes of the
# MARKED lines emptied, then each LINE given its MARK.
version() {
    file=$1
    marked=$2
    shift 2
    mkdir -p "$(dirname "$file")"
    cp "$examples/$file" "$file"
    for line in $marked; do
        sed -i -E "${line}s/^( *- )\[[^]]\]/\1[ ]/" "$file"
    done
    for set in "$@"; do
        sed -i -E "${set%%=*}s|^( *- )\\[ \\]|\\1[${set#*=}]|" "$file"
    done
}
touch_file() { mkdir -p "$(dirname "$1")" && echo "# $1" > "$1"; }

day=1
commit() {
    stamp="2026-03-$(printf %02d $day)T09:30:00Z"
    git add -A
    GIT_AUTHOR_DATE=$stamp GIT_COMMITTER_DATE=$stamp \
        git -c user.name="$1" -c user.email="$1@example.org" commit -q -m "$2"
    day=$((day + 1))
}

version $auth "$marked_auth"
commit ana "Plan user authentication"
version $auth "$marked_auth" 19=x
touch_file package.json
commit ana "Create the project structure"
version $auth "$marked_auth" 19=x 20=x 21=x
touch_file .eslintrc.json
touch_file .prettierrc
commit bo "Lint and format"
version $search "$marked_search"
commit bo "Plan search"
version $auth "$marked_auth" 19=x 20=x 21=x 25=x
touch_file tests/contract/test_users_post.py
commit ana "Contract test for sign-up"
version $notify "$marked_notify"
commit cy "Plan notifications"
version $search "$marked_search" 11=x 12=x
touch_file src/search/__init__.py
touch_file src/config.py
commit cy "Search module and settings"
version $notify "$marked_notify" 3=x
commit bo "Notification service set up"
version $auth "$marked_auth" 19=x 20=x 21=x 25=x 34=-
commit ana "Drop OAuth for this release"
# Ticked, but src/search/index.py is never written: unverified-done.
version $search "$marked_search" 11=x 12=x 16=x
commit bo "Index schema done"
version $notify "$marked_notify" 3=x 8=x
commit cy "E-mail template renderer"
version $search "$marked_search" 11=x 12=x 16=x 20=/
commit ana "Start the query parser"

for file in $auth $search $notify; do
    cmp -s "$file" "$examples/$file" || { echo "$file: not the example's final list" >&2; exit 1; }
done
rm -rf "$out"
git clone -q --bare --no-local "$work/tree" "$out"
git -C "$out" remote remove origin
rm -rf "$out/hooks" "$out/info" "$out/description" "$out/logs" "$out/FETCH_HEAD"
# The branch as a loose ref, not in packed-refs: git keeps no empty folder,
# and a repository without refs/ is none. Nothing else stays empty.
git -C "$out" rev-parse main > "$work/main"
rm -f "$out/packed-refs"
rm -rf "$out/refs"
mkdir -p "$out/refs/heads"
cp "$work/main" "$out/refs/heads/main"
find "$out" -type d -empty -delete
