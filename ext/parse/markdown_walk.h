/* markdown_walk.h - md4c's block structure to task records, headings and
 * dependency phrases. Offsets are offsets into the whole file, so the walk
 * gets the whole buffer and where the markdown body starts in it. */
#ifndef TASKS_MARKDOWN_WALK_H
#define TASKS_MARKDOWN_WALK_H

#include <md4c.h>
#include <stddef.h>

#include "tasks_parse.h"

/* The md4c dialect the walk reads: GFM task lists, tables (no task in a
 * table) and strikethrough. The benchmark's floor parses with these too. */
#define MARKDOWN_WALK_MD4C_FLAGS (MD_FLAG_TASKLISTS | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH)

/* Fills doc->tasks, doc->phrases, doc->steps and, when `want_h1`,
 * doc->title from the first H1, leaving out the parts doc->omitted names.
 * Returns TASKS_PARSE_OK or an error code. */
int markdown_walk(const char *bytes, size_t size, size_t body_start, int want_h1,
                  task_document *doc);

#endif
