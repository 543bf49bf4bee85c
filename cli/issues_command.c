/*
 * issues_command.c - `tasksext issues`: every task_issues() row. It reports;
 * `check` (check_command.c) is the gate that fails.
 */
#include "command_support.h"
#include "commands.h"
#include "issue_rows.h"

int run_issues(const cli_options *options)
{
    cli_session session;
    task_model model;
    issue_rows rows;
    int status = issue_rows_open(&session, &model, options, MODEL_FILES, &rows);
    if (status != EXIT_OK) return status;
    status = session_print_report(&session, &rows.table, "issues", NULL, NULL);
    issue_rows_free(&rows);
    close_model(&session, &model);
    return status;
}
