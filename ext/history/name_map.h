/* name_map.h - a map from a string (a path, a spec key) to an index. Keys
 * are borrowed: they must outlive the map (the scan's arena holds them). */
#ifndef TASKS_NAME_MAP_H
#define TASKS_NAME_MAP_H

#include <stddef.h>

typedef struct name_map name_map;

name_map *name_map_new(void); /* NULL: out of memory */
void name_map_free(name_map *map);

/* Sets `key` to `value`: 0, or -1 when out of memory. */
int name_map_put(name_map *map, const char *key, size_t value);

/* 1 with *value when `key` is there, else 0. */
int name_map_get(const name_map *map, const char *key, size_t *value);

void name_map_remove(name_map *map, const char *key);

#endif
