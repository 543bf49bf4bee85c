/*
 * conflicts_command.c - `tasksext conflicts`: pairs of open tasks that name
 * the same file and may be worked on at once: both ready, or both in one
 * parallel wave of a step of one file. Each pair once, within a spec and
 * across specs.
 */
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "json_strings.h"

enum { C_PATH, C_SPEC, C_TASK, C_OTHER_SPEC, C_OTHER_TASK, C_WHY, C_FILE, C_LINE, C_OTHER_FILE,
       C_OTHER_LINE };

static const report_column conflict_columns[] = {
    {"path", "FILE NAMED", COLUMN_FIT},
    {"spec", "SPEC", COLUMN_FIT},
    {"task", "TASK", 0},
    {"other_spec", "OTHER SPEC", COLUMN_FIT},
    {"other_task", "OTHER TASK", 0},
    {"why", "WHY", 0},
    {"file", "FILE", COLUMN_NO_TABLE},
    {"line", "LINE", COLUMN_NO_TABLE},
    {"other_file", "OTHER FILE", COLUMN_NO_TABLE},
    {"other_line", "OTHER LINE", COLUMN_NO_TABLE},
};

typedef struct named_path {
    char *path;
    int task;
} named_path;

typedef struct path_list {
    named_path *items;
    size_t n, capacity;
    int task;
    int failed;
} path_list;

static int collect(const char *text, void *context)
{
    path_list *list = context;
    if (list->n == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 256;
        named_path *grown = realloc(list->items, capacity * sizeof *grown);
        if (!grown) return list->failed = 1;
        list->items = grown;
        list->capacity = capacity;
    }
    char *copy = strdup(text);
    if (!copy) return list->failed = 1;
    list->items[list->n++] = (named_path){copy, list->task};
    return 0;
}

static int compare_paths(const void *a, const void *b)
{
    const named_path *x = a, *y = b;
    int by_path = strcmp(x->path, y->path);
    if (by_path) return by_path;
    return x->task - y->task;
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Why the two may collide, or NULL when they may not. */
static const char *conflict_reason(const model_task *a, const model_task *b)
{
    if (a->root == b->root && a->file == b->file && a->parallel && b->parallel &&
        same_text(a->step, b->step) && a->wave == b->wave)
        return "same parallel wave";
    if (a->ready && b->ready) return "both ready";
    return NULL;
}

static void add_pair(report_table *table, const char *path, const model_task *a,
                     const model_task *b, const char *why)
{
    char name[4200], other[4200];
    report_add_row(table);
    report_set_text(table, C_PATH, path);
    report_set_kept_text(table, C_SPEC, a->spec);
    report_set_text(table, C_TASK, model_task_name(a, name, sizeof name));
    report_set_kept_text(table, C_OTHER_SPEC, b->spec);
    report_set_text(table, C_OTHER_TASK, model_task_name(b, other, sizeof other));
    report_set_text(table, C_WHY, why);
    report_set_kept_text(table, C_FILE, a->file);
    report_set_int(table, C_LINE, a->line);
    report_set_kept_text(table, C_OTHER_FILE, b->file);
    report_set_int(table, C_OTHER_LINE, b->line);
}

int run_conflicts(const cli_options *options)
{
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 1, MODEL_GRAPH | MODEL_NAMED_FILES);
    if (status != EXIT_OK) return status;
    path_list list = {0};
    for (size_t t = 0; t < model.n_tasks && !list.failed; t++) {
        if (!model.tasks[t].open) continue;
        list.task = (int)t;
        json_strings_each(model.tasks[t].files, collect, &list);
    }
    report_table table;
    report_init(&table, conflict_columns, sizeof conflict_columns / sizeof conflict_columns[0]);
    if (list.failed) status = session_fail("out of memory");
    if (list.n > 1) qsort(list.items, list.n, sizeof *list.items, compare_paths);
    for (size_t i = 0; status == EXIT_OK && i < list.n;) {
        size_t end = i + 1;
        while (end < list.n && strcmp(list.items[end].path, list.items[i].path) == 0)
            end++;
        for (size_t a = i; a < end; a++)
            for (size_t b = a + 1; b < end; b++) {
                if (list.items[a].task == list.items[b].task) continue;
                const model_task *x = &model.tasks[list.items[a].task];
                const model_task *y = &model.tasks[list.items[b].task];
                const char *why = conflict_reason(x, y);
                if (why) add_pair(&table, list.items[a].path, x, y, why);
            }
        i = end;
    }
    if (status == EXIT_OK) status = session_print_report(&session, &table, "pairs", NULL, NULL);
    report_free(&table);
    for (size_t i = 0; i < list.n; i++)
        free(list.items[i].path);
    free(list.items);
    close_model(&session, &model);
    return status;
}
