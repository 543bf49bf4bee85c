/* json_array.c - JSON arrays of strings. Most elements are printable ASCII
 * with nothing to escape: those are copied straight into the arena, without
 * a growing buffer in between. */
#include "json_array.h"

#include <stdint.h>
#include <string.h>

#include "text_buffer.h"
#include "utf8.h"

#define BYTES(b) (0x0101010101010101ull * (b))

/* Some byte of v is zero (exact for "some", as a whole). */
static int has_zero_byte(uint64_t v)
{
    return ((v - BYTES(0x01)) & ~v & BYTES(0x80)) != 0;
}

/* Printable ASCII with no '"' and no '\\': copied into JSON as it is. Eight
 * bytes at a time, since every path of every task passes here. */
static int is_plain(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (v & BYTES(0x80)) return 0;                      /* non-ASCII */
        if ((v - BYTES(0x20)) & ~v & BYTES(0x80)) return 0; /* a control */
        if (has_zero_byte(v ^ BYTES(0x7F)) || has_zero_byte(v ^ BYTES('"')) ||
            has_zero_byte(v ^ BYTES('\\')))
            return 0;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return 0;
    }
    return 1;
}

static const char *escaped_array(tasks_arena *arena, const char *const *starts, const size_t *lens,
                                 int count)
{
    text_buffer json;
    text_buffer_init(&json);
    text_buffer_append_char(&json, '[');
    for (int k = 0; k < count; k++) {
        if (k) text_buffer_append_char(&json, ',');
        utf8_append_json_repaired(&json, starts[k], lens[k]);
    }
    text_buffer_append_char(&json, ']');
    const char *copy = json.failed ? NULL : tasks_arena_strndup(arena, json.data, json.len);
    text_buffer_free(&json);
    return copy;
}

const char *json_string_array(tasks_arena *arena, const char *const *starts, const size_t *lens,
                              int count)
{
    if (count <= 0) return "[]";
    size_t total = 2;
    for (int k = 0; k < count; k++) {
        if (!is_plain(starts[k], lens[k])) return escaped_array(arena, starts, lens, count);
        total += lens[k] + 3;
    }
    char *json = tasks_arena_text(arena, total);
    if (!json) return NULL;
    char *out = json;
    *out++ = '[';
    for (int k = 0; k < count; k++) {
        if (k) *out++ = ',';
        *out++ = '"';
        memcpy(out, starts[k], lens[k]);
        out += lens[k];
        *out++ = '"';
    }
    *out++ = ']';
    *out = '\0';
    return json;
}
