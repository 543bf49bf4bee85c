/* statement_edges.h - one line of dependency prose to edges and issue rows
 * (explicit_edges.c), shared by the readers of lines, tables and drawings.
 * Internal to ext/deps. */
#ifndef TASKS_DEPS_STATEMENT_EDGES_H
#define TASKS_DEPS_STATEMENT_EDGES_H

#include "graph_builder.h"
#include "side_resolve.h"
#include "statement.h"

typedef struct statement_context {
    uint32_t line;
    const char *source;    /* task_deps.source, and quoted in messages */
    int task;              /* the task whose line or note this is, or -1 */
    int flags;             /* side_resolve flags */
    int quiet;             /* no row for what names nothing: a task's own line and notes */
    int silent;            /* no row at all: prose on a task's line, read only for ids */
    const task_set *scope; /* what a subjectless statement is about when there is no
                            * task: the tasks under its heading; may be NULL */
    int label_waits;       /* `US7: US5` (a label, a colon, what names tasks, no
                            * ordering word) says the label waits for it: the line
                            * stands under a heading that speaks of dependencies */
} statement_context;

/* Reads `text` as sentences and adds its edges (returned) and issue rows. */
size_t read_statement(graph_builder *b, const statement_context *c, const char *text, size_t len);

/* One side of a statement as written, resolved (`text[part]`). */
void resolve_part(graph_builder *b, const statement_context *c, const char *text, text_part part,
                  side_result *out);

/* 1 when a resolved side names tasks (or is relative to the other side). */
int resolved(const side_result *side);

/* `waiting` waits for `first`: the whole sets when they are ids, the ends
 * of the groups otherwise. Returns the edges added. */
size_t link_sides(graph_builder *b, const statement_context *c, const side_result *waiting,
                  const side_result *first);

/* The tasks under heading `heading` (its own and its subheadings'). */
int tasks_under_heading(const task_document *doc, int heading, task_set *out);

/* The heading right above only suggests an order (`### User Story
 * Dependency Graph (recommended)`): what stands under it states none. */
int heading_only_suggests(const task_document *doc, int heading);

/* Edges from the table rows and code lines of dependency sections:
 * relation columns, Mermaid graphs, arrows drawn in trees. */
void add_block_edges(graph_builder *b);

#endif
