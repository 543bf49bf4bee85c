/* fuzz_glob.c - path_glob_match() on a pattern and a path split from the
 * input at the first NUL or newline. It must answer, and answer fast: the
 * matcher promises time linear in pattern times path. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fs/path_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An exact-size NUL-terminated copy, so ASan sees a read past either end. */
static char *copy_text(const uint8_t *data, size_t len)
{
    char *s = malloc(len + 1);
    if (!s) abort();
    memcpy(s, data, len);
    s[len] = '\0';
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t split = 0;
    while (split < size && data[split] != '\0' && data[split] != '\n')
        split++;
    size_t path_from = split < size ? split + 1 : size;
    char *pattern = copy_text(data, split);
    char *path = copy_text(data + path_from, size - path_from);

    int m = path_glob_match(pattern, path);
    FUZZ_CHECK(m == 0 || m == 1, "path_glob_match returned %d", m);

    /* Cheap truths that need no second matcher: a pattern with no glob
     * character matches only itself, and `**` matches everything. */
    if (!path_has_glob(pattern))
        FUZZ_CHECK(m == (strcmp(pattern, path) == 0), "literal pattern '%s' vs '%s': %d",
                   pattern, path, m);
    if (strcmp(pattern, "**") == 0) FUZZ_CHECK(m == 1, "'**' did not match '%s'", path);
    /* Every string matches itself when it has no glob character; with a
     * glob character the path equal to the pattern proves nothing. */

    free(pattern);
    free(path);
    return 0;
}
