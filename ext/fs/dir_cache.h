/* dir_cache.h - directory listings kept between scans, so that a repeated
 * query over an unchanged tree does not list every directory again. A
 * listing is used while the directory's device, inode, mtime and ctime (to
 * the nanosecond) are unchanged: adding, removing or renaming an entry
 * changes them. Bounded in bytes; when full it admits nothing new. The
 * caller locks around every call (the walk may run on a worker thread). */
#ifndef TASKS_DIR_CACHE_H
#define TASKS_DIR_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

enum dir_entry_kind { KIND_OTHER, KIND_FILE, KIND_DIR, KIND_LINK };

typedef struct dir_item {
    char *name;
    unsigned char kind; /* dir_entry_kind, from readdir's d_type */
} dir_item;

/* A sorted listing, shared by the cache and the walks reading it. */
typedef struct dir_listing {
    dir_item *items;
    size_t n;
    int refs;
    int cached;
    size_t bytes;
    dev_t dev;
    ino_t ino;
    int64_t mtime_ns, ctime_ns;
    struct dir_listing *next_in_bucket;
} dir_listing;

typedef struct dir_cache dir_cache;

dir_cache *dir_cache_new(size_t limit);
void dir_cache_free(dir_cache *cache);
void dir_cache_set_limit(dir_cache *cache, size_t limit);
int dir_cache_enabled(const dir_cache *cache); /* limit above 0 */
void dir_cache_clear(dir_cache *cache);

/* The listing of the directory `st` describes, with a reference; or NULL. */
dir_listing *dir_cache_find(dir_cache *cache, const struct stat *st);

/* Wraps `items` (taken over) in a listing with one reference. */
dir_listing *dir_listing_new(const struct stat *st, dir_item *items, size_t n);

/* Offers a listing to the cache, which keeps it if it fits: 1 when it is
 * cached, 0 when not. */
int dir_cache_offer(dir_cache *cache, dir_listing *listing);

void dir_listing_release(dir_listing *listing);

#endif
