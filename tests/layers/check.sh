#!/bin/sh
# The layer check (cmake/check_layers.cmake) passes on the project's own
# sources and refuses a tree whose fs layer includes upward.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cmake=${CMAKE:-cmake}
status=0
if ! "$cmake" -DSOURCE_DIR="$root" -P "$root/cmake/check_layers.cmake"; then
    echo "FAIL: the project's own includes go against the arrows"
    status=1
fi
out=$("$cmake" -DSOURCE_DIR="$root/tests/fixtures/layers_upward" \
    -P "$root/cmake/check_layers.cmake" 2>&1) && {
    echo "FAIL: an fs file including cache/, tasks_parse.h and pthread.h, and a cache file"
    echo "      including history/, passed the check"
    status=1
}
for expected in "fs includes <pthread.h>" "fs includes ../cache/file_cache.h (layer cache)" \
    "fs includes tasks_parse.h" "cache includes ../history/history_scan.h (layer history)"; do
    case $out in
    *"$expected"*) ;;
    *)
        echo "FAIL: the check did not say: $expected"
        status=1
        ;;
    esac
done
[ $status -eq 0 ] && echo "layers: the arrows hold, and an upward include is refused"
exit $status
