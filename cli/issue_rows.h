/*
 * issue_rows.h - the task_issues() rows of every root, as `issues` and
 * `check` print them, with the count per severity.
 */
#ifndef CLI_ISSUE_ROWS_H
#define CLI_ISSUE_ROWS_H

#include "report_table.h"
#include "session.h"
#include "task_model.h"

enum issue_column { I_SEVERITY, I_CODE, I_SPEC, I_FILE, I_LINE, I_ID, I_WHERE, I_MESSAGE };

typedef enum issue_severity { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_INFO } issue_severity;

typedef struct issue_rows {
    report_table table;
    long counts[3]; /* per issue_severity */
} issue_rows;

/* Reads the rows (files the excludes leave out give none). A file over
 * the size limit stops it: EXIT_FAILED, with its error. */
int issue_rows_load(const cli_session *session, issue_rows *rows);

/* An empty set of rows, and the rows of one root added to it; with `files`,
 * the root's files told to it in the same scan (the caller takes its
 * verdict). */
void issue_rows_init(issue_rows *rows);
int issue_rows_load_root(const cli_session *session, issue_rows *rows, int root_index,
                         model_file_tally *files);

/* Opens the session and reads both the rows and the model (`needs`, one of
 * MODEL_FILES and MODEL_COUNTS). With MODEL_FILES, root by root, one scan
 * of task_issues() gives the rows and the model's files (dialect NULL),
 * each file parsed once (the parse cache keeps none); with MODEL_COUNTS
 * the model comes first and fills the cache the rows then read. On failure
 * everything is closed. */
int issue_rows_open(cli_session *session, task_model *model, const cli_options *options,
                    unsigned needs, issue_rows *rows);
void issue_rows_free(issue_rows *rows);

/* "error" -> SEVERITY_ERROR, ...; SEVERITY_INFO for anything else. */
issue_severity issue_severity_of(const char *name);

#endif
