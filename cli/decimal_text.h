/* decimal_text.h - an integer in decimal, by hand: tables and JSON write
 * a number for most cells, and snprintf was a tenth of a large report. */
#ifndef CLI_DECIMAL_TEXT_H
#define CLI_DECIMAL_TEXT_H

#include <stdint.h>

/* Enough for INT64_MIN and a NUL. */
#define DECIMAL_TEXT_SIZE 21

/* Writes `value` at the end of `buffer` and returns where it starts. */
static inline const char *decimal_text(int64_t value, char buffer[DECIMAL_TEXT_SIZE])
{
    char *p = buffer + DECIMAL_TEXT_SIZE - 1;
    *p = '\0';
    uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
    do {
        *--p = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0) *--p = '-';
    return p;
}

#endif
