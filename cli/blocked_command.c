/*
 * blocked_command.c - `tasksext blocked`: every open task that is not
 * ready, with the open tasks that hold it up (the nearest, or with
 * --transitive all of them and their depth), walked in C with no bound.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "dependency_walk.h"
#include "string_builder.h"

enum { C_SPEC, C_ID, C_TITLE, C_STATUS, C_FILE, C_LINE, C_REASON, C_BLOCKED_BY };

static const report_column blocked_columns[] = {
    {"spec", "SPEC", COLUMN_FIT},
    {"id", "ID", 0},
    {"title", "TITLE", COLUMN_FIT},
    {"status", "STATUS", COLUMN_NO_TABLE},
    {"file", "FILE", COLUMN_NO_TABLE},
    {"line", "LINE", COLUMN_NO_TABLE},
    {"reason", "WHY", 0},
    {"blocked_by", "BLOCKED BY", COLUMN_FIT},
};

/* A row of the report: open, not ready, in the spec asked for. */
static int is_blocked(const task_model *model, const model_task *task, const char *spec)
{
    return task->open && !task->ready && in_spec(model, task, spec);
}

/* Why an open task is not ready when no open task holds it up. */
static const char *reason_for(const model_task *task, long n_blockers)
{
    if (n_blockers > 0) return "waits";
    if (task->level < 0) return "cycle";
    return "status";
}

/* The blockers as the table's text (`T003, T001 (2)`) and, for --json
 * (`json` not NULL), as a JSON array. */
static int describe(const task_model *model, const blocker *blockers, long n, int transitive,
                    json_writer *json, string_builder *text)
{
    if (json) json_array_begin(json);
    char name_buffer[4200];
    for (long i = 0; i < n; i++) {
        const model_task *task = &model->tasks[blockers[i].task];
        if (json) {
            json_object_begin(json);
            json_field_string(json, "id", task->id);
            json_field_int(json, "line", task->line);
            json_field_string(json, "status", task->status);
            json_field_int(json, "depth", blockers[i].depth);
            json_object_end(json);
        }
        const char *name = model_task_name(task, name_buffer, sizeof name_buffer);
        if (i) builder_append(text, ", ");
        builder_append(text, name);
        if (transitive && blockers[i].depth > 1) builder_printf(text, " (%d)", blockers[i].depth);
    }
    if (json) json_array_end(json);
    return (json && json->failed) || text->failed ? -1 : 0;
}

/* `text` is the caller's, cleared here: one buffer for every row. */
static int add_blocked(const task_model *model, walk_scratch *scratch, int t, int transitive,
                       int want_json, report_table *table, string_builder *text)
{
    const model_task *task = &model->tasks[t];
    blocker *blockers;
    long n = walk_blockers(model, scratch, t, transitive, &blockers);
    if (n < 0) return -1;
    json_writer json;
    json_init(&json, 0);
    builder_clear(text);
    int failed = describe(model, blockers, n, transitive, want_json ? &json : NULL, text);
    if (!failed) {
        report_add_row(table);
        report_set_kept_text(table, C_SPEC, task->spec);
        report_set_kept_text(table, C_ID, task->id);
        report_set_kept_text(table, C_TITLE, task->title);
        report_set_kept_text(table, C_STATUS, task->status);
        report_set_kept_text(table, C_FILE, task->file);
        report_set_int(table, C_LINE, task->line);
        report_set_kept_text(table, C_REASON, reason_for(task, n));
        report_set_json(table, C_BLOCKED_BY, want_json ? json.text : "", builder_text(text));
    }
    json_free(&json);
    free(blockers);
    return failed;
}

int run_blocked(const cli_options *options)
{
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 1, MODEL_EDGES);
    if (status != EXIT_OK) return status;
    status = check_spec(&session, &model, options->spec);
    walk_scratch scratch;
    if (status == EXIT_OK && walk_scratch_init(&scratch, &model) != 0)
        status = session_fail("out of memory");
    if (status == EXIT_OK) {
        report_table table;
        report_init(&table, blocked_columns, sizeof blocked_columns / sizeof blocked_columns[0]);
        size_t rows = 0;
        for (size_t t = 0; t < model.n_tasks; t++)
            rows += is_blocked(&model, &model.tasks[t], options->spec);
        report_reserve(&table, rows);
        string_builder text = {0};
        for (size_t t = 0; t < model.n_tasks && status == EXIT_OK; t++) {
            const model_task *task = &model.tasks[t];
            if (!is_blocked(&model, task, options->spec)) continue;
            if (add_blocked(&model, &scratch, (int)t, options->transitive,
                            options->output == OUTPUT_JSON, &table, &text) != 0)
                status = session_fail("out of memory");
        }
        builder_free(&text);
        if (status == EXIT_OK) status = session_print_report(&session, &table, "tasks", NULL, NULL);
        report_free(&table);
        walk_scratch_free(&scratch);
    }
    close_model(&session, &model);
    return status;
}
