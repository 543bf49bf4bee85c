/* line_counter.c - forward-only line counting over one buffer. */
#include "line_counter.h"

#include <string.h>

void line_counter_init(line_counter *counter, const char *bytes, size_t size)
{
    counter->bytes = bytes;
    counter->size = size;
    counter->has_cr = memchr(bytes, '\r', size) != NULL;
    counter->offset = 0;
    counter->line = 1;
}

uint32_t line_counter_line_at(line_counter *counter, size_t offset)
{
    if (offset > counter->size) offset = counter->size;
    if (offset < counter->offset) {
        counter->offset = 0;
        counter->line = 1;
    }
    const char *p = counter->bytes + counter->offset;
    const char *end = counter->bytes + offset;
    uint32_t line = counter->line;
    if (!counter->has_cr) {
        while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            line++;
            p++;
        }
    } else {
        const char *limit = counter->bytes + counter->size;
        for (; p < end; p++) {
            if (*p == '\n' || (*p == '\r' && (p + 1 == limit || p[1] != '\n'))) line++;
        }
    }
    counter->offset = offset;
    counter->line = line;
    return line;
}
