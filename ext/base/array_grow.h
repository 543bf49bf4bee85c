/* array_grow.h - the one way an array of the project grows: capacity
 * doubles (from 16 items), the size is checked for overflow, and on failure
 * the array is left as it was. Header-only, below every layer: fs, parse,
 * deps, cache and sqlite may all include it. */
#ifndef TASKS_ARRAY_GROW_H
#define TASKS_ARRAY_GROW_H

#include <stdint.h>
#include <stdlib.h>

/* Makes `*array` (of `*cap` items of `item` bytes, realloc'd) hold at least
 * `wanted` items. 1, or 0 when out of memory or the size would overflow. */
static inline int array_reserve(void **array, size_t *cap, size_t wanted, size_t item)
{
    if (wanted <= *cap) return 1;
    size_t next = *cap ? *cap : 16;
    while (next < wanted) {
        if (next > SIZE_MAX / 2) return 0;
        next *= 2;
    }
    if (item && next > SIZE_MAX / item) return 0;
    void *grown = realloc(*array, next * item);
    if (!grown) return 0;
    *array = grown;
    *cap = next;
    return 1;
}

/* Gives back the room past `count` items, once an array is complete: what
 * a cache or a join's index keeps holds no spare half. Left as it was when
 * `count` is 0 or realloc fails. Only for arrays nothing points into. */
static inline void array_fit(void **array, size_t count, size_t item)
{
    if (!*array || count == 0 || count > SIZE_MAX / item) return;
    void *fitted = realloc(*array, count * item);
    if (fitted) *array = fitted;
}

/* Makes room for one more item after `count`: 1, or 0 when out of memory. */
static inline int grow_array(void **array, size_t *cap, size_t count, size_t item)
{
    return count < *cap || (count < SIZE_MAX && array_reserve(array, cap, count + 1, item));
}

#endif
