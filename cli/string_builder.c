/*
 * string_builder.c - see string_builder.h.
 */
#include "string_builder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(string_builder *builder, size_t more)
{
    if (builder->failed) return -1;
    if (builder->length + more + 1 <= builder->capacity) return 0;
    size_t capacity = builder->capacity ? builder->capacity : 64;
    while (builder->length + more + 1 > capacity)
        capacity *= 2;
    char *grown = realloc(builder->text, capacity);
    if (!grown) {
        builder->failed = 1;
        return -1;
    }
    builder->text = grown;
    builder->capacity = capacity;
    return 0;
}

void builder_clear(string_builder *builder)
{
    builder->length = 0;
    if (builder->text) builder->text[0] = '\0';
}

void builder_append(string_builder *builder, const char *text)
{
    size_t n = strlen(text);
    if (reserve(builder, n) != 0) return;
    memcpy(builder->text + builder->length, text, n + 1);
    builder->length += n;
}

void builder_append_n(string_builder *builder, const char *text, size_t n)
{
    if (reserve(builder, n) != 0) return;
    memcpy(builder->text + builder->length, text, n);
    builder->length += n;
    builder->text[builder->length] = '\0';
}

void builder_printf(string_builder *builder, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (n < 0 || reserve(builder, (size_t)n) != 0) return;
    va_start(args, format);
    vsnprintf(builder->text + builder->length, (size_t)n + 1, format, args);
    va_end(args);
    builder->length += (size_t)n;
}

const char *builder_text(const string_builder *builder)
{
    return builder->text ? builder->text : "";
}

void builder_free(string_builder *builder)
{
    free(builder->text);
    memset(builder, 0, sizeof *builder);
}
