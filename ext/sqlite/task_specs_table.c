/*
 * task_specs_table.c - task_specs(path): one row per file, even one with no
 * tasks or one that could not be read (then `error` says why).
 *
 *   SELECT spec, tasks, done, error FROM task_specs('.xe/specs');
 *
 * A statement that reads only spec, file and spec_path (or count(*)) reads
 * no file: those come from the walk.
 *
 * Columns: spec, file, title, author, description, meta, tasks, done, error,
 *          dialect, spec_path, progress_tasks, progress_done, optional_tasks,
 *          optional_done, path HIDDEN
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum task_specs_column {
    SPECS_SPEC,
    SPECS_FILE,
    SPECS_TITLE,
    SPECS_AUTHOR,
    SPECS_DESCRIPTION,
    SPECS_META,
    SPECS_TASKS,
    SPECS_DONE,
    SPECS_ERROR,
    SPECS_DIALECT,
    SPECS_SPEC_PATH,
    SPECS_PROGRESS_TASKS,
    SPECS_PROGRESS_DONE,
    SPECS_OPTIONAL_TASKS,
    SPECS_OPTIONAL_DONE,
    SPECS_PATH
};

static size_t specs_row_count(const scan_file *file)
{
    (void)file;
    return 1;
}

static size_t count_done(const task_document *doc)
{
    size_t done = 0;
    for (size_t i = 0; i < doc->n_tasks; i++)
        done += doc->tasks[i].status == TASK_STATUS_DONE;
    return done;
}

/* What progress counts (task_record.counted), cancelled tasks left out; or,
 * with `optional`, the optional leaf tasks kept apart from it. */
static size_t count_progress(const task_document *doc, int optional, int done_only)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n_tasks; i++) {
        const task_record *t = &doc->tasks[i];
        int in = optional ? !t->counted && !t->has_subtasks : t->counted;
        if (!in || t->status == TASK_STATUS_CANCELLED) continue;
        n += !done_only || t->status == TASK_STATUS_DONE;
    }
    return n;
}

static void specs_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    (void)row;
    const task_document *doc = file->doc;
    switch (column) {
    case SPECS_SPEC:
        scan_result_text(ctx, file->spec);
        break;
    case SPECS_FILE:
        scan_result_text(ctx, file->path);
        break;
    case SPECS_TITLE:
        scan_result_text(ctx, doc->title);
        break;
    case SPECS_AUTHOR:
        scan_result_text(ctx, doc->author);
        break;
    case SPECS_DESCRIPTION:
        scan_result_text(ctx, doc->description);
        break;
    case SPECS_META:
        scan_result_text(ctx, doc->meta_json);
        break;
    case SPECS_TASKS:
        sqlite3_result_int64(ctx, (sqlite3_int64)doc->n_tasks);
        break;
    case SPECS_DONE:
        sqlite3_result_int64(ctx, (sqlite3_int64)count_done(doc));
        break;
    case SPECS_ERROR:
        scan_result_text(ctx, file->error);
        break;
    case SPECS_DIALECT:
        scan_result_text(ctx, file->readable ? task_dialect_name(doc->dialect) : NULL);
        break;
    case SPECS_SPEC_PATH:
        scan_result_text(ctx, file->spec_path);
        break;
    case SPECS_PROGRESS_TASKS:
    case SPECS_PROGRESS_DONE:
    case SPECS_OPTIONAL_TASKS:
    case SPECS_OPTIONAL_DONE:
        sqlite3_result_int64(
            ctx, (sqlite3_int64)count_progress(
                     doc, column == SPECS_OPTIONAL_TASKS || column == SPECS_OPTIONAL_DONE,
                     column == SPECS_PROGRESS_DONE || column == SPECS_OPTIONAL_DONE));
        break;
    default:
        break;
    }
}

const scan_table task_specs_table = {
    .name = "task_specs",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, title TEXT, author TEXT, description TEXT,"
              " meta TEXT, tasks INTEGER, done INTEGER, error TEXT, dialect TEXT, spec_path TEXT,"
              " progress_tasks INTEGER, progress_done INTEGER, optional_tasks INTEGER,"
              " optional_done INTEGER, path HIDDEN)",
    .path_column = SPECS_PATH,
    .lean = 1, /* no column reads the prose or a task's details */
    /* `SELECT spec, file FROM task_specs(...)` lists the task lists without
     * parsing one: what the command needs before its one scan of tasks(). */
    .walk_columns = (1ull << SPECS_SPEC) | (1ull << SPECS_FILE) | (1ull << SPECS_SPEC_PATH) |
                    (1ull << SPECS_PATH),
    .keyed = 1,
    .spec_column = SPECS_SPEC,
    .file_column = SPECS_FILE,
    .id_column = -1,
    .row_id = NULL,
    .row_count = specs_row_count,
    .column = specs_column,
};
