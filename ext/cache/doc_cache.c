/* doc_cache.c - a chained hash table on (device, inode). */
#include "doc_cache.h"

#include <stdlib.h>
#include <string.h>

#include "../fs/file_key.h"
#include "../parse/arena.h"

struct doc_cache {
    loaded_file **buckets;
    size_t n_buckets;
    doc_cache_stats stats;
};

static size_t bucket_of(const doc_cache *cache, dev_t dev, ino_t ino)
{
    return file_key_bucket(dev, ino, cache->n_buckets);
}

static size_t document_bytes(const loaded_file *f)
{
    size_t bytes = sizeof(*f) + (f->spec ? strlen(f->spec) + 1 : 0);
    bytes += tasks_arena_bytes(f->doc.arena);
    bytes += f->doc.n_tasks * sizeof(task_record) + f->doc.n_phrases * sizeof(task_phrase) +
             f->doc.n_steps * sizeof(task_step);
    if (f->graph_parts) {
        bytes += tasks_arena_bytes(f->graph.arena) + f->graph.n_edges * sizeof(task_edge) +
                 f->graph.n_issues * sizeof(task_issue) + f->doc.n_tasks * 3 * sizeof(int) +
                 f->doc.n_phrases * sizeof(size_t) + f->graph.n_refs * sizeof(task_ref);
    }
    return bytes;
}

doc_cache *doc_cache_new(size_t limit)
{
    doc_cache *cache = calloc(1, sizeof(doc_cache));
    if (cache) cache->stats.limit = limit;
    return cache;
}

static void free_file(loaded_file *f)
{
    task_graph_free(&f->graph);
    task_document_free(&f->doc);
    free(f->spec);
    free(f);
}

void loaded_file_release(loaded_file *f)
{
    if (f && --f->refs == 0) free_file(f);
}

static void unlink_entry(doc_cache *cache, loaded_file **link)
{
    loaded_file *f = *link;
    *link = f->next_in_bucket;
    f->next_in_bucket = NULL;
    f->cached = 0;
    cache->stats.entries--;
    cache->stats.bytes -= f->bytes;
    loaded_file_release(f);
}

size_t doc_cache_clear(doc_cache *cache)
{
    size_t cleared = cache->stats.entries;
    for (size_t b = 0; b < cache->n_buckets; b++)
        while (cache->buckets[b])
            unlink_entry(cache, &cache->buckets[b]);
    free(cache->buckets);
    cache->buckets = NULL;
    cache->n_buckets = 0;
    return cleared;
}

void doc_cache_free(doc_cache *cache)
{
    if (!cache) return;
    doc_cache_clear(cache);
    free(cache);
}

void doc_cache_set_limit(doc_cache *cache, size_t limit)
{
    cache->stats.limit = limit;
    if (cache->stats.bytes > limit) doc_cache_clear(cache);
}

int doc_cache_enabled(const doc_cache *cache)
{
    return cache && cache->stats.limit > 0;
}

doc_cache_stats doc_cache_get_stats(const doc_cache *cache)
{
    return cache->stats;
}

static int same_key(const loaded_file *f, const struct stat *st)
{
    return f->dev == st->st_dev && f->ino == st->st_ino;
}

static int still_valid(const loaded_file *f, const struct stat *st, const char *spec)
{
    return f->size == st->st_size && f->mtime_ns == timespec_ns(st->st_mtim) &&
           f->ctime_ns == timespec_ns(st->st_ctim) &&
           strcmp(f->spec ? f->spec : "", spec ? spec : "") == 0;
}

loaded_file *doc_cache_find(doc_cache *cache, const struct stat *st, const char *spec)
{
    if (!cache || cache->n_buckets == 0) {
        if (cache) cache->stats.misses++;
        return NULL;
    }
    loaded_file **link = &cache->buckets[bucket_of(cache, st->st_dev, st->st_ino)];
    for (; *link; link = &(*link)->next_in_bucket) {
        if (!same_key(*link, st)) continue;
        if (!still_valid(*link, st, spec)) {
            unlink_entry(cache, link); /* the file changed: forget it */
            break;
        }
        cache->stats.hits++;
        (*link)->refs++;
        return *link;
    }
    cache->stats.misses++;
    return NULL;
}

loaded_file *loaded_file_new(const struct stat *st, const char *spec)
{
    loaded_file *f = calloc(1, sizeof(loaded_file));
    if (!f) return NULL;
    f->refs = 1;
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    f->size = st->st_size;
    f->mtime_ns = timespec_ns(st->st_mtim);
    f->ctime_ns = timespec_ns(st->st_ctim);
    f->spec = strdup(spec ? spec : "");
    if (!f->spec) {
        free(f);
        return NULL;
    }
    return f;
}

static int grow_buckets(doc_cache *cache)
{
    size_t n = cache->n_buckets ? cache->n_buckets * 2 : 1024;
    loaded_file **buckets = calloc(n, sizeof(loaded_file *));
    if (!buckets) return -1;
    for (size_t b = 0; b < cache->n_buckets; b++) {
        loaded_file *f = cache->buckets[b];
        while (f) {
            loaded_file *next = f->next_in_bucket;
            size_t nb = file_key_bucket(f->dev, f->ino, n);
            f->next_in_bucket = buckets[nb];
            buckets[nb] = f;
            f = next;
        }
    }
    free(cache->buckets);
    cache->buckets = buckets;
    cache->n_buckets = n;
    return 0;
}

int doc_cache_offer(doc_cache *cache, loaded_file *f)
{
    if (!cache) return 0;
    if (f->cached) return 1;
    f->bytes = document_bytes(f);
    if (cache->stats.bytes + f->bytes > cache->stats.limit) return 0;
    if (cache->stats.entries >= cache->n_buckets * 2 && grow_buckets(cache) < 0) return 0;
    size_t b = bucket_of(cache, f->dev, f->ino);
    f->next_in_bucket = cache->buckets[b];
    cache->buckets[b] = f;
    f->cached = 1;
    f->refs++;
    cache->stats.entries++;
    cache->stats.bytes += f->bytes;
    return 1;
}

int loaded_file_build_graph(doc_cache *cache, loaded_file *f, int parts)
{
    if ((parts & ~f->graph_parts) == 0) return 0;
    if (!(f->graph_parts & GRAPH_EDGES)) {
        if (task_graph_build(&f->doc, &f->graph) != TASKS_PARSE_OK) return -1;
        f->graph_parts |= GRAPH_EDGES;
    }
    if ((parts & GRAPH_REFS) && !(f->graph_parts & GRAPH_REFS)) {
        if (task_graph_add_refs(&f->doc, &f->graph) != TASKS_PARSE_OK) return -1;
        f->graph_parts |= GRAPH_REFS;
    }
    if (f->cached && cache) {
        size_t bytes = document_bytes(f);
        cache->stats.bytes += bytes - f->bytes;
        f->bytes = bytes;
        /* The graph can push the cache past its bound: then this entry goes
         * (the caller still holds its own reference). */
        if (cache->stats.bytes > cache->stats.limit) {
            loaded_file **link = &cache->buckets[bucket_of(cache, f->dev, f->ino)];
            while (*link && *link != f)
                link = &(*link)->next_in_bucket;
            if (*link) unlink_entry(cache, link);
        }
    }
    return 0;
}
