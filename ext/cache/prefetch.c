/* prefetch.c - a ring of slots between the walker and the consumer.
 *
 * A slot goes EMPTY -> PENDING (the walk's entry copied in) -> LOADING (one
 * thread claimed it) -> DONE -> handed out -> EMPTY. Slots are filled in walk
 * order and handed out in the same order, so the threaded and the
 * single-threaded scans give the same items in the same order. The ring's
 * lock guards slot states and counters only; no callback runs under it. */
#include "prefetch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../parse/text_buffer.h"

typedef enum slot_state { SLOT_EMPTY, SLOT_PENDING, SLOT_LOADING, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state state;
    void *item;
    int loaded;    /* item holds what load() made, not yet released */
    int by_worker; /* the worker loaded it */
    /* The walk's entry: its strings live in `names`, kept from file to file. */
    path_entry entry;
    text_buffer names;
} slot;

struct prefetch {
    prefetch_client client;
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
};

/* Wakes whoever waits; called with the ring lock held. */
static void wake_waiters(prefetch *p)
{
    if (p->worker_waits || p->caller_waits) pthread_cond_broadcast(&p->changed);
}

static void release_item(prefetch *p, slot *s)
{
    if (!s->loaded) return;
    p->client.release(p->client.ctx, s->item);
    s->loaded = 0;
}

/* Copies the walk's entry, whose strings the next step overwrites, into the
 * slot: 0, or -1 when out of memory. */
static int copy_entry(slot *s, const path_entry *from)
{
    const char *texts[] = {from->path, from->folder, from->relative};
    size_t at[3];
    text_buffer_clear(&s->names);
    for (int i = 0; i < 3; i++) {
        at[i] = s->names.len;
        const char *text = texts[i] ? texts[i] : "";
        text_buffer_append(&s->names, text, strlen(text) + 1);
    }
    if (s->names.failed) return -1;
    s->entry = *from;
    s->entry.path = s->names.data + at[0];
    s->entry.folder = s->names.data + at[1];
    s->entry.relative = s->names.data + at[2];
    return 0;
}

/* Takes the next entry of the walk into `s`: 1, 0 at the end, -1 when out of
 * memory. */
static int fill_slot(prefetch *p, slot *s)
{
    release_item(p, s); /* what the worker loaded, left to it */
    path_entry entry;
    int more = path_walk_next(p->walk, &entry);
    if (more <= 0) return more;
    if (copy_entry(s, &entry) < 0) return -1;
    s->state = SLOT_PENDING;
    return 1;
}

static int load_slot(prefetch *p, slot *s)
{
    int rc = p->client.load(p->client.ctx, &s->entry, s->item);
    s->loaded = 1; /* even a failed load may hold something to give back */
    return rc;
}

/* The newest slot waiting to be loaded. The caller loads from the head of
 * the ring and the worker from its tail, so they meet in the middle instead
 * of the caller waiting, file after file, for the one the worker took. */
static slot *claimable(prefetch *p)
{
    for (size_t i = p->tail; i-- > p->head + (size_t)p->handed;) {
        slot *s = &p->ring[i % PREFETCH_RING];
        if (s->state == SLOT_PENDING) return s;
    }
    return NULL;
}

/* Claims a PENDING slot and loads it outside the lock. Called and returns
 * with the ring lock held. */
static void load_claimed(prefetch *p, slot *s, int by_worker)
{
    s->state = SLOT_LOADING;
    s->by_worker = by_worker;
    pthread_mutex_unlock(&p->lock);
    int rc = load_slot(p, s);
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
            load_claimed(p, s, 1);
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

static void free_ring(prefetch *p)
{
    for (size_t i = 0; i < PREFETCH_RING; i++) {
        slot *s = &p->ring[i];
        if (!s->item) continue;
        release_item(p, s);
        if (p->client.destroy) p->client.destroy(p->client.ctx, s->item);
        free(s->item);
        text_buffer_free(&s->names);
    }
}

int prefetch_open(const char *root, const walk_listings *listings, const prefetch_client *client,
                  int threads, prefetch **out, char **message)
{
    *out = NULL;
    *message = NULL;
    prefetch *p = calloc(1, sizeof(prefetch));
    if (!p) return -1;
    p->client = *client;
    /* One slot without a worker: one file at a time, one set of buffers. */
    size_t slots = threads > 0 ? PREFETCH_RING : 1;
    for (size_t i = 0; i < slots; i++) {
        if (!(p->ring[i].item = calloc(1, client->item_size))) {
            free_ring(p);
            free(p);
            return -1;
        }
    }
    if (path_walk_open_with(root, listings, &p->walk, message) != 0) {
        free_ring(p);
        free(p);
        return -1;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    if (threads > 0 && pthread_create(&p->thread, NULL, worker, p) == 0) p->threaded = 1;
    *out = p;
    return 0;
}

/* Gives back the item handed out last, unless the worker loaded it and it is
 * light: glibc gives each thread its own heap, and memory freed by the other
 * thread takes that heap's lock, which the worker holds while it allocates;
 * so what the worker loaded, the worker releases when it fills the slot
 * again. A heavy item (a large file's parse) is released at once, so its
 * memory goes back now. Returns 1 when an item was out. */
static int give_back_handed(prefetch *p)
{
    if (!p->handed) return 0;
    slot *s = &p->ring[p->threaded ? p->head % PREFETCH_RING : 0];
    int leave_to_worker =
        p->threaded && s->by_worker && p->client.light && p->client.light(p->client.ctx, s->item);
    if (!leave_to_worker) release_item(p, s);
    return 1;
}

static int next_unthreaded(prefetch *p, void **item)
{
    slot *s = &p->ring[0];
    int rc = fill_slot(p, s);
    if (rc <= 0) return rc;
    if (load_slot(p, s) < 0) return -1;
    s->state = SLOT_DONE;
    p->handed = 1;
    *item = s->item;
    return 1;
}

int prefetch_next(prefetch *p, void **item)
{
    int returned = give_back_handed(p);
    if (!p->threaded) {
        p->handed = 0;
        return next_unthreaded(p, item);
    }
    /* One lock both to give the slot back and to take the next. */
    pthread_mutex_lock(&p->lock);
    if (returned) {
        p->ring[p->head % PREFETCH_RING].state = SLOT_EMPTY;
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
                *item = s->item;
                pthread_mutex_unlock(&p->lock);
                return 1;
            }
            if (s->state == SLOT_PENDING) {
                load_claimed(p, s, 0); /* here, rather than wait for the worker */
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
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free_ring(p);
    path_walk_close(p->walk);
    free(p);
}
