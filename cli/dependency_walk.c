/*
 * dependency_walk.c - see dependency_walk.h. Breadth-first walks with
 * stamps (no clearing between walks), Kahn's order for the longest chains,
 * and bit sets for the reduction.
 */
#define _GNU_SOURCE /* qsort_r */
#include "dependency_walk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int walk_scratch_init(walk_scratch *scratch, const task_model *model)
{
    size_t n = model->n_tasks ? model->n_tasks : 1;
    scratch->stamp = calloc(n, sizeof *scratch->stamp);
    scratch->queue = malloc(n * sizeof *scratch->queue);
    scratch->depth = malloc(n * sizeof *scratch->depth);
    scratch->stamp_value = 0;
    return scratch->stamp && scratch->queue && scratch->depth ? 0 : -1;
}

void walk_scratch_free(walk_scratch *scratch)
{
    free(scratch->stamp);
    free(scratch->queue);
    free(scratch->depth);
    memset(scratch, 0, sizeof *scratch);
}

static unsigned next_stamp(walk_scratch *scratch, size_t n_tasks)
{
    if (++scratch->stamp_value == 0) {
        memset(scratch->stamp, 0, n_tasks * sizeof *scratch->stamp);
        scratch->stamp_value = 1;
    }
    return scratch->stamp_value;
}

long walk_blockers(const task_model *model, walk_scratch *scratch, int task, int transitive,
                   blocker **out)
{
    unsigned stamp = next_stamp(scratch, model->n_tasks);
    size_t head = 0, tail = 0, found = 0, capacity = 0;
    *out = NULL;
    scratch->stamp[task] = stamp;
    scratch->queue[tail++] = task;
    scratch->depth[task] = 0;
    while (head < tail) {
        int at = scratch->queue[head++];
        for (size_t e = model->waits_start[at]; e < model->waits_start[at + 1]; e++) {
            int next = model->waits_for[e];
            if (scratch->stamp[next] == stamp) continue;
            scratch->stamp[next] = stamp;
            scratch->depth[next] = scratch->depth[at] + 1;
            int open = model->tasks[next].open;
            if (open) {
                if (found == capacity) {
                    capacity = capacity ? capacity * 2 : 8;
                    blocker *grown = realloc(*out, capacity * sizeof *grown);
                    if (!grown) {
                        free(*out);
                        *out = NULL;
                        return -1;
                    }
                    *out = grown;
                }
                (*out)[found++] = (blocker){next, scratch->depth[next]};
            }
            if (!open || transitive) scratch->queue[tail++] = next;
        }
    }
    return (long)found;
}

size_t walk_unblocks(const task_model *model, walk_scratch *scratch, int task)
{
    unsigned stamp = next_stamp(scratch, model->n_tasks);
    size_t head = 0, tail = 0, open = 0;
    scratch->stamp[task] = stamp;
    scratch->queue[tail++] = task;
    while (head < tail) {
        int at = scratch->queue[head++];
        for (size_t e = model->waited_start[at]; e < model->waited_start[at + 1]; e++) {
            int next = model->waited_by[e];
            if (scratch->stamp[next] == stamp) continue;
            scratch->stamp[next] = stamp;
            if (model->tasks[next].open) open++;
            scratch->queue[tail++] = next;
        }
    }
    return open;
}

/* ---- longest chains of open tasks ---------------------------------------------- */

int critical_paths(const task_model *model, critical_path **paths, size_t *n_paths, int *position)
{
    size_t n = model->n_tasks;
    *paths = NULL;
    *n_paths = 0;
    int *waiting = calloc(n ? n : 1, sizeof *waiting); /* open dependencies not yet placed */
    int *length = calloc(n ? n : 1, sizeof *length);
    int *previous = malloc((n ? n : 1) * sizeof *previous);
    int *queue = malloc((n ? n : 1) * sizeof *queue);
    /* Which tasks are open, a byte each: Kahn's order visits the tasks of
     * every spec level by level, all over the model's array, where each
     * look at a task's `open` missed the cache (a third of `next`'s work
     * after its scan, on 10,000 specs). */
    unsigned char *open = malloc(n ? n : 1);
    critical_path *found = calloc(model->n_specs ? model->n_specs : 1, sizeof *found);
    int status = -1;
    if (!waiting || !length || !previous || !queue || !open || !found) goto done;
    for (size_t t = 0; t < n; t++)
        open[t] = (unsigned char)(model->tasks[t].open != 0);
    for (size_t t = 0; t < n; t++) {
        previous[t] = -1;
        if (!open[t]) continue;
        for (size_t e = model->waits_start[t]; e < model->waits_start[t + 1]; e++)
            if (open[model->waits_for[e]]) waiting[t]++;
        if (waiting[t] == 0) length[t] = 1;
    }
    /* Kahn's order: a task is placed once every open task it waits for is.
     * Spec by spec (an edge joins two tasks of one file), so that the walk
     * stays among a few tasks instead of visiting every spec's each level;
     * what it finds does not depend on the order (the longest chain, the
     * earliest task among equals). */
    size_t head = 0, tail = 0;
    for (size_t s = 0; s < model->n_specs; s++) {
        const model_spec *spec = &model->specs[s];
        for (size_t i = 0; i < spec->n_tasks; i++) {
            int t = spec->tasks[i];
            if (open[t] && waiting[t] == 0) queue[tail++] = t;
        }
        while (head < tail) {
            int at = queue[head++];
            for (size_t e = model->waited_start[at]; e < model->waited_start[at + 1]; e++) {
                int next = model->waited_by[e];
                if (!open[next]) continue;
                if (length[at] + 1 > length[next] ||
                    (length[at] + 1 == length[next] && at < previous[next])) {
                    length[next] = length[at] + 1;
                    previous[next] = at;
                }
                if (--waiting[next] == 0) queue[tail++] = next;
            }
        }
    }
    /* Per spec: the longest chain's end, the earliest among equals. */
    int *end = malloc((model->n_specs ? model->n_specs : 1) * sizeof *end);
    if (!end) goto done;
    for (size_t s = 0; s < model->n_specs; s++)
        end[s] = -1;
    for (size_t t = 0; t < n; t++) {
        if (!open[t]) continue;
        int s = model->tasks[t].spec_index;
        if (waiting[t] > 0) { /* never placed: on or after a cycle */
            found[s].left_out++;
            continue;
        }
        if (end[s] < 0 || length[t] > length[end[s]]) end[s] = (int)t;
    }
    if (position) memset(position, 0, n * sizeof *position);
    size_t count = 0;
    for (size_t s = 0; s < model->n_specs; s++) {
        if (end[s] < 0 && found[s].left_out == 0) continue;
        critical_path path = {(int)s, NULL, 0, found[s].left_out};
        if (end[s] >= 0) {
            path.length = (size_t)length[end[s]];
            path.tasks = malloc(path.length * sizeof *path.tasks);
            if (!path.tasks) {
                free(end);
                goto done;
            }
            size_t i = path.length;
            for (int at = end[s]; at >= 0; at = previous[at])
                path.tasks[--i] = at;
            if (position)
                for (size_t k = 0; k < path.length; k++)
                    position[path.tasks[k]] = (int)k + 1;
        }
        found[count++] = path;
    }
    free(end);
    *paths = found;
    *n_paths = count;
    found = NULL;
    status = 0;
done:
    free(waiting);
    free(length);
    free(previous);
    free(queue);
    free(open);
    free(found);
    return status;
}

void critical_paths_free(critical_path *paths, size_t n_paths)
{
    for (size_t i = 0; i < n_paths; i++)
        free(paths[i].tasks);
    free(paths);
}

/* ---- the transitive reduction ---------------------------------------------------- */

typedef struct local_graph {
    size_t n;
    int *local;   /* model index -> local index, -1 outside (n_tasks entries) */
    int *order;   /* local indexes in topological order (dependencies first) */
    int *rank;    /* local index -> place in order, -1 when on or after a cycle */
    size_t n_ordered;
} local_graph;

static int compare_by_rank(const void *a, const void *b, void *context)
{
    const int *rank = context;
    return rank[*(const int *)a] - rank[*(const int *)b];
}

/* glibc's qsort_r, on an array of local indexes. */
static void sort_by_rank(int *items, size_t n, int *rank)
{
    qsort_r(items, n, sizeof *items, compare_by_rank, rank);
}

static int order_locally(const task_model *model, const int *tasks, local_graph *graph)
{
    size_t n = graph->n;
    int *waiting = calloc(n ? n : 1, sizeof *waiting);
    if (!waiting) return -1;
    for (size_t i = 0; i < n; i++) {
        graph->rank[i] = -1;
        int t = tasks[i];
        for (size_t e = model->waits_start[t]; e < model->waits_start[t + 1]; e++)
            if (graph->local[model->waits_for[e]] >= 0) waiting[i]++;
    }
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < n; i++)
        if (waiting[i] == 0) graph->order[tail++] = (int)i;
    while (head < tail) {
        int at = graph->order[head];
        graph->rank[at] = (int)head++;
        int t = tasks[at];
        for (size_t e = model->waited_start[t]; e < model->waited_start[t + 1]; e++) {
            int next = graph->local[model->waited_by[e]];
            if (next >= 0 && --waiting[next] == 0) graph->order[tail++] = next;
        }
    }
    graph->n_ordered = tail;
    free(waiting);
    return 0;
}

int drawn_edges_init(drawn_edges *edges, const task_model *model)
{
    memset(edges, 0, sizeof *edges);
    edges->local = malloc((model->n_tasks ? model->n_tasks : 1) * sizeof(int));
    if (!edges->local) return -1;
    memset(edges->local, -1, model->n_tasks * sizeof(int));
    return 0;
}

void drawn_edges_free(drawn_edges *edges)
{
    free(edges->items);
    free(edges->local);
    memset(edges, 0, sizeof *edges);
}

static int add_edge(drawn_edges *edges, drawn_edge edge)
{
    if (edges->n == edges->capacity) {
        size_t fresh = edges->capacity ? edges->capacity * 2 : 64;
        drawn_edge *grown = realloc(edges->items, fresh * sizeof *grown);
        if (!grown) return -1;
        edges->items = grown;
        edges->capacity = fresh;
    }
    edges->items[edges->n++] = edge;
    return 0;
}

static unsigned char kind_between(const task_model *model, int waiting_task, int waited_for)
{
    for (size_t e = model->waits_start[waiting_task]; e < model->waits_start[waiting_task + 1]; e++)
        if (model->waits_for[e] == waited_for) return model->waits_kind[e];
    return KIND_OTHER;
}

int walk_reduced_edges(const task_model *model, const int *tasks, size_t n_tasks,
                       drawn_edges *edges)
{
    local_graph graph = {n_tasks, edges->local, NULL, NULL, 0};
    graph.order = malloc((n_tasks ? n_tasks : 1) * sizeof(int));
    graph.rank = malloc((n_tasks ? n_tasks : 1) * sizeof(int));
    int *children = malloc((n_tasks ? n_tasks : 1) * sizeof(int));
    uint64_t *reach = NULL;
    int result = -1;
    for (size_t i = 0; i < n_tasks; i++)
        graph.local[tasks[i]] = (int)i;
    if (!graph.order || !graph.rank || !children) goto done;
    if (order_locally(model, tasks, &graph) != 0) goto done;
    int reduced = n_tasks <= WALK_REDUCTION_MAX_TASKS;
    size_t words = (n_tasks + 63) / 64;
    if (reduced) {
        reach = calloc(n_tasks * words > 0 ? n_tasks * words : 1, sizeof *reach);
        if (!reach) goto done;
    }
    /* Latest first: a task's descendants are known before its own. */
    for (size_t k = graph.n_ordered; k-- > 0;) {
        int at = graph.order[k];
        int t = tasks[at];
        size_t n_children = 0;
        for (size_t e = model->waited_start[t]; e < model->waited_start[t + 1]; e++) {
            int child = graph.local[model->waited_by[e]];
            if (child >= 0) children[n_children++] = child;
        }
        if (reduced) sort_by_rank(children, n_children, graph.rank);
        uint64_t *mine = reduced ? reach + (size_t)at * words : NULL;
        for (size_t c = 0; c < n_children; c++) {
            int child = children[c];
            int implied = reduced && graph.rank[child] >= 0 &&
                          (mine[child / 64] >> (child % 64) & 1);
            if (!implied) {
                drawn_edge edge = {t, tasks[child], kind_between(model, tasks[child], t)};
                if (add_edge(edges, edge) != 0) goto done;
            }
            if (reduced && graph.rank[child] >= 0) {
                mine[child / 64] |= 1ULL << (child % 64);
                const uint64_t *theirs = reach + (size_t)child * words;
                for (size_t w = 0; w < words; w++)
                    mine[w] |= theirs[w];
            }
        }
    }
    /* Tasks on or after a cycle: every edge out of them. */
    for (size_t i = 0; i < n_tasks; i++) {
        if (graph.rank[i] >= 0) continue;
        int t = tasks[i];
        for (size_t e = model->waited_start[t]; e < model->waited_start[t + 1]; e++) {
            int child = graph.local[model->waited_by[e]];
            if (child < 0) continue;
            drawn_edge edge = {t, tasks[child], kind_between(model, tasks[child], t)};
            if (add_edge(edges, edge) != 0) goto done;
        }
    }
    result = reduced;
done:
    for (size_t i = 0; i < n_tasks; i++)
        graph.local[tasks[i]] = -1;
    free(graph.order);
    free(graph.rank);
    free(children);
    free(reach);
    return result;
}
