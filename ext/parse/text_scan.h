/* text_scan.h - the small byte-level readers the parser and the dependency
 * layer share: ASCII classes, digit runs, case-blind prefixes, array growth. */
#ifndef TASKS_TEXT_SCAN_H
#define TASKS_TEXT_SCAN_H

#include <stddef.h>

static inline int ascii_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int ascii_is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Past the digits at s[i]. */
size_t skip_digits(const char *s, size_t len, size_t i);

/* Past `.N` groups after a number: T003.1, 1.2.3. */
size_t skip_dotted(const char *s, size_t len, size_t i);

/* strlen(word) when s[i..len) starts with `word` (lowercase ASCII), ignoring
 * ASCII case; else 0. */
static inline size_t prefix_nocase(const char *s, size_t len, size_t i, const char *word)
{
    /* Inline, and no strlen: scanners try many words at each position, and
     * most fail on the first byte. */
    size_t k = 0;
    for (; word[k]; k++) {
        if (i + k >= len) return 0;
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[k]) return 0;
    }
    return k;
}

/* The same for a NUL-terminated `s`. */
int starts_nocase(const char *s, const char *word);

#endif
