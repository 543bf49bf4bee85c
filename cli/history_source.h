/*
 * history_source.h - what `tasksext burndown` and `tasksext done` share:
 * the repository whose history they read, and the reports of sql/ they
 * run on it, compiled in (cmake/embed_text.cmake) so that sql/ holds the
 * only copy of each query.
 */
#ifndef CLI_HISTORY_SOURCE_H
#define CLI_HISTORY_SOURCE_H

#include "session.h"

/* sql/burndown.sql and sql/done_since.sql, as text. */
extern const char burndown_sql[];
extern const char done_since_sql[];

/* Opens the session for a history command. The repository is --root when
 * given (one only), else the top of the git work tree the current folder is
 * in, found upwards as git does; it becomes the session's one root, so the
 * JSON envelope names it. *repository is malloc'd; the caller frees it
 * after session_close(). Returns EXIT_OK, or EXIT_FAILED / EXIT_USAGE
 * after printing why (nothing is left open). */
int history_session_open(cli_session *session, const cli_options *options, char **repository);

/* Prepares `sql` on the session's connection and binds :root to the
 * repository and each NAME=VALUE pair given (NULL-terminated list of
 * names and values; a NULL value binds NULL). NULL after printing why. */
sqlite3_stmt *history_prepare(const cli_session *session, const char *sql, const char *repository,
                              const char *const *names_and_values);

/* The error of a history query, fit for people: the repository named. */
int history_fail(const cli_session *session, const char *repository);

/* Ends a query whose last sqlite3_step() gave `rc`: finalizes it and
 * returns EXIT_OK, or EXIT_FAILED after printing the query's error, or
 * "out of memory" when `out_of_memory` (collecting its rows failed). */
int history_finish(const cli_session *session, sqlite3_stmt *stmt, int rc, const char *repository,
                   int out_of_memory);

#endif
