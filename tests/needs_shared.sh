#!/bin/sh
# needs_shared.sh WHAT [COMMAND [ARG...]] - for a test that reads the shared
# folder (../shared beside the checkout in CI; the real-file corpus is
# corpus/real in it). When WHAT, a path under that folder, is missing: prints
# what is missing and how to get it, and exits 77, which CTest reports as
# skipped. Otherwise runs COMMAND (or exits 0 when there is none), with
# TASKSEXT_SHARED_DIR and TASKSEXT_CORPUS in its environment.
#
# TASKSEXT_SHARED_DIR names the folder (CMake sets it from the cache variable
# of the same name); the default is ../shared beside the checkout.
set -u
[ $# -ge 1 ] || { echo "usage: $0 WHAT [COMMAND [ARG...]]" >&2; exit 2; }
what=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
TASKSEXT_SHARED_DIR=${TASKSEXT_SHARED_DIR:-$root/../shared}
TASKSEXT_CORPUS=$TASKSEXT_SHARED_DIR/corpus/real
export TASKSEXT_SHARED_DIR TASKSEXT_CORPUS
if [ ! -r "$TASKSEXT_SHARED_DIR/$what" ]; then
    echo "skipped: needs $what from the shared folder, and there is no" \
        "$TASKSEXT_SHARED_DIR/$what. The shared folder sits beside the checkout as" \
        "../shared in CI, not in a clone: put it there, or configure with" \
        "-DTASKSEXT_SHARED_DIR=DIR."
    exit 77
fi
[ $# -eq 0 ] && exit 0
exec "$@"
