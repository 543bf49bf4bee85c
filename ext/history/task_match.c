/* task_match.c - identity of tasks between two versions, by sorted hashes. */
#include "task_match.h"

#include <stdlib.h>
#include <string.h>

#include "../base/text_hash.h"

typedef struct keyed {
    uint64_t hash;
    long index; /* of the old task; sorted by (hash, index): document order */
} keyed;

enum match_key { KEY_ID_AND_TITLE, KEY_TITLE, KEY_ID };

static uint64_t add_field(uint64_t h, const char *text)
{
    return text_hash_byte(text_hash_add(h, text), 0xFF); /* ends the field */
}

/* 1 with the key's hash of a task that has one. */
static int key_of(const version_task *t, enum match_key key, uint64_t *hash)
{
    uint64_t h = TEXT_HASH_START;
    if (key != KEY_TITLE) {
        if (!t->id) return 0;
        h = add_field(h, t->id);
    }
    if (key != KEY_ID) h = add_field(h, t->title ? t->title : "");
    *hash = h;
    return 1;
}

static int same(const version_task *a, const version_task *b, enum match_key key)
{
    int ids = !a->id || !b->id ? 0 : strcmp(a->id, b->id) == 0;
    int titles = strcmp(a->title ? a->title : "", b->title ? b->title : "") == 0;
    if (key == KEY_ID_AND_TITLE) return ids && titles;
    return key == KEY_ID ? ids : titles;
}

static int by_hash(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* One rule over the tasks still unmatched on both sides. */
static void match_by(const task_version *o, const task_version *n, enum match_key key, long *match,
                     char *taken, keyed *table)
{
    size_t count = 0;
    for (size_t i = 0; i < o->n_tasks; i++) {
        if (taken[i] || !key_of(&o->tasks[i], key, &table[count].hash)) continue;
        table[count++].index = (long)i;
    }
    if (!count) return;
    qsort(table, count, sizeof(keyed), by_hash);
    for (size_t j = 0; j < n->n_tasks; j++) {
        uint64_t hash;
        if (match[j] >= 0 || !key_of(&n->tasks[j], key, &hash)) continue;
        size_t lo = 0, hi = count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (table[mid].hash < hash)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < count && table[k].hash == hash; k++) {
            long i = table[k].index;
            if (taken[i] || !same(&o->tasks[i], &n->tasks[j], key)) continue;
            taken[i] = 1;
            match[j] = i;
            break;
        }
    }
}

int task_match(const task_version *o, const task_version *n, long *match)
{
    for (size_t j = 0; j < n->n_tasks; j++)
        match[j] = -1;
    if (!o || !o->n_tasks || !n->n_tasks) return 0;
    char *taken = calloc(o->n_tasks, 1);
    keyed *table = malloc(o->n_tasks * sizeof(keyed));
    if (!taken || !table) {
        free(taken);
        free(table);
        return -1;
    }
    match_by(o, n, KEY_ID_AND_TITLE, match, taken, table);
    match_by(o, n, KEY_TITLE, match, taken, table);
    match_by(o, n, KEY_ID, match, taken, table);
    free(taken);
    free(table);
    return 0;
}
