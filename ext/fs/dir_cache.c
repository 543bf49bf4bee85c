/* dir_cache.c - a chained hash table on (device, inode). */
#include "dir_cache.h"

#include "file_key.h"

#include <stdlib.h>
#include <string.h>

struct dir_cache {
    dir_listing **buckets;
    size_t n_buckets, entries, bytes, limit;
};

dir_cache *dir_cache_new(size_t limit)
{
    dir_cache *cache = calloc(1, sizeof(dir_cache));
    if (cache) cache->limit = limit;
    return cache;
}

void dir_listing_release(dir_listing *listing)
{
    if (!listing || --listing->refs > 0) return;
    for (size_t i = 0; i < listing->n; i++)
        free(listing->items[i].name);
    free(listing->items);
    free(listing);
}

static void unlink_listing(dir_cache *cache, dir_listing **link)
{
    dir_listing *l = *link;
    *link = l->next_in_bucket;
    l->cached = 0;
    cache->entries--;
    cache->bytes -= l->bytes;
    dir_listing_release(l);
}

void dir_cache_clear(dir_cache *cache)
{
    for (size_t b = 0; b < cache->n_buckets; b++)
        while (cache->buckets[b])
            unlink_listing(cache, &cache->buckets[b]);
    free(cache->buckets);
    cache->buckets = NULL;
    cache->n_buckets = 0;
}

void dir_cache_free(dir_cache *cache)
{
    if (!cache) return;
    dir_cache_clear(cache);
    free(cache);
}

int dir_cache_enabled(const dir_cache *cache)
{
    return cache && cache->limit > 0;
}

void dir_cache_set_limit(dir_cache *cache, size_t limit)
{
    cache->limit = limit;
    if (cache->bytes > limit) dir_cache_clear(cache);
}

dir_listing *dir_cache_find(dir_cache *cache, const struct stat *st)
{
    if (!cache || !cache->n_buckets) return NULL;
    dir_listing **link = &cache->buckets[file_key_bucket(st->st_dev, st->st_ino, cache->n_buckets)];
    for (; *link; link = &(*link)->next_in_bucket) {
        dir_listing *l = *link;
        if (l->dev != st->st_dev || l->ino != st->st_ino) continue;
        if (l->mtime_ns != timespec_ns(st->st_mtim) || l->ctime_ns != timespec_ns(st->st_ctim)) {
            unlink_listing(cache, link); /* the directory changed */
            return NULL;
        }
        l->refs++;
        return l;
    }
    return NULL;
}

dir_listing *dir_listing_new(const struct stat *st, dir_item *items, size_t n)
{
    dir_listing *l = calloc(1, sizeof(dir_listing));
    if (!l) return NULL;
    l->items = items;
    l->n = n;
    l->refs = 1;
    l->dev = st->st_dev;
    l->ino = st->st_ino;
    l->mtime_ns = timespec_ns(st->st_mtim);
    l->ctime_ns = timespec_ns(st->st_ctim);
    l->bytes = sizeof(*l) + n * sizeof(dir_item);
    for (size_t i = 0; i < n; i++)
        l->bytes += strlen(items[i].name) + 1 + 16; /* malloc overhead, roughly */
    return l;
}

static int grow(dir_cache *cache)
{
    size_t n = cache->n_buckets ? cache->n_buckets * 2 : 1024;
    dir_listing **buckets = calloc(n, sizeof(dir_listing *));
    if (!buckets) return -1;
    for (size_t b = 0; b < cache->n_buckets; b++) {
        dir_listing *l = cache->buckets[b];
        while (l) {
            dir_listing *next = l->next_in_bucket;
            size_t nb = file_key_bucket(l->dev, l->ino, n);
            l->next_in_bucket = buckets[nb];
            buckets[nb] = l;
            l = next;
        }
    }
    free(cache->buckets);
    cache->buckets = buckets;
    cache->n_buckets = n;
    return 0;
}

int dir_cache_offer(dir_cache *cache, dir_listing *l)
{
    if (!cache) return 0;
    if (l->cached) return 1;
    if (cache->bytes + l->bytes > cache->limit) return 0;
    if (cache->entries >= cache->n_buckets * 2 && grow(cache) < 0) return 0;
    size_t b = file_key_bucket(l->dev, l->ino, cache->n_buckets);
    l->next_in_bucket = cache->buckets[b];
    cache->buckets[b] = l;
    l->cached = 1;
    l->refs++;
    cache->entries++;
    cache->bytes += l->bytes;
    return 1;
}
