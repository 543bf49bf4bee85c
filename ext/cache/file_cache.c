/* file_cache.c - two chained hash tables on (device, inode) behind one
 * lock: the entries kept, and the entries pinned by their holders. */
#include "file_cache.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../fs/file_key.h"

struct file_cache {
    pthread_mutex_t lock;
    cache_entry **buckets;
    size_t n_buckets;
    cache_entry **pinned; /* chained by next_pinned */
    size_t n_pinned_buckets, n_pinned;
    unsigned generation; /* one more at each clear: older pins are not found */
    file_cache_stats stats;
};

int cache_entry_init(cache_entry *e, const struct stat *st, int with_size, const char *key,
                     void (*destroy)(cache_entry *entry))
{
    memset(e, 0, sizeof(*e));
    if (st) {
        e->dev = st->st_dev;
        e->ino = st->st_ino;
        e->size = with_size ? (int64_t)st->st_size : -1;
        e->mtime_ns = timespec_ns(st->st_mtim);
        e->ctime_ns = timespec_ns(st->st_ctim);
    }
    e->refs = 1;
    e->destroy = destroy;
    if (key && !(e->key = strdup(key))) return -1;
    return 0;
}

int cache_entry_init_like(cache_entry *e, const cache_entry *from,
                          void (*destroy)(cache_entry *entry))
{
    memset(e, 0, sizeof(*e));
    e->dev = from->dev;
    e->ino = from->ino;
    e->size = from->size;
    e->mtime_ns = from->mtime_ns;
    e->ctime_ns = from->ctime_ns;
    e->refs = 1;
    e->destroy = destroy;
    if (from->key && !(e->key = strdup(from->key))) return -1;
    return 0;
}

void cache_entry_retain(cache_entry *e)
{
    __atomic_add_fetch(&e->refs, 1, __ATOMIC_RELAXED);
}

void cache_entry_release(cache_entry *e)
{
    if (!e || __atomic_sub_fetch(&e->refs, 1, __ATOMIC_ACQ_REL) > 0) return;
    free(e->key);
    e->destroy(e);
}

file_cache *file_cache_new(size_t limit)
{
    file_cache *cache = calloc(1, sizeof(file_cache));
    if (!cache) return NULL;
    if (pthread_mutex_init(&cache->lock, NULL) != 0) {
        free(cache);
        return NULL;
    }
    cache->stats.limit = limit;
    return cache;
}

/* With the lock held. */
static void unlink_entry(file_cache *cache, cache_entry **link)
{
    cache_entry *e = *link;
    *link = e->next_in_bucket;
    e->next_in_bucket = NULL;
    e->cached = 0;
    cache->stats.entries--;
    cache->stats.bytes -= e->bytes;
    cache_entry_release(e);
}

static size_t clear_locked(file_cache *cache)
{
    cache->generation++;
    size_t cleared = cache->stats.entries;
    for (size_t b = 0; b < cache->n_buckets; b++)
        while (cache->buckets[b])
            unlink_entry(cache, &cache->buckets[b]);
    free(cache->buckets);
    cache->buckets = NULL;
    cache->n_buckets = 0;
    return cleared;
}

void file_cache_free(file_cache *cache)
{
    if (!cache) return;
    clear_locked(cache);
    /* (Holders unpin before they let go; a pin left over is dropped here.) */
    for (size_t b = 0; b < cache->n_pinned_buckets; b++) {
        while (cache->pinned[b]) {
            cache_entry *e = cache->pinned[b];
            cache->pinned[b] = e->next_pinned;
            int pins = e->pins;
            e->pins = 0;
            while (pins-- > 0)
                cache_entry_release(e);
        }
    }
    free(cache->pinned);
    pthread_mutex_destroy(&cache->lock);
    free(cache);
}

size_t file_cache_clear(file_cache *cache)
{
    pthread_mutex_lock(&cache->lock);
    size_t cleared = clear_locked(cache);
    pthread_mutex_unlock(&cache->lock);
    return cleared;
}

int file_cache_enabled(file_cache *cache)
{
    if (!cache) return 0;
    return __atomic_load_n(&cache->stats.limit, __ATOMIC_RELAXED) > 0;
}

int file_cache_has_room(file_cache *cache, size_t bytes)
{
    if (!file_cache_enabled(cache)) return 0;
    pthread_mutex_lock(&cache->lock);
    int room = bytes <= cache->stats.limit && cache->stats.bytes <= cache->stats.limit - bytes;
    pthread_mutex_unlock(&cache->lock);
    return room;
}

void file_cache_set_limit(file_cache *cache, size_t limit)
{
    pthread_mutex_lock(&cache->lock);
    __atomic_store_n(&cache->stats.limit, limit, __ATOMIC_RELAXED);
    if (cache->stats.bytes > limit) clear_locked(cache);
    pthread_mutex_unlock(&cache->lock);
}

file_cache_stats file_cache_get_stats(file_cache *cache)
{
    pthread_mutex_lock(&cache->lock);
    file_cache_stats stats = cache->stats;
    pthread_mutex_unlock(&cache->lock);
    return stats;
}

static int same_version(const cache_entry *e, const struct stat *st, int with_size, const char *key)
{
    return (!with_size || e->size == (int64_t)st->st_size) &&
           e->mtime_ns == timespec_ns(st->st_mtim) && e->ctime_ns == timespec_ns(st->st_ctim) &&
           strcmp(e->key ? e->key : "", key ? key : "") == 0;
}

cache_entry *file_cache_find(file_cache *cache, const struct stat *st, int with_size,
                             const char *key)
{
    if (!cache) return NULL;
    pthread_mutex_lock(&cache->lock);
    cache_entry *found = NULL;
    if (cache->n_buckets) {
        cache_entry **link =
            &cache->buckets[file_key_bucket(st->st_dev, st->st_ino, cache->n_buckets)];
        for (; *link; link = &(*link)->next_in_bucket) {
            cache_entry *e = *link;
            if (e->dev != st->st_dev || e->ino != st->st_ino) continue;
            if (!same_version(e, st, with_size, key)) {
                unlink_entry(cache, link); /* the file changed: forget it */
                break;
            }
            cache_entry_retain(e);
            found = e;
            break;
        }
    }
    if (!found && cache->n_pinned_buckets) {
        /* A pinned entry is its holder's to drop: one of another version
         * is passed over, not unlinked. */
        cache_entry *e =
            cache->pinned[file_key_bucket(st->st_dev, st->st_ino, cache->n_pinned_buckets)];
        for (; e && !found; e = e->next_pinned) {
            if (e->dev != st->st_dev || e->ino != st->st_ino) continue;
            if (e->pin_generation != cache->generation) continue; /* pinned before a clear */
            if (!same_version(e, st, with_size, key)) continue;
            cache_entry_retain(e);
            found = e;
        }
    }
    if (found)
        cache->stats.hits++;
    else
        cache->stats.misses++;
    pthread_mutex_unlock(&cache->lock);
    return found;
}

/* An entry's link in one of the two tables: next_in_bucket or next_pinned. */
static cache_entry **link_at(cache_entry *e, size_t link)
{
    return (cache_entry **)((char *)e + link);
}

/* Doubles a table (from 1024 buckets), rehashing its chains through the
 * link at offset `link`. With the lock held. */
static int grow_table(cache_entry ***table, size_t *n_buckets, size_t link)
{
    size_t n = *n_buckets ? *n_buckets * 2 : 1024;
    cache_entry **buckets = calloc(n, sizeof(cache_entry *));
    if (!buckets) return -1;
    for (size_t b = 0; b < *n_buckets; b++) {
        cache_entry *e = (*table)[b];
        while (e) {
            cache_entry *next = *link_at(e, link);
            size_t nb = file_key_bucket(e->dev, e->ino, n);
            *link_at(e, link) = buckets[nb];
            buckets[nb] = e;
            e = next;
        }
    }
    free(*table);
    *table = buckets;
    *n_buckets = n;
    return 0;
}

/* Unlinks the entry of the same file, if any: a newer version, or the same
 * one loaded by two scans at once, takes its place. With the lock held. */
static void drop_same_file(file_cache *cache, const cache_entry *e)
{
    if (!cache->n_buckets) return;
    cache_entry **link = &cache->buckets[file_key_bucket(e->dev, e->ino, cache->n_buckets)];
    for (; *link; link = &(*link)->next_in_bucket) {
        if ((*link)->dev == e->dev && (*link)->ino == e->ino) {
            unlink_entry(cache, link);
            return;
        }
    }
}

static int offer_locked(file_cache *cache, cache_entry *e)
{
    if (e->cached) return 1;
    drop_same_file(cache, e);
    if (cache->stats.bytes + e->bytes > cache->stats.limit) return 0;
    if (cache->stats.entries >= cache->n_buckets * 2 &&
        grow_table(&cache->buckets, &cache->n_buckets, offsetof(cache_entry, next_in_bucket)) < 0)
        return 0;
    size_t b = file_key_bucket(e->dev, e->ino, cache->n_buckets);
    e->next_in_bucket = cache->buckets[b];
    cache->buckets[b] = e;
    e->cached = 1;
    cache_entry_retain(e);
    cache->stats.entries++;
    cache->stats.bytes += e->bytes;
    return 1;
}

int file_cache_offer(file_cache *cache, cache_entry *e)
{
    if (!cache) return 0;
    pthread_mutex_lock(&cache->lock);
    int kept = offer_locked(cache, e);
    pthread_mutex_unlock(&cache->lock);
    return kept;
}

int file_cache_pin(file_cache *cache, cache_entry *e)
{
    if (!cache) return 0;
    pthread_mutex_lock(&cache->lock);
    if (e->pins == 0) {
        if (cache->n_pinned >= cache->n_pinned_buckets * 2 &&
            grow_table(&cache->pinned, &cache->n_pinned_buckets,
                       offsetof(cache_entry, next_pinned)) < 0) {
            pthread_mutex_unlock(&cache->lock);
            return 0;
        }
        size_t b = file_key_bucket(e->dev, e->ino, cache->n_pinned_buckets);
        e->pin_generation = cache->generation;
        e->next_pinned = cache->pinned[b];
        cache->pinned[b] = e;
        cache->n_pinned++;
    }
    e->pins++;
    cache_entry_retain(e);
    pthread_mutex_unlock(&cache->lock);
    return 1;
}

void file_cache_unpin(file_cache *cache, cache_entry *e)
{
    if (!cache || !e) return;
    pthread_mutex_lock(&cache->lock);
    if (e->pins > 0 && --e->pins == 0) {
        cache_entry **link =
            &cache->pinned[file_key_bucket(e->dev, e->ino, cache->n_pinned_buckets)];
        while (*link && *link != e)
            link = &(*link)->next_pinned;
        if (*link) *link = e->next_pinned;
        e->next_pinned = NULL;
        cache->n_pinned--;
    }
    pthread_mutex_unlock(&cache->lock);
    cache_entry_release(e);
}
