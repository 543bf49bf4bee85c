/*
 * task_refs_table.c - task_refs(path): what each task refers to, so that
 * coverage can be joined against requirement ids.
 *
 *   SELECT ref, count(*) FROM task_refs('.kiro/specs') WHERE kind = 'requirement'
 *   GROUP BY ref;
 *
 * Columns: spec, file, id, kind, ref, line, path HIDDEN
 *   kind  requirement | file | story
 */
#include "tasks_tables.h"

SQLITE_EXTENSION_INIT3

enum task_refs_column { REFS_SPEC, REFS_FILE, REFS_ID, REFS_KIND, REFS_REF, REFS_LINE, REFS_PATH };

static size_t refs_row_count(const scan_file *file)
{
    return file->readable ? file->graph->n_refs : 0;
}

static const char *refs_row_id(const scan_file *file, size_t row)
{
    return file->doc->tasks[file->graph->refs[row].task].id;
}

static void refs_column(sqlite3_context *ctx, const scan_file *file, size_t row, int column)
{
    const task_ref *r = &file->graph->refs[row];
    switch (column) {
    case REFS_SPEC:
        scan_result_text(ctx, file->spec);
        break;
    case REFS_FILE:
        scan_result_text(ctx, file->path);
        break;
    case REFS_ID:
        scan_result_text(ctx, file->doc->tasks[r->task].id);
        break;
    case REFS_KIND:
        scan_result_text(ctx, r->kind);
        break;
    case REFS_REF:
        scan_result_text(ctx, r->ref);
        break;
    case REFS_LINE:
        sqlite3_result_int64(ctx, r->line);
        break;
    default:
        break;
    }
}

const scan_table task_refs_table = {
    .name = "task_refs",
    .schema = "CREATE TABLE x(spec TEXT, file TEXT, id TEXT, kind TEXT, ref TEXT, line INTEGER,"
              " path HIDDEN)",
    .path_column = REFS_PATH,
    .needs_graph = 1,
    .graph_columns = UINT64_MAX, /* every row is a reference the graph build found */
    .needs_refs = 1,
    .keyed = 1,
    .spec_column = REFS_SPEC,
    .file_column = REFS_FILE,
    .id_column = REFS_ID,
    .row_id = refs_row_id,
    .row_count = refs_row_count,
    .column = refs_column,
};
