/*
 * task_history_issues_table.c - task_history_issues(repo [, range]): what the
 * history says is worth a look, one row per finding.
 *
 *   SELECT commit_id, id, message FROM task_history_issues('.')
 *   WHERE code = 'unverified-done';
 *
 * Columns: commit_id, time, spec, file, id, line, code, severity, message,
 *          repo HIDDEN, range HIDDEN
 *   code   unverified-done (warning): the task became done in this commit,
 *          but none of the files it names (tasks().files) differs from the
 *          commit that added it;
 *          shallow-history (info): the history before this commit is missing
 *          (a shallow clone)
 */
#include "history_vtab.h"

SQLITE_EXTENSION_INIT3

enum task_history_issues_column {
    ISSUE_COMMIT,
    ISSUE_TIME,
    ISSUE_SPEC,
    ISSUE_FILE,
    ISSUE_ID,
    ISSUE_LINE,
    ISSUE_CODE,
    ISSUE_SEVERITY,
    ISSUE_MESSAGE,
    ISSUE_REPO
};

static size_t issues_row_count(const history_scan *scan)
{
    return scan->n_issues;
}

static void issues_column(sqlite3_context *ctx, const history_scan *scan, size_t row, int column)
{
    const history_issue *i = &scan->issues[row];
    switch (column) {
    case ISSUE_COMMIT:
    case ISSUE_TIME:
        history_result_commit(ctx, i->commit, column == ISSUE_TIME);
        break;
    case ISSUE_SPEC:
        scan_result_text(ctx, i->spec);
        break;
    case ISSUE_FILE:
        scan_result_text(ctx, i->file);
        break;
    case ISSUE_ID:
        scan_result_text(ctx, i->id);
        break;
    case ISSUE_LINE:
        if (i->line) sqlite3_result_int64(ctx, i->line);
        break;
    case ISSUE_CODE:
        scan_result_text(ctx, i->code);
        break;
    case ISSUE_SEVERITY:
        scan_result_text(ctx, i->severity);
        break;
    case ISSUE_MESSAGE:
        scan_result_text(ctx, i->message);
        break;
    }
}

const history_table task_history_issues_table = {
    .name = "task_history_issues",
    .schema = "CREATE TABLE x(commit_id TEXT, time INTEGER, spec TEXT, file TEXT, id TEXT, "
              "line INTEGER, code TEXT, severity TEXT, message TEXT, repo HIDDEN, range HIDDEN)",
    .repo_column = ISSUE_REPO,
    .lints = 1,
    .row_count = issues_row_count,
    .column = issues_column,
};
