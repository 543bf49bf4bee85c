/*
 * file_scan.c - the shared eponymous virtual table behind every function.
 *
 * Every function that reads the user's files connects with
 * SQLITE_VTAB_DIRECTONLY: a view or trigger in a database schema someone else
 * wrote can then not read your files behind your back. (A TEMP view that you
 * create yourself still works.) The text siblings (tasks_text(markdown [,
 * name]), ...) read nothing but their arguments, and connect with
 * SQLITE_VTAB_INNOCUOUS: views and triggers may use them even with
 * PRAGMA trusted_schema=OFF.
 *
 * xBestIndex / xFilter protocol, the same for every function:
 *
 *   bit     meaning
 *   ------  -----------------------------------------------------------
 *     1     the hidden `path` column is constrained by `=`: argv[0]
 *           (idxNum 0: no `path` constraint, xFilter fails with a message)
 *     2     a column that needs the dependency graph is read: build it
 *           (a plain `count(*)` over tasks() skips that work)
 *     4     with bit 2, the rows are task references: find those too
 *     8     a text table's hidden `name` is constrained by `=`: argv[1]
 *   128     a column that needs the open tasks' paths is read (blockers,
 *           unblocks, critical; every row of task_blocked_by): build them
 *    16     `spec = ?` is given (next argv)   \  served from the cursor's index
 *    32     `id = ?` is given (next argv)      > of the path's rows (scan_index.h),
 *    64     `file = ?` is given (next argv)   /  built on the first xFilter
 *  1024     no column but the table's walk_columns is read: the walk's
 *           names alone, no file read or parsed
 *  2048     `file_sink = ?` is given (argv[1]): a tasksext_file_sink told of
 *           each file; then no key is served from an index
 *
 * A `path` constraint that is present but not usable in this plan gives
 * SQLITE_CONSTRAINT, so SQLite picks a plan that can supply it (the right
 * side of a join); no `path` constraint at all is an error with a message
 * when the statement runs.
 * Constraints on other columns are left to SQLite, but for a hidden column
 * after the arguments (tasks' waits_for_pointer): an error, unless it is
 * the file sink's `=`.
 */
#include "file_scan.h"

#include "tasksext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../cache/file_loader.h"
#include "../cache/listing_source.h"
#include "../cache/prefetch.h"
#include "../fs/named_files.h"
#include "../base/array_grow.h"
#include "../fs/file_read.h"
#include "../parse/text_buffer.h"
#include "../parse/utf8.h"
#include "scan_index.h"
#include "vtab_error.h"

SQLITE_EXTENSION_INIT3

typedef struct scan_vtab {
    sqlite3_vtab base;
    sqlite3 *db;
    const scan_table *table;
    tasks_connection *conn;
} scan_vtab;

/* The one use of a file sink, said when it is used otherwise. */
static const char sink_usage[] =
    "takes one argument, the path; its hidden file_sink is for C callers, and only as"
    " `WHERE file_sink = ?` with a pointer bound by sqlite3_bind_pointer (tasksext.h)";

/* What file.doc points to while no file is loaded or it could not be read. */
static const task_document empty_document;

typedef struct scan_cursor {
    sqlite3_vtab_cursor base;
    prefetch *files;
    file_loader *loader;     /* what loads each file, for `files` */
    const scan_item *text;   /* a text table's one item, until it is shown */
    listing_source listings; /* where the walk's listings come from, for `files` */
    scan_file file;
    int file_borrowed;         /* `file` is the index's: its error is not ours to free */
    scan_index *index;         /* the path's rows, kept across xFilter calls */
    int indexed;               /* this xFilter's rows come from the index: */
    const scan_match *matches; /* these */
    size_t n_matches, match_at;
    text_buffer path_text; /* repaired path of the current file, reused file after file */
    /* Its spec and spec path, repaired the same way: what every table shows
     * and what the index keys by are one text. */
    text_buffer spec_text, spec_path_text;
    char *names_root;      /* checks_named_files: where task file names are looked up */
    scan_missing *missing; /* the current file's missing names, reused file after file */
    text_buffer missing_names; /* their text */
    size_t cap_missing;
    size_t row, rows;
    sqlite3_int64 rowid;
    int eof;
    const tasksext_file_sink *sink; /* told of each file read, or NULL */
} scan_cursor;

static int scan_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **out, char **error)
{
    (void)argc;
    (void)argv;
    const scan_table_aux *client = aux;
    const scan_table *table = client->table;
    int rc = sqlite3_declare_vtab(db, table->schema);
    if (rc != SQLITE_OK) {
        *error = sqlite3_mprintf("%s: %s", table->name, sqlite3_errmsg(db));
        return rc;
    }
    scan_vtab *vtab = sqlite3_malloc(sizeof(scan_vtab));
    if (!vtab) return SQLITE_NOMEM;
    memset(vtab, 0, sizeof(*vtab));
    vtab->db = db;
    vtab->table = table;
    vtab->conn = client->conn;
    sqlite3_vtab_config(db, table->from_text ? SQLITE_VTAB_INNOCUOUS : SQLITE_VTAB_DIRECTONLY);
    *out = &vtab->base;
    return SQLITE_OK;
}

static int scan_disconnect(sqlite3_vtab *vtab)
{
    sqlite3_free(vtab->zErrMsg);
    sqlite3_free(vtab);
    return SQLITE_OK;
}

/* `spec = ?`, `id = ?`, `file = ?` with the path: each becomes the next
 * argument, served by the cursor's index, and the plan is cheaper the more
 * it narrows, so that SQLite puts the function on the inner side of a join.
 * The index answers exactly, so SQLite does not check again (omit): these
 * columns are text or NULL, and `=` compares them as text, byte for byte
 * (README, Joins). Only under BINARY: `id = 't003' COLLATE NOCASE` is left
 * to SQLite, which scans and compares for itself. */
static void key_constraints(const scan_table *table, sqlite3_index_info *info)
{
    const int columns[3] = {table->spec_column, table->id_column, table->file_column};
    int argv_index = (info->idxNum & 8) ? 3 : 2;
    for (int k = 0; k < 3; k++) {
        if (columns[k] < 0) continue;
        for (int i = 0; i < info->nConstraint; i++) {
            const struct sqlite3_index_constraint *c = &info->aConstraint[i];
            if (c->iColumn != columns[k] || !c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
                continue;
            const char *collation = sqlite3_vtab_collation(info, i);
            if (collation && sqlite3_stricmp(collation, "BINARY") != 0) continue;
            info->aConstraintUsage[i].argvIndex = argv_index++;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum |= 16 << k;
            break;
        }
    }
    if (info->idxNum & 32) {
        info->estimatedCost = 10.0;
        info->estimatedRows = 2;
    } else if (info->idxNum & (16 | 64)) {
        info->estimatedCost = 50.0;
        info->estimatedRows = 50;
    }
}

static int scan_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    scan_vtab *vtab = (scan_vtab *)base;
    int path_seen = 0, path_usable = -1, name_usable = -1, sink_usable = -1;
    int sink_column = vtab->table->file_sink_column;
    int sink_seen = 0;
    int name_column = vtab->table->from_text ? vtab->table->path_column + 1 : -1;
    /* A file table's hidden columns after the path are for C callers, not
     * arguments: `tasks('.', 'x')` would otherwise find no rows in silence. */
    int first_after_arguments = vtab->table->path_column + (vtab->table->from_text ? 2 : 1);
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        int usable = c->usable && c->op == SQLITE_INDEX_CONSTRAINT_EQ;
        if (sink_column && c->iColumn == sink_column && c->op == SQLITE_INDEX_CONSTRAINT_EQ) {
            /* Twice is an error: SQLite would test the two against each
             * other, and a pointer is NULL to SQL, so nothing would run. */
            if (sink_seen++) {
                vtab_set_error(base, "%s() %s", vtab->table->name, sink_usage);
                return SQLITE_ERROR;
            }
            if (!usable) return SQLITE_CONSTRAINT;
            sink_usable = i;
            continue;
        }
        if (c->iColumn >= first_after_arguments) {
            vtab_set_error(base,
                           "%s() takes one argument, the path; its hidden columns after it"
                           " are for C callers: neither a second argument nor a constraint",
                           vtab->table->name);
            return SQLITE_ERROR;
        }
        if (name_column >= 0 && c->iColumn == name_column) { /* not rowid's -1 */
            if (!usable) return SQLITE_CONSTRAINT;
            name_usable = i;
        }
        if (c->iColumn != vtab->table->path_column) continue;
        path_seen = 1;
        if (usable) path_usable = i;
    }
    if (path_usable >= 0) {
        info->aConstraintUsage[path_usable].argvIndex = 1;
        info->aConstraintUsage[path_usable].omit = 1;
        if (name_usable >= 0) {
            info->aConstraintUsage[name_usable].argvIndex = 2;
            info->aConstraintUsage[name_usable].omit = 1;
        }
        if (sink_usable >= 0) { /* never a text table's: no name before it */
            info->aConstraintUsage[sink_usable].argvIndex = 2;
            info->aConstraintUsage[sink_usable].omit = 1;
        }
        const scan_table *table = vtab->table;
        /* UINT64_MAX: the rows themselves come from the graph. */
        int graph = table->needs_graph && (table->graph_columns == UINT64_MAX ||
                                           (info->colUsed & table->graph_columns) != 0);
        int paths =
            table->paths_columns == UINT64_MAX || (info->colUsed & table->paths_columns) != 0;
        if (paths) graph = 1;
        int omit_prose = table->lean && !graph;
        int omit_details = omit_prose && (info->colUsed & table->details_columns) == 0;
        int walk_only =
            table->walk_columns && !graph && (info->colUsed & ~table->walk_columns) == 0;
        info->idxNum = 1 | (graph ? 2 : 0) | (graph && table->needs_refs ? 4 : 0) |
                       (name_usable >= 0 ? 8 : 0) | (paths ? 128 : 0) | (omit_prose ? 256 : 0) |
                       (omit_details ? 512 : 0) | (walk_only ? 1024 : 0) |
                       (sink_usable >= 0 ? 2048 : 0);
        info->estimatedCost = 1000.0;
        info->estimatedRows = 1000;
        /* A sink is told of every file: the whole path is read. */
        if (table->keyed && !table->from_text && sink_usable < 0) key_constraints(table, info);
        return SQLITE_OK;
    }
    if (path_seen) return SQLITE_CONSTRAINT;
    /* No path at all. SQLite also asks this while it weighs the branches of
     * an OR, so answer with a plan it will not want; xFilter says what is
     * missing if it is run all the same. */
    info->idxNum = 0;
    info->estimatedCost = 1e300;
    info->estimatedRows = 1000000000;
    return SQLITE_OK;
}

static int scan_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
    (void)vtab;
    scan_cursor *cur = sqlite3_malloc(sizeof(scan_cursor));
    if (!cur) return SQLITE_NOMEM;
    memset(cur, 0, sizeof(*cur));
    cur->file.doc = &empty_document;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

static void release_file(scan_cursor *cur)
{
    if (!cur->file_borrowed) sqlite3_free(cur->file.error);
    cur->file_borrowed = 0;
    text_buffer_clear(&cur->path_text);
    text_buffer_clear(&cur->spec_text);
    text_buffer_clear(&cur->spec_path_text);
    memset(&cur->file, 0, sizeof(cur->file));
    cur->file.doc = &empty_document;
}

static void close_files(scan_cursor *cur)
{
    prefetch_close(cur->files); /* joins the worker: no thread outlives the scan */
    cur->files = NULL;
    cur->text = NULL;
    file_loader_free(cur->loader);
    cur->loader = NULL;
}

static void reset_cursor(scan_cursor *cur)
{
    release_file(cur);
    close_files(cur);
    cur->row = cur->rows = 0;
    cur->rowid = 0;
    cur->eof = 1;
    cur->indexed = 0;
    cur->matches = NULL;
    cur->n_matches = cur->match_at = 0;
    cur->sink = NULL;
}

static int scan_close(sqlite3_vtab_cursor *base)
{
    reset_cursor((scan_cursor *)base);
    scan_index_free(((scan_cursor *)base)->index);
    free(((scan_cursor *)base)->names_root);
    free(((scan_cursor *)base)->missing);
    text_buffer_free(&((scan_cursor *)base)->path_text);
    text_buffer_free(&((scan_cursor *)base)->missing_names);
    text_buffer_free(&((scan_cursor *)base)->spec_text);
    text_buffer_free(&((scan_cursor *)base)->spec_path_text);
    sqlite3_free(base);
    return SQLITE_OK;
}

static char *repaired_text(const char *text)
{
    text_buffer buf;
    text_buffer_init(&buf);
    utf8_append_repaired(&buf, text, strlen(text));
    char *copy = buf.failed ? NULL : sqlite3_mprintf("%s", buf.data ? buf.data : "");
    text_buffer_free(&buf);
    return copy;
}

static size_t size_limit(const scan_vtab *vtab)
{
    int length = sqlite3_limit(vtab->db, SQLITE_LIMIT_LENGTH, -1);
    size_t limit = FILE_READ_DEFAULT_MAX_BYTES;
    if (length > 0 && (size_t)length < limit) limit = (size_t)length;
    return limit;
}

/* One done task's named files, looked up (task_named_files_each). */
typedef struct missing_search {
    scan_cursor *cur;
    int task;
    uint32_t line;
    size_t n;
    int failed;
} missing_search;

static int note_if_missing(const char *name, size_t length, void *context)
{
    missing_search *search = context;
    scan_cursor *cur = search->cur;
    size_t at = cur->missing_names.len;
    text_buffer_append(&cur->missing_names, name, length);
    text_buffer_append_char(&cur->missing_names, '\0');
    if (cur->missing_names.failed) {
        search->failed = 1;
        return 1;
    }
    if (named_file_exists(cur->names_root, cur->missing_names.data + at)) {
        cur->missing_names.len = at;
        return 0;
    }
    if (!grow_array((void **)&cur->missing, &cur->cap_missing, search->n, sizeof(scan_missing))) {
        search->failed = 1;
        return 1;
    }
    cur->missing[search->n++] = (scan_missing){search->task, search->line, NULL, at};
    return 0;
}

/* The files done tasks of the current file name that do not exist: read
 * from each done task's files, not from every reference of every task
 * (task_graph_add_refs() was a twelfth of `tasksext issues`). */
static int find_missing(scan_cursor *cur)
{
    const scan_table *table = ((scan_vtab *)cur->base.pVtab)->table;
    const task_document *doc = cur->file.doc;
    missing_search search = {cur, 0, 0, 0, 0};
    text_buffer_clear(&cur->missing_names);
    if (table->checks_named_files && cur->names_root && cur->file.readable) {
        for (size_t t = 0; t < doc->n_tasks && !search.failed; t++) {
            const task_record *task = &doc->tasks[t];
            if (task->status != TASK_STATUS_DONE || !task->files_json) continue;
            search.task = (int)t;
            search.line = task->line;
            task_named_files_each(task, note_if_missing, &search);
        }
    }
    if (search.failed) return -1;
    /* The names' buffer is complete: now they have their places. */
    for (size_t i = 0; i < search.n; i++)
        cur->missing[i].name = cur->missing_names.data + cur->missing[i].name_at;
    cur->file.missing = cur->missing;
    cur->file.n_missing = search.n;
    return 0;
}

/* `text` with invalid UTF-8 repaired (as the parse repairs a document's
 * spec), in `buffer`; NULL stays NULL. */
static const char *repaired(text_buffer *buffer, const char *text)
{
    if (!text) return NULL;
    utf8_append_repaired(buffer, text, strlen(text));
    text_buffer_append(buffer, "", 1); /* an empty one is "", not NULL */
    return buffer->data;
}

/* Shows one walked file through cur->file. A file that could not be read is
 * not a failure of the statement: its error is for the tables to show. */
static int load_file(scan_cursor *cur, const void *loaded)
{
    const scan_item *item = loaded;
    release_file(cur);
    /* Markdown given without a name has no path; messages say what it was. */
    const char *shown = item->path ? item->path : "(markdown)";
    utf8_append_repaired(&cur->path_text, shown, strlen(shown));
    if (cur->path_text.failed) return SQLITE_NOMEM;
    const char *path = cur->path_text.data ? cur->path_text.data : "";
    cur->file.path = item->path ? path : NULL;
    cur->file.spec = repaired(&cur->spec_text, item->spec);
    cur->file.spec_path = repaired(&cur->spec_path_text, item->spec_path);
    if (cur->spec_text.failed || cur->spec_path_text.failed) return SQLITE_NOMEM;
    cur->file.skipped = item->skipped;
    if (item->skipped) return SQLITE_OK;
    if (item->error) {
        cur->file.error = sqlite3_mprintf("%s: %s", path, item->reason);
        return cur->file.error ? SQLITE_OK : SQLITE_NOMEM;
    }
    if (!item->file) return SQLITE_OK; /* walk only: the empty document */
    const task_document *doc = loaded_file_document(item->file);
    cur->file.doc = doc;
    cur->file.graph = item->graph;
    cur->file.readable = 1;
    if (find_missing(cur) < 0) return SQLITE_NOMEM;
    if (doc->error) {
        cur->file.error = sqlite3_mprintf("%s:%u: %s", path, (unsigned)doc->error_line, doc->error);
        if (!cur->file.error) return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

/* The rows the current file gives. What the walk left out is a row of
 * task_skipped() only. */
static size_t file_rows(const scan_cursor *cur)
{
    const scan_table *table = ((const scan_vtab *)cur->base.pVtab)->table;
    if (table->lists_skipped || cur->file.skipped)
        return table->lists_skipped && cur->file.skipped ? 1 : 0;
    return table->row_count(&cur->file);
}

/* Moves to the next row, reading files until one gives rows or the walk ends. */
static int advance(scan_cursor *cur)
{
    if (cur->indexed) {
        if (cur->match_at >= cur->n_matches) {
            cur->eof = 1;
            release_file(cur);
            return SQLITE_OK;
        }
        const scan_match *m = &cur->matches[cur->match_at++];
        cur->file = *scan_index_file(cur->index, m->file);
        cur->file_borrowed = 1;
        cur->row = m->row;
        /* The row's rowid in a scan without the index, whatever the plan. */
        cur->rowid = (sqlite3_int64)(scan_index_first_row(cur->index, m->file) + m->row + 1);
        return SQLITE_OK;
    }
    cur->row++;
    while (cur->row >= cur->rows) {
        void *item = (void *)cur->text;
        int more = cur->text ? 1 : cur->files ? prefetch_next(cur->files, &item) : 0;
        cur->text = NULL;
        if (more < 0) return SQLITE_NOMEM;
        if (more == 0) {
            cur->eof = 1;
            release_file(cur);
            close_files(cur);
            return SQLITE_OK;
        }
        int rc = load_file(cur, item);
        if (rc != SQLITE_OK) return rc;
        cur->row = 0;
        cur->rows = file_rows(cur);
        if (cur->sink && !cur->file.skipped) {
            tasksext_file seen = {cur->file.spec, cur->file.path, cur->file.error, cur->rows};
            cur->sink->file(cur->sink->context, &seen);
        }
    }
    cur->rowid++;
    return SQLITE_OK;
}

static int graph_parts(int idx_num)
{
    return ((idx_num & 2) ? GRAPH_EDGES : 0) | ((idx_num & 4) ? GRAPH_REFS : 0) |
           ((idx_num & 128) ? GRAPH_PATHS : 0);
}

/* The task_document_part bits the query reads none of. */
static unsigned omit_parts(int idx_num)
{
    return ((idx_num & 256) ? TASK_PART_PROSE : 0) | ((idx_num & 512) ? TASK_PART_DETAILS : 0);
}

/* What an index of rows was read with: another plan needs another. */
static int index_plan(int idx_num)
{
    return graph_parts(idx_num) | (int)(omit_parts(idx_num) << 8) | (idx_num & 1024 ? 1 << 20 : 0);
}

/* Reads every file of the open scan into a new index of the path's rows. */
static int build_index(scan_cursor *cur, const char *path, int parts)
{
    scan_index_free(cur->index);
    cur->index = scan_index_new(path, parts, ((scan_vtab *)cur->base.pVtab)->conn->documents);
    int rc = cur->index ? SQLITE_OK : SQLITE_NOMEM;
    while (rc == SQLITE_OK) {
        void *next;
        int more = prefetch_next(cur->files, &next);
        if (more <= 0) {
            rc = more < 0 ? SQLITE_NOMEM : SQLITE_OK;
            break;
        }
        const scan_item *item = next;
        rc = load_file(cur, item);
        if (rc == SQLITE_OK)
            rc = scan_index_add(cur->index, &cur->file, file_rows(cur), item->file);
        release_file(cur);
    }
    close_files(cur);
    if (rc != SQLITE_OK) {
        scan_index_free(cur->index);
        cur->index = NULL;
    }
    return rc;
}

/* The rows the index holds for this xFilter's `spec`, `id` and `file`. */
static int find_indexed(scan_cursor *cur, int idx_num, int argc, sqlite3_value **argv)
{
    const char *values[3] = {NULL, NULL, NULL};
    int at = 1;
    for (int k = 0; k < 3; k++) {
        if (!(idx_num & (16 << k))) continue;
        if (at >= argc) return SQLITE_ERROR;
        sqlite3_value *v = argv[at++];
        /* `= NULL` is never true, and a blob never equals text: no row (eof).
         * A number is compared as the text SQLite writes for it. */
        int type = sqlite3_value_type(v);
        if (type == SQLITE_NULL || type == SQLITE_BLOB) return SQLITE_OK;
        values[k] = (const char *)sqlite3_value_text(v);
        if (!values[k]) return SQLITE_NOMEM;
        /* Text with a NUL inside is no column's value. */
        if (strlen(values[k]) != (size_t)sqlite3_value_bytes(v)) return SQLITE_OK;
    }
    const scan_table *table = ((scan_vtab *)cur->base.pVtab)->table;
    int rc = scan_index_find(cur->index, table, values[0], values[1], values[2], &cur->matches,
                             &cur->n_matches);
    if (rc != SQLITE_OK) return rc;
    cur->match_at = 0;
    cur->indexed = 1;
    cur->eof = 0;
    return advance(cur);
}

/* A text table: one document from argv[0], named argv[1] when given. NULL
 * markdown gives no rows, as json_each(NULL) does, so that a view over a
 * column with gaps needs no WHERE. */
static int filter_text(scan_cursor *cur, int idx_num, int argc, sqlite3_value **argv)
{
    scan_vtab *vtab = (scan_vtab *)cur->base.pVtab;
    const char *table = vtab->table->name;
    if (!(idx_num & 1) || argc < 1) {
        vtab_set_error(cur->base.pVtab,
                  "%s(): the markdown argument is required, as in SELECT * FROM %s(body, name)",
                  table, table);
        return SQLITE_ERROR;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK; /* eof */
    /* Text or blob alike: the bytes as they are, any encoding, any bytes. */
    const char *bytes = sqlite3_value_blob(argv[0]);
    int size = sqlite3_value_bytes(argv[0]);
    if (!bytes && size > 0) return SQLITE_NOMEM;
    const char *name = NULL;
    if ((idx_num & 8) && argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
        name = (const char *)sqlite3_value_text(argv[1]);
        if (!name) return SQLITE_NOMEM;
    }
    file_loader_options options = {
        .max_bytes = (size_t)size,
        .graph_parts = graph_parts(idx_num),
        .omit = omit_parts(idx_num),
        .documents = NULL, /* bytes are no file: nothing to key a cache by */
        .statuses = &vtab->conn->statuses,
    };
    cur->loader = file_loader_new(&options);
    if (!cur->loader) return SQLITE_NOMEM;
    if (file_loader_text(cur->loader, bytes ? bytes : "", (size_t)size, name, &cur->text) < 0) {
        reset_cursor(cur);
        return SQLITE_NOMEM;
    }
    cur->eof = 0;
    cur->row = cur->rows = 0;
    int rc = advance(cur);
    if (rc == SQLITE_NOMEM) reset_cursor(cur);
    return rc;
}

static int scan_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                       sqlite3_value **argv)
{
    (void)idx_str;
    scan_cursor *cur = (scan_cursor *)base;
    scan_vtab *vtab = (scan_vtab *)base->pVtab;
    const char *name = vtab->table->name;
    reset_cursor(cur);
    if (vtab->table->from_text) return filter_text(cur, idx_num, argc, argv);
    if (!(idx_num & 1) || argc < 1) {
        /* (On the right of a RIGHT JOIN, SQLite passes no argument at all.) */
        vtab_set_error(base->pVtab,
                       "%s(): a path argument is required, as in SELECT * FROM %s('.'); on the"
                       " right of a RIGHT or FULL JOIN, put it in a MATERIALIZED CTE",
                       name, name);
        return SQLITE_ERROR;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        vtab_set_error(base->pVtab, "%s(): the path is NULL; give a file, a directory or a glob", name);
        return SQLITE_ERROR;
    }
    const char *path = (const char *)sqlite3_value_text(argv[0]);
    if (!path) return SQLITE_NOMEM;
    if (!*path) {
        vtab_set_error(base->pVtab, "%s(): the path is empty; give a file, a directory or a glob", name);
        return SQLITE_ERROR;
    }
    if (idx_num & 2048) {
        cur->sink = argc > 1 ? sqlite3_value_pointer(argv[1], TASKSEXT_FILE_SINK_TYPE) : NULL;
        if (!cur->sink || !cur->sink->file) {
            vtab_set_error(base->pVtab, "%s() %s", name, sink_usage);
            return SQLITE_ERROR;
        }
    }
    int keys = idx_num & (16 | 32 | 64);
    if (keys && scan_index_serves(cur->index, path, index_plan(idx_num)))
        return find_indexed(cur, idx_num, argc, argv);
    char *message = NULL;
    file_loader_options options = {
        .max_bytes = size_limit(vtab),
        .graph_parts = graph_parts(idx_num),
        .omit = omit_parts(idx_num),
        .walk_only = (idx_num & 1024) != 0,
        .documents = vtab->conn->documents,
        .statuses = &vtab->conn->statuses,
    };
    if (vtab->table->checks_named_files) {
        free(cur->names_root);
        cur->names_root = named_files_root(path); /* NULL: nothing to look up against */
    }
    cur->loader = file_loader_new(&options);
    if (!cur->loader) return SQLITE_NOMEM;
    cur->listings = (listing_source){vtab->conn->listings, {0}};
    walk_listings listings = listing_source_callbacks(&cur->listings);
    prefetch_client client = file_loader_client(cur->loader);
    /* PRAGMA threads (SQLITE_LIMIT_WORKER_THREADS) decides: 0 is off. A
     * walk-only scan reads nothing ahead: a worker would only hand each
     * name over (a wake-up per file), slower than walking here. */
    int threads = options.walk_only ? 0 : sqlite3_limit(vtab->db, SQLITE_LIMIT_WORKER_THREADS, -1);
    if (prefetch_open(path, &listings, &client, threads, &cur->files, &message) != 0) {
        close_files(cur);
        if (!message) return SQLITE_NOMEM;
        char *shown = repaired_text(message);
        vtab_set_error(base->pVtab, "%s(): %s", name, shown ? shown : message);
        sqlite3_free(shown);
        free(message);
        return SQLITE_ERROR;
    }
    if (keys) {
        int rc = build_index(cur, path, index_plan(idx_num));
        return rc == SQLITE_OK ? find_indexed(cur, idx_num, argc, argv) : rc;
    }
    cur->eof = 0;
    cur->row = cur->rows = 0; /* advance() reads the first file */
    int rc = advance(cur);
    if (rc == SQLITE_NOMEM) reset_cursor(cur);
    return rc;
}

static int scan_next(sqlite3_vtab_cursor *base)
{
    return advance((scan_cursor *)base);
}

static int scan_eof(sqlite3_vtab_cursor *base)
{
    return ((scan_cursor *)base)->eof;
}

static int scan_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int column)
{
    scan_cursor *cur = (scan_cursor *)base;
    const scan_table *table = ((scan_vtab *)base->pVtab)->table;
    /* The arguments read NULL: the path, and a text table's name. */
    if (column == table->path_column || (table->from_text && column == table->path_column + 1))
        return SQLITE_OK;
    /* A sink the scan took is never read back; SQLite reads the column only
     * to test a use of it the scan did not take (`file_sink = ? OR ...`, a
     * second `file_sink = ?`, the select list), which would leave the sink
     * untold in silence. */
    if (table->file_sink_column && column == table->file_sink_column) {
        char *message = sqlite3_mprintf("%s() %s", table->name, sink_usage);
        sqlite3_result_error(ctx, message ? message : sink_usage, -1);
        sqlite3_free(message);
        return SQLITE_ERROR;
    }
    table->column(ctx, &cur->file, cur->row, column);
    return SQLITE_OK;
}

static int scan_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
{
    *rowid = ((scan_cursor *)base)->rowid;
    return SQLITE_OK;
}

const sqlite3_module file_scan_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = scan_connect,
    .xBestIndex = scan_best_index,
    .xDisconnect = scan_disconnect,
    .xDestroy = NULL,
    .xOpen = scan_open,
    .xClose = scan_close,
    .xFilter = scan_filter,
    .xNext = scan_next,
    .xEof = scan_eof,
    .xColumn = scan_column,
    .xRowid = scan_rowid,
};

void scan_result_text(sqlite3_context *ctx, const char *text)
{
    if (text) sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
}

void scan_result_number(sqlite3_context *ctx, const char *text)
{
    if (!text) return;
    const char *dot = strchr(text, '.');
    size_t len = strlen(text);
    if (!dot)
        sqlite3_result_int64(ctx, strtoll(text, NULL, 10));
    else if (!strchr(dot + 1, '.') && text[len - 1] != '0')
        sqlite3_result_double(ctx, strtod(text, NULL));
    else /* 1.1.1, and 3.10, which as a real would be 3.1, another step */
        sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
}

int scan_table_text_sibling(const scan_table *files, scan_table *text)
{
    /* The file table's hidden columns after the path (tasks' pointer) are
     * not the text table's: its `name` takes their place. */
    static const char path_column[] = "path HIDDEN";
    *text = *files;
    text->from_text = 1;
    /* From the path on the columns differ (markdown, name): the file
     * table's bits for its columns after the path (tasks' pointer) would be
     * the text table's `name`, and giving a name would build the graph. */
    uint64_t before_path = (1ull << files->path_column) - 1;
    if (text->graph_columns != UINT64_MAX) text->graph_columns &= before_path;
    if (text->paths_columns != UINT64_MAX) text->paths_columns &= before_path;
    text->details_columns &= before_path;
    text->walk_columns = 0; /* the markdown given is the file: always parsed */
    text->file_sink_column = 0;
    const char *at = strstr(files->schema, path_column);
    char *name = sqlite3_mprintf("%s_text", files->name);
    char *schema = at ? sqlite3_mprintf("%.*smarkdown HIDDEN, name HIDDEN)",
                                        (int)(at - files->schema), files->schema)
                      : NULL;
    if (!name || !schema) {
        sqlite3_free(name);
        sqlite3_free(schema);
        text->name = text->schema = NULL; /* nothing of the file table's to free */
        return SQLITE_NOMEM;
    }
    text->name = name;
    text->schema = schema;
    return SQLITE_OK;
}

void scan_table_text_sibling_free(scan_table *text)
{
    sqlite3_free((char *)text->name);
    sqlite3_free((char *)text->schema);
}
