/*
 * text_width.h - how wide text is on a terminal, and how to shorten it.
 *
 * Our own table of widths, not wcwidth(3): wcwidth needs a UTF-8 locale,
 * and a CI runner or a cron job often runs in the C locale, where every
 * Japanese title would count as one column per byte. East Asian wide and
 * fullwidth characters and emoji take two columns, combining marks and
 * joiners none, anything else one (an invalid byte too: it prints as U+FFFD).
 */
#ifndef CLI_TEXT_WIDTH_H
#define CLI_TEXT_WIDTH_H

#include <stddef.h>

/* Columns the code point takes: 0, 1 or 2. */
int codepoint_width(unsigned codepoint);

/* Decodes one UTF-8 character of text[0..length): its code point in
 * *codepoint (U+FFFD for an invalid byte) and the bytes it took (>= 1). */
size_t utf8_next(const char *text, size_t length, unsigned *codepoint);

/* Columns the whole text takes. */
size_t text_width(const char *text);

/* text_width(), and whether the text holds a tab, CR, LF or escape (which
 * a table must not print as they are): one pass for both. */
size_t text_measure(const char *text, int *breaks_line);

/* A copy of text that fits in max_width columns (malloc'd; NULL when out
 * of memory). Text that fits is copied whole; longer text is cut at the
 * last blank that leaves room for "…", never inside a word, unless its
 * first word alone is wider than the column (then inside it, at a
 * character). Control characters become blanks. */
char *text_fit(const char *text, size_t max_width);

/* text_fit() into *buffer (grown as needed, *capacity its size; the
 * caller frees it), with the fitted text's width in *width. Returns 0, or
 * -1 when out of memory. */
int text_fit_into(const char *text, size_t max_width, char **buffer, size_t *capacity,
                  size_t *width);

#endif
