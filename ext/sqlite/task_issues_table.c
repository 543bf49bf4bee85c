/*
 * task_issues_table.c - task_issues(path): lint as data, one row per problem.
 *
 *   SELECT file, line, code, message FROM task_issues('.') ORDER BY file, line;
 *
 * Columns: spec, file, line, id, code, message, severity, path HIDDEN,
 *          file_sink HIDDEN (for C callers: tasksext.h)
 *   code      task_issue_code_name(): duplicate-id | unknown-id | cycle |
 *             unparsed-dependency | outside-reference | bad-front-matter |
 *             bad-encoding | done-before-dependency | parallel-same-file |
 *             backwards-range | fan-out-limit | unreadable-file | ...
 *             | done-file-missing (a done task names a file that is not
 *             there, below the path's git work tree, else its folder)
 *   severity  error | warning | info (one per code)
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum task_issues_column {
    ISSUES_SPEC,
    ISSUES_FILE,
    ISSUES_LINE,
    ISSUES_ID,
    ISSUES_CODE,
    ISSUES_MESSAGE,
    ISSUES_SEVERITY,
    ISSUES_PATH,
    ISSUES_FILE_SINK
};

/* A file that could not be read is one issue row of its own. Otherwise the
 * graph's issues come first, then the files done tasks name that are
 * missing (found by the cursor: they depend on the file system, not on the
 * file, so they are not kept with it). */
static size_t issues_row_count(const scan_file *file)
{
    return file->readable ? file->graph->n_issues + file->n_missing : 1;
}

static const scan_missing *missing_row(const scan_file *file, size_t row)
{
    return file->readable && row >= file->graph->n_issues
               ? &file->missing[row - file->graph->n_issues]
               : NULL;
}

static const char *issues_row_id(const scan_file *file, size_t row)
{
    const scan_missing *m = missing_row(file, row);
    if (m) return file->doc->tasks[m->task].id;
    const task_issue *issue = file->readable ? &file->graph->issues[row] : NULL;
    return issue && issue->task >= 0 ? file->doc->tasks[issue->task].id : NULL;
}

static void missing_column(sqlite3_context *ctx, const scan_file *file, const scan_missing *m,
                           int column)
{
    task_issue_code code = ISSUE_DONE_FILE_MISSING;
    switch (column) {
    case ISSUES_LINE:
        sqlite3_result_int64(ctx, m->line);
        break;
    case ISSUES_ID:
        scan_result_text(ctx, file->doc->tasks[m->task].id);
        break;
    case ISSUES_CODE:
        scan_result_text(ctx, task_issue_code_name(code));
        break;
    case ISSUES_MESSAGE: {
        char *message = sqlite3_mprintf("done, but the file it names does not exist: %s", m->name);
        if (!message)
            sqlite3_result_error_nomem(ctx);
        else
            sqlite3_result_text(ctx, message, -1, sqlite3_free);
        break;
    }
    case ISSUES_SEVERITY:
        scan_result_text(ctx, task_issue_severity_name(task_issue_code_severity(code)));
        break;
    default:
        break;
    }
}

static void issues_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    if (column == ISSUES_SPEC || column == ISSUES_FILE) {
        scan_result_text(ctx, column == ISSUES_SPEC ? file->spec : file->path);
        return;
    }
    const scan_missing *m = missing_row(file, row);
    if (m) {
        missing_column(ctx, file, m, column);
        return;
    }
    const task_issue *issue = file->readable ? &file->graph->issues[row] : NULL;
    task_issue_code code = issue ? issue->code : ISSUE_UNREADABLE_FILE;
    switch (column) {
    case ISSUES_LINE:
        if (issue && issue->line) sqlite3_result_int64(ctx, issue->line);
        break;
    case ISSUES_ID:
        if (issue && issue->task >= 0) scan_result_text(ctx, file->doc->tasks[issue->task].id);
        break;
    case ISSUES_CODE:
        scan_result_text(ctx, task_issue_code_name(code));
        break;
    case ISSUES_MESSAGE:
        scan_result_text(ctx, issue ? issue->message : file->error);
        break;
    case ISSUES_SEVERITY:
        scan_result_text(ctx, task_issue_severity_name(task_issue_code_severity(code)));
        break;
    default:
        break;
    }
}

const scan_table task_issues_table = {
    .name = "task_issues",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, line INTEGER, id TEXT, code TEXT,"
              " message TEXT, severity TEXT, path HIDDEN, file_sink HIDDEN)",
    .path_column = ISSUES_PATH,
    .file_sink_column = ISSUES_FILE_SINK,
    .needs_graph = 1,
    .graph_columns = UINT64_MAX, /* every row is an edge or issue */
    .needs_refs = 0, /* the files done tasks name are read from the tasks (find_missing) */
    .checks_named_files = 1,
    .keyed = 1,
    .spec_column = ISSUES_SPEC,
    .file_column = ISSUES_FILE,
    .id_column = ISSUES_ID,
    .row_id = issues_row_id,
    .row_count = issues_row_count,
    .column = issues_column,
};
