/* fuzz_common.h - checks shared by the libFuzzer targets.
 *
 * Everything here is deliberately independent of the code under test: the
 * UTF-8 and JSON checkers are written from the RFCs (3629 and 8259), not from
 * ext/parse/utf8.c or text_buffer.c, so a bug there cannot hide itself. */
#ifndef TASKSEXT_FUZZ_COMMON_H
#define TASKSEXT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reports a broken invariant and aborts, so libFuzzer saves the input. */
#define FUZZ_CHECK(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
                    #cond);                                                     \
            fprintf(stderr, "  " __VA_ARGS__);                                  \
            fputc('\n', stderr);                                                \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing past
 * U+10FFFF, no truncated sequences. Returns the offset of the first bad byte,
 * or len when all of it is valid. */
static inline size_t fuzz_utf8_bad_offset(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t extra;
        uint32_t cp, lowest;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1Fu;
            lowest = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0Fu;
            lowest = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07u;
            lowest = 0x10000;
        } else {
            return i;
        }
        if (len - i <= extra) return i;
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < lowest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += extra + 1;
    }
    return len;
}

/* Touches every byte of a NUL-terminated string (ASan sees a wild pointer or
 * a missing terminator) and checks it is valid UTF-8. NULL is allowed only
 * when `nullable`. Returns the length. */
static inline size_t fuzz_check_string(const char *what, const char *s, int nullable)
{
    if (!s) {
        FUZZ_CHECK(nullable, "%s is NULL", what);
        return 0;
    }
    size_t len = strlen(s);
    size_t bad = fuzz_utf8_bad_offset(s, len);
    FUZZ_CHECK(bad == len, "%s is not valid UTF-8 at byte %zu of %zu", what, bad, len);
    return len;
}

/* ---- a strict JSON (RFC 8259) validator ---------------------------------- */

typedef struct fuzz_json {
    const char *s;
    size_t n, i;
    int depth;
} fuzz_json;

static inline void fuzz_json_blank(fuzz_json *j)
{
    while (j->i < j->n &&
           (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
        j->i++;
}

static inline int fuzz_json_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline int fuzz_json_string(fuzz_json *j)
{
    if (j->i >= j->n || j->s[j->i] != '"') return 0;
    j->i++;
    while (j->i < j->n) {
        unsigned char c = (unsigned char)j->s[j->i];
        if (c == '"') {
            j->i++;
            return 1;
        }
        if (c < 0x20) return 0; /* control characters must be escaped */
        if (c == '\\') {
            if (j->i + 1 >= j->n) return 0;
            char e = j->s[j->i + 1];
            if (e == 'u') {
                if (j->i + 6 > j->n) return 0;
                for (size_t k = 2; k < 6; k++)
                    if (!fuzz_json_hex(j->s[j->i + k])) return 0;
                j->i += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == '\0') return 0;
            j->i += 2;
            continue;
        }
        j->i++;
    }
    return 0;
}

static inline int fuzz_json_digits(fuzz_json *j)
{
    size_t from = j->i;
    while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
        j->i++;
    return j->i > from;
}

static inline int fuzz_json_number(fuzz_json *j)
{
    if (j->i < j->n && j->s[j->i] == '-') j->i++;
    if (j->i >= j->n) return 0;
    if (j->s[j->i] == '0') {
        j->i++;
    } else if (j->s[j->i] >= '1' && j->s[j->i] <= '9') {
        fuzz_json_digits(j);
    } else {
        return 0;
    }
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        if (!fuzz_json_digits(j)) return 0;
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-')) j->i++;
        if (!fuzz_json_digits(j)) return 0;
    }
    return 1;
}

static inline int fuzz_json_word(fuzz_json *j, const char *word)
{
    size_t len = strlen(word);
    if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0) return 0;
    j->i += len;
    return 1;
}

static inline int fuzz_json_value(fuzz_json *j)
{
    fuzz_json_blank(j);
    if (j->i >= j->n) return 0;
    char c = j->s[j->i];
    if (c == '{' || c == '[') {
        /* Recursion is capped so a deep document cannot overflow the stack. */
        if (++j->depth > 4096) return 0;
        char close = c == '{' ? '}' : ']';
        j->i++;
        fuzz_json_blank(j);
        if (j->i < j->n && j->s[j->i] == close) {
            j->i++;
            j->depth--;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                fuzz_json_blank(j);
                if (!fuzz_json_string(j)) return 0;
                fuzz_json_blank(j);
                if (j->i >= j->n || j->s[j->i] != ':') return 0;
                j->i++;
            }
            if (!fuzz_json_value(j)) return 0;
            fuzz_json_blank(j);
            if (j->i >= j->n) return 0;
            if (j->s[j->i] == ',') {
                j->i++;
                continue;
            }
            if (j->s[j->i] != close) return 0;
            j->i++;
            j->depth--;
            return 1;
        }
    }
    if (c == '"') return fuzz_json_string(j);
    if (c == 't') return fuzz_json_word(j, "true");
    if (c == 'f') return fuzz_json_word(j, "false");
    if (c == 'n') return fuzz_json_word(j, "null");
    return fuzz_json_number(j);
}

/* 1 when text[0..len) is exactly one JSON value (blanks around allowed).
 * On failure *where is the offset the validator stopped at. */
static inline int fuzz_json_valid(const char *text, size_t len, size_t *where)
{
    fuzz_json j = {text, len, 0, 0};
    int ok = fuzz_json_value(&j);
    if (ok) {
        fuzz_json_blank(&j);
        ok = j.i == len;
    }
    if (where) *where = j.i;
    return ok;
}

/* Lines as the parser's line counter sees them: LF, CRLF and a lone CR each
 * end one. Returns the number of the last line (1 for an empty buffer). */
static inline uint32_t fuzz_count_lines(const uint8_t *data, size_t size)
{
    uint32_t lines = 1;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\n') lines++;
        else if (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')) lines++;
    }
    return lines;
}

#endif
