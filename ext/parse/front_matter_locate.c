/* front_matter_locate.c - finds the `---` ... `---` block at the top of a file.
 * This is not markdown structure: front matter is only ever the first lines,
 * so a line scan is the rule here, not a shortcut. */
#include "front_matter.h"

#include <string.h>

/* Offset just past the line that starts at `pos`, and the line's content end. */
static size_t next_line(const char *bytes, size_t size, size_t pos, size_t *content_end)
{
    size_t i = pos;
    while (i < size && bytes[i] != '\n' && bytes[i] != '\r')
        i++;
    *content_end = i;
    if (i < size && bytes[i] == '\r') i++;
    if (i < size && bytes[i] == '\n' && (i == *content_end || bytes[i - 1] == '\r')) i++;
    return i;
}

/* A fence line: exactly `marker` (three bytes) then optional blanks. */
static int is_fence(const char *bytes, size_t begin, size_t end, const char *marker)
{
    if (end - begin < 3 || memcmp(bytes + begin, marker, 3) != 0) return 0;
    for (size_t i = begin + 3; i < end; i++)
        if (bytes[i] != ' ' && bytes[i] != '\t') return 0;
    return 1;
}

void front_matter_locate(const char *bytes, size_t size, size_t start, front_matter_span *span)
{
    memset(span, 0, sizeof(*span));
    span->body_start = start;
    size_t content_end;
    size_t pos = next_line(bytes, size, start, &content_end);
    if (!is_fence(bytes, start, content_end, "---")) return;
    span->present = 1;
    span->yaml_start = pos;
    span->yaml_line = 2;
    span->yaml_end = size;
    uint32_t line = 2;
    while (pos < size) {
        size_t next = next_line(bytes, size, pos, &content_end);
        if (is_fence(bytes, pos, content_end, "---") || is_fence(bytes, pos, content_end, "...")) {
            span->closed = 1;
            span->yaml_end = pos;
            span->body_start = next;
            return;
        }
        pos = next;
        line++;
    }
    (void)line;
}
