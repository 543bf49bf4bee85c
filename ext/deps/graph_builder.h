/* graph_builder.h - what the edge and issue makers share while one graph is
 * built. Internal to ext/deps. */
#ifndef TASKS_DEPS_GRAPH_BUILDER_H
#define TASKS_DEPS_GRAPH_BUILDER_H

#include <stdarg.h>

#include "../parse/arena.h"
#include "id_index.h"
#include "tasks_deps.h"

typedef struct graph_builder {
    const task_document *doc;
    task_graph *graph;
    id_index ids;
    size_t cap_edges, cap_issues, cap_refs;
    int failed;    /* out of memory */
    int own_order; /* the file states its order itself ({"waves"}, Obsidian's ⛔/🆔) */
} graph_builder;

void builder_add_edge(graph_builder *b, int task, int depends_on, task_edge_kind kind,
                      uint32_t line, const char *source);

/* `format` is printf-like; the message is copied into the graph's arena. */
void builder_add_issue(graph_builder *b, uint32_t line, int task, task_issue_code code,
                       const char *format, ...) __attribute__((format(printf, 5, 6)));

void builder_add_issue_v(graph_builder *b, uint32_t line, int task, task_issue_code code,
                         const char *format, va_list args);

/* The same with the message given as parts to join, for the issues a file
 * may have hundreds of (no format to interpret); at most 8 parts. */
void builder_add_issue_parts(graph_builder *b, uint32_t line, int task, task_issue_code code,
                             const char *const *parts, size_t n_parts);

/* A task's name in messages: its id, or `line N`. */
void builder_task_name(const graph_builder *b, int task, char *out, size_t size);

/* Sorts the edges by (task, depends_on, kind, line) and keeps the first of
 * each (task, depends_on, kind): 0, or -1 when out of memory. */
int dedupe_edges(task_graph *g, size_t n_tasks);

/* Waves, and the sequence, step and subtask edges. */
void add_implicit_edges(graph_builder *b);

/* Edges from dependency phrases and from `(depends on ...)` on task lines. */
void add_explicit_edges(graph_builder *b);

/* done-with-open-subtasks, open-with-done-subtasks, duplicate-task. */
void add_completion_lints(graph_builder *b);

/* Edges from Kiro's {"waves": ...} blocks. */
void add_wave_edges(graph_builder *b);

/* Cycles, ready, level, and the issues that follow from the whole graph. */
void analyze_graph(graph_builder *b);

#endif
