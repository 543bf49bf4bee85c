/*
 * string_builder.h - text appended piece by piece into a growing buffer
 * (a chain of ids, a list of blockers, a message).
 */
#ifndef CLI_STRING_BUILDER_H
#define CLI_STRING_BUILDER_H

#include <stddef.h>

typedef struct string_builder {
    char *text; /* NUL-terminated once anything was added; NULL before */
    size_t length, capacity;
    int failed; /* out of memory: later appends do nothing */
} string_builder;

void builder_append(string_builder *builder, const char *text);
/* `n` bytes of text (a NUL among them is kept). */
void builder_append_n(string_builder *builder, const char *text, size_t n);
void builder_printf(string_builder *builder, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* The text so far ("" when empty); valid until the next append. */
const char *builder_text(const string_builder *builder);
/* Empties the text and keeps the buffer, for the next one. */
void builder_clear(string_builder *builder);
void builder_free(string_builder *builder);

#endif
