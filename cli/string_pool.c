/*
 * string_pool.c - see string_pool.h.
 */
#include "string_pool.h"

#include <stdlib.h>
#include <string.h>

typedef struct pool_chunk {
    struct pool_chunk *next;
    size_t used, size;
    char bytes[];
} pool_chunk;

/* Big enough that a report of 100,000 rows takes a few hundred chunks. */
#define POOL_CHUNK_BYTES (256 * 1024)

const char *string_pool_keep_n(string_pool *pool, const char *text, size_t length)
{
    if (!text) return NULL;
    size_t n = length + 1;
    pool_chunk *chunk = pool->chunks;
    if (!chunk || chunk->size - chunk->used < n) {
        /* A long string gets a chunk of its own, behind the newest, whose
         * room the next strings still use. */
        int own = n > POOL_CHUNK_BYTES / 4;
        size_t size = own ? n : POOL_CHUNK_BYTES;
        pool_chunk *fresh = malloc(sizeof *fresh + size);
        if (!fresh) return NULL;
        fresh->size = size;
        fresh->used = 0;
        if (own && chunk) {
            fresh->next = chunk->next;
            chunk->next = fresh;
        } else {
            fresh->next = chunk;
            pool->chunks = fresh;
        }
        chunk = fresh;
    }
    char *kept = chunk->bytes + chunk->used;
    memcpy(kept, text, length);
    kept[length] = '\0';
    chunk->used += n;
    return kept;
}

const char *string_pool_keep(string_pool *pool, const char *text)
{
    return text ? string_pool_keep_n(pool, text, strlen(text)) : NULL;
}

void string_pool_free(string_pool *pool)
{
    pool_chunk *chunk = pool->chunks;
    while (chunk) {
        pool_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    pool->chunks = NULL;
}
