/* line_guard.c - the bytes of a task's line, their hash, and where its box
 * is: what a writer checks and changes, and nothing else. */
#include <string.h>

#include "document.h"

/* Eight bytes as a little-endian word, whatever the machine's order, so
 * that a hash means the same everywhere. */
static uint64_t word_at(const unsigned char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8) {
        uint64_t w;
        memcpy(&w, p, 8); /* one load where the machine is little-endian already */
        return w;
    }
#endif
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)p[i] << (8 * i);
    return w;
}

static uint64_t mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

uint64_t task_line_hash(const char *bytes, size_t len)
{
    /* A word at a time: every task of every file is hashed on each load. */
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t h = 0x243F6A8885A308D3ull ^ (uint64_t)len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        h = mix(h, word_at(p + i, 8));
    if (i < len) h = mix(h, word_at(p + i, len - i));
    return mix(h, 0x13198A2E03707344ull);
}

/* Past the line ending at `i` (LF, CRLF, lone CR), or i when none is there. */
static size_t past_ending(const char *bytes, size_t size, size_t i)
{
    if (i < size && bytes[i] == '\r') return i + 1 < size && bytes[i + 1] == '\n' ? i + 2 : i + 1;
    if (i < size && bytes[i] == '\n') return i + 1;
    return i;
}

static size_t line_end(const char *bytes, size_t size, size_t from)
{
    size_t i = from;
    while (i < size && bytes[i] != '\n' && bytes[i] != '\r')
        i++;
    return i;
}

/* The same where no CR is anywhere: memchr runs a word at a time. */
static size_t lf_line_end(const char *bytes, size_t size, size_t from)
{
    const char *lf = from < size ? memchr(bytes + from, '\n', size - from) : NULL;
    return lf ? (size_t)(lf - bytes) : size;
}

int task_line_span(const char *bytes, size_t size, uint32_t line, size_t *start, size_t *end)
{
    if (line == 0) return 0;
    size_t at = 0;
    for (uint32_t l = 1; l < line; l++) {
        size_t e = line_end(bytes, size, at);
        if (e >= size) return 0;
        at = past_ending(bytes, size, e);
    }
    if (at >= size) return 0; /* past the last line's ending: no such line */
    *start = at;
    *end = line_end(bytes, size, at);
    return 1;
}

void task_document_hash_lines(task_document *doc, const char *bytes, size_t size)
{
    /* Tasks come in line order: one pass over the lines. */
    size_t (*end_of)(const char *, size_t, size_t) =
        memchr(bytes, '\r', size) ? line_end : lf_line_end;
    size_t at = 0;
    uint32_t line = 1;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        if (task->line < line) {
            at = 0;
            line = 1;
        }
        while (line < task->line && at < size) {
            at = past_ending(bytes, size, end_of(bytes, size, at));
            line++;
        }
        if (line != task->line) continue;
        task->line_hash = task_line_hash(bytes + at, end_of(bytes, size, at) - at);
    }
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* The length of the UTF-8 sequence a lead byte starts (1 for a bad one). */
static size_t sequence_length(unsigned char lead)
{
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

/* Past one list marker and the white space after it (`- `, `1. `, `2) `),
 * or `from` when there is none. */
static size_t past_list_marker(const char *s, size_t len, size_t from)
{
    size_t i = from;
    if (i < len && (s[i] == '-' || s[i] == '*' || s[i] == '+')) {
        i++;
    } else {
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == from || i - from > 9 || i >= len || (s[i] != '.' && s[i] != ')')) return from;
        i++;
    }
    size_t after = skip_blanks(s, len, i);
    return after > i || after == len ? after : from; /* a marker is followed by white space */
}

int task_box_find(const char *s, size_t len, size_t *start, size_t *end)
{
    size_t i = skip_blanks(s, len, 0);
    while (i < len && s[i] == '>')
        i = skip_blanks(s, len, i + 1);
    /* `- [ ]`, and a list item opening inside another: `- - [x] 5.3`. */
    size_t markers = 0;
    for (size_t next; (next = past_list_marker(s, len, i)) != i; i = next)
        markers++;
    if (!markers || i >= len || s[i] != '[') return 0;
    size_t mark = i + 1;
    if (mark >= len) return 0;
    size_t n = sequence_length((unsigned char)s[mark]);
    if (mark + n >= len || s[mark + n] != ']') return 0;
    *start = mark;
    *end = mark + n;
    return 1;
}

void task_line_hash_text(uint64_t hash, char text[17])
{
    /* By hand, not snprintf: tasks() shows one for every row. */
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        text[i] = digits[hash & 15];
        hash >>= 4;
    }
    text[16] = '\0';
}
