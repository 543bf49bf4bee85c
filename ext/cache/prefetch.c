/* prefetch.c - a ring of slots between the walker and the consumer.
 *
 * A slot goes EMPTY -> READ (bytes in memory, or a cache hit that still needs
 * its graph) -> PARSING (one thread claimed it) -> DONE -> handed out -> EMPTY.
 * Slots are filled in walk order and handed out in the same order, so the
 * threaded and the single-threaded scans give the same items in the same
 * order. The ring lock guards slot states and counters; the cache lock
 * guards the cache and every loaded_file reference count. */
#include "prefetch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../fs/file_key.h"
#include "../fs/file_read.h"
#include "../fs/path_walk.h"
#include "../parse/arena.h"
#include "../parse/spec_key.h"
#include "../parse/text_buffer.h"

/* A slot keeps its read buffer for the next file up to this size, and the
 * worker frees what it parsed only up to this size of parsed data: past it,
 * memory goes back at once, whichever thread frees it. */
#define PREFETCH_KEEP_BUFFER ((size_t)1 << 20)

typedef enum slot_state { SLOT_EMPTY, SLOT_READ, SLOT_PARSING, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state state;
    scan_item item;
    int has_bytes; /* READ: buffer holds the file, to parse */
    int by_worker; /* the worker parsed it: the worker frees it too */
    int shared;    /* item.file came from the cache or was offered to it */
    size_t size;
    struct stat st; /* the file that was read */
    /* The file's bytes, item.path, item.spec and item.spec_path live here; kept from file
     * to file, so a slot allocates only while they grow, and no memory
     * passes from the thread that reads to the one that parses. */
    char *buffer;
    size_t buffer_capacity;
    text_buffer path, spec, spec_path;
} slot;

struct prefetch {
    prefetch_options o;
    task_status_map statuses; /* a copy: the caller's may change mid-scan */
    path_walk *walk;
    slot ring[PREFETCH_RING];
    size_t head, tail; /* items handed out / slots filled, counted from 0 */
    int handed;        /* ring[head] is out with the caller */
    int walk_done, failed, stop;
    int threaded;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    /* Who sleeps on `changed`: a state change wakes the other thread only
     * when it waits, since each needless wake-up is a futex call and a
     * context switch, per file. */
    int worker_waits, caller_waits;
    cache_lookups lookups; /* under the cache lock: both threads parse and offer */
    /* The scan looks files up in the cache and offers them to it: the cache
     * was on when it began, and it has not given up (a full cache that keeps
     * missing). Once it is 0 it stays 0 for the scan; read without the lock. */
    int use_cache;
};

/* Wakes whoever waits; called with the ring lock held. */
static void wake_waiters(prefetch *p)
{
    if (p->worker_waits || p->caller_waits) pthread_cond_broadcast(&p->changed);
}

static void cache_lock(const prefetch *p)
{
    if (p->o.cache_lock) pthread_mutex_lock(p->o.cache_lock);
}

static void cache_unlock(const prefetch *p)
{
    if (p->o.cache_lock) pthread_mutex_unlock(p->o.cache_lock);
}

/* A file the cache may hold is released under its lock; one it never saw
 * is this scan's alone. */
static void release_file(prefetch *p, loaded_file *file, int shared)
{
    if (!shared) {
        loaded_file_release(file);
        return;
    }
    cache_lock(p);
    loaded_file_release(file);
    cache_unlock(p);
}

static int still_using_cache(const prefetch *p)
{
    return __atomic_load_n(&p->use_cache, __ATOMIC_RELAXED);
}

/* After a lookup or an offer, under the cache lock. */
static void note_lookup(prefetch *p, int useful)
{
    cache_lookups_note(&p->lookups, useful);
    if (!cache_lookups_worth(&p->lookups)) __atomic_store_n(&p->use_cache, 0, __ATOMIC_RELAXED);
}

static void clear_slot(prefetch *p, slot *s)
{
    if (s->item.file) release_file(p, s->item.file, s->shared);
    slot kept = *s;
    memset(s, 0, sizeof(*s));
    s->buffer = kept.buffer;
    s->buffer_capacity = kept.buffer_capacity;
    s->path = kept.path;
    s->spec = kept.spec;
    s->spec_path = kept.spec_path;
}

static int set_name(text_buffer *buf, const char *text, char **out)
{
    text_buffer_clear(buf);
    text_buffer_append(buf, text, strlen(text) + 1); /* with its NUL, so never empty */
    *out = buf->data;
    return buf->failed ? -1 : 0;
}

static void fail_item(scan_item *item, int error, const char *reason)
{
    item->error = error;
    snprintf(item->reason, sizeof item->reason, "%s", reason);
}

/* Walks to the next file and reads it (or finds it in the cache) into `s`.
 * Returns 1, 0 at the end of the walk, -1 when out of memory. */
static int fill_slot(prefetch *p, slot *s)
{
    path_entry entry;
    int more = path_walk_next(p->walk, &entry);
    if (more <= 0) return more;
    if (set_name(&s->path, entry.path, &s->item.path) < 0) return -1;
    text_buffer_clear(&s->spec);
    text_buffer_clear(&s->spec_path);
    spec_key_build(entry.relative, entry.folder, &s->spec, &s->spec_path);
    if (s->spec.failed || s->spec_path.failed) return -1;
    s->item.spec = s->spec.data;
    s->item.spec_path = s->spec_path.data;
    s->state = SLOT_DONE;
    if (entry.skipped) {
        s->item.skipped = entry.skipped;
        return 1;
    }
    if (entry.error) {
        fail_item(&s->item, entry.error, entry.reason);
        return 1;
    }
    struct stat st;
    /* One stat to find the file in the cache; no stat at all without one.
     * (A cache turned off mid-scan is checked under the lock, with the find.) */
    if (still_using_cache(p) && stat(entry.path, &st) == 0) {
        cache_lock(p);
        s->item.file =
            doc_cache_enabled(p->o.cache) ? doc_cache_find(p->o.cache, &st, s->item.spec) : NULL;
        int graph_missing = 0;
        if (s->item.file) {
            note_lookup(p, 1);
            s->shared = 1;
            /* Under the lock: another scan may be adding parts to it. */
            graph_missing = (p->o.want_graph & ~s->item.file->graph_parts) != 0;
            if (p->o.want_graph && !graph_missing) s->item.graph = &s->item.file->graph;
        }
        cache_unlock(p);
        if (s->item.file) {
            if (graph_missing) s->state = SLOT_READ;
            return 1;
        }
    }
    const char *reason;
    int err = file_read_reuse(entry.path, p->o.max_bytes, &s->buffer, &s->buffer_capacity, &s->size,
                              &reason, &s->st);
    if (err == EFBIG) {
        snprintf(s->item.reason, sizeof s->item.reason, "larger than the %llu-byte limit",
                 (unsigned long long)p->o.max_bytes);
        s->item.error = EFBIG;
        return 1;
    }
    if (err) {
        fail_item(&s->item, err, reason);
        return 1;
    }
    s->has_bytes = 1;
    s->state = SLOT_READ;
    return 1;
}

/* Parses a READ slot (on whichever thread claimed it). 0, or -1 when out of
 * memory. */
static int parse_slot(prefetch *p, slot *s)
{
    if (s->has_bytes) {
        /* Made here, by the thread that parses, which is mostly the thread
         * that frees it. */
        loaded_file *file = loaded_file_new(&s->st, s->item.spec);
        if (!file) return -1;
        s->item.file = file;
        s->has_bytes = 0;
        task_load_input in = {s->buffer, s->size, s->item.path, s->item.spec, &p->statuses};
        int rc = task_document_load(&in, &file->doc);
        if (rc == TASKS_PARSE_NOMEM) return -1;
        if (rc == TASKS_PARSE_TOO_BIG) {
            fail_item(&s->item, EFBIG, "larger than the parser's limit");
            release_file(p, file, 0);
            s->item.file = NULL;
            return 0;
        }
        /* A file too large for a slot to keep its buffer for the next one. */
        if (s->buffer_capacity > PREFETCH_KEEP_BUFFER) {
            free(s->buffer);
            s->buffer = NULL;
            s->buffer_capacity = 0;
        }
        if (p->o.want_graph) {
            if (loaded_file_build_graph(NULL, file, p->o.want_graph) < 0) return -1;
            s->item.graph = &file->graph; /* before the cache can share it */
        }
        if (still_using_cache(p)) {
            cache_lock(p);
            note_lookup(p, doc_cache_offer(p->o.cache, file));
            cache_unlock(p);
            s->shared = 1;
        }
        return 0;
    }
    loaded_file *file = s->item.file;
    /* A cache hit without its graph: the file is shared, build under the lock. */
    cache_lock(p);
    int rc = loaded_file_build_graph(p->o.cache, file, p->o.want_graph);
    if (rc == 0) s->item.graph = &file->graph;
    cache_unlock(p);
    return rc;
}

/* The newest slot waiting to be parsed. The caller parses from the head of
 * the ring and the worker from its tail, so they meet in the middle instead
 * of the caller waiting, file after file, for the one the worker took. */
static slot *claimable(prefetch *p)
{
    for (size_t i = p->tail; i-- > p->head + (size_t)p->handed;) {
        slot *s = &p->ring[i % PREFETCH_RING];
        if (s->state == SLOT_READ) return s;
    }
    return NULL;
}

/* Claims a READ slot and parses it outside the lock. Called and returns with
 * the ring lock held. */
static void parse_claimed(prefetch *p, slot *s, int by_worker)
{
    s->state = SLOT_PARSING;
    s->by_worker = by_worker;
    pthread_mutex_unlock(&p->lock);
    int rc = parse_slot(p, s);
    pthread_mutex_lock(&p->lock);
    s->state = SLOT_DONE;
    if (rc < 0) p->failed = 1;
    wake_waiters(p);
}

static void *worker(void *arg)
{
    prefetch *p = arg;
    pthread_mutex_lock(&p->lock);
    while (!p->stop && !p->failed) {
        if (!p->walk_done && p->tail - p->head < PREFETCH_RING) {
            slot *s = &p->ring[p->tail % PREFETCH_RING];
            pthread_mutex_unlock(&p->lock);
            clear_slot(p, s); /* what the worker parsed, given back uncleared */
            int rc = fill_slot(p, s);
            pthread_mutex_lock(&p->lock);
            if (rc > 0)
                p->tail++;
            else if (rc == 0)
                p->walk_done = 1;
            else
                p->failed = 1;
            wake_waiters(p);
            continue;
        }
        slot *s = claimable(p);
        if (s) {
            parse_claimed(p, s, 1);
            continue;
        }
        if (p->walk_done) break;
        p->worker_waits = 1;
        pthread_cond_wait(&p->changed, &p->lock);
        p->worker_waits = 0;
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int prefetch_open(const char *root, const prefetch_options *options, prefetch **out, char **message)
{
    *out = NULL;
    prefetch *p = calloc(1, sizeof(prefetch));
    if (!p) {
        *message = NULL;
        return -1;
    }
    p->o = *options;
    if (options->statuses && options->statuses->n_rules) {
        size_t bytes = options->statuses->n_rules * sizeof(task_status_rule);
        p->statuses.rules = malloc(bytes);
        if (!p->statuses.rules) {
            free(p);
            *message = NULL;
            return -1;
        }
        memcpy(p->statuses.rules, options->statuses->rules, bytes);
        p->statuses.n_rules = options->statuses->n_rules;
    }
    /* With the cache off, a listing would only cost a stat per directory. */
    cache_lock(p);
    int listings = dir_cache_enabled(options->listings);
    p->use_cache = doc_cache_enabled(options->cache);
    cache_unlock(p);
    if (path_walk_open_cached(root, listings ? options->listings : NULL, options->cache_lock,
                              &p->walk, message) != 0) {
        free(p->statuses.rules);
        free(p);
        return -1;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    if (options->threads > 0 && pthread_create(&p->thread, NULL, worker, p) == 0) p->threaded = 1;
    *out = p;
    return 0;
}

/* Clears the slot of the item handed out last, unless the worker parsed it:
 * glibc gives each thread its own heap, and memory freed by the other thread
 * takes that heap's lock, which the worker holds while it allocates; so what
 * the worker parsed, the worker frees when it fills the slot again. Returns
 * 1 when an item was out. */
static int clear_handed(prefetch *p)
{
    if (!p->handed) return 0;
    if (!p->threaded) {
        clear_slot(p, &p->ring[0]);
        return 1;
    }
    slot *s = &p->ring[p->head % PREFETCH_RING];
    int leave_to_worker = s->by_worker && s->item.file && !s->shared &&
                          tasks_arena_bytes(s->item.file->doc.arena) <= PREFETCH_KEEP_BUFFER;
    if (!leave_to_worker) clear_slot(p, s);
    return 1;
}

static int next_unthreaded(prefetch *p, scan_item **item)
{
    slot *s = &p->ring[0]; /* one file at a time: one slot, one buffer */
    int rc = fill_slot(p, s);
    if (rc <= 0) {
        clear_slot(p, s);
        return rc;
    }
    if (s->state == SLOT_READ && parse_slot(p, s) < 0) return -1;
    s->state = SLOT_DONE;
    p->tail = p->head + 1;
    p->handed = 1;
    *item = &s->item;
    return 1;
}

int prefetch_next(prefetch *p, scan_item **item)
{
    int returned = clear_handed(p);
    if (!p->threaded) {
        if (returned) {
            p->head++;
            p->handed = 0;
        }
        return next_unthreaded(p, item);
    }
    /* One lock both to give the slot back and to take the next. */
    pthread_mutex_lock(&p->lock);
    if (returned) {
        p->head++;
        p->handed = 0;
        wake_waiters(p);
    }
    for (;;) {
        if (p->failed) break;
        if (p->head < p->tail) {
            slot *s = &p->ring[p->head % PREFETCH_RING];
            if (s->state == SLOT_DONE) {
                p->handed = 1;
                *item = &s->item;
                pthread_mutex_unlock(&p->lock);
                return 1;
            }
            if (s->state == SLOT_READ) {
                parse_claimed(p, s, 0); /* here, rather than wait for the worker */
                continue;
            }
        } else if (p->walk_done) {
            pthread_mutex_unlock(&p->lock);
            return 0;
        }
        p->caller_waits = 1;
        pthread_cond_wait(&p->changed, &p->lock);
        p->caller_waits = 0;
    }
    pthread_mutex_unlock(&p->lock);
    return -1;
}

void prefetch_close(prefetch *p)
{
    if (!p) return;
    if (p->threaded) {
        pthread_mutex_lock(&p->lock);
        p->stop = 1;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->thread, NULL);
    }
    for (size_t i = 0; i < PREFETCH_RING; i++) {
        clear_slot(p, &p->ring[i]);
        free(p->ring[i].buffer);
        text_buffer_free(&p->ring[i].path);
        text_buffer_free(&p->ring[i].spec);
        text_buffer_free(&p->ring[i].spec_path);
    }
    path_walk_close(p->walk);
    free(p->statuses.rules);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free(p);
}
