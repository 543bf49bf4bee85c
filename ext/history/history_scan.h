/* history_scan.h - the history of a repository's task lists: every change of
 * a task's state, commit by commit; the counts of each spec after every
 * commit that changed them; and the history's lints.
 *
 * The commits come from fs/git_history.h (first parents, oldest first, the
 * task lists each one changed); each changed blob is loaded once per scan by
 * task_document_load() with its path (for the dialect) and the connection's
 * status rules (task_version.h), so the cost follows the number of distinct
 * task-list versions, not commits times files. A task keeps its identity
 * from version to version by the rules of task_match.h, and a file keeps its
 * tasks through git's rename detection: a renamed spec folder is one spec.
 *
 * Spec keys come from the path below the top of the work tree as for
 * tasks(repository) (spec_key.h). A task is shown under the spec key and id
 * of its last version in the range (following renames and renumbering), so
 * that one task's rows group on (spec, id), and `task` numbers it besides.
 * Nothing here knows SQLite. */
#ifndef TASKS_HISTORY_SCAN_H
#define TASKS_HISTORY_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "tasks_parse.h"

typedef struct history_commit {
    char id[41];
    int64_t time; /* committer time, seconds since the epoch */
    const char *author, *email, *summary;
    /* The state before the range (A..B): its counts start the burn-down,
     * and it gives no task rows. */
    int base;
    int shallow; /* the history before it is missing (a shallow clone) */
} history_commit;

typedef enum history_change_kind {
    CHANGE_ADDED,   /* old_status NULL */
    CHANGE_REMOVED, /* new_status NULL */
    CHANGE_STATUS,  /* both set, and different */
    CHANGE_START    /* there where a shallow clone's history starts: old_status NULL */
} history_change_kind;

/* "added", "removed", "status", "start". */
const char *history_change_name(history_change_kind kind);

typedef struct history_change {
    const history_commit *commit;
    const char *spec;  /* the spec key of the task's last version */
    const char *id;    /* the id of the task's last version, or NULL */
    int64_t task;      /* the task's number in this scan (1: the first seen) */
    const char *file;  /* the file's path at this commit, below the top of the work tree */
    const char *title; /* at this commit (a removed task: before it) */
    uint32_t line;     /* likewise */
    history_change_kind kind;
    const char *old_status, *new_status; /* NULL when not there */
} history_change;

typedef struct history_count {
    const history_commit *commit;
    const char *spec;
    /* Of the tasks progress counts (tasks().counted): */
    int64_t tasks, done, cancelled, open;
} history_count;

typedef struct history_issue {
    const history_commit *commit;
    const char *spec, *file, *id; /* NULL when the issue is about no task */
    uint32_t line;
    const char *code;     /* "unverified-done", "shallow-history" */
    const char *severity; /* "warning", "info" */
    const char *message;
} history_issue;

typedef struct history_options {
    const char *repository; /* the top of a work tree, its .git, or a bare repository */
    const char *range;      /* NULL, a revision, or A..B (git_history.h) */
    const task_status_map *statuses;
    int lints; /* find the lints that read more of the repository (unverified-done) */
} history_options;

typedef struct history_scan {
    const history_commit *commits;
    size_t n_commits;
    const history_change *changes;
    size_t n_changes;
    const history_count *counts;
    size_t n_counts;
    const history_issue *issues;
    size_t n_issues;
    size_t parsed; /* distinct task-list versions parsed */
} history_scan;

/* Reads the history. 0 with *out (free it with history_scan_free), or -1
 * with *message set (malloc'd; the caller frees it) or NULL when out of
 * memory. */
int history_scan_run(const history_options *options, history_scan **out, char **message);

void history_scan_free(history_scan *scan);

#endif
