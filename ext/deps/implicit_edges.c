/*
 * implicit_edges.c - the ordering the Catalyst template states, per step,
 * over top-level tasks in document order:
 *
 *   - each task without [P] is a wave of its own; a run of consecutive [P]
 *     tasks under one heading is one wave, and so are the tasks right under one rollout
 *     `Execute in parallel:` item; wave k waits for every task of wave k-1
 *     (sequence);
 *   - the first wave of a step waits for every task of the last wave of the
 *     step before that has tasks (step);
 *   - nested tasks (subtask): a parent waits for each of its direct subtasks,
 *     so it is not ready before they are done; the subtasks form waves among
 *     themselves by the same rule, and their first wave waits for what the
 *     parent itself waits for (the previous wave), so no subtask is ready
 *     before its parent's predecessors are done. Subtasks share the wave
 *     number of their top-level task.
 *
 * A file with a Kiro {"waves": ...} block, or with Obsidian Tasks' 🆔 / ⛔
 * fields, gets no sequence or step edges: it says the order itself.
 *
 * "A step" is a run of tasks under the same step heading; tasks outside any
 * numbered step form a run of their own the same way. spec-kit's user-story
 * phases (`## Phase 3: User Story 1 - ...`) are the exception, as spec-kit
 * itself says: each waits for the phase before the stories (Foundational),
 * not for the other stories, and the phase after them waits for them all.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph_builder.h"

#include "../base/array_grow.h"

typedef struct wave_span {
    size_t first, count; /* into an array of task indices */
} wave_span;

/* Cuts `tasks` (in order) into waves; returns how many, spans in `waves`. */
static size_t cut_waves(const task_document *doc, const int *tasks, size_t n, wave_span *waves)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const task_record *t = &doc->tasks[tasks[i]];
        const task_record *prev = i > 0 ? &doc->tasks[tasks[i - 1]] : NULL;
        /* a run of [P] tasks under one heading (`### Tests for User Story 1`
         * and `### Implementation for User Story 1` are two waves), or the
         * tasks of one `Execute in parallel:` group */
        int joins = prev && count > 0 &&
                    ((t->parallel && prev->parallel && t->section == prev->section) ||
                     (t->parallel_group && t->parallel_group == prev->parallel_group));
        if (joins) {
            waves[count - 1].count++;
        } else {
            waves[count++] = (wave_span){i, 1};
        }
    }
    return count;
}

/* Two huge parallel waves side by side would pair every task of one with
 * every task of the other: past the bound, an issue says so instead. */
static int within_bound(graph_builder *b, const int *wave, size_t count, size_t n_preds)
{
    if (count == 0 || count * n_preds <= TASKS_DEPS_MAX_IMPLICIT_PAIRS) return 1;
    builder_add_issue(b, b->doc->tasks[wave[0]].line, wave[0], ISSUE_FAN_OUT_LIMIT,
                      "%zu tasks would each wait for %zu: over the %d-edge limit", count, n_preds,
                      TASKS_DEPS_MAX_IMPLICIT_PAIRS);
    return 0;
}

static void link_all(graph_builder *b, const int *waiting, size_t n_waiting, const int *before,
                     size_t n_before, task_edge_kind kind)
{
    /* A file that states its own order ({"waves": ...}, Obsidian's ⛔) is
     * ordered by it, not by the order its tasks are written in; subtasks
     * still hold up their parents. */
    if (b->own_order && kind != EDGE_SUBTASK) return;
    for (size_t i = 0; i < n_waiting; i++)
        for (size_t j = 0; j < n_before; j++)
            builder_add_edge(b, waiting[i], before[j], kind, b->doc->tasks[waiting[i]].line, NULL);
}

typedef struct children_index {
    int *first; /* per task: offset into list */
    int *count;
    int *list;
} children_index;

static int index_children(const task_document *doc, children_index *c)
{
    size_t n = doc->n_tasks;
    c->first = calloc(n + 1, sizeof(int));
    c->count = calloc(n + 1, sizeof(int));
    c->list = malloc((n + 1) * sizeof(int));
    if (!c->first || !c->count || !c->list) return -1;
    for (size_t t = 0; t < n; t++)
        if (doc->tasks[t].parent >= 0) c->count[doc->tasks[t].parent]++;
    int offset = 0;
    for (size_t t = 0; t < n; t++) {
        c->first[t] = offset;
        offset += c->count[t];
        c->count[t] = 0;
    }
    for (size_t t = 0; t < n; t++) {
        int p = doc->tasks[t].parent;
        if (p >= 0) c->list[c->first[p] + c->count[p]++] = (int)t;
    }
    return 0;
}

static void free_children(children_index *c)
{
    free(c->first);
    free(c->count);
    free(c->list);
}

/* Subtasks of `parent`, which waits for `preds`: an explicit work stack
 * instead of recursion, as lists may nest thousands deep. */
static void link_subtasks(graph_builder *b, const children_index *c, int top, wave_span *waves)
{
    typedef struct frame {
        int parent;
        const int *preds;
        size_t n_preds;
    } frame;
    if (c->count[top] == 0) return; /* most tasks have no subtasks */
    size_t cap = 16, depth = 0;
    frame *stack = malloc(cap * sizeof(frame));
    if (!stack) {
        b->failed = 1;
        return;
    }
    stack[depth++] = (frame){top, NULL, 0};
    /* The top-level task's own predecessors: its incoming sequence/step edges
     * were just added; find them from the edge list's tail. */
    task_graph *g = b->graph;
    size_t tail = g->n_edges;
    while (tail > 0 && g->edges[tail - 1].task == top)
        tail--;
    int *top_preds = malloc((g->n_edges - tail + 1) * sizeof(int));
    if (!top_preds) {
        free(stack);
        b->failed = 1;
        return;
    }
    size_t n_top = 0;
    for (size_t e = tail; e < g->n_edges; e++)
        top_preds[n_top++] = g->edges[e].depends_on;
    stack[0].preds = top_preds;
    stack[0].n_preds = n_top;
    while (depth > 0 && !b->failed) {
        frame f = stack[--depth];
        int n_kids = c->count[f.parent];
        if (n_kids == 0) continue;
        const int *kids = c->list + c->first[f.parent];
        link_all(b, &f.parent, 1, kids, (size_t)n_kids, EDGE_SUBTASK);
        size_t n_waves = cut_waves(b->doc, kids, (size_t)n_kids, waves);
        for (size_t w = 0; w < n_waves; w++) {
            const int *members = kids + waves[w].first;
            const int *preds = w == 0 ? f.preds : kids + waves[w - 1].first;
            size_t n_preds = w == 0 ? f.n_preds : waves[w - 1].count;
            link_all(b, members, waves[w].count, preds, n_preds,
                     w == 0 ? EDGE_SUBTASK : EDGE_SEQUENCE);
            for (size_t m = 0; m < waves[w].count; m++) {
                if (!grow_array((void **)&stack, &cap, depth, sizeof(frame))) {
                    b->failed = 1;
                    break;
                }
                stack[depth++] = (frame){members[m], preds, n_preds};
            }
        }
        /* waves[] is reused by the children below; recompute spans there. */
    }
    free(top_preds);
    free(stack);
}

/* spec-kit's phases `## Phase 3: User Story 1 - ...` each wait for the phase
 * before the stories (Foundational), not for one another. */
static int is_story_step(const task_record *t)
{
    if (!t->step_index || !t->step_name) return 0;
    for (const char *p = t->step_name; *p; p++)
        if ((*p | 0x20) == 'u' && strncasecmp(p, "user story", 10) == 0) return 1;
    return 0;
}

/* A list of task indices: what the next step's first wave waits for. */
typedef struct task_list {
    int *tasks;
    size_t n;
} task_list;

static void list_set(task_list *list, const int *tasks, size_t n)
{
    memcpy(list->tasks, tasks, n * sizeof(int));
    list->n = n;
}

void add_implicit_edges(graph_builder *b)
{
    const task_document *doc = b->doc;
    size_t n = doc->n_tasks;
    if (n == 0) return;
    int *top = malloc(n * sizeof(int));
    wave_span *waves = malloc(n * sizeof(wave_span));
    task_list before = {malloc(n * sizeof(int)), 0};     /* the step before's last wave */
    task_list foundation = {malloc(n * sizeof(int)), 0}; /* before the story phases */
    task_list story_ends = {malloc(n * sizeof(int)), 0}; /* last waves of the story phases */
    int in_stories = 0;
    children_index kids = {0};
    if (!top || !waves || !before.tasks || !foundation.tasks || !story_ends.tasks ||
        index_children(doc, &kids) < 0) {
        b->failed = 1;
        goto done;
    }
    size_t run_start = 0;
    size_t n_top = 0;
    for (size_t t = 0; t < n; t++)
        if (doc->tasks[t].depth == 0) top[n_top++] = (int)t;
    while (run_start < n_top && !b->failed) {
        size_t run_end = run_start;
        int step = doc->tasks[top[run_start]].step_index;
        while (run_end < n_top && doc->tasks[top[run_end]].step_index == step)
            run_end++;
        int story = is_story_step(&doc->tasks[top[run_start]]);
        if (story && !in_stories) {
            list_set(&foundation, before.tasks, before.n);
            story_ends.n = 0;
            in_stories = 1;
        }
        const task_list *first_waits = story ? &foundation : in_stories ? &story_ends : &before;
        size_t n_waves = cut_waves(doc, top + run_start, run_end - run_start, waves);
        /* cut_waves gives spans relative to the run */
        for (size_t w = 0; w < n_waves; w++) {
            const int *members = top + run_start + waves[w].first;
            size_t count = waves[w].count;
            for (size_t m = 0; m < count; m++)
                b->graph->wave[members[m]] = (int)w + 1;
            const int *preds = w == 0 ? first_waits->tasks : top + run_start + waves[w - 1].first;
            size_t n_preds = w == 0 ? first_waits->n : waves[w - 1].count;
            int linked = within_bound(b, members, count, n_preds);
            for (size_t m = 0; m < count; m++) {
                if (linked)
                    link_all(b, members + m, 1, preds, n_preds, w ? EDGE_SEQUENCE : EDGE_STEP);
                link_subtasks(b, &kids, members[m], waves + n_waves);
            }
        }
        if (n_waves > 0) {
            const int *last = top + run_start + waves[n_waves - 1].first;
            size_t count = waves[n_waves - 1].count;
            if (story) {
                memcpy(story_ends.tasks + story_ends.n, last, count * sizeof(int));
                story_ends.n += count;
            } else {
                if (in_stories) in_stories = 0;
                list_set(&before, last, count);
            }
        }
        run_start = run_end;
    }
    /* Subtasks share their top-level task's wave. */
    for (size_t t = 0; t < n; t++)
        if (doc->tasks[t].parent >= 0) b->graph->wave[t] = b->graph->wave[doc->tasks[t].parent];
done:
    free_children(&kids);
    free(top);
    free(waves);
    free(before.tasks);
    free(foundation.tasks);
    free(story_ends.tasks);
}
