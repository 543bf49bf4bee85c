/* name_map.c - open addressing with tombstones, FNV-1a hashes. */
#include "name_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/text_hash.h"

static const char tombstone[] = "";

typedef struct name_slot {
    const char *key; /* NULL: empty; `tombstone`: removed */
    uint64_t hash;
    size_t value;
} name_slot;

struct name_map {
    name_slot *slots;
    size_t used, cap; /* used counts tombstones too; cap is a power of two */
};

static uint64_t hash_of(const char *key)
{
    return text_hash_add(TEXT_HASH_START, key);
}

name_map *name_map_new(void)
{
    name_map *map = calloc(1, sizeof(name_map));
    if (!map) return NULL;
    map->cap = 64;
    map->slots = calloc(map->cap, sizeof(name_slot));
    if (!map->slots) {
        free(map);
        return NULL;
    }
    return map;
}

void name_map_free(name_map *map)
{
    if (!map) return;
    free(map->slots);
    free(map);
}

/* The slot holding `key`, or NULL. */
static name_slot *find(const name_map *map, const char *key, uint64_t hash)
{
    for (size_t i = hash & (map->cap - 1);; i = (i + 1) & (map->cap - 1)) {
        name_slot *s = &map->slots[i];
        if (!s->key) return NULL;
        if (s->key != tombstone && s->hash == hash && strcmp(s->key, key) == 0) return s;
    }
}

static void insert(name_slot *slots, size_t cap, const char *key, uint64_t hash, size_t value)
{
    size_t i = hash & (cap - 1);
    while (slots[i].key && slots[i].key != tombstone)
        i = (i + 1) & (cap - 1);
    slots[i] = (name_slot){key, hash, value};
}

static int rehash(name_map *map)
{
    size_t cap = map->cap * 2;
    if (cap > SIZE_MAX / sizeof(name_slot)) return -1;
    name_slot *slots = calloc(cap, sizeof(name_slot));
    if (!slots) return -1;
    size_t used = 0;
    for (size_t i = 0; i < map->cap; i++) {
        const name_slot *s = &map->slots[i];
        if (!s->key || s->key == tombstone) continue;
        insert(slots, cap, s->key, s->hash, s->value);
        used++;
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    map->used = used;
    return 0;
}

int name_map_put(name_map *map, const char *key, size_t value)
{
    uint64_t hash = hash_of(key);
    name_slot *s = find(map, key, hash);
    if (s) {
        s->value = value;
        return 0;
    }
    if ((map->used + 1) * 2 > map->cap && rehash(map) < 0) return -1;
    insert(map->slots, map->cap, key, hash, value);
    map->used++;
    return 0;
}

int name_map_get(const name_map *map, const char *key, size_t *value)
{
    const name_slot *s = find(map, key, hash_of(key));
    if (!s) return 0;
    *value = s->value;
    return 1;
}

void name_map_remove(name_map *map, const char *key)
{
    name_slot *s = find(map, key, hash_of(key));
    if (s) s->key = tombstone;
}
