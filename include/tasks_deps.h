/*
 * tasks_deps.h - a parsed task document to its dependency graph: implicit
 * edges from the order of tasks and steps, explicit edges from dependency
 * phrases, and what can be said of each task (wave, ready, level) and of the
 * file (issues). Knows nothing of SQLite.
 */
#ifndef TASKS_DEPS_H
#define TASKS_DEPS_H

#include <stddef.h>
#include <stdint.h>

#include "tasks_parse.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bound on the edges one phrase may add (`Phase 2 before Phase 3` pairs every
 * task of both); past it the phrase gives an issue instead. */
#define TASKS_DEPS_MAX_PHRASE_EDGES 10000

/* Bound on the implicit edges between two waves (a wave of 2,000 [P] tasks
 * after another); past it an issue says so. */
#define TASKS_DEPS_MAX_IMPLICIT_PAIRS 1000000

/* Bounds on one file's dependency lines taken together: the edges they give,
 * and the work (lines times tasks) spent resolving them. */
#define TASKS_DEPS_MAX_FILE_EDGES 5000000
#define TASKS_DEPS_MAX_EXPLICIT_WORK 200000000

typedef enum task_edge_kind {
    EDGE_SEQUENCE, /* wave k after wave k-1 within a step */
    EDGE_STEP,     /* first wave of a step after the last wave of the step before */
    EDGE_SUBTASK,  /* a parent after its subtasks; subtasks after the parent's predecessors */
    EDGE_EXPLICIT, /* a phrase: `T008 blocks T009`, `(depends on T012)` */
    EDGE_WAVE      /* Kiro's {"waves": [[...], [...]]} block: wave k after wave k-1 */
} task_edge_kind;

typedef struct task_edge {
    int task;       /* index into doc->tasks: the task that waits */
    int depends_on; /* index into doc->tasks: the task it waits for */
    task_edge_kind kind;
    uint32_t line;      /* the task's line (implicit), the phrase's line (explicit) */
    const char *source; /* the phrase's text (explicit), else NULL */
} task_edge;

/* What an issue row says is wrong; task_issue_code_name() gives its name. */
typedef enum task_issue_code {
    ISSUE_DUPLICATE_ID,        /* two tasks share an id */
    ISSUE_UNKNOWN_ID,          /* a dependency names an id no task has */
    ISSUE_CYCLE,               /* the author's statements form a loop */
    ISSUE_UNPARSED_DEPENDENCY, /* a statement about tasks that could not be read */
    ISSUE_OUTSIDE_REFERENCE,   /* a statement naming nothing in the file (a feature, a package) */
    ISSUE_BAD_FRONT_MATTER,
    ISSUE_BAD_ENCODING,
    ISSUE_DONE_BEFORE_DEPENDENCY, /* a done task with an open dependency */
    ISSUE_PARALLEL_SAME_FILE,     /* two tasks of one parallel wave name the same file */
    ISSUE_BACKWARDS_RANGE,        /* `T009-T004` */
    ISSUE_FAN_OUT_LIMIT,          /* a statement over an edge bound */
    ISSUE_UNREADABLE_FILE,        /* the file could not be read at all */
    ISSUE_DONE_WITH_OPEN_SUBTASKS, /* a done task with a required subtask open */
    ISSUE_OPEN_WITH_DONE_SUBTASKS, /* Kiro: an open task whose required subtasks are closed */
    ISSUE_DUPLICATE_TASK,          /* the same task text twice in one file */
    ISSUE_DONE_FILE_MISSING,       /* a done task names a file that does not exist (SQL layer) */
    ISSUE_CODE_COUNT
} task_issue_code;

/* How much an issue matters: `error`, the file or its order is broken;
 * `warning`, a statement could not be read (so the order may be wrong);
 * `info`, worth a look, nothing wrong with the reading. */
typedef enum task_issue_severity {
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    SEVERITY_INFO
} task_issue_severity;

typedef struct task_issue {
    uint32_t line;
    int task; /* index of the task concerned, or -1 */
    task_issue_code code;
    const char *message;
} task_issue;

/* "duplicate-id", "unknown-id", ...; NULL past the last code. */
const char *task_issue_code_name(task_issue_code code);

/* Each code has one severity. */
task_issue_severity task_issue_code_severity(task_issue_code code);

/* "error", "warning", "info". */
const char *task_issue_severity_name(task_issue_severity severity);

/* A reference a task makes: to a requirement, a file, a user story. */
typedef struct task_ref {
    int task;         /* index into doc->tasks */
    const char *kind; /* "requirement", "file", "story" */
    const char *ref;  /* `1.2`, `FR-001`, `src/models/user.py`, `US1` */
    uint32_t line;    /* where it is written */
} task_ref;

/* An open task and an open task it waits for, directly (depth 1) or through
 * other open tasks (the shortest way). */
typedef struct task_blocker {
    int task, blocker, depth;
} task_blocker;

/* The transitive relations of one file are found in at most this many
 * steps (each step may give a task_blocked_by row); past it `unblocks` is
 * unknown and task_blocked_by() gives nothing for the file. */
#define TASKS_DEPS_MAX_PATH_STEPS 4000000

typedef struct task_graph {
    task_edge *edges;
    size_t n_edges;
    task_issue *issues;
    size_t n_issues;
    /* Per task, indexed like doc->tasks: */
    int *wave;  /* 1-based within its step */
    int *ready; /* open, and everything it depends on, directly or not, is closed */
    int *level; /* longest chain of dependencies before it; -1 on or after a cycle */
    /* Per dependency phrase, indexed like doc->phrases: the edges it gave,
     * counted before duplicates (stated on an earlier line too) are merged. */
    size_t *phrase_edges;
    task_ref *refs; /* in task order; only after task_graph_add_refs() */
    size_t n_refs;
    int has_refs;
    /* Only after task_graph_add_paths(): per task, indexed like doc->tasks, */
    int *blockers; /* the open tasks it waits for directly (0 for a closed task) */
    int *unblocks; /* the open tasks waiting for it, directly or not; -1 when unknown */
    int *critical; /* its place on the file's critical path (1: first to do), 0 off it */
    int critical_length;      /* tasks on the critical path */
    task_blocker *blocked_by; /* by task (line order), then depth, then the blocker's line */
    size_t n_blocked_by;
    int paths_cut; /* the work bound cut the transitive relations short */
    int has_paths;
    struct tasks_arena *arena;
} task_graph;

/* Edges, issues, wave, ready and level; not the references, which only
 * task_refs() reads. Returns TASKS_PARSE_OK or TASKS_PARSE_NOMEM; on failure
 * *graph needs no free. */
int task_graph_build(const task_document *doc, task_graph *graph);

/* Adds the references of every task to a built graph (once; a second call
 * does nothing). They are apart because finding them reads every task's
 * text again: a quarter of the graph's cost, for one table. Returns
 * TASKS_PARSE_OK or TASKS_PARSE_NOMEM (the graph is then left without
 * references, still valid). */
int task_graph_add_refs(const task_document *doc, task_graph *graph);

/* The files a task names, as task_refs() gives them with kind "file"
 * (its files_json's strings as written, escapes kept, trimmed, once each),
 * in order, without building every reference: calls each(name, length)
 * (not NUL-terminated) until it returns non-zero, which is returned; else
 * 0. */
int task_named_files_each(const task_record *task,
                          int (*each)(const char *name, size_t length, void *context),
                          void *context);

/* Adds to a built graph what the order of the open tasks implies (once; a
 * second call does nothing): each open task's open direct blockers, every
 * open task it waits for directly or not (task_blocked_by), how many open
 * tasks wait for it, and the file's critical path: the longest chain of open
 * tasks, each waiting for the one before, through dependencies between open
 * tasks only; ties go to the chain that ends earliest in the file, then, step
 * by step back, to the earliest task. Tasks on or after a cycle are on no
 * chain. Returns TASKS_PARSE_OK or TASKS_PARSE_NOMEM (the graph is then left
 * without them, still valid). */
int task_graph_add_paths(const task_document *doc, task_graph *graph);

void task_graph_free(task_graph *graph);

/* "sequence", "step", "subtask", "explicit", "wave". */
const char *task_edge_kind_name(task_edge_kind kind);

#ifdef __cplusplus
}
#endif

#endif
