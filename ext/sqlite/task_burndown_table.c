/*
 * task_burndown_table.c - task_burndown(repo [, range]): the burn-down
 * series, one row per commit and spec whose counts that commit changed.
 *
 *   SELECT date(time, 'unixepoch'), spec, open FROM task_burndown('.');
 *
 * Columns: commit_id, time, spec, tasks, done, cancelled, open, repo HIDDEN, range HIDDEN
 *   commit_id, time   the commit (as in task_history)
 *   spec              the spec key of the spec's last version in the range
 *   tasks             the tasks progress counts (tasks().counted) after the commit
 *   done, cancelled   how many of them are done, cancelled
 *   open              tasks - done - cancelled
 * A spec whose task lists are all deleted gets a last row of zeros. With a
 * range A..B, the first rows are the state before it (at the merge base).
 */
#include "history_vtab.h"

SQLITE_EXTENSION_INIT3

enum task_burndown_column {
    BURNDOWN_COMMIT,
    BURNDOWN_TIME,
    BURNDOWN_SPEC,
    BURNDOWN_TASKS,
    BURNDOWN_DONE,
    BURNDOWN_CANCELLED,
    BURNDOWN_OPEN,
    BURNDOWN_REPO
};

static size_t burndown_row_count(const history_scan *scan)
{
    return scan->n_counts;
}

static void burndown_column(sqlite3_context *ctx, const history_scan *scan, size_t row, int column)
{
    const history_count *c = &scan->counts[row];
    switch (column) {
    case BURNDOWN_COMMIT:
    case BURNDOWN_TIME:
        history_result_commit(ctx, c->commit, column == BURNDOWN_TIME);
        break;
    case BURNDOWN_SPEC:
        scan_result_text(ctx, c->spec);
        break;
    case BURNDOWN_TASKS:
        sqlite3_result_int64(ctx, c->tasks);
        break;
    case BURNDOWN_DONE:
        sqlite3_result_int64(ctx, c->done);
        break;
    case BURNDOWN_CANCELLED:
        sqlite3_result_int64(ctx, c->cancelled);
        break;
    case BURNDOWN_OPEN:
        sqlite3_result_int64(ctx, c->open);
        break;
    }
}

const history_table task_burndown_table = {
    .name = "task_burndown",
    .schema = "CREATE TABLE x(commit_id TEXT, time INTEGER, spec TEXT, tasks INTEGER, "
              "done INTEGER, cancelled INTEGER, open INTEGER, repo HIDDEN, range HIDDEN)",
    .repo_column = BURNDOWN_REPO,
    .row_count = burndown_row_count,
    .column = burndown_column,
};
