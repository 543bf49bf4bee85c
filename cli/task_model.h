/*
 * task_model.h - the tasks of every root, read once through task_specs()
 * and tasks() (its waits_for_pointer: the edges) into arrays, with the
 * dependency edges as adjacency lists between task indexes. The commands
 * compute on this in C: no recursive SQL, no depth bound.
 *
 * Tasks are in the order the roots were given, then walk order, then line:
 * "document order". An edge joins two tasks of one file, found by (file,
 * line), so tasks without ids take part too.
 */
#ifndef CLI_TASK_MODEL_H
#define CLI_TASK_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "session.h"
#include "string_pool.h"
#include "tasksext.h"

typedef struct model_task {
    int root; /* index into session->roots */
    const char *spec, *file, *id, *title, *status, *step, *step_name;
    const char *mark, *line_hash; /* with MODEL_GUARD, else NULL */
    const char *files;            /* JSON array, with MODEL_NAMED_FILES, else NULL */
    int line, done, open, cancelled, parallel, counted, optional, depth;
    int ready, wave, level; /* with MODEL_GRAPH; level -1: on or after a cycle */
    int spec_index;         /* into model->specs */
} model_task;

/* A spec of one root: its key, and its tasks in document order. */
typedef struct model_spec {
    int root;
    const char *name;
    int *tasks;
    size_t n_tasks;
} model_spec;

typedef struct model_file {
    int root;
    const char *spec, *file, *error, *dialect;
} model_file;

/* Edge kinds, strongest first: of several edges between one pair, the
 * strongest is kept (a stated order over an implied one). */
typedef enum model_edge_kind { KIND_EXPLICIT, KIND_STEP, KIND_SEQUENCE, KIND_OTHER } model_edge_kind;

typedef struct task_model {
    model_task *tasks;
    size_t n_tasks;
    model_spec *specs; /* in the order their first task comes */
    size_t n_specs;
    model_file *files; /* every task list, with its error if any */
    size_t n_files, files_capacity;
    /* Compressed adjacency: the tasks task t waits for are
     * waits_for[waits_start[t] .. waits_start[t + 1]), with their kinds;
     * the tasks waiting for t are waited_by[waited_start[t] .. t + 1). */
    size_t *waits_start, *waited_start;
    int *waits_for, *waited_by;
    unsigned char *waits_kind;
    size_t n_edges;
    string_pool *strings;
} task_model;

enum model_needs {
    MODEL_GRAPH = 1,        /* ready, wave, level */
    MODEL_EDGES = 2,        /* the adjacency lists (implies MODEL_GRAPH); step_name, parallel,
                               counted, optional, depth and wave left NULL or 0 */
    MODEL_FILES = 4,        /* the files only (task_specs()): no tasks; not with
                               MODEL_GRAPH or MODEL_LAST */
    MODEL_COUNTS = 8,       /* what progress counts only: id, title, depth, parallel left
                               NULL or 0 */
    MODEL_GUARD = 16,       /* mark and line_hash, for writing a box (else NULL) */
    MODEL_NAMED_FILES = 32, /* files, the paths each task names (else NULL) */
    MODEL_LAST = 64         /* no query reads the files after the model (implied by
                                MODEL_GRAPH): each file is parsed once */
};

/* Reads every root. Fails, naming the root or the file, when a path does
 * not exist, a glob matches nothing, a root holds no task list, or a file
 * is over the size limit. Returns EXIT_OK or EXIT_FAILED. With
 * MODEL_GRAPH or MODEL_LAST, each file is parsed once, in the tasks() scan
 * (which tells of the files without a task too, through its file sink), and
 * the parse cache keeps nothing from there on: the caller runs no query on
 * the files after it; and the files carry no dialect (NULL). */
int model_load(const cli_session *session, unsigned needs, task_model *model);

/* The files of one root as a scan tells of them through its file sink
 * (tasksext.h: tasks() and task_issues() have one): each kept in the model
 * (error as given, dialect NULL) unless excluded; and, once the scan is
 * over, the root's verdict. */
typedef struct model_file_tally {
    const cli_session *session;
    task_model *model;
    int root;
    size_t found, kept;
    char *stop;      /* the first error that stops a command, copied: the text is the scan's */
    int out_of_room; /* an allocation failed: the caller stops its scan */
    tasksext_file_sink sink; /* to bind as the statement's file_sink */
} model_file_tally;

void model_tally_begin(model_file_tally *tally, const cli_session *session, task_model *model,
                       int root);

/* `status` (the scan's), or when it is EXIT_OK the root's first error, said
 * as model_load() says it: out of memory, a file over the size limit, a
 * glob that matched nothing, a root with no task list, every task list
 * excluded. Frees what the tally holds. */
int model_tally_end(model_file_tally *tally, int status);

/* An empty model, for a caller that fills it from its own scan
 * (model_tally_begin()): EXIT_OK or EXIT_FAILED. */
int model_begin(task_model *model);

void model_free(task_model *model);

/* EXIT_OK, or EXIT_FAILED naming the first root that does not exist. */
int model_check_roots(const cli_session *session);

/* The parse cache keeps no parsed file from here on (its listings stay):
 * for a last scan that reads each file once. EXIT_OK or EXIT_FAILED. */
int model_parse_each_file_once(const cli_session *session);

/* 1 for a file's error that stops a command: the file is over the size
 * limit (its tasks are missing, not merely suspect), as task_specs().error
 * and task_issues().message say it: `PATH: larger than the N-byte limit`. */
int model_error_stops(const char *error);

/* A string kept as long as the model (NULL stays NULL). */
const char *model_keep(task_model *model, const char *text);

/* "spec" or "spec (root)" would be ambiguous; this is how a task is named
 * to people: `ID` or, without an id, `file:line`. */
const char *model_task_name(const model_task *task, char *buffer, size_t size);

#endif
