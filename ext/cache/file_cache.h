/*
 * file_cache.h - things made from a file or directory, kept between scans
 * while the file is unchanged: written once for parsed files and directory
 * listings alike.
 *
 * An entry is found by device and inode, and is valid while the file's
 * mtime and ctime (to the nanosecond), its size when the entry keeps it, and
 * an extra key (the spec key a file was parsed under) are what they were;
 * any change drops it. The cache holds at most `limit` bytes; when full it
 * admits nothing new rather than evicting, so a tree larger than the cache
 * keeps its first files instead of thrashing. A limit of 0 turns it off.
 * Besides what it keeps, it finds the entries pinned by their holders.
 *
 * Entries are immutable once offered: what changes (a file that gains its
 * dependency graph) is a new entry that replaces the old one, and whoever
 * still holds the old one reads it safely. Reference counts are atomic, so
 * an entry may be taken and released on any thread; the cache's own lock
 * guards its table, and no caller ever holds it. Nothing here knows what an
 * entry holds, SQLite or markdown.
 */
#ifndef TASKS_FILE_CACHE_H
#define TASKS_FILE_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* The head of anything the cache keeps; embed it first. */
typedef struct cache_entry {
    dev_t dev;
    ino_t ino;
    int64_t size; /* -1: the size is not part of the key (directories) */
    int64_t mtime_ns, ctime_ns;
    char *key;                                  /* the extra key, or NULL */
    size_t bytes;                               /* what the entry holds, for the bound */
    int refs;                                   /* atomic */
    int cached;                                 /* under the cache's lock */
    int pins;                                   /* under the cache's lock */
    unsigned pin_generation;                    /* the cache's generation when pinned */
    void (*destroy)(struct cache_entry *entry); /* frees the whole thing */
    struct cache_entry *next_in_bucket;
    struct cache_entry *next_pinned;
} cache_entry;

/* Keys `entry` by `st` (its size too when with_size) and `key` (copied; may
 * be NULL), with one reference. 0, or -1 when out of memory. With `st` NULL
 * the entry stands for no file, and is never offered. */
int cache_entry_init(cache_entry *entry, const struct stat *st, int with_size, const char *key,
                     void (*destroy)(cache_entry *entry));

/* The same key as `from`'s, for an entry that replaces it. */
int cache_entry_init_like(cache_entry *entry, const cache_entry *from,
                          void (*destroy)(cache_entry *entry));

void cache_entry_retain(cache_entry *entry);

/* Drops a reference; the last one destroys the entry. Any thread. */
void cache_entry_release(cache_entry *entry);

typedef struct file_cache_stats {
    size_t entries, bytes, limit;
    uint64_t hits, misses;
} file_cache_stats;

typedef struct file_cache file_cache;

file_cache *file_cache_new(size_t limit); /* NULL when out of memory */
void file_cache_free(file_cache *cache);

/* The entry for `st` under `key`, kept or pinned, with a reference the
 * caller releases; NULL when there is none (a stale entry kept is dropped on
 * the way). */
cache_entry *file_cache_find(file_cache *cache, const struct stat *st, int with_size,
                             const char *key);

/* Offers an entry, which the cache keeps (taking a reference) if it fits:
 * 1 when it is kept, 0 when not. Whatever the cache held for the same file
 * (device and inode) is dropped either way: the offer is the newer word. */
int file_cache_offer(file_cache *cache, cache_entry *entry);

/* Makes an entry that something else keeps alive for a while (the index a
 * join's inner side builds) findable by file_cache_find, outside the limit:
 * its memory is spent anyway, so another scan of the same files meanwhile
 * (the join's outer side) need not parse them again. A pin takes a
 * reference; pins of one entry nest. 1 when pinned, 0 when out of memory
 * (the entry is then simply not found). */
int file_cache_pin(file_cache *cache, cache_entry *entry);
/* A clear (file_cache_clear(), or a limit the cache is over) makes every
 * entry pinned before it unfindable too, since what was parsed before a
 * clear (under other status rules, say) must not be found after it.
 * Undoes one file_cache_pin() that returned 1, and drops its reference. */
void file_cache_unpin(file_cache *cache, cache_entry *entry);

int file_cache_enabled(file_cache *cache);                  /* a limit above 0 */
/* Enabled, with `bytes` more under its limit. */
int file_cache_has_room(file_cache *cache, size_t bytes);
void file_cache_set_limit(file_cache *cache, size_t limit); /* empties it when over */
size_t file_cache_clear(file_cache *cache);                 /* the entries dropped */
file_cache_stats file_cache_get_stats(file_cache *cache);

#endif
