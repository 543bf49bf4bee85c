/* utf8.c - strict decoding (no overlongs, no surrogates, max U+10FFFF). */
#include "utf8.h"

#include <string.h>

size_t utf8_decode(const char *bytes, size_t len, uint32_t *codepoint)
{
    const unsigned char *s = (const unsigned char *)bytes;
    *codepoint = UTF8_REPLACEMENT;
    if (len == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *codepoint = c;
        return 1;
    }
    size_t need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, cp = c & 0x07, min = 0x10000;
    } else {
        return 1;
    }
    if (len <= need) return 1;
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) return 1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
    *codepoint = cp;
    return need + 1;
}

static size_t utf8_valid_prefix(const char *bytes, size_t len)
{
    size_t i = 0;
    /* ASCII without NUL, eight bytes at a time: most text is just that. */
    while (i + 8 <= len) {
        uint64_t v;
        memcpy(&v, bytes + i, 8);
        int has_zero = ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0;
        if ((v & 0x8080808080808080ull) || has_zero) break;
        i += 8;
    }
    while (i < len) {
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        if (c == 0) return i;
        uint32_t cp;
        size_t n = utf8_decode(bytes + i, len - i, &cp);
        if (cp == UTF8_REPLACEMENT && n == 1) return i;
        i += n;
    }
    return i;
}

/* NUL counts as invalid: it would end the C string early. */
int utf8_is_valid(const char *bytes, size_t len)
{
    return utf8_valid_prefix(bytes, len) == len;
}

void utf8_append_repaired(text_buffer *out, const char *bytes, size_t len)
{
    while (len) {
        size_t good = utf8_valid_prefix(bytes, len);
        text_buffer_append(out, bytes, good);
        bytes += good;
        len -= good;
        if (!len) break;
        uint32_t cp;
        size_t n = utf8_decode(bytes, len, &cp);
        text_buffer_append_codepoint(out, UTF8_REPLACEMENT);
        bytes += n;
        len -= n;
    }
}

typedef struct codepoint_range {
    uint32_t first, last;
} codepoint_range;

/* Letter and digit blocks, coarse on purpose: a mark is punctuation, a symbol
 * or an emoji, and none of those live in these ranges. */
static const codepoint_range letter_ranges[] = {
    {0x00AA, 0x00AA},   {0x00B5, 0x00B5}, {0x00BA, 0x00BA}, {0x00C0, 0x00D6}, {0x00D8, 0x00F6},
    {0x00F8, 0x02AF},   {0x0370, 0x0373}, {0x0376, 0x03FF}, {0x0400, 0x0481}, {0x048A, 0x052F},
    {0x0531, 0x0587},   {0x05D0, 0x05EA}, {0x0620, 0x064A}, {0x0660, 0x0669}, {0x066E, 0x06D3},
    {0x06F0, 0x06FF},   {0x0900, 0x0DFF}, {0x0E01, 0x0E30}, {0x0E50, 0x0E59}, {0x10A0, 0x10FF},
    {0x1100, 0x11FF},   {0x1E00, 0x1FBC}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x3105, 0x312F},
    {0x3131, 0x318E},   {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA48C}, {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFF10, 0xFF19}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFF9D},
    {0x20000, 0x2FA1F},
};

int utf8_is_letter_or_digit(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    size_t lo = 0, hi = sizeof(letter_ranges) / sizeof(letter_ranges[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < letter_ranges[mid].first)
            hi = mid;
        else if (cp > letter_ranges[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

void utf8_append_json_repaired(text_buffer *out, const char *bytes, size_t len)
{
    if (utf8_is_valid(bytes, len)) {
        text_buffer_append_json_string(out, bytes, len);
        return;
    }
    text_buffer repaired;
    text_buffer_init(&repaired);
    utf8_append_repaired(&repaired, bytes, len);
    text_buffer_append_json_string(out, repaired.data ? repaired.data : "", repaired.len);
    if (repaired.failed) out->failed = 1;
    text_buffer_free(&repaired);
}

char *utf8_arena_repaired(tasks_arena *arena, const char *bytes, size_t len)
{
    if (utf8_is_valid(bytes, len)) return tasks_arena_strndup(arena, bytes, len);
    text_buffer repaired;
    text_buffer_init(&repaired);
    utf8_append_repaired(&repaired, bytes, len);
    char *copy = repaired.failed
                     ? NULL
                     : tasks_arena_strndup(arena, repaired.data ? repaired.data : "", repaired.len);
    text_buffer_free(&repaired);
    return copy;
}
