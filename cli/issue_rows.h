/*
 * issue_rows.h - the task_issues() rows of every root, as `issues` and
 * `check` print them, with the count per severity.
 */
#ifndef CLI_ISSUE_ROWS_H
#define CLI_ISSUE_ROWS_H

#include "report_table.h"
#include "session.h"

enum issue_column { I_SEVERITY, I_CODE, I_SPEC, I_FILE, I_LINE, I_ID, I_WHERE, I_MESSAGE };

typedef enum issue_severity { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_INFO } issue_severity;

typedef struct issue_rows {
    report_table table;
    long counts[3]; /* per issue_severity */
} issue_rows;

/* Reads the rows (files the excludes leave out give none). */
int issue_rows_load(const cli_session *session, issue_rows *rows);
void issue_rows_free(issue_rows *rows);

/* "error" -> SEVERITY_ERROR, ...; SEVERITY_INFO for anything else. */
issue_severity issue_severity_of(const char *name);

#endif
