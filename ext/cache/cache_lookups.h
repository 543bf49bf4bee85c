/* cache_lookups.h - whether a scan still looks its files up in a cache. A
 * lookup costs a stat before the file is read; once the cache is full and
 * the lookups keep missing (a tree larger than the cache, read cold), they
 * only cost, so a scan stops after this many in a row. Skipping one is never
 * wrong: the file is read and parsed as if it were not cached. The counter
 * is atomic: the caller's thread and the read-ahead thread both look up. */
#ifndef TASKS_CACHE_LOOKUPS_H
#define TASKS_CACHE_LOOKUPS_H

#define CACHE_LOOKUPS_GIVE_UP 64

typedef struct cache_lookups {
    unsigned useless; /* missed and not admitted, in a row */
} cache_lookups;

static inline int cache_lookups_worth(const cache_lookups *l)
{
    return __atomic_load_n(&l->useless, __ATOMIC_RELAXED) < CACHE_LOOKUPS_GIVE_UP;
}

/* After a lookup: it hit, or its miss was admitted to the cache. */
static inline void cache_lookups_note(cache_lookups *l, int useful)
{
    if (useful)
        __atomic_store_n(&l->useless, 0, __ATOMIC_RELAXED);
    else
        __atomic_add_fetch(&l->useless, 1, __ATOMIC_RELAXED);
}

#endif
