/* open_paths.c - what the order of the open tasks implies: blockers, the
 * tasks each open task waits for directly or not, how many wait for each,
 * and the critical path. The critical path runs through open tasks only; a
 * task waits for an open task through closed ones too (a task done before
 * its own dependency does not free what comes after it), as `ready` says. */
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "tasks_deps.h"

/* The dependencies between open tasks, as lists: deps[first[t]..first[t+1])
 * are what t waits for; waiters likewise the tasks waiting for t. */
typedef struct open_lists {
    size_t n;
    size_t *dep_first, *waiter_first;
    int *deps, *waiters;
} open_lists;

typedef struct pair {
    int task, depends_on;
} pair;

static int compare_pairs(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->task != b->task) return a->task < b->task ? -1 : 1;
    return (a->depends_on > b->depends_on) - (a->depends_on < b->depends_on);
}

static int is_open(const task_record *t)
{
    return t->status != TASK_STATUS_DONE && t->status != TASK_STATUS_CANCELLED;
}

static void free_lists(open_lists *l)
{
    free(l->dep_first);
    free(l->waiter_first);
    free(l->deps);
    free(l->waiters);
}

/* The distinct dependencies between two different tasks, both open when
 * `open_only`. */
static int build_lists(const task_document *doc, const task_graph *g, int open_only, open_lists *l)
{
    memset(l, 0, sizeof(*l));
    size_t n = doc->n_tasks;
    l->n = n;
    pair *pairs = malloc((g->n_edges ? g->n_edges : 1) * sizeof(pair));
    l->dep_first = calloc(n + 1, sizeof(size_t));
    l->waiter_first = calloc(n + 1, sizeof(size_t));
    if (!pairs || !l->dep_first || !l->waiter_first) {
        free(pairs);
        free_lists(l);
        return -1;
    }
    size_t m = 0;
    for (size_t e = 0; e < g->n_edges; e++) {
        int a = g->edges[e].task, b = g->edges[e].depends_on;
        if (a != b && (!open_only || (is_open(&doc->tasks[a]) && is_open(&doc->tasks[b]))))
            pairs[m++] = (pair){a, b};
    }
    qsort(pairs, m, sizeof(pair), compare_pairs);
    size_t distinct = 0;
    for (size_t i = 0; i < m; i++)
        if (!distinct || compare_pairs(&pairs[i], &pairs[distinct - 1]) != 0)
            pairs[distinct++] = pairs[i];
    l->deps = malloc((distinct ? distinct : 1) * sizeof(int));
    l->waiters = malloc((distinct ? distinct : 1) * sizeof(int));
    if (!l->deps || !l->waiters) {
        free(pairs);
        free_lists(l);
        return -1;
    }
    for (size_t i = 0; i < distinct; i++) {
        l->dep_first[pairs[i].task + 1]++;
        l->waiter_first[pairs[i].depends_on + 1]++;
    }
    for (size_t t = 0; t < n; t++) {
        l->dep_first[t + 1] += l->dep_first[t];
        l->waiter_first[t + 1] += l->waiter_first[t];
    }
    size_t *fill = calloc(n + 1, sizeof(size_t));
    if (!fill) {
        free(pairs);
        free_lists(l);
        return -1;
    }
    /* Pairs are sorted by task, then dependency: both lists come out in
     * line order. */
    for (size_t i = 0; i < distinct; i++) {
        int a = pairs[i].task, b = pairs[i].depends_on;
        l->deps[l->dep_first[a] + fill[a]++] = b;
    }
    memset(fill, 0, (n + 1) * sizeof(size_t));
    for (size_t i = 0; i < distinct; i++) {
        int a = pairs[i].task, b = pairs[i].depends_on;
        l->waiters[l->waiter_first[b] + fill[b]++] = a;
    }
    free(fill);
    free(pairs);
    return 0;
}

/* Longest chains by Kahn's order over the open tasks; a task on or after a
 * cycle is never taken, and stays off every chain. */
static int critical_path(const task_document *doc, const open_lists *l, task_graph *g)
{
    size_t n = l->n;
    int *length = calloc(n ? n : 1, sizeof(int));
    int *waiting = calloc(n ? n : 1, sizeof(int));
    int *queue = malloc((n ? n : 1) * sizeof(int));
    if (!length || !waiting || !queue) {
        free(length);
        free(waiting);
        free(queue);
        return -1;
    }
    size_t head = 0, tail = 0;
    for (size_t t = 0; t < n; t++) {
        if (!is_open(&doc->tasks[t])) continue;
        waiting[t] = (int)(l->dep_first[t + 1] - l->dep_first[t]);
        if (waiting[t] == 0) {
            length[t] = 1;
            queue[tail++] = (int)t;
        }
    }
    while (head < tail) {
        int t = queue[head++];
        for (size_t i = l->waiter_first[t]; i < l->waiter_first[t + 1]; i++) {
            int w = l->waiters[i];
            if (length[t] + 1 > length[w]) length[w] = length[t] + 1;
            if (--waiting[w] == 0) queue[tail++] = w;
        }
    }
    /* `length` of a task never dequeued is not final: leave it off. */
    for (size_t t = 0; t < n; t++)
        if (is_open(&doc->tasks[t]) && waiting[t] > 0) length[t] = 0;
    int end = -1;
    for (size_t t = 0; t < n; t++)
        if (length[t] > 0 && (end < 0 || length[t] > length[end])) end = (int)t;
    g->critical_length = end >= 0 ? length[end] : 0;
    for (int at = end; at >= 0;) {
        g->critical[at] = length[at];
        int previous = -1;
        for (size_t i = l->dep_first[at]; i < l->dep_first[at + 1]; i++) {
            int d = l->deps[i];
            if (length[d] == length[at] - 1 && (previous < 0 || d < previous)) previous = d;
        }
        at = previous;
    }
    free(length);
    free(waiting);
    free(queue);
    return 0;
}

/* From each open task, breadth first through what it waits for (over every
 * dependency): every open task it waits for, at its shortest depth. */
static int transitive(const task_document *doc, const open_lists *l, task_graph *g)
{
    size_t n = l->n;
    int *seen = malloc((n ? n : 1) * sizeof(int)); /* the task whose search saw it */
    int *depth = malloc((n ? n : 1) * sizeof(int));
    int *queue = malloc((n ? n : 1) * sizeof(int));
    if (!seen || !depth || !queue) {
        free(seen);
        free(depth);
        free(queue);
        return -1;
    }
    for (size_t t = 0; t < n; t++)
        seen[t] = -1;
    size_t cap = 0, steps = 0;
    int rc = 0;
    for (size_t a = 0; a < n && rc == 0 && !g->paths_cut; a++) {
        if (!is_open(&doc->tasks[a]) || l->dep_first[a] == l->dep_first[a + 1]) continue;
        /* Breadth first: the rows of `a` come by depth. */
        size_t head = 0, tail = 0;
        seen[a] = (int)a;
        queue[tail++] = (int)a;
        depth[a] = 0;
        while (head < tail && rc == 0) {
            int t = queue[head++];
            for (size_t i = l->dep_first[t]; i < l->dep_first[t + 1]; i++) {
                int b = l->deps[i];
                if (seen[b] == (int)a) continue;
                if (++steps > TASKS_DEPS_MAX_PATH_STEPS) {
                    g->paths_cut = 1;
                    rc = 1;
                    break;
                }
                seen[b] = (int)a;
                depth[b] = depth[t] + 1;
                queue[tail++] = b;
                if (!is_open(&doc->tasks[b])) continue; /* passed through, not waited for */
                if (!grow_array((void **)&g->blocked_by, &cap, g->n_blocked_by,
                                sizeof(task_blocker))) {
                    rc = -1;
                    break;
                }
                g->blocked_by[g->n_blocked_by++] = (task_blocker){(int)a, b, depth[b]};
                g->unblocks[b]++;
            }
        }
    }
    free(seen);
    free(depth);
    free(queue);
    if (rc < 0) return -1;
    if (g->paths_cut) {
        /* Half an answer would look whole: none at all. */
        for (size_t t = 0; t < n; t++)
            g->unblocks[t] = -1;
        g->n_blocked_by = 0;
    }
    return 0;
}

int task_graph_add_paths(const task_document *doc, task_graph *g)
{
    if (g->has_paths) return TASKS_PARSE_OK;
    size_t n = doc->n_tasks ? doc->n_tasks : 1;
    g->blockers = calloc(n, sizeof(int));
    g->unblocks = calloc(n, sizeof(int));
    g->critical = calloc(n, sizeof(int));
    open_lists open, all;
    int failed = !g->blockers || !g->unblocks || !g->critical || build_lists(doc, g, 1, &open) < 0;
    if (!failed) {
        for (size_t t = 0; t < doc->n_tasks; t++)
            g->blockers[t] = (int)(open.dep_first[t + 1] - open.dep_first[t]);
        failed = critical_path(doc, &open, g) < 0;
        free_lists(&open);
    }
    if (!failed) {
        failed = build_lists(doc, g, 0, &all) < 0;
        if (!failed) {
            failed = transitive(doc, &all, g) < 0;
            free_lists(&all);
        }
    }
    if (failed) {
        free(g->blockers);
        free(g->unblocks);
        free(g->critical);
        free(g->blocked_by);
        g->blockers = g->unblocks = g->critical = NULL;
        g->blocked_by = NULL;
        g->n_blocked_by = 0;
        g->critical_length = 0;
        g->paths_cut = 0;
        return TASKS_PARSE_NOMEM;
    }
    g->has_paths = 1;
    return TASKS_PARSE_OK;
}
