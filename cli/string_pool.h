/*
 * string_pool.h - strings copied into large chunks and freed all at once:
 * the texts a model or a report keeps for its whole life, without a malloc
 * and a free for each of tens of thousands of cells.
 */
#ifndef CLI_STRING_POOL_H
#define CLI_STRING_POOL_H

#include <stddef.h>

typedef struct string_pool {
    struct pool_chunk *chunks; /* the newest first */
} string_pool;

/* A copy of `text` that lives until string_pool_free(); NULL for NULL, and
 * NULL when out of memory. */
const char *string_pool_keep(string_pool *pool, const char *text);

/* A copy of `length` bytes of `text`, with a NUL after them. */
const char *string_pool_keep_n(string_pool *pool, const char *text, size_t length);

void string_pool_free(string_pool *pool);

#endif
