/*
 * prefetch.h - the files of a path argument, walked, read and parsed, handed
 * out one at a time in walk order.
 *
 * With `threads` = 0 every step happens in prefetch_next(), on the caller's
 * thread. With 1 or more, one worker thread walks the tree and reads files
 * ahead into a ring of PREFETCH_RING slots, and parses them when the ring is
 * full, while the caller parses the file it waits for: on two cores the walk,
 * the reads and the parses overlap. Either way the items, and their order,
 * are the same. prefetch_close() stops and joins the worker, so no thread
 * outlives the scan. Nothing here knows SQLite.
 */
#ifndef TASKS_PREFETCH_H
#define TASKS_PREFETCH_H

#include <pthread.h>
#include <stddef.h>

#include "../fs/dir_cache.h"
#include "doc_cache.h"

#define PREFETCH_RING 32

typedef struct prefetch_options {
    size_t max_bytes;            /* larger files are an error */
    int want_graph;              /* graph parts (enum graph_part) to build for each file */
    int threads;                 /* worker threads: 0 or 1 (more are taken as 1) */
    doc_cache *cache;            /* may be NULL */
    dir_cache *listings;         /* may be NULL */
    pthread_mutex_t *cache_lock; /* guards the cache and every loaded_file refcount */
    const task_status_map *statuses; /* copied at open; may be NULL */
} prefetch_options;

typedef struct scan_item {
    char *path;         /* as the walk found it */
    char *spec;         /* the spec key (parse/spec_key.h) */
    char *spec_path;    /* the relative path the key came from */
    int error;          /* 0, or an errno value: nothing was read */
    const char *skipped; /* the walk left this folder or file out, and why (a
                          * static string); nothing was read */
    char reason[128];   /* what went wrong, when error is set */
    loaded_file *file;  /* the parse, when error is 0 */
    /* file's dependency graph when it was asked for, else NULL. Read this,
     * not file->graph_parts, which another scan may change under the cache
     * lock while this item is out. */
    const task_graph *graph;
} scan_item;

typedef struct prefetch prefetch;

/* Returns 0, or -1 with *message (malloc'd) when the root cannot be walked
 * at all, or -1 with *message NULL when out of memory. */
int prefetch_open(const char *root, const prefetch_options *options, prefetch **out,
                  char **message);

/* The next item (valid until the next call): 1, 0 at the end, -1 when out
 * of memory. */
int prefetch_next(prefetch *p, scan_item **item);

void prefetch_close(prefetch *p);

#endif
