/* wave_block.h - Kiro's task dependency graph, a fenced JSON object, read
 * with libyaml (JSON is YAML's flow style):
 *
 *   {"waves": [["1", "2"], ["3"]]}
 *   {"waves": [{"id": 0, "tasks": ["1.1", "2.1"]}, {"wave": 1, "tasks": [1, 2]}]}
 *
 * A wave is a list of task ids, or an object whose "tasks" is one; ids are
 * strings or numbers (a number means the task whose id is that number). */
#ifndef TASKS_WAVE_BLOCK_H
#define TASKS_WAVE_BLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "tasks_parse.h"

/* Reads the block's text (first_line: the file line of its first line) into
 * *out, strings in `arena`. Returns 0, or -1 when out of memory. A block that
 * is not of the shape above gets out->error (saying what was unexpected and
 * where) and the waves read up to there. */
int wave_block_read(const char *text, size_t len, uint32_t first_line, tasks_arena *arena,
                    task_wave_block *out);

#endif
