/* json_array.h - a JSON array of strings (a task's files, its tags) written
 * once into the arena, since every task has one. */
#ifndef TASKS_JSON_ARRAY_H
#define TASKS_JSON_ARRAY_H

#include <stddef.h>

#include "arena.h"

/* `["a","b"]` from `count` byte strings, each repaired to UTF-8 and escaped;
 * "[]" (static) when count is 0; NULL when out of memory. */
const char *json_string_array(tasks_arena *arena, const char *const *starts, const size_t *lens,
                              int count);

#endif
