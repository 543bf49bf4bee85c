/* utf8.h - UTF-8 decoding and repair: md4c and libyaml pass bytes through
 * unchecked, and SQLite must only ever see valid UTF-8. */
#ifndef TASKS_UTF8_H
#define TASKS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "text_buffer.h"

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point at bytes[0..len). Returns the number of bytes it
 * takes (1 to 4); on an invalid sequence stores U+FFFD and returns 1. */
size_t utf8_decode(const char *bytes, size_t len, uint32_t *codepoint);

/* 1 when every byte is part of a valid, shortest-form sequence. */
int utf8_is_valid(const char *bytes, size_t len);

/* Appends `bytes`, each invalid byte replaced by U+FFFD and NUL by U+FFFD. */
void utf8_append_repaired(text_buffer *out, const char *bytes, size_t len);

/* The two uses of a repair, with no copy in between when `bytes` is already
 * valid (nearly always): a JSON string appended to `out`, and a
 * NUL-terminated copy in `arena` (NULL when out of memory). */
void utf8_append_json_repaired(text_buffer *out, const char *bytes, size_t len);
char *utf8_arena_repaired(tasks_arena *arena, const char *bytes, size_t len);

/* Letters and digits of the scripts task lists are written in; used to tell a
 * status mark ([✅], [-]) from a legend or placeholder ([P], [x] excepted). */
int utf8_is_letter_or_digit(uint32_t codepoint);

#endif
