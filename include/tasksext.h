/* tasksext.h - the SQLite extension's entry points and its version.
 *
 * Loaded at run time (`.load tasksext`, sqlite3_load_extension) SQLite finds
 * sqlite3_tasksext_init by itself. Linked statically, call it yourself or
 * hand it to sqlite3_auto_extension(). */
#ifndef TASKSEXT_H
#define TASKSEXT_H

#include <stddef.h>

#include "sqlite3ext.h"

/* The version, here and nowhere else (CMake reads it from this file). */
#define TASKSEXT_VERSION_MAJOR 0
#define TASKSEXT_VERSION_MINOR 1
#define TASKSEXT_VERSION_PATCH 0
#define TASKSEXT_VERSION_STRING "0.1.0"
/* One number to compare: 0.1.0 is 100, 1.2.3 is 1002003. */
#define TASKSEXT_VERSION_NUMBER                                                                    \
    (TASKSEXT_VERSION_MAJOR * 1000000 + TASKSEXT_VERSION_MINOR * 1000 + TASKSEXT_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define TASKSEXT_API __declspec(dllexport)
#else
#define TASKSEXT_API __attribute__((visibility("default")))
#endif

/* Registers every function: those that read files (tasks(path), ...) and
 * those that read only their arguments (tasks_text(markdown), ...). */
TASKSEXT_API int sqlite3_tasksext_init(sqlite3 *db, char **error, const sqlite3_api_routines *api);

/* Registers only the functions that read no file: tasks_text() and its
 * siblings, tasksext_status(), tasksext_version() and tasksext_debug(). For
 * hosts that must not let SQL touch the filesystem:
 *   .load ./build/tasksext sqlite3_tasksext_text_init */
TASKSEXT_API int sqlite3_tasksext_text_init(sqlite3 *db, char **error,
                                            const sqlite3_api_routines *api);

/* tasks().waits_for without JSON, for C code in the same process (the
 * `tasksext` command reads it so): the hidden column waits_for_pointer is
 * NULL to SQL, and
 *   sqlite3_value_pointer(sqlite3_column_value(stmt, i), TASKSEXT_WAITS_TYPE)
 * gives the row's edges, in waits_for's order, valid until the statement
 * steps again, is reset or is finalized; the ids are its own copies. */
#define TASKSEXT_WAITS_TYPE "tasksext_waits"

typedef struct tasksext_wait {
    int line;         /* the line of the task waited for, in the same file */
    const char *id;   /* its id, or NULL */
    const char *kind; /* the edge's kind, as task_deps().kind names it */
} tasksext_wait;

typedef struct tasksext_waits {
    size_t n;
    const tasksext_wait *items;
} tasksext_waits;

/* A whole row of tasks() for C code in the same process, without a column
 * call and a text copy per value (the `tasksext` command reads its tasks
 * so): the hidden column task_pointer is NULL to SQL, and
 *   sqlite3_value_pointer(sqlite3_column_value(stmt, i), TASKSEXT_TASK_TYPE)
 * gives the row, valid until the statement steps again, is reset or is
 * finalized; its texts (and its edges' ids) are its own copies, so a value
 * SQLite keeps past its row (a bare column beside max()) reads right too.
 * Each field is the tasks() column of the same name; step,
 * story, tags, section, parent, files, line_hash, blockers, unblocks and
 * critical are not here (read those columns). Reading task_pointer builds
 * the dependency graph, as reading ready does. */
#define TASKSEXT_TASK_TYPE "tasksext_task"

typedef struct tasksext_task {
    /* Texts are NULL where the column is NULL. */
    const char *spec, *file, *id, *title, *mark, *status, *step_name;
    int line, done, parallel, counted, optional, depth, ready, wave;
    int level;                /* -1 where tasks().level is NULL (on or after a cycle) */
    tasksext_waits waits_for; /* tasks().waits_for_pointer's edges */
} tasksext_task;

/* Every file a scan of tasks() or task_issues() reads, with rows or without
 * (an empty task list, one that could not be read), for C code in the same
 * process: the hidden column file_sink takes a callback, which the scan
 * calls for each file before its rows, in the scan's order, each time the
 * scan runs (the inner side of a join runs once per outer row). The
 * `tasksext` command learns a tree's files and their errors so, in the
 * same scan as its rows:
 *   SELECT ... FROM tasks(?1) WHERE file_sink = ?2
 * with sqlite3_bind_pointer(stmt, 2, &sink, TASKSEXT_FILE_SINK_TYPE, NULL).
 * What the walk leaves out (task_skipped()) is not reported. A statement
 * with a sink reads its whole path: `spec =`, `id =` and `file =` are left
 * to SQLite, not served from an index. Any other use is an error: a value
 * that is not such a pointer, a second `file_sink =`, a use SQLite would
 * test itself (under an OR), reading the column. */
#define TASKSEXT_FILE_SINK_TYPE "tasksext_file_sink"

typedef struct tasksext_file {
    /* As task_specs() shows them; valid during the call only. */
    const char *spec, *file;
    const char *error; /* task_specs().error: why it could not be read, or NULL */
    size_t rows;       /* the rows the table gives for it */
} tasksext_file;

typedef struct tasksext_file_sink {
    void (*file)(void *context, const tasksext_file *file);
    void *context;
} tasksext_file_sink;

#ifdef __cplusplus
}
#endif

#endif
