/* task_version.c - parse each (blob, path) once; keep what the history needs. */
#include "task_version.h"

#include <stdlib.h>
#include <string.h>

#include "../base/text_hash.h"
#include "../fs/file_read.h"

#define ID_BYTES 20

typedef struct version_slot {
    unsigned char id[ID_BYTES];
    const char *path; /* NULL: an empty slot */
    uint64_t hash;
    const task_version *version;
} version_slot;

struct version_map {
    tasks_arena *arena;
    version_slot *slots;
    size_t n, cap; /* cap: a power of two */
    size_t parsed;
};

version_map *version_map_new(tasks_arena *arena)
{
    version_map *map = calloc(1, sizeof(version_map));
    if (!map) return NULL;
    map->arena = arena;
    map->cap = 256;
    map->slots = calloc(map->cap, sizeof(version_slot));
    if (!map->slots) {
        free(map);
        return NULL;
    }
    return map;
}

void version_map_free(version_map *map)
{
    if (!map) return;
    free(map->slots);
    free(map);
}

size_t version_map_parsed(const version_map *map)
{
    return map->parsed;
}

/* A blob id is already a hash of the contents; the path is mixed in by FNV-1a. */
static uint64_t slot_hash(const unsigned char *id, const char *path)
{
    uint64_t h;
    memcpy(&h, id, sizeof h);
    return text_hash_add(h, path);
}

static version_slot *find_slot(version_slot *slots, size_t cap, const unsigned char *id,
                               const char *path, uint64_t hash)
{
    for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
        version_slot *s = &slots[i];
        if (!s->path) return s;
        if (s->hash == hash && memcmp(s->id, id, ID_BYTES) == 0 && strcmp(s->path, path) == 0)
            return s;
    }
}

static int grow(version_map *map)
{
    if (map->cap > SIZE_MAX / 2 / sizeof(version_slot)) return -1;
    size_t cap = map->cap * 2;
    version_slot *slots = calloc(cap, sizeof(version_slot));
    if (!slots) return -1;
    for (size_t i = 0; i < map->cap; i++) {
        const version_slot *s = &map->slots[i];
        if (s->path) *find_slot(slots, cap, s->id, s->path, s->hash) = *s;
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return 0;
}

static const char *copy(tasks_arena *arena, const char *text, int *failed)
{
    if (!text) return NULL;
    const char *out = tasks_arena_strndup(arena, text, strlen(text));
    if (!out) *failed = 1;
    return out;
}

/* The parts of a parsed document the history keeps, copied into the arena. */
static task_version *keep(tasks_arena *arena, const task_document *doc)
{
    task_version *v = tasks_arena_alloc(arena, sizeof(task_version));
    if (!v) return NULL;
    v->tasks = doc->n_tasks ? tasks_arena_alloc(arena, doc->n_tasks * sizeof(version_task)) : NULL;
    if (doc->n_tasks && !v->tasks) return NULL;
    v->n_tasks = doc->n_tasks;
    int failed = 0;
    for (size_t i = 0; i < doc->n_tasks; i++) {
        const task_record *r = &doc->tasks[i];
        version_task *t = &v->tasks[i];
        t->id = copy(arena, r->id, &failed);
        t->title = copy(arena, r->title, &failed);
        /* Status names are static; only a user's own word is the document's. */
        t->status =
            r->status_word ? copy(arena, r->status_word, &failed) : task_status_name(r->status);
        t->files_json =
            strcmp(r->files_json, "[]") == 0 ? "[]" : copy(arena, r->files_json, &failed);
        t->state = r->status;
        t->line = r->line;
        t->counted = r->counted;
        if (!r->counted) continue;
        v->counted++;
        v->done += r->status == TASK_STATUS_DONE;
        v->cancelled += r->status == TASK_STATUS_CANCELLED;
    }
    return failed ? NULL : v;
}

static int parse(version_map *map, const char *path, const task_status_map *statuses,
                 const char *bytes, size_t size, const task_version **out)
{
    task_load_input in = {bytes, size, path, NULL, statuses, 0};
    task_document doc;
    /* tasks()'s limit for one file; past it, as there, no tasks. */
    int rc =
        size > FILE_READ_DEFAULT_MAX_BYTES ? TASKS_PARSE_TOO_BIG : task_document_load(&in, &doc);
    if (rc == TASKS_PARSE_TOO_BIG) {
        task_version *empty = tasks_arena_alloc(map->arena, sizeof(task_version));
        *out = empty;
        return empty ? 0 : -1;
    }
    if (rc != TASKS_PARSE_OK) return -1;
    *out = keep(map->arena, &doc);
    task_document_free(&doc);
    map->parsed++;
    return *out ? 0 : -1;
}

int version_map_get(version_map *map, const unsigned char *id, const char *path,
                    const task_status_map *statuses, version_bytes_fn bytes, void *ctx,
                    const task_version **out)
{
    uint64_t hash = slot_hash(id, path);
    version_slot *slot = find_slot(map->slots, map->cap, id, path, hash);
    if (slot->path) {
        *out = slot->version;
        return 0;
    }
    const char *data;
    size_t size;
    int rc = bytes(ctx, id, &data, &size);
    if (rc != 0) return rc;
    if (parse(map, path, statuses, data, size, out) < 0) return -1;
    const char *kept_path = tasks_arena_strndup(map->arena, path, strlen(path));
    if (!kept_path) return -1;
    memcpy(slot->id, id, ID_BYTES);
    slot->path = kept_path;
    slot->hash = hash;
    slot->version = *out;
    map->n++;
    if (map->n * 2 > map->cap && grow(map) < 0) return -1;
    return 0;
}
