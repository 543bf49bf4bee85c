/*
 * ready_command.c - `tasksext ready`: the open tasks whose dependencies
 * are all done or cancelled, in document order.
 */
#include <stdio.h>

#include "command_support.h"
#include "commands.h"

enum { C_SPEC, C_ID, C_STEP, C_WAVE, C_TITLE, C_STATUS, C_LEVEL, C_FILE, C_LINE };

static const report_column ready_columns[] = {
    {"spec", "SPEC", COLUMN_FIT},
    {"id", "ID", 0},
    {"step", "STEP", 0},
    {"wave", "WAVE", COLUMN_RIGHT},
    {"title", "TITLE", COLUMN_FIT},
    {"status", "STATUS", COLUMN_NO_TABLE},
    {"level", "LEVEL", COLUMN_NO_TABLE},
    {"file", "FILE", COLUMN_NO_TABLE},
    {"line", "LINE", COLUMN_NO_TABLE},
};

int run_ready(const cli_options *options)
{
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 1, MODEL_GRAPH);
    if (status != EXIT_OK) return status;
    status = check_spec(&session, &model, options->spec);
    if (status == EXIT_OK) {
        report_table table;
        report_init(&table, ready_columns, sizeof ready_columns / sizeof ready_columns[0]);
        for (size_t t = 0; t < model.n_tasks; t++) {
            const model_task *task = &model.tasks[t];
            if (!task->ready || !in_spec(&model, task, options->spec)) continue;
            report_add_row(&table);
            report_set_kept_text(&table, C_SPEC, task->spec);
            report_set_kept_text(&table, C_ID, task->id);
            report_set_kept_text(&table, C_STEP, task->step);
            report_set_int(&table, C_WAVE, task->wave);
            report_set_kept_text(&table, C_TITLE, task->title);
            report_set_kept_text(&table, C_STATUS, task->status);
            if (task->level < 0)
                report_set_null(&table, C_LEVEL);
            else
                report_set_int(&table, C_LEVEL, task->level);
            report_set_kept_text(&table, C_FILE, task->file);
            report_set_int(&table, C_LINE, task->line);
        }
        status = session_print_report(&session, &table, "tasks", NULL, NULL);
        report_free(&table);
    }
    close_model(&session, &model);
    return status;
}
