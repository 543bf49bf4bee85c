/* file_key.h - what both caches key a file or directory by: its device and
 * inode (hashed to a bucket), and its times to the nanosecond. */
#ifndef TASKS_FILE_KEY_H
#define TASKS_FILE_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

static inline int64_t timespec_ns(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* A bucket in a table of n_buckets (a power of two). */
static inline size_t file_key_bucket(dev_t dev, ino_t ino, size_t n_buckets)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)dev;
    return (size_t)(h >> 17) & (n_buckets - 1);
}

/* Whether a scan still looks its files up in a cache. A lookup costs a stat
 * before the file is read; once the cache is full and the lookups keep
 * missing (a tree larger than the cache, read cold), they only cost, so a
 * scan stops after this many in a row. Skipping one is never wrong: the
 * file is read and parsed as if it were not cached. */
#define CACHE_LOOKUPS_GIVE_UP 64

typedef struct cache_lookups {
    unsigned useless; /* missed and not admitted, in a row */
} cache_lookups;

static inline int cache_lookups_worth(const cache_lookups *l)
{
    return l->useless < CACHE_LOOKUPS_GIVE_UP;
}

/* After a lookup: it hit, or its miss was admitted to the cache. */
static inline void cache_lookups_note(cache_lookups *l, int useful)
{
    l->useless = useful ? 0 : l->useless + 1;
}

#endif
