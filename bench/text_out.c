/* text_out.c - vsnprintf into spare capacity, grow and retry when short. */
#include "text_out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void reserve(text_out *out, size_t extra)
{
    if (out->len + extra + 1 <= out->cap) return;
    size_t cap = out->cap ? out->cap : 4096;
    while (cap < out->len + extra + 1)
        cap *= 2;
    char *grown = realloc(out->data, cap);
    if (!grown) {
        fprintf(stderr, "tasks_bench: out of memory\n");
        exit(2);
    }
    out->data = grown;
    out->cap = cap;
}

void text_out_printf(text_out *out, const char *format, ...)
{
    reserve(out, 128);
    va_list args;
    va_start(args, format);
    int n = vsnprintf(out->data + out->len, out->cap - out->len, format, args);
    va_end(args);
    if (n < 0) {
        fprintf(stderr, "tasks_bench: bad format\n");
        exit(2);
    }
    if ((size_t)n >= out->cap - out->len) {
        reserve(out, (size_t)n);
        va_start(args, format);
        vsnprintf(out->data + out->len, out->cap - out->len, format, args);
        va_end(args);
    }
    out->len += (size_t)n;
}

void text_out_clear(text_out *out)
{
    out->len = 0;
    if (out->data) out->data[0] = '\0';
}

void text_out_free(text_out *out)
{
    free(out->data);
    out->data = NULL;
    out->len = out->cap = 0;
}
