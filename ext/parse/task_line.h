/* task_line.h - the leading markers of a task's text: id, colon, [P], tags. */
#ifndef TASKS_TASK_LINE_H
#define TASKS_TASK_LINE_H

#include <stddef.h>

#define TASK_LINE_MAX_TAGS 16

typedef struct text_span {
    size_t start, len;
} text_span;

typedef struct task_markers {
    text_span id;     /* len 0: no id */
    int parallel;     /* [P] or (P) among the leading markers, or (P) ending the text */
    int optional;     /* cc-sdd's `7.9*`: a star glued to the id */
    size_t title_end; /* where the title ends (a trailing `(P)` cut off) */
    text_span tags[TASK_LINE_MAX_TAGS];
    int n_tags;
    int story_tag;      /* index into tags of the first [USn], or -1 */
    size_t title_start; /* where the title begins after the markers */
} task_markers;

/* Reads the markers at the start of a task's plain text (box already gone). */
void task_markers_parse(const char *text, size_t len, task_markers *out);

/* The id grammar, the one place it is written: the length of an id token at
 * text[0..len) (`T001`, `T003.1`, `T006a`, `T028'`, `P001`, `WP01`,
 * `TASK-12`, `WP001a`; *numeric for `1`, `1.1`, `1.1.1`), 0 when there is
 * none. What may follow it is for the caller to say. */
size_t task_id_scan(const char *text, size_t len, int *numeric);

/* An id opening a task's text: task_id_scan() followed by a blank, `:`, a
 * dash, punctuation; a bare number only as `1.` or `1:`. 0 when none. */
size_t task_id_length(const char *text, size_t len);

#endif
