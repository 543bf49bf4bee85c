/* fuzz_json.c - the command's reader of the JSON arrays of strings tasks()
 * gives (cli/json_strings.c: files and tags), on any bytes. It must refuse
 * or read, never read past the text; an array it accepts counts its items
 * the same way every time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "json_strings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_string(const char *text, void *context)
{
    (void)text;
    (*(long *)context)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, NUL-terminated at its first NUL, so ASan sees a
     * read past the end. */
    char *text = malloc(size + 1);
    if (!text) abort();
    memcpy(text, data, size);
    text[size] = '\0';
    long seen = 0;
    long strings = json_strings_each(text, count_string, &seen);
    FUZZ_CHECK(strings == -1 || strings == seen, "%ld strings, %ld seen", strings, seen);
    free(text);
    return 0;
}
