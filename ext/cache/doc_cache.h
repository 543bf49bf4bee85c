/*
 * doc_cache.h - parsed files kept between queries, per connection, so that
 * a dashboard running five reports, or `tasks JOIN task_deps`, parses each
 * file once. An entry is valid while the file's device, inode, size, mtime
 * and ctime (both to the nanosecond) are unchanged; any change re-reads it.
 *
 * The cache holds at most `limit` bytes of parsed data. When full it admits
 * nothing new rather than evicting: a tree larger than the cache then keeps
 * its first files cached instead of thrashing. A limit of 0 turns it off.
 * Nothing here knows SQLite.
 */
#ifndef TASKS_DOC_CACHE_H
#define TASKS_DOC_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "tasks_deps.h"
#include "tasks_parse.h"

/* 2 MiB by default, so that a scan of any tree stays within a small, flat
 * memory bound (a parsed spec of ~1.3 KB takes ~5.6 KB here, ~9 KB with its
 * graph; directory listings get an eighth of the bound besides); raise it
 * with tasksext_cache_limit() for repeated queries over large trees. */
#define DOC_CACHE_DEFAULT_LIMIT ((size_t)2 << 20)

/* Parts of a file's dependency graph, built on demand. */
enum graph_part {
    GRAPH_EDGES = 1, /* task_graph_build: edges, issues, wave, ready, level */
    GRAPH_REFS = 2   /* task_graph_add_refs: what each task refers to */
};

/* One parsed file, shared by the cache and the cursors reading it. */
typedef struct loaded_file {
    task_document doc;
    task_graph graph;
    int graph_parts; /* enum graph_part bits built so far */
    /* private to the cache */
    int refs;
    int cached;
    size_t bytes;
    dev_t dev;
    ino_t ino;
    off_t size;
    int64_t mtime_ns, ctime_ns;
    char *spec; /* the spec key it was parsed with: part of the cache key */
    struct loaded_file *next_in_bucket;
} loaded_file;

typedef struct doc_cache_stats {
    size_t entries, bytes, limit;
    uint64_t hits, misses;
} doc_cache_stats;

typedef struct doc_cache doc_cache;

doc_cache *doc_cache_new(size_t limit);
void doc_cache_free(doc_cache *cache);

/* The cached parse of the file `st` describes, with a reference the caller
 * releases; NULL when there is none (a stale entry is dropped on the way). */
loaded_file *doc_cache_find(doc_cache *cache, const struct stat *st, const char *spec);

/* A new, empty file record with one reference, keyed by `st`. */
loaded_file *loaded_file_new(const struct stat *st, const char *spec);

/* Offers a parsed file to the cache, which keeps it if it fits: 1 when it
 * is cached, 0 when not. */
int doc_cache_offer(doc_cache *cache, loaded_file *file);

/* Builds the parts (enum graph_part bits) of the file's dependency graph
 * that it does not have yet (0, or -1 when out of memory). */
int loaded_file_build_graph(doc_cache *cache, loaded_file *file, int parts);

void loaded_file_release(loaded_file *file);

void doc_cache_set_limit(doc_cache *cache, size_t limit);
int doc_cache_enabled(const doc_cache *cache); /* limit above 0 */
size_t doc_cache_clear(doc_cache *cache);
doc_cache_stats doc_cache_get_stats(const doc_cache *cache);

#endif
