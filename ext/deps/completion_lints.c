/* completion_lints.c - boxes whose state cannot be true as written:
 *
 *   done-with-open-subtasks   a done task with a required subtask still open
 *   open-with-done-subtasks   (Kiro, cc-sdd) an open task whose required
 *                             subtasks are all closed: those tools close a
 *                             parent with its last required child
 *   duplicate-task            the same task text twice in one list (same
 *                             parent, same heading), as a checked-off copy
 *                             leaves it
 *
 * Optional subtasks (Kiro's `- [ ]*`) are never required. A cancelled task
 * is closed but not done. */
#include <stdlib.h>
#include <string.h>

#include "graph_builder.h"

static int is_closed(const task_record *t)
{
    return t->status == TASK_STATUS_DONE || t->status == TASK_STATUS_CANCELLED;
}

static void parent_lints(graph_builder *b)
{
    const task_document *doc = b->doc;
    int kiro = doc->dialect == DIALECT_KIRO;
    for (size_t p = 0; p < doc->n_tasks && !b->failed; p++) {
        const task_record *parent = &doc->tasks[p];
        if (!parent->has_subtasks) continue;
        size_t required = 0, closed = 0, done = 0;
        int first_open = -1;
        for (size_t c = p + 1; c < doc->n_tasks; c++) {
            const task_record *child = &doc->tasks[c];
            if (child->depth <= parent->depth) break; /* past the parent's subtree */
            if (child->parent != (int)p || child->optional) continue;
            required++;
            if (is_closed(child))
                closed++;
            else if (first_open < 0)
                first_open = (int)c;
            if (child->status == TASK_STATUS_DONE) done++;
        }
        char name[64];
        if (parent->status == TASK_STATUS_DONE && first_open >= 0) {
            builder_task_name(b, first_open, name, sizeof name);
            builder_add_issue(b, parent->line, (int)p, ISSUE_DONE_WITH_OPEN_SUBTASKS,
                              "done, but its subtask %s (line %u) is still open", name,
                              (unsigned)doc->tasks[first_open].line);
        } else if (kiro && !is_closed(parent) && required > 0 && closed == required && done > 0) {
            builder_add_issue(b, parent->line, (int)p, ISSUE_OPEN_WITH_DONE_SUBTASKS,
                              "open, but all %zu of its required subtasks are closed", required);
        }
    }
}

typedef struct text_at {
    const char *text;
    int task;
} text_at;

static int compare_texts(const void *x, const void *y)
{
    const text_at *a = x, *b = y;
    int c = strcmp(a->text, b->text);
    return c ? c : (a->task > b->task) - (a->task < b->task);
}

static void duplicate_lints(graph_builder *b)
{
    const task_document *doc = b->doc;
    if (doc->n_tasks < 2) return;
    text_at *texts = malloc(doc->n_tasks * sizeof(text_at));
    if (!texts) {
        b->failed = 1;
        return;
    }
    size_t n = 0;
    for (size_t t = 0; t < doc->n_tasks; t++)
        if (doc->tasks[t].text && doc->tasks[t].text[0])
            texts[n++] = (text_at){doc->tasks[t].text, (int)t};
    qsort(texts, n, sizeof(text_at), compare_texts);
    for (size_t i = 1; i < n && !b->failed; i++) {
        if (strcmp(texts[i].text, texts[i - 1].text) != 0) continue;
        /* The first of the run is the original; each later one is a copy. */
        size_t first = i - 1;
        while (first > 0 && strcmp(texts[first - 1].text, texts[i].text) == 0)
            first--;
        const task_record *copy = &doc->tasks[texts[i].task];
        const task_record *original = &doc->tasks[texts[first].task];
        /* The same id twice is reported as duplicate-id already; and the same
         * words under another parent or heading are another task
         * (`Create page component` under each page). */
        if (copy->id && original->id && strcmp(copy->id, original->id) == 0) continue;
        if (copy->parent != original->parent || copy->heading != original->heading) continue;
        builder_add_issue(b, copy->line, texts[i].task, ISSUE_DUPLICATE_TASK,
                          "the same task as on line %u", (unsigned)original->line);
    }
    free(texts);
}

void add_completion_lints(graph_builder *b)
{
    parent_lints(b);
    duplicate_lints(b);
}
