/*
 * analyze.c - what the whole graph says of each task and of the file.
 *
 * Strongly connected components (Tarjan's algorithm, iterative, since lists
 * and chains can be very long) come out dependencies first, so one pass in
 * that order settles:
 *   - ready: the task is open, not on a cycle, and every task it depends on,
 *     directly or not, is done or cancelled;
 *   - level: 0 without dependencies, else one more than its deepest
 *     dependency; -1 (NULL in SQL) on a cycle and after one, where the
 *     longest chain has no end;
 *   - a `cycle` issue per cycle, naming one loop in it (T003 → T007 → T003,
 *     read "depends on").
 * Then `done-before-dependency` and `parallel-same-file`.
 *
 * Before that, the order a file is written in yields to what its author
 * stated: a cycle that runs through implicit edges (sequence, step, subtask)
 * and explicit ones is the author saying that here the written order is not
 * the order of work, so the implicit edges inside it are dropped. A cycle
 * the author's statements form by themselves stays, and is reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "../parse/text_scan.h"
#include "graph_builder.h"

static int is_closed(const task_record *t)
{
    return t->status == TASK_STATUS_DONE || t->status == TASK_STATUS_CANCELLED;
}

typedef struct scc_state {
    const task_graph *g;
    size_t n;
    size_t *first_edge; /* per task, into g->edges (sorted by task) */
    int *index, *lowlink, *component;
    unsigned char *on_stack;
    unsigned char *upstream_closed; /* closed, and everything upstream closed */
    int *stack;
    size_t stack_len;
    int next_index, n_components;
} scc_state;

/* Called once per component, dependencies first. */
typedef void (*component_fn)(graph_builder *b, scc_state *s, const int *members, size_t count);

static void tarjan(graph_builder *b, scc_state *s, component_fn on_component)
{
    typedef struct frame {
        int task;
        size_t edge;
    } frame;
    frame *calls = malloc((s->n + 1) * sizeof(frame));
    if (!calls) {
        b->failed = 1;
        return;
    }
    for (size_t root = 0; root < s->n && !b->failed; root++) {
        if (s->index[root] >= 0) continue;
        size_t depth = 0;
        calls[depth++] = (frame){(int)root, s->first_edge[root]};
        s->index[root] = s->lowlink[root] = s->next_index++;
        s->stack[s->stack_len++] = (int)root;
        s->on_stack[root] = 1;
        while (depth > 0) {
            frame *f = &calls[depth - 1];
            int v = f->task;
            if (f->edge < s->first_edge[v + 1]) {
                int w = s->g->edges[f->edge++].depends_on;
                if (s->index[w] < 0) {
                    s->index[w] = s->lowlink[w] = s->next_index++;
                    s->stack[s->stack_len++] = w;
                    s->on_stack[w] = 1;
                    calls[depth++] = (frame){w, s->first_edge[w]};
                } else if (s->on_stack[w] && s->index[w] < s->lowlink[v]) {
                    s->lowlink[v] = s->index[w];
                }
                continue;
            }
            if (s->lowlink[v] == s->index[v]) {
                size_t top = s->stack_len;
                do {
                    int w = s->stack[--s->stack_len];
                    s->on_stack[w] = 0;
                    s->component[w] = s->n_components;
                } while (s->stack[s->stack_len] != v);
                s->n_components++;
                on_component(b, s, s->stack + s->stack_len, top - s->stack_len);
            }
            depth--;
            if (depth > 0) {
                int parent = calls[depth - 1].task;
                if (s->lowlink[v] < s->lowlink[parent]) s->lowlink[parent] = s->lowlink[v];
            }
        }
    }
    free(calls);
}

static int has_self_loop(const scc_state *s, int t)
{
    for (size_t e = s->first_edge[t]; e < s->first_edge[t + 1]; e++)
        if (s->g->edges[e].depends_on == t) return 1;
    return 0;
}

static void report_cycle(graph_builder *b, scc_state *s, const int *members, size_t count)
{
    int start = members[0];
    for (size_t i = 1; i < count; i++)
        if (members[i] < start) start = members[i];
    /* Breadth-first inside the component from `start` back to `start`. */
    int *came_from = malloc(s->n * sizeof(int));
    int *queue = malloc((count + 1) * sizeof(int));
    if (!came_from || !queue) {
        free(came_from);
        free(queue);
        b->failed = 1;
        return;
    }
    for (size_t i = 0; i < count; i++)
        came_from[members[i]] = -2;
    int component = s->component[start], last = -1;
    size_t head = 0, tail = 0;
    queue[tail++] = start;
    while (head < tail && last < 0) {
        int v = queue[head++];
        for (size_t e = s->first_edge[v]; e < s->first_edge[v + 1]; e++) {
            int w = s->g->edges[e].depends_on;
            if (s->component[w] != component) continue;
            if (w == start) {
                last = v;
                break;
            }
            if (came_from[w] == -2) {
                came_from[w] = v;
                queue[tail++] = w;
            }
        }
    }
    char message[900] = "", name[80];
    size_t used = 0;
    int path[64], n_path = 0;
    for (int v = last; v != start && v >= 0 && n_path < 64; v = came_from[v])
        path[n_path++] = v;
    builder_task_name(b, start, name, sizeof name);
    used += (size_t)snprintf(message + used, sizeof message - used, "%s", name);
    for (int i = n_path - 1; i >= 0 && used < sizeof message - 100; i--) {
        builder_task_name(b, path[i], name, sizeof name);
        used += (size_t)snprintf(message + used, sizeof message - used, " \xE2\x86\x92 %s", name);
    }
    builder_task_name(b, start, name, sizeof name);
    snprintf(message + used, sizeof message - used, " \xE2\x86\x92 %s", name);
    builder_add_issue(b, b->doc->tasks[start].line, start, ISSUE_CYCLE,
                      "dependency cycle of %zu task%s: %s", count, count == 1 ? "" : "s", message);
    free(came_from);
    free(queue);
}

static void settle_component(graph_builder *b, scc_state *s, const int *members, size_t count)
{
    const task_document *doc = b->doc;
    task_graph *g = b->graph;
    int cyclic = count > 1 || has_self_loop(s, members[0]);
    int all_closed = 1;
    for (size_t i = 0; i < count; i++) {
        int t = members[i];
        if (!is_closed(&doc->tasks[t])) all_closed = 0;
        for (size_t e = s->first_edge[t]; e < s->first_edge[t + 1]; e++) {
            int d = g->edges[e].depends_on;
            if (s->component[d] != s->component[t] && !s->upstream_closed[d]) all_closed = 0;
        }
    }
    for (size_t i = 0; i < count; i++) {
        int t = members[i];
        s->upstream_closed[t] = (unsigned char)all_closed;
        task_status status = doc->tasks[t].status;
        int ready = !cyclic && !is_closed(&doc->tasks[t]) && status != TASK_STATUS_BLOCKED &&
                    status != TASK_STATUS_DEFERRED;
        int level = 0;
        for (size_t e = s->first_edge[t]; e < s->first_edge[t + 1]; e++) {
            int d = g->edges[e].depends_on;
            if (!s->upstream_closed[d]) ready = 0;
            if (level >= 0 && (cyclic || g->level[d] < 0))
                level = -1;
            else if (level >= 0 && g->level[d] + 1 > level)
                level = g->level[d] + 1;
        }
        g->ready[t] = ready;
        g->level[t] = cyclic ? -1 : level;
    }
    if (cyclic) report_cycle(b, s, members, count);
}

static void record_component(graph_builder *b, scc_state *s, const int *members, size_t count)
{
    (void)b;
    (void)s;
    (void)members;
    (void)count;
}

static int is_implicit(task_edge_kind kind)
{
    return kind == EDGE_SEQUENCE || kind == EDGE_STEP || kind == EDGE_SUBTASK;
}

static void index_edges(scc_state *s)
{
    memset(s->first_edge, 0, (s->n + 1) * sizeof(size_t));
    for (size_t e = 0; e < s->g->n_edges; e++)
        s->first_edge[s->g->edges[e].task + 1]++;
    for (size_t t = 0; t < s->n; t++)
        s->first_edge[t + 1] += s->first_edge[t];
}

/* One round: in every component that holds a cycle and an explicit edge,
 * drops the implicit edges that make a task of it wait for a task the
 * author moved (one waiting, by an explicit edge, inside the component); or,
 * with `all`, every implicit edge inside it. Returns how many were dropped
 * (-1: no memory). */
static long drop_contradicted(graph_builder *b, scc_state *s, int all)
{
    task_graph *g = b->graph;
    for (size_t t = 0; t < s->n; t++)
        s->index[t] = -1;
    s->stack_len = 0;
    s->next_index = s->n_components = 0;
    index_edges(s);
    tarjan(b, s, record_component);
    if (b->failed) return -1;
    size_t nc = (size_t)s->n_components;
    size_t *size = calloc(nc + 1, sizeof(size_t));
    unsigned char *stated = calloc(nc + 1, 1);
    unsigned char *moved = calloc(s->n + 1, 1);
    if (!size || !stated || !moved) {
        free(size);
        free(stated);
        free(moved);
        return -1;
    }
    for (size_t t = 0; t < s->n; t++)
        size[s->component[t]]++;
    for (size_t e = 0; e < g->n_edges; e++) {
        const task_edge *edge = &g->edges[e];
        if (!is_implicit(edge->kind) &&
            s->component[edge->task] == s->component[edge->depends_on]) {
            stated[s->component[edge->task]] = 1;
            moved[edge->task] = 1;
        }
    }
    /* The implicit predecessors of each task, from the edges as they are
     * (sorted by task), for the others to take over. */
    size_t n_before = g->n_edges;
    task_edge *added = NULL;
    size_t n_added = 0, cap_added = 0;
    long dropped = 0;
    for (size_t e = 0; e < n_before; e++) {
        const task_edge *edge = &g->edges[e];
        int c = s->component[edge->task];
        if (!(is_implicit(edge->kind) && c == s->component[edge->depends_on] && size[c] > 1 &&
              stated[c] && (all || moved[edge->depends_on])))
            continue;
        dropped++;
        if (all) continue;
        int x = edge->depends_on;
        for (size_t f = s->first_edge[x]; f < s->first_edge[x + 1]; f++) {
            const task_edge *up = &g->edges[f];
            if (!is_implicit(up->kind) || up->depends_on == edge->task ||
                n_added >= TASKS_DEPS_MAX_IMPLICIT_PAIRS)
                continue;
            if (!grow_array((void **)&added, &cap_added, n_added, sizeof(task_edge))) {
                free(added);
                free(size);
                free(stated);
                free(moved);
                return -1;
            }
            added[n_added++] =
                (task_edge){edge->task, up->depends_on, edge->kind, edge->line, NULL};
        }
    }
    size_t kept = 0;
    for (size_t e = 0; e < n_before; e++) {
        const task_edge *edge = &g->edges[e];
        int c = s->component[edge->task];
        if (is_implicit(edge->kind) && c == s->component[edge->depends_on] && size[c] > 1 &&
            stated[c] && (all || moved[edge->depends_on]))
            continue;
        g->edges[kept++] = *edge;
    }
    g->n_edges = kept;
    for (size_t i = 0; i < n_added; i++)
        builder_add_edge(b, added[i].task, added[i].depends_on, added[i].kind, added[i].line, NULL);
    free(added);
    if (n_added && !b->failed && dedupe_edges(g, s->n) < 0) b->failed = 1;
    free(size);
    free(stated);
    free(moved);
    return b->failed ? -1 : dropped;
}

static void done_before_dependency(graph_builder *b, const size_t *first_edge)
{
    const task_document *doc = b->doc;
    const task_graph *g = b->graph;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        if (doc->tasks[t].status != TASK_STATUS_DONE) continue;
        int open = -1, count = 0;
        for (size_t e = first_edge[t]; e < first_edge[t + 1]; e++) {
            int d = g->edges[e].depends_on;
            if (is_closed(&doc->tasks[d]) || d == (int)t) continue;
            if (open < 0) open = d;
            count++;
        }
        if (open < 0) continue;
        char self[80], dep[80];
        builder_task_name(b, (int)t, self, sizeof self);
        builder_task_name(b, open, dep, sizeof dep);
        char more[48] = "";
        if (count > 1) snprintf(more, sizeof more, " and %d more that are not", count - 1);
        const char *parts[] = {self, " is done but depends on ", dep,
                               count == 1 ? ", which is not" : more};
        builder_add_issue_parts(b, doc->tasks[t].line, (int)t, ISSUE_DONE_BEFORE_DEPENDENCY, parts,
                                4);
    }
}

/* The next "..." element of a JSON array of strings we wrote ourselves. */
static const char *next_element(const char *p, size_t *len)
{
    p = strchr(p, '"');
    if (!p) return NULL;
    const char *q = p + 1;
    while (*q && *q != '"')
        q += *q == '\\' && q[1] ? 2 : 1;
    *len = (size_t)(q - p) + 1;
    return p;
}

static const char *shared_file(const char *a, const char *b, size_t *len)
{
    size_t la, lb;
    for (const char *x = next_element(a, &la); x; x = next_element(x + la, &la))
        for (const char *y = next_element(b, &lb); y; y = next_element(y + lb, &lb))
            if (la == lb && memcmp(x, y, la) == 0) {
                *len = la;
                return x;
            }
    return NULL;
}

static void parallel_same_file(graph_builder *b)
{
    const task_document *doc = b->doc;
    const int *wave = b->graph->wave;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const task_record *a = &doc->tasks[t];
        if (!a->parallel || a->depth != 0 || strcmp(a->files_json, "[]") == 0) continue;
        /* earlier members of the same wave of the same step (the nearest
         * 1000: a wave of a million tasks must not cost a million squared) */
        for (size_t u = t; u-- > 0 && t - u <= 1000;) {
            const task_record *o = &doc->tasks[u];
            if (o->depth != 0) continue;
            if (o->step_index != a->step_index || wave[u] != wave[t]) break;
            size_t len;
            const char *file = shared_file(a->files_json, o->files_json, &len);
            if (!file) continue;
            char self[80], other[80];
            builder_task_name(b, (int)t, self, sizeof self);
            builder_task_name(b, (int)u, other, sizeof other);
            builder_add_issue(b, a->line, (int)t, ISSUE_PARALLEL_SAME_FILE,
                              "%s and %s run in one parallel wave and both name %.*s", self, other,
                              (int)len - 2, file + 1);
            break;
        }
    }
}

void analyze_graph(graph_builder *b)
{
    const task_document *doc = b->doc;
    task_graph *g = b->graph;
    size_t n = doc->n_tasks;
    if (n == 0) return;
    scc_state s = {.g = g, .n = n};
    s.first_edge = calloc(n + 1, sizeof(size_t));
    s.index = malloc(n * sizeof(int));
    s.lowlink = malloc(n * sizeof(int));
    s.component = malloc(n * sizeof(int));
    s.on_stack = calloc(n, 1);
    s.stack = malloc(n * sizeof(int));
    s.upstream_closed = calloc(n, 1);
    if (!s.first_edge || !s.index || !s.lowlink || !s.component || !s.on_stack || !s.stack ||
        !s.upstream_closed) {
        b->failed = 1;
    } else {
        /* Each round drops what one layer of contradiction needs; a few
         * rounds settle any real file. */
        for (int round = 0; round < 8 && !b->failed; round++) {
            long dropped = drop_contradicted(b, &s, round == 7);
            if (dropped < 0) b->failed = 1;
            if (dropped <= 0) break;
        }
        index_edges(&s);
        for (size_t t = 0; t < n; t++)
            s.index[t] = -1;
        s.stack_len = 0;
        s.next_index = s.n_components = 0;
        memset(s.on_stack, 0, n);
        tarjan(b, &s, settle_component);
        if (!b->failed) done_before_dependency(b, s.first_edge);
        if (!b->failed) parallel_same_file(b);
    }
    free(s.first_edge);
    free(s.index);
    free(s.lowlink);
    free(s.component);
    free(s.on_stack);
    free(s.stack);
    free(s.upstream_closed);
}
