/* arena.c - bump allocation in chunks that start small and double up to
 * 16 KiB (a cached document of a small file should cost little), and large
 * requests get a chunk of their own. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST_CHUNK_BYTES 1024
#define ARENA_CHUNK_BYTES 16384

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t used;
    size_t capacity;
    max_align_t data[];
} arena_chunk;

struct tasks_arena {
    arena_chunk *head;
    size_t bytes; /* everything allocated, headers included */
    size_t next_capacity;
};

tasks_arena *tasks_arena_new(void)
{
    return calloc(1, sizeof(tasks_arena));
}

void tasks_arena_free(tasks_arena *arena)
{
    if (!arena) return;
    arena_chunk *chunk = arena->head;
    while (chunk) {
        arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    free(arena);
}

static arena_chunk *arena_add_chunk(tasks_arena *arena, size_t capacity)
{
    arena_chunk *chunk = malloc(sizeof(arena_chunk) + capacity);
    if (!chunk) return NULL;
    chunk->used = 0;
    chunk->capacity = capacity;
    chunk->next = arena->head;
    arena->head = chunk;
    arena->bytes += sizeof(arena_chunk) + capacity;
    return chunk;
}

/* `size` bytes at a multiple of `align` (a power of two), not zeroed.
 * Strings take align 1: rounding each to max_align_t would waste a third of
 * a cached document. */
static void *arena_take(tasks_arena *arena, size_t size, size_t align)
{
    if (size == 0) size = 1;
    if (size > SIZE_MAX / 2) return NULL;
    arena_chunk *chunk = arena->head;
    size_t at = chunk ? (chunk->used + align - 1) & ~(align - 1) : 0;
    if (!chunk || at > chunk->capacity || chunk->capacity - at < size) {
        size_t capacity = arena->next_capacity ? arena->next_capacity : ARENA_FIRST_CHUNK_BYTES;
        if (size > capacity / 4) {
            /* A big block gets its own chunk behind the head, so the head's
             * free space is not wasted. */
            arena_chunk *big = malloc(sizeof(arena_chunk) + size);
            if (!big) return NULL;
            big->used = big->capacity = size;
            arena->bytes += sizeof(arena_chunk) + size;
            if (arena->head) {
                big->next = arena->head->next;
                arena->head->next = big;
            } else {
                big->next = NULL;
                arena->head = big;
            }
            return big->data;
        }
        chunk = arena_add_chunk(arena, capacity);
        if (!chunk) return NULL;
        if (capacity < ARENA_CHUNK_BYTES) arena->next_capacity = capacity * 2;
        at = 0;
    }
    chunk->used = at + size;
    return (char *)chunk->data + at;
}

void *tasks_arena_alloc(tasks_arena *arena, size_t size)
{
    void *memory = arena_take(arena, size, sizeof(max_align_t));
    if (memory) memset(memory, 0, size);
    return memory;
}

char *tasks_arena_strndup(tasks_arena *arena, const char *text, size_t len)
{
    if (len == SIZE_MAX) return NULL;
    char *copy = arena_take(arena, len + 1, 1);
    if (!copy) return NULL;
    if (len) memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *tasks_arena_text(tasks_arena *arena, size_t size)
{
    return arena_take(arena, size, 1);
}

size_t tasks_arena_bytes(const tasks_arena *arena)
{
    return arena ? arena->bytes + sizeof(*arena) : 0;
}
