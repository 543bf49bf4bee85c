/* text_hash.h - FNV-1a over NUL-terminated text: the one hash the project's
 * hash tables key their strings by. Header-only, below every layer. */
#ifndef TASKS_TEXT_HASH_H
#define TASKS_TEXT_HASH_H

#include <stdint.h>

#define TEXT_HASH_START 14695981039346656037ULL

/* One byte more into `h`. */
static inline uint64_t text_hash_byte(uint64_t h, unsigned char byte)
{
    return (h ^ byte) * 1099511628211ULL;
}

/* `text`'s bytes into `h` (TEXT_HASH_START for a first one). To hash several
 * fields, end each but the last with a byte no text holds (0xFF), so that
 * ("ab", "c") and ("a", "bc") differ. */
static inline uint64_t text_hash_add(uint64_t h, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = text_hash_byte(h, *p);
    return h;
}

#endif
