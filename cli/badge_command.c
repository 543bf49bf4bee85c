/*
 * badge_command.c - `tasksext badge`: the progress as a shields.io endpoint
 * badge (https://shields.io/badges/endpoint-badge). Its JSON is shields'
 * own format, versioned by its `schemaVersion`, so it carries no
 * `schema_version` of ours.
 */
#include <stdio.h>

#include "command_support.h"
#include "commands.h"
#include "progress_tally.h"

static const char *badge_colour(const progress_counts *counts)
{
    if (counts->total - counts->cancelled <= 0) return "lightgrey";
    int percent = progress_percent(counts);
    if (percent == 100) return "brightgreen";
    if (percent >= 75) return "green";
    if (percent >= 50) return "yellowgreen";
    if (percent >= 25) return "yellow";
    return "orange";
}

int run_badge(const cli_options *options)
{
    cli_session session;
    task_model model;
    progress_tally tally;
    int status = progress_tally_open(&session, &model, options, &tally);
    if (status != EXIT_OK) return status;
    char message[64];
    snprintf(message, sizeof message, "%ld/%ld", tally.total.done,
             tally.total.total - tally.total.cancelled);
    json_writer json;
    json_init(&json, 0);
    json_object_begin(&json);
    json_field_int(&json, "schemaVersion", 1);
    json_field_string(&json, "label", options->label ? options->label : "tasks");
    json_field_string(&json, "message", message);
    json_field_string(&json, "color", badge_colour(&tally.total));
    json_object_end(&json);
    if (json_print(&json) != 0) status = session_fail("out of memory");
    json_free(&json);
    progress_tally_free(&tally);
    close_model(&session, &model);
    return status;
}
