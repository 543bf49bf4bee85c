/* text_buffer.h - a growable byte buffer for building strings and JSON. */
#ifndef TASKS_TEXT_BUFFER_H
#define TASKS_TEXT_BUFFER_H

#include <stddef.h>
#include <stdint.h>

typedef struct text_buffer {
    char *data;
    size_t len;
    size_t capacity;
    int failed; /* set once an allocation failed; later appends do nothing */
} text_buffer;

void text_buffer_init(text_buffer *buf);
void text_buffer_free(text_buffer *buf);
void text_buffer_clear(text_buffer *buf);
void text_buffer_append(text_buffer *buf, const char *bytes, size_t len);
void text_buffer_append_char(text_buffer *buf, char c);
void text_buffer_append_codepoint(text_buffer *buf, uint32_t codepoint);
/* Appends `bytes` as a JSON string literal, quotes included. */
void text_buffer_append_json_string(text_buffer *buf, const char *bytes, size_t len);

#endif
