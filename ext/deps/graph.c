/* graph.c - task_graph_build(): the builder's shared pieces, and the order
 * in which edges and issues are made. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_builder.h"
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

void builder_add_issue(graph_builder *b, uint32_t line, int task, const char *code,
                       const char *format, ...)
{
    task_graph *g = b->graph;
    if (b->failed) return;
    if (!grow_array((void **)&g->issues, &b->cap_issues, g->n_issues, sizeof(task_issue))) {
        b->failed = 1;
        return;
    }
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    const char *copy = tasks_arena_strndup(g->arena, message, strlen(message));
    if (!copy) {
        b->failed = 1;
        return;
    }
    g->issues[g->n_issues++] = (task_issue){line, task, code, copy};
}

void builder_task_name(const graph_builder *b, int task, char *out, size_t size)
{
    const task_record *t = &b->doc->tasks[task];
    if (t->id)
        snprintf(out, size, "%s", t->id);
    else
        snprintf(out, size, "line %u", (unsigned)t->line);
}

/* Sorts edges by (task, depends_on, kind) and keeps the first of each. */
static int edge_compare(const void *x, const void *y)
{
    const task_edge *a = x, *b = y;
    if (a->task != b->task) return a->task < b->task ? -1 : 1;
    if (a->depends_on != b->depends_on) return a->depends_on < b->depends_on ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    return 0;
}

static void dedupe_edges(task_graph *g)
{
    if (g->n_edges < 2) return;
    qsort(g->edges, g->n_edges, sizeof(task_edge), edge_compare);
    size_t kept = 1;
    for (size_t i = 1; i < g->n_edges; i++) {
        const task_edge *p = &g->edges[kept - 1], *e = &g->edges[i];
        if (e->task == p->task && e->depends_on == p->depends_on && e->kind == p->kind) continue;
        g->edges[kept++] = *e;
    }
    g->n_edges = kept;
}

static void file_issues(graph_builder *b)
{
    const task_document *doc = b->doc;
    if (doc->error)
        builder_add_issue(b, doc->error_line, -1, doc->error_code ? doc->error_code : "bad-front-matter",
                          "%s", doc->error);
    for (size_t i = 0; i < b->ids.n_duplicates; i++) {
        int t = b->ids.duplicates[i];
        const char *id = doc->tasks[t].id;
        int first = id_index_find(&b->ids, id, strlen(id));
        builder_add_issue(b, doc->tasks[t].line, t, "duplicate-id",
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
    int c = strcmp(a->code, b->code);
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
    b.own_order = states_own_order(doc);
    add_implicit_edges(&b);
    add_explicit_edges(&b);
    add_wave_edges(&b);
    if (!b.failed) dedupe_edges(graph);
    if (!b.failed) analyze_graph(&b);
    id_index_free(&b.ids);
    if (b.failed) {
        task_graph_free(graph);
        return TASKS_PARSE_NOMEM;
    }
    if (graph->n_issues > 1)
        qsort(graph->issues, graph->n_issues, sizeof(task_issue), issue_compare);
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
    tasks_arena_free(graph->arena);
    memset(graph, 0, sizeof(*graph));
}

const char *task_edge_kind_name(task_edge_kind kind)
{
    static const char *const names[] = {"sequence", "step", "subtask", "explicit", "wave"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "explicit";
}
