/* graph.c - task_graph_build(): the builder's shared pieces, and the order
 * in which edges and issues are made. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_builder.h"
#include "../base/array_grow.h"
#include "../parse/text_scan.h"

void builder_add_edge(graph_builder *b, int task, int depends_on, task_edge_kind kind,
                      uint32_t line, const char *source)
{
    task_graph *g = b->graph;
    if (b->failed) return;
    if (!grow_array((void **)&g->edges, &b->cap_edges, g->n_edges, sizeof(task_edge))) {
        b->failed = 1;
        return;
    }
    g->edges[g->n_edges++] = (task_edge){task, depends_on, kind, line, source};
}

void builder_add_issue(graph_builder *b, uint32_t line, int task, task_issue_code code,
                       const char *format, ...)
{
    va_list args;
    va_start(args, format);
    builder_add_issue_v(b, line, task, code, format, args);
    va_end(args);
}

void builder_add_issue_v(graph_builder *b, uint32_t line, int task, task_issue_code code,
                         const char *format, va_list args)
{
    char message[1024];
    vsnprintf(message, sizeof message, format, args);
    const char *parts[] = {message};
    builder_add_issue_parts(b, line, task, code, parts, 1);
}

void builder_add_issue_parts(graph_builder *b, uint32_t line, int task, task_issue_code code,
                             const char *const *parts, size_t n_parts)
{
    task_graph *g = b->graph;
    if (b->failed) return;
    if (!grow_array((void **)&g->issues, &b->cap_issues, g->n_issues, sizeof(task_issue))) {
        b->failed = 1;
        return;
    }
    size_t lens[8], total = 0;
    if (n_parts > 8) n_parts = 8;
    for (size_t i = 0; i < n_parts; i++)
        total += lens[i] = strlen(parts[i]);
    char *message = tasks_arena_text(g->arena, total + 1);
    if (!message) {
        b->failed = 1;
        return;
    }
    char *out = message;
    for (size_t i = 0; i < n_parts; i++) {
        memcpy(out, parts[i], lens[i]);
        out += lens[i];
    }
    *out = '\0';
    g->issues[g->n_issues++] = (task_issue){line, task, code, message};
}

void builder_task_name(const graph_builder *b, int task, char *out, size_t size)
{
    const task_record *t = &b->doc->tasks[task];
    if (t->id) {
        /* Called for many issues: a copy, not a format. */
        size_t n = strlen(t->id);
        if (n >= size) n = size - 1;
        memcpy(out, t->id, n);
        out[n] = '\0';
    } else
        snprintf(out, size, "line %u", (unsigned)t->line);
}

/* Orders edges of one task by (depends_on, kind, line). */
static int edge_compare(const void *x, const void *y)
{
    const task_edge *a = x, *b = y;
    if (a->depends_on != b->depends_on) return a->depends_on < b->depends_on ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return 0;
}

/* Insertion sort: stable, and for the handful of edges most tasks have
 * faster than anything that calls through a pointer. */
static void insertion_sort_edges(task_edge *e, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        task_edge moving = e[i];
        size_t j = i;
        while (j > 0 && edge_compare(&e[j - 1], &moving) > 0) {
            e[j] = e[j - 1];
            j--;
        }
        e[j] = moving;
    }
}

/* Merge sort, stable too (qsort need not be): on equal keys the edge stated
 * first keeps its place, so it is the one kept. `tmp` holds n edges. */
static void merge_sort_edges(task_edge *e, size_t n, task_edge *tmp)
{
    if (n <= 16) {
        insertion_sort_edges(e, n);
        return;
    }
    size_t half = n / 2;
    merge_sort_edges(e, half, tmp);
    merge_sort_edges(e + half, n - half, tmp);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = edge_compare(&e[j], &e[i]) < 0 ? e[j++] : e[i++];
    while (i < half)
        tmp[k++] = e[i++];
    while (j < n)
        tmp[k++] = e[j++];
    memcpy(e, tmp, n * sizeof(task_edge));
}

/* A stable sort of one task's edges; -1 when out of memory. */
static int sort_task_edges(task_edge *e, size_t n)
{
    if (n <= 16) {
        insertion_sort_edges(e, n);
        return 0;
    }
    task_edge *tmp = malloc(n * sizeof(task_edge));
    if (!tmp) return -1;
    merge_sort_edges(e, n, tmp);
    free(tmp);
    return 0;
}

/* Sorts edges by (task, depends_on, kind, line) and keeps the first of each
 * (task, depends_on, kind). Tasks are indices, so a counting sort by task
 * does most of the work in one pass; returns -1 when out of memory. */
int dedupe_edges(task_graph *g, size_t n_tasks)
{
    if (g->n_edges < 2) return 0;
    size_t *start = calloc(n_tasks + 1, sizeof(size_t));
    task_edge *sorted = malloc(g->n_edges * sizeof(task_edge));
    if (!start || !sorted) {
        free(start);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < g->n_edges; i++)
        start[g->edges[i].task + 1]++;
    for (size_t t = 0; t < n_tasks; t++)
        start[t + 1] += start[t];
    for (size_t i = 0; i < g->n_edges; i++) /* in order, so ties keep theirs */
        sorted[start[g->edges[i].task]++] = g->edges[i];
    size_t kept = 0, begin = 0;
    for (size_t t = 0; t < n_tasks; t++) {
        size_t end = start[t]; /* moved to the bucket's end by the scatter */
        if (sort_task_edges(sorted + begin, end - begin) < 0) {
            free(start);
            free(sorted);
            return -1;
        }
        for (size_t i = begin; i < end; i++) {
            const task_edge *e = &sorted[i];
            if (i > begin && e->depends_on == sorted[i - 1].depends_on &&
                e->kind == sorted[i - 1].kind)
                continue;
            g->edges[kept++] = *e;
        }
        begin = end;
    }
    g->n_edges = kept;
    free(start);
    free(sorted);
    return 0;
}

static void file_issues(graph_builder *b)
{
    const task_document *doc = b->doc;
    if (doc->error)
        builder_add_issue(b, doc->error_line, -1,
                          doc->error_code && strcmp(doc->error_code, "bad-encoding") == 0
                              ? ISSUE_BAD_ENCODING
                              : ISSUE_BAD_FRONT_MATTER,
                          "%s", doc->error);
    for (size_t i = 0; i < b->ids.n_duplicates; i++) {
        int t = b->ids.duplicates[i];
        const char *id = doc->tasks[t].id;
        int first = id_index_find(&b->ids, id, strlen(id));
        builder_add_issue(b, doc->tasks[t].line, t, ISSUE_DUPLICATE_ID,
                          "%s is also the id of the task on line %u", id,
                          (unsigned)doc->tasks[first].line);
    }
}

/* Kiro's {"waves"} block, or Obsidian Tasks' 🆔 / ⛔ fields: the file says
 * which task waits for which, so the order it is written in says nothing. */
static int states_own_order(const task_document *doc)
{
    if (doc->n_wave_blocks > 0) return 1;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const char *text = doc->tasks[t].text;
        if (strstr(text, "\xE2\x9B\x94") || strstr(text, "\xF0\x9F\x86\x94")) return 1;
    }
    return 0;
}

static int issue_compare(const void *x, const void *y)
{
    const task_issue *a = x, *b = y;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    int c = strcmp(task_issue_code_name(a->code), task_issue_code_name(b->code));
    return c ? c : strcmp(a->message, b->message);
}

int task_graph_build(const task_document *doc, task_graph *graph)
{
    memset(graph, 0, sizeof(*graph));
    graph_builder b = {.doc = doc, .graph = graph};
    size_t n = doc->n_tasks ? doc->n_tasks : 1;
    graph->arena = tasks_arena_new();
    graph->wave = calloc(n, sizeof(int));
    graph->ready = calloc(n, sizeof(int));
    graph->level = calloc(n, sizeof(int));
    graph->phrase_edges = calloc(doc->n_phrases ? doc->n_phrases : 1, sizeof(size_t));
    if (!graph->arena || !graph->wave || !graph->ready || !graph->level || !graph->phrase_edges ||
        id_index_build(doc, &b.ids) < 0) {
        task_graph_free(graph);
        return TASKS_PARSE_NOMEM;
    }
    file_issues(&b);
    add_completion_lints(&b);
    b.own_order = states_own_order(doc);
    add_implicit_edges(&b);
    add_explicit_edges(&b);
    add_wave_edges(&b);
    if (!b.failed && dedupe_edges(graph, doc->n_tasks) < 0) b.failed = 1;
    if (!b.failed) analyze_graph(&b);
    id_index_free(&b.ids);
    if (b.failed) {
        task_graph_free(graph);
        return TASKS_PARSE_NOMEM;
    }
    if (graph->n_issues > 1)
        qsort(graph->issues, graph->n_issues, sizeof(task_issue), issue_compare);
    array_fit((void **)&graph->edges, graph->n_edges, sizeof(task_edge));
    array_fit((void **)&graph->issues, graph->n_issues, sizeof(task_issue));
    return TASKS_PARSE_OK;
}

void task_graph_free(task_graph *graph)
{
    if (!graph) return;
    free(graph->edges);
    free(graph->issues);
    free(graph->wave);
    free(graph->ready);
    free(graph->level);
    free(graph->phrase_edges);
    free(graph->refs);
    free(graph->blockers);
    free(graph->unblocks);
    free(graph->critical);
    free(graph->blocked_by);
    tasks_arena_free(graph->arena);
    memset(graph, 0, sizeof(*graph));
}

static const struct {
    const char *name;
    task_issue_severity severity;
} issue_codes[ISSUE_CODE_COUNT] = {
    [ISSUE_DUPLICATE_ID] = {"duplicate-id", SEVERITY_ERROR},
    [ISSUE_UNKNOWN_ID] = {"unknown-id", SEVERITY_WARNING},
    [ISSUE_CYCLE] = {"cycle", SEVERITY_ERROR},
    [ISSUE_UNPARSED_DEPENDENCY] = {"unparsed-dependency", SEVERITY_WARNING},
    [ISSUE_OUTSIDE_REFERENCE] = {"outside-reference", SEVERITY_INFO},
    [ISSUE_BAD_FRONT_MATTER] = {"bad-front-matter", SEVERITY_ERROR},
    [ISSUE_BAD_ENCODING] = {"bad-encoding", SEVERITY_ERROR},
    [ISSUE_DONE_BEFORE_DEPENDENCY] = {"done-before-dependency", SEVERITY_INFO},
    [ISSUE_PARALLEL_SAME_FILE] = {"parallel-same-file", SEVERITY_INFO},
    [ISSUE_BACKWARDS_RANGE] = {"backwards-range", SEVERITY_WARNING},
    [ISSUE_FAN_OUT_LIMIT] = {"fan-out-limit", SEVERITY_WARNING},
    [ISSUE_UNREADABLE_FILE] = {"unreadable-file", SEVERITY_ERROR},
    [ISSUE_DONE_WITH_OPEN_SUBTASKS] = {"done-with-open-subtasks", SEVERITY_WARNING},
    [ISSUE_OPEN_WITH_DONE_SUBTASKS] = {"open-with-done-subtasks", SEVERITY_WARNING},
    [ISSUE_DUPLICATE_TASK] = {"duplicate-task", SEVERITY_WARNING},
    [ISSUE_DONE_FILE_MISSING] = {"done-file-missing", SEVERITY_WARNING},
};

const char *task_issue_code_name(task_issue_code code)
{
    return (unsigned)code < ISSUE_CODE_COUNT ? issue_codes[code].name : NULL;
}

task_issue_severity task_issue_code_severity(task_issue_code code)
{
    return (unsigned)code < ISSUE_CODE_COUNT ? issue_codes[code].severity : SEVERITY_ERROR;
}

const char *task_issue_severity_name(task_issue_severity severity)
{
    static const char *const names[] = {"error", "warning", "info"};
    return (unsigned)severity < 3 ? names[severity] : "error";
}

const char *task_edge_kind_name(task_edge_kind kind)
{
    static const char *const names[] = {"sequence", "step", "subtask", "explicit", "wave"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "explicit";
}
