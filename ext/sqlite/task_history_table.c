/*
 * task_history_table.c - task_history(repo [, range]): one row per change of
 * a task's state, commit by commit, along the first parents of a branch.
 *
 *   SELECT time, spec, id, old_status, new_status FROM task_history('.');
 *
 * Columns: commit_id, time, author, email, summary, spec, file, task, id,
 *          title, line, change, old_status, new_status, repo HIDDEN, range HIDDEN
 *   commit_id   the commit, 40 hex digits
 *   time        its committer time, seconds since 1970 (datetime(time, 'unixepoch'))
 *   author, email, summary   its author and the first line of its message
 *   spec, id    the task's spec key and id in its last version in the range
 *               (renamed folders and renumbered ids followed)
 *   task        the task's number in this call (1: the first seen): one task's rows
 *   file        the task list's path in this commit, below the top of the work tree
 *   title, line the task in this commit (a removed task: just before it)
 *   change      added | removed | status | start (there where a shallow
 *               clone's history begins)
 *   old_status, new_status   as tasks().status; NULL when the task is not there
 */
#include "history_vtab.h"

SQLITE_EXTENSION_INIT3

enum task_history_column {
    HISTORY_COMMIT,
    HISTORY_TIME,
    HISTORY_AUTHOR,
    HISTORY_EMAIL,
    HISTORY_SUMMARY,
    HISTORY_SPEC,
    HISTORY_FILE,
    HISTORY_TASK,
    HISTORY_ID,
    HISTORY_TITLE,
    HISTORY_LINE,
    HISTORY_CHANGE,
    HISTORY_OLD_STATUS,
    HISTORY_NEW_STATUS,
    HISTORY_REPO
};

static size_t history_row_count(const history_scan *scan)
{
    return scan->n_changes;
}

static void history_column(sqlite3_context *ctx, const history_scan *scan, size_t row, int column)
{
    const history_change *c = &scan->changes[row];
    switch (column) {
    case HISTORY_COMMIT:
    case HISTORY_TIME:
        history_result_commit(ctx, c->commit, column == HISTORY_TIME);
        break;
    case HISTORY_AUTHOR:
        scan_result_text(ctx, c->commit->author);
        break;
    case HISTORY_EMAIL:
        scan_result_text(ctx, c->commit->email);
        break;
    case HISTORY_SUMMARY:
        scan_result_text(ctx, c->commit->summary);
        break;
    case HISTORY_SPEC:
        scan_result_text(ctx, c->spec);
        break;
    case HISTORY_FILE:
        scan_result_text(ctx, c->file);
        break;
    case HISTORY_TASK:
        sqlite3_result_int64(ctx, c->task);
        break;
    case HISTORY_ID:
        scan_result_text(ctx, c->id);
        break;
    case HISTORY_TITLE:
        scan_result_text(ctx, c->title);
        break;
    case HISTORY_LINE:
        sqlite3_result_int64(ctx, c->line);
        break;
    case HISTORY_CHANGE:
        scan_result_text(ctx, history_change_name(c->kind));
        break;
    case HISTORY_OLD_STATUS:
        scan_result_text(ctx, c->old_status);
        break;
    case HISTORY_NEW_STATUS:
        scan_result_text(ctx, c->new_status);
        break;
    }
}

const history_table task_history_table = {
    .name = "task_history",
    .schema = "CREATE TABLE x(commit_id TEXT, time INTEGER, author TEXT, email TEXT, summary TEXT, "
              "spec TEXT, file TEXT, task INTEGER, id TEXT, title TEXT, line INTEGER, "
              "change TEXT, old_status TEXT, new_status TEXT, repo HIDDEN, range HIDDEN)",
    .repo_column = HISTORY_REPO,
    .row_count = history_row_count,
    .column = history_column,
};
