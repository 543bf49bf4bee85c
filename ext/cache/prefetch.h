/*
 * prefetch.h - the files of a path argument, each loaded by whichever thread
 * is free, handed out one at a time in walk order.
 *
 * The ring only schedules. It walks the argument and hands each entry to the
 * client's load(), which does the work (read, parse, cache: file_loader.h);
 * what an item holds is the client's business.
 *
 * With `threads` = 0 every step happens in prefetch_next(), on the caller's
 * thread. With 1 or more, one worker thread walks ahead into a ring of
 * PREFETCH_RING slots and loads from the newest end, while the caller loads
 * the oldest slot it is waiting for: on two cores, walking and loading
 * overlap. Either way the items, and their order, are the same.
 * prefetch_close() stops and joins the worker, so no thread outlives the
 * scan. Nothing here knows SQLite, markdown or caches.
 */
#ifndef TASKS_PREFETCH_H
#define TASKS_PREFETCH_H

#include <stddef.h>

#include "../fs/path_walk.h"

#define PREFETCH_RING 32

/* What a slot's item is, and what to do with one. Every callback may run on
 * either thread, never on two at once for the same item. */
typedef struct prefetch_client {
    void *ctx;
    size_t item_size; /* bytes of one item; the ring allocates them zeroed */
    /* Fills `item` from the walk's entry: 0, or -1 when out of memory (the
     * scan then fails). A file that cannot be read is an item, not a failure. */
    int (*load)(void *ctx, const path_entry *entry, void *item);
    /* Gives back what load() made; the item may keep buffers for the next. */
    void (*release)(void *ctx, void *item);
    /* Frees the buffers too (at close). */
    void (*destroy)(void *ctx, void *item);
    /* 1 when the item, once released, frees little: it may wait for the
     * thread that loaded it to release it (see prefetch.c). May be NULL. */
    int (*light)(void *ctx, const void *item);
} prefetch_client;

typedef struct prefetch prefetch;

/* Walks `root` with directory listings from `listings` (may be NULL).
 * Returns 0, or -1 with *message (malloc'd) when the root cannot be walked
 * at all, or -1 with *message NULL when out of memory. */
int prefetch_open(const char *root, const walk_listings *listings, const prefetch_client *client,
                  int threads, prefetch **out, char **message);

/* The next item (valid until the next call): 1, 0 at the end, -1 when out
 * of memory. */
int prefetch_next(prefetch *p, void **item);

void prefetch_close(prefetch *p);

#endif
