/* file_scan.h - the one cursor layer every table-valued function shares:
 * walk the path argument, read and parse one file at a time, and let each
 * table say how many rows a file gives and what each column holds.
 *
 * Each function is the same sqlite3_module with a different scan_table as its
 * client data, so xBestIndex, xFilter and the cursor exist once. */
#ifndef TASKS_FILE_SCAN_H
#define TASKS_FILE_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "../cache/file_cache.h"
#include "sqlite3ext.h"
#include "tasks_deps.h"
#include "tasks_parse.h"

/* A file a done task names that does not exist (task_issues). */
typedef struct scan_missing {
    int task;      /* index into doc->tasks */
    uint32_t line; /* where the name is written */
    const char *name;
    size_t name_at; /* (the cursor's: where the name starts in its buffer) */
} scan_missing;

typedef struct scan_file {
    const char *path;            /* as the walk found it (a text table: the name, or NULL) */
    const char *spec;            /* the spec key, also for a file that could not be read */
    const char *spec_path;       /* the relative path the key came from */
    const task_document *doc;    /* parsed; an empty one when the file could not be read */
    const task_graph *graph;     /* when the table asks for it and the file was read */
    char *error;                 /* "path: reason" or "path:line: reason", or NULL */
    int readable;                /* 0 when error says why nothing was read */
    const char *skipped;         /* the walk left this folder or file out: why */
    const scan_missing *missing; /* with checks_named_files: files done tasks name, missing */
    size_t n_missing;
} scan_file;

/* What the functions of one connection share: the caches (each guards
 * itself) and the status rules, which only the connection's own calls read
 * and change (a scan takes a copy when it starts). */
typedef struct tasks_connection {
    file_cache *documents;    /* parsed files (cache/loaded_file.h) */
    file_cache *listings;     /* directory listings, an eighth of the documents' bound */
    task_status_map statuses; /* the user's mark -> status rules */
    int refs;                 /* one per registered function */
    int text_only;            /* registered by sqlite3_tasksext_text_init: no file functions */
} tasks_connection;

typedef struct scan_table {
    const char *name;       /* the function's name, for messages */
    const char *schema;     /* CREATE TABLE x(...), with `path HIDDEN` last; a text
                             * table: `markdown HIDDEN, name HIDDEN` in its place */
    int path_column;        /* a text table: the markdown column, the name after it */
    int from_text;          /* rows from markdown given as a value: no file is read */
    int needs_graph;        /* build the dependency graph of each file ... */
    uint64_t graph_columns; /* ... when one of these columns (bit i: column i) is read */
    int needs_refs;         /* and the references of each task in it */
    uint64_t paths_columns; /* columns that need task_graph_add_paths (UINT64_MAX: every row) */
    /* A table whose columns read only tasks' places, ids, marks and statuses
     * and the document's own fields (not the prose the graph reads) sets
     * lean: without a graph column the parse leaves the prose out, and
     * without one of details_columns, the details too (TASK_PART_*). */
    int lean;
    uint64_t details_columns;
    /* Columns the walk alone answers (a file's spec and path): a statement
     * that reads no other column (count(*) too) reads and parses no file. */
    uint64_t walk_columns;
    int lists_skipped;      /* its rows are what the walk left out, one each */
    /* A hidden column after the path that takes a tasksext_file_sink
     * (tasksext.h) as `= ?`, told of every file the scan reads; 0: none. */
    int file_sink_column;
    int checks_named_files; /* look up the files done tasks name (scan_file.missing) */
    /* Columns whose `=` constraints the cursor serves from an index of the
     * rows it builds on its first scan (keyed: set; -1 where the table has
     * none), and the id of a row (NULL: none). */
    int keyed;
    int spec_column, file_column, id_column;
    const char *(*row_id)(const scan_file *file, size_t row);
    size_t (*row_count)(const scan_file *file);
    void (*column)(sqlite3_context *ctx, const scan_file *file, size_t row, int column);
} scan_table;

/* The text sibling of a file table (`tasks` -> `tasks_text`): the same rows
 * from markdown passed as a value. Its name and schema are sqlite3_malloc'd;
 * 0, or SQLITE_NOMEM. */
int scan_table_text_sibling(const scan_table *files, scan_table *text);
void scan_table_text_sibling_free(scan_table *text);

/* The client data each function is registered with. */
typedef struct scan_table_aux {
    const scan_table *table;
    tasks_connection *conn;
} scan_table_aux;

extern const sqlite3_module file_scan_module;

/* Text results are handed to SQLite as valid UTF-8; NULL stays NULL. */
void scan_result_text(sqlite3_context *ctx, const char *text);

/* A step number: integer `3`, real `3.2`, text `1.1.1` (and `3.10`, which a
 * real would make 3.1). */
void scan_result_number(sqlite3_context *ctx, const char *text);

#endif
