/* fuzz_json.c - the command's readers of the JSON arrays tasks() gives
 * (cli/json_strings.c): json_edges_each() for waits_for and
 * json_strings_each() for files and tags, on any bytes. They must refuse
 * or read, never read past the text; an array they accept counts its
 * items the same way every time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "json_strings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_edge(const json_edge *edge, void *context)
{
    /* the kind is NUL-terminated within its buffer */
    FUZZ_CHECK(memchr(edge->kind, '\0', sizeof edge->kind) != NULL, "kind not terminated");
    (*(long *)context)++;
    return 0;
}

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
    size_t length = strlen(text);
    long seen = 0;
    long edges = json_edges_each(text, length, count_edge, &seen);
    FUZZ_CHECK(edges == -1 || edges == seen, "%ld edges, %ld seen", edges, seen);
    seen = 0;
    long strings = json_strings_each(text, count_string, &seen);
    FUZZ_CHECK(strings == -1 || strings == seen, "%ld strings, %ld seen", strings, seen);
    free(text);
    return 0;
}
