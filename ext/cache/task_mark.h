/* task_mark.h - change one task's box in its file, guarded and atomic.
 *
 * Under the file's lock (fs/file_replace.h) the file is read and loaded as
 * tasks() loads it; the task must still be on `line` and its line must still
 * hash to `line_hash` (tasks().line_hash), or nothing is written. The box's
 * mark is replaced, and no other byte: line endings, a BOM, a missing final
 * newline, trailing spaces stay as they are. A status word becomes the mark
 * that means it in the file's dialect (task_status_mark()). */
#ifndef TASKS_TASK_MARK_H
#define TASKS_TASK_MARK_H

#include <stddef.h>
#include <stdint.h>

#include "tasks_parse.h"

typedef struct task_mark_request {
    const char *path;
    uint32_t line;
    const char *mark_or_status;      /* one code point: that mark; else a status word */
    const char *line_hash;           /* the 16 hex digits tasks().line_hash showed */
    const task_status_map *statuses; /* the user's rules, for status words; may be NULL */
    size_t max_bytes;                /* a larger file is refused */
} task_mark_request;

typedef struct task_mark_result {
    char line_hash[17]; /* the line's hash now */
    char mark[8];       /* the mark the box holds now */
    int changed;        /* 0: it held that mark already, and nothing was written */
    char message[512];  /* when refused: why, naming path:line */
} task_mark_result;

/* 0, or an errno value with out->message: ESTALE when the line changed,
 * ENOENT, EACCES, EMLINK, ... when the file cannot be rewritten, EINVAL when
 * the line holds no task or no mark means the status. */
int task_mark(const task_mark_request *request, task_mark_result *out);

#endif
