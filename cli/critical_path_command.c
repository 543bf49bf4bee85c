/*
 * critical_path_command.c - `tasksext critical-path`: per spec, the longest
 * chain of open tasks (dependency_walk.c), first to do first; open tasks
 * left out because they sit on or after a cycle are counted, not hidden.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "dependency_walk.h"
#include "string_builder.h"

enum { C_SPEC, C_LENGTH, C_LEFT_OUT, C_TASKS };

static const report_column path_columns[] = {
    {"spec", "SPEC", COLUMN_FIT},
    {"length", "LENGTH", COLUMN_RIGHT},
    {"left_out", "ON CYCLES", COLUMN_RIGHT},
    {"tasks", "TASKS", COLUMN_FIT},
};

/* One spec's path as `T001 → T002 → T003` and, for --json only, as JSON
 * objects. */
static int add_path(const task_model *model, const critical_path *path, int want_json,
                    report_table *table)
{
    json_writer json;
    string_builder text = {0};
    json_init(&json, 0);
    if (want_json) json_array_begin(&json);
    char name[4200];
    for (size_t k = 0; k < path->length; k++) {
        const model_task *task = &model->tasks[path->tasks[k]];
        if (want_json) {
            json_object_begin(&json);
            json_field_string(&json, "id", task->id);
            json_field_string(&json, "file", task->file);
            json_field_int(&json, "line", task->line);
            json_field_string(&json, "title", task->title);
            json_field_string(&json, "status", task->status);
            json_object_end(&json);
        }
        if (k) builder_append(&text, " \xE2\x86\x92 ");
        builder_append(&text, model_task_name(task, name, sizeof name));
    }
    if (want_json) json_array_end(&json);
    int failed = json.failed || text.failed;
    if (!failed) {
        report_add_row(table);
        report_set_kept_text(table, C_SPEC, model->specs[path->spec].name);
        report_set_int(table, C_LENGTH, (int64_t)path->length);
        report_set_int(table, C_LEFT_OUT, (int64_t)path->left_out);
        report_set_json(table, C_TASKS, want_json ? json.text : "", builder_text(&text));
    }
    json_free(&json);
    builder_free(&text);
    return failed ? -1 : 0;
}

int run_critical_path(const cli_options *options)
{
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 1, MODEL_EDGES);
    if (status != EXIT_OK) return status;
    status = check_spec(&session, &model, options->spec);
    critical_path *paths = NULL;
    size_t n_paths = 0;
    if (status == EXIT_OK && critical_paths(&model, &paths, &n_paths, NULL) != 0)
        status = session_fail("out of memory");
    int *order = status == EXIT_OK ? specs_in_order(&model) : NULL;
    if (status == EXIT_OK && !order) status = session_fail("out of memory");
    if (status == EXIT_OK) {
        report_table table;
        report_init(&table, path_columns, sizeof path_columns / sizeof path_columns[0]);
        /* Paths come in spec-index order; show them in the specs' order. */
        int *path_of = malloc((model.n_specs ? model.n_specs : 1) * sizeof *path_of);
        if (!path_of) status = session_fail("out of memory");
        for (size_t s = 0; path_of && s < model.n_specs; s++)
            path_of[s] = -1;
        for (size_t p = 0; path_of && p < n_paths; p++)
            path_of[paths[p].spec] = (int)p;
        for (size_t i = 0; path_of && i < model.n_specs && status == EXIT_OK; i++) {
            int p = path_of[order[i]];
            if (p < 0) continue;
            if (options->spec && strcmp(model.specs[order[i]].name, options->spec) != 0) continue;
            if (add_path(&model, &paths[p], options->output == OUTPUT_JSON, &table) != 0)
                status = session_fail("out of memory");
        }
        free(path_of);
        if (status == EXIT_OK) status = session_print_report(&session, &table, "specs", NULL, NULL);
        report_free(&table);
    }
    free(order);
    critical_paths_free(paths, n_paths);
    close_model(&session, &model);
    return status;
}
