/*
 * progress_command.c - `tasksext progress`: per spec, then per step, how
 * many of the counted tasks are done; cancelled tasks leave the total. Also
 * the numbers `badge` and `check --summary` show (progress_tally).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "progress_tally.h"

enum { C_KIND, C_SPEC, C_STEP, C_NAME, C_TOTAL, C_DONE, C_CANCELLED, C_OPEN, C_OPTIONAL, C_BAR,
       C_PERCENT };

static const report_column progress_columns[] = {
    {"kind", "KIND", COLUMN_NO_TABLE},
    {"spec", "SPEC", COLUMN_FIT},
    {"step", "STEP", 0},
    {"step_name", "NAME", COLUMN_FIT},
    {"total", "TOTAL", COLUMN_RIGHT},
    {"done", "DONE", COLUMN_RIGHT},
    {"cancelled", "CANCELLED", COLUMN_RIGHT},
    {"open", "OPEN", COLUMN_RIGHT},
    {"optional", "OPTIONAL", COLUMN_RIGHT},
    {"bar", "PROGRESS", COLUMN_NO_JSON},
    {"percent", "%", COLUMN_RIGHT},
};

static void add_row(report_table *table, const char *kind, const char *spec, const char *step,
                    const char *name, const progress_counts *counts, int colour)
{
    report_add_row(table);
    report_set_text(table, C_KIND, kind);
    report_set_text(table, C_SPEC, spec);
    report_set_text(table, C_STEP, step);
    report_set_text(table, C_NAME, name);
    report_set_int(table, C_TOTAL, counts->total);
    report_set_int(table, C_DONE, counts->done);
    report_set_int(table, C_CANCELLED, counts->cancelled);
    report_set_int(table, C_OPEN, progress_open(counts));
    report_set_int(table, C_OPTIONAL, counts->optional);
    int percent = progress_percent(counts);
    char bar[64];
    progress_bar(percent, bar, sizeof bar);
    report_set_text(table, C_BAR, bar);
    report_set_int(table, C_PERCENT, percent);
    if (colour) report_set_colour(table, C_BAR, percent == 100 ? 32 : 0);
}

static void write_counts(json_writer *json, const progress_counts *counts)
{
    json_field_int(json, "total", counts->total);
    json_field_int(json, "done", counts->done);
    json_field_int(json, "cancelled", counts->cancelled);
    json_field_int(json, "open", progress_open(counts));
    json_field_int(json, "optional", counts->optional);
    json_field_int(json, "optional_done", counts->optional_done);
    json_field_int(json, "percent", progress_percent(counts));
}

static int print_json(const cli_session *session, const progress_tally *tally)
{
    json_writer json;
    json_init(&json, 1);
    session_json_begin(session, &json);
    json_field_string(&json, "counts", session->count_all ? "all" : "counted");
    json_key(&json, "specs");
    json_array_begin(&json);
    for (size_t s = 0; s < tally->n_specs; s++) {
        const spec_progress *spec = &tally->specs[s];
        json_object_begin(&json);
        json_field_string(&json, "spec", spec->name);
        json_field_string(&json, "root", session->roots.items[spec->root]);
        write_counts(&json, &spec->counts);
        json_key(&json, "steps");
        json_array_begin(&json);
        for (size_t k = 0; k < spec->n_steps; k++) {
            json_object_begin(&json);
            json_field_string(&json, "step", spec->steps[k].step);
            json_field_string(&json, "step_name", spec->steps[k].name);
            write_counts(&json, &spec->steps[k].counts);
            json_object_end(&json);
        }
        json_array_end(&json);
        json_object_end(&json);
    }
    json_array_end(&json);
    json_key(&json, "total");
    json_object_begin(&json);
    write_counts(&json, &tally->total);
    json_object_end(&json);
    json_object_end(&json);
    int failed = json_print(&json);
    json_free(&json);
    return failed ? session_fail("out of memory") : EXIT_OK;
}

int run_progress(const cli_options *options)
{
    cli_session session;
    task_model model;
    progress_tally tally;
    int status = progress_tally_open(&session, &model, options, &tally);
    if (status != EXIT_OK) return status;
    if (options->output == OUTPUT_JSON) {
        status = print_json(&session, &tally);
    } else {
        report_table table;
        report_init(&table, progress_columns, sizeof progress_columns / sizeof progress_columns[0]);
        for (size_t s = 0; s < tally.n_specs; s++) {
            const spec_progress *spec = &tally.specs[s];
            add_row(&table, "spec", spec->name, NULL, NULL, &spec->counts, session.colour);
            for (size_t k = 0; k < spec->n_steps; k++)
                add_row(&table, "step", spec->name, spec->steps[k].step ? spec->steps[k].step : "-",
                        spec->steps[k].name, &spec->steps[k].counts, session.colour);
        }
        add_row(&table, "all", "(all)", NULL, NULL, &tally.total, session.colour);
        status = session_print_report(&session, &table, "rows", NULL, NULL);
        report_free(&table);
    }
    progress_tally_free(&tally);
    close_model(&session, &model);
    return status;
}
