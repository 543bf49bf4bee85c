/*
 * json_strings.c - see json_strings.h.
 */
#include "json_strings.h"

#include <stdlib.h>
#include <string.h>

static size_t put_utf8(char *out, unsigned codepoint)
{
    if (codepoint < 0x80) {
        out[0] = (char)codepoint;
        return 1;
    } else if (codepoint < 0x800) {
        out[0] = (char)(0xC0 | codepoint >> 6);
        out[1] = (char)(0x80 | (codepoint & 0x3F));
        return 2;
    } else if (codepoint < 0x10000) {
        out[0] = (char)(0xE0 | codepoint >> 12);
        out[1] = (char)(0x80 | (codepoint >> 6 & 0x3F));
        out[2] = (char)(0x80 | (codepoint & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | codepoint >> 18);
    out[1] = (char)(0x80 | (codepoint >> 12 & 0x3F));
    out[2] = (char)(0x80 | (codepoint >> 6 & 0x3F));
    out[3] = (char)(0x80 | (codepoint & 0x3F));
    return 4;
}

static int hex4(const char *p, unsigned *value)
{
    *value = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned digit = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                         : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                                : 16;
        if (digit > 15) return -1;
        *value = *value * 16 + digit;
    }
    return 0;
}

/* One string from just after its opening quote; *end after its closing one. */
static char *read_string(const char *p, const char **end)
{
    char *out = malloc(strlen(p) * 2 + 1); /* \uXXXX never grows, a byte never more */
    if (!out) return NULL;
    size_t n = 0;
    while (*p && *p != '"') {
        if (*p != '\\') {
            out[n++] = *p++;
            continue;
        }
        p++;
        unsigned codepoint;
        switch (*p) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u':
            if (hex4(p + 1, &codepoint) != 0) goto bad;
            p += 4;
            if (codepoint >= 0xD800 && codepoint <= 0xDBFF && p[1] == '\\' && p[2] == 'u') {
                unsigned low;
                if (hex4(p + 3, &low) == 0 && low >= 0xDC00 && low <= 0xDFFF) {
                    codepoint = 0x10000 + ((codepoint - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            n += put_utf8(out + n, codepoint);
            break;
        case '\0': goto bad;
        default: out[n++] = *p; break; /* \" \\ \/ */
        }
        p++;
    }
    if (*p != '"') goto bad;
    out[n] = '\0';
    *end = p + 1;
    return out;
bad:
    free(out);
    return NULL;
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* Opens an array: 1 with *p at its first item, 0 for none (NULL or `[]`),
 * -1 when the text is no array. */
static int open_array(const char *json, const char **p)
{
    if (!json) return 0;
    *p = skip_blanks(json);
    if (*(*p)++ != '[') return -1;
    *p = skip_blanks(*p);
    return **p == ']' ? 0 : 1;
}

long json_strings_each(const char *json, int (*each)(const char *text, void *context),
                       void *context)
{
    const char *p;
    int items = open_array(json, &p);
    if (items <= 0) return items;
    long count = 0;
    for (;;) {
        p = skip_blanks(p);
        if (*p++ != '"') return -1;
        char *text = read_string(p, &p);
        if (!text) return -1;
        int stop = each(text, context);
        free(text);
        if (stop) return -1;
        count++;
        p = skip_blanks(p);
        if (*p == ']') return count;
        if (*p++ != ',') return -1;
    }
}

/* Past a string from just after its opening quote, escapes and all; NULL
 * when it does not end. */
static const char *past_string(const char *p)
{
    for (; *p && *p != '"'; p++)
        if (*p == '\\' && !*++p) return NULL;
    return *p == '"' ? p + 1 : NULL;
}

/* One value of an object, kept in `edge` when its key is "line" or "kind";
 * NULL when it is not a number, a string or a word (null, true, false). */
static const char *read_edge_value(const char *p, const char *key, size_t key_length,
                                   json_edge *edge)
{
    int is_line = key_length == 4 && key[0] == 'l' && memcmp(key, "line", 4) == 0;
    int is_kind = key_length == 4 && key[0] == 'k' && memcmp(key, "kind", 4) == 0;
    if (*p == '"') {
        const char *end = past_string(p + 1);
        if (!end) return NULL;
        size_t n = (size_t)(end - 1 - (p + 1));
        if (is_kind && n < sizeof edge->kind && !memchr(p + 1, '\\', n)) {
            memcpy(edge->kind, p + 1, n);
            edge->kind[n] = '\0';
        }
        return end;
    }
    if (*p == '-' || (*p >= '0' && *p <= '9')) {
        /* digits by hand: strtol was a third of reading a large tree's edges */
        int negative = *p == '-';
        if (negative) p++;
        long value = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            value = value < 100000000000L ? value * 10 + (*p - '0') : value;
        while (*p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-' ||
               (*p >= '0' && *p <= '9'))
            p++;
        if (is_line) edge->line = negative ? -value : value;
        return p;
    }
    if (*p < 'a' || *p > 'z') return NULL;
    while (*p >= 'a' && *p <= 'z')
        p++;
    return p;
}

/* `p`, with `left` bytes before the text's end, starts with the literal. */
#define AT_LITERAL(p, left, literal)                                                               \
    ((size_t)(left) >= sizeof(literal) - 1 && memcmp((p), (literal), sizeof(literal) - 1) == 0)

/* The object as tasks() writes it, `{"line":12,"id":"T001","kind":"step"}`
 * (id null, or any string), read with no search: the end of the object,
 * or NULL for anything else, which the general reader then takes. `end` is
 * the text's end. */
static const char *read_written_edge(const char *p, const char *end, json_edge *edge)
{
    if (!AT_LITERAL(p, end - p, "{\"line\":")) return NULL;
    p += 8;
    if (*p < '0' || *p > '9') return NULL;
    long line = 0;
    for (; *p >= '0' && *p <= '9' && line < 100000000000L; p++)
        line = line * 10 + (*p - '0');
    if (!AT_LITERAL(p, end - p, ",\"id\":")) return NULL;
    p += 6;
    if (AT_LITERAL(p, end - p, "null"))
        p += 4;
    else if (*p != '"' || !(p = past_string(p + 1)))
        return NULL;
    if (!AT_LITERAL(p, end - p, ",\"kind\":\"")) return NULL;
    p += 9;
    size_t n = 0;
    for (; p[n] != '"'; n++)
        if (!p[n] || p[n] == '\\' || n + 1 >= sizeof edge->kind) return NULL;
    if (p[n + 1] != '}') return NULL;
    memcpy(edge->kind, p, n);
    edge->kind[n] = '\0';
    edge->line = line;
    return p + n + 2;
}

/* Any object: its "line" and "kind" kept, every other key read past; the
 * end of the object, or NULL when it is not one. */
static const char *read_any_edge(const char *p, json_edge *edge)
{
    if (*p++ != '{') return NULL;
    p = skip_blanks(p);
    while (*p != '}') {
        if (*p++ != '"') return NULL;
        const char *key = p;
        if (!(p = past_string(p))) return NULL;
        size_t key_length = (size_t)(p - 1 - key);
        p = skip_blanks(p);
        if (*p++ != ':') return NULL;
        p = read_edge_value(skip_blanks(p), key, key_length, edge);
        if (!p) return NULL;
        p = skip_blanks(p);
        if (*p == ',')
            p = skip_blanks(p + 1);
        else if (*p != '}')
            return NULL;
    }
    return p + 1;
}

long json_edges_each(const char *json, size_t length,
                     int (*each)(const json_edge *edge, void *context), void *context)
{
    const char *p;
    int items = open_array(json, &p);
    if (items <= 0) return items;
    const char *text_end = json + length;
    long count = 0;
    for (;;) {
        p = skip_blanks(p);
        json_edge edge = {0, ""};
        const char *end = read_written_edge(p, text_end, &edge);
        if (!end) {
            edge = (json_edge){0, ""};
            end = read_any_edge(p, &edge);
        }
        if (!end) return -1;
        p = end;
        if (each(&edge, context)) return -1;
        count++;
        p = skip_blanks(p);
        if (*p == ']') return count;
        if (*p++ != ',') return -1;
    }
}
