/* text_out.h - a growable byte buffer with printf-style appends, for building
 * one generated file in memory before it is written in one go. */
#ifndef BENCH_TEXT_OUT_H
#define BENCH_TEXT_OUT_H

#include <stddef.h>

typedef struct text_out {
    char *data;
    size_t len, cap;
} text_out;

/* Appends formatted text; exits the program when memory runs out (a benchmark
 * has nothing sensible to do without it). */
void text_out_printf(text_out *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

void text_out_clear(text_out *out);
void text_out_free(text_out *out);

#endif
