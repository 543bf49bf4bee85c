/*
 * dependency_walk.h - questions about the dependency graph, answered in C
 * over the model's adjacency lists, with no depth bound: what holds a task
 * up, how many open tasks wait on it, the longest chain of open tasks in
 * each spec, and the edges a drawing needs (the transitive reduction).
 */
#ifndef CLI_DEPENDENCY_WALK_H
#define CLI_DEPENDENCY_WALK_H

#include <stddef.h>

#include "task_model.h"

/* Visited marks and a queue, reused by every walk over one model. */
typedef struct walk_scratch {
    unsigned *stamp;
    unsigned stamp_value;
    int *queue;
    int *depth;
} walk_scratch;

int walk_scratch_init(walk_scratch *scratch, const task_model *model);
void walk_scratch_free(walk_scratch *scratch);

typedef struct blocker {
    int task;
    int depth; /* 1: a direct dependency */
} blocker;

/* The open tasks that hold `task` up. Direct: the nearest open ones,
 * reached through closed tasks only (a done task that still waits on an
 * open one passes the wait on). Transitive: every open task it waits on,
 * directly or not, with the shortest depth. In walk order (by depth).
 * Returns the count; *out is malloc'd (NULL for none); -1 when out of memory. */
long walk_blockers(const task_model *model, walk_scratch *scratch, int task, int transitive,
                   blocker **out);

/* How many open tasks wait on `task`, directly or not. */
size_t walk_unblocks(const task_model *model, walk_scratch *scratch, int task);

typedef struct critical_path {
    int spec;      /* index into model->specs */
    int *tasks;    /* first to do first */
    size_t length;
    size_t left_out; /* open tasks of the spec on or after a cycle: no chain runs through them */
} critical_path;

/* Per spec with open tasks, the longest chain of open tasks following the
 * dependencies between open tasks; ties go to the chain that ends, then
 * starts, earliest in document order. position[t] (n_tasks entries, may be
 * NULL) gets the 1-based place of t on its spec's chain, 0 off it. */
int critical_paths(const task_model *model, critical_path **paths, size_t *n_paths, int *position);
void critical_paths_free(critical_path *paths, size_t n_paths);

/* Past this many tasks in one drawing, the reduction's reachability sets
 * (n^2 bits) are not built and every edge is drawn; the drawing says so. */
#define WALK_REDUCTION_MAX_TASKS 20000

typedef struct drawn_edge {
    int from; /* the task waited for */
    int to;   /* the task that waits */
    unsigned char kind;
} drawn_edge;

typedef struct drawn_edges {
    drawn_edge *items;
    size_t n, capacity;
    int *local; /* scratch: n_tasks entries, all -1 between calls */
} drawn_edges;

int drawn_edges_init(drawn_edges *edges, const task_model *model);
void drawn_edges_free(drawn_edges *edges);

/* Appends the edges among `tasks` (indexes into the model, one spec's)
 * without those implied by others: a -> c goes when a -> b -> ... -> c is
 * there too. Edges out of a task on or after a cycle are all kept. Returns
 * 1 when reduced, 0 when the set was over WALK_REDUCTION_MAX_TASKS (every
 * edge appended), -1 when out of memory. */
int walk_reduced_edges(const task_model *model, const int *tasks, size_t n_tasks,
                       drawn_edges *edges);

#endif
