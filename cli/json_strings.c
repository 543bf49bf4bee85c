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
