/* line_counter.h - byte offset -> 1-based line. md4c reports offsets, not
 * lines. Queries come in document order, so the counter only moves forward
 * (a backward query restarts from the top). LF, CRLF and a lone CR each end
 * a line. */
#ifndef TASKS_LINE_COUNTER_H
#define TASKS_LINE_COUNTER_H

#include <stddef.h>
#include <stdint.h>

typedef struct line_counter {
    const char *bytes;
    size_t size;
    int has_cr; /* no CR anywhere: count LFs with memchr */
    size_t offset;
    uint32_t line;
} line_counter;

void line_counter_init(line_counter *counter, const char *bytes, size_t size);
uint32_t line_counter_line_at(line_counter *counter, size_t offset);

#endif
