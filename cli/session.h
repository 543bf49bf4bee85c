/*
 * session.h - what every command starts from: the options merged with the
 * settings file, the roots to read, and one in-memory SQLite connection
 * with tasksext registered on it (statically linked: no .load, no sqlite3
 * binary, nothing looked up at run time).
 */
#ifndef CLI_SESSION_H
#define CLI_SESSION_H

#include <sqlite3.h>
#include <stddef.h>

#include "config_file.h"
#include "options.h"
#include "report_table.h"

/* Exit codes, the same for every command (README: Exit codes). */
enum exit_code {
    EXIT_OK = 0,
    EXIT_FAILED = 1, /* an error named on stderr; `next`: nothing ready; `check`: issues */
    EXIT_USAGE = 2   /* wrong arguments: the command's usage is printed */
};

typedef struct cli_session {
    sqlite3 *db;
    const cli_options *options;
    cli_config config;
    name_list roots; /* the command line's, else the settings file's, else "." */
    name_list excludes;
    int count_all;   /* progress counts every task, not only tasks().counted */
    int colour;      /* ANSI colours on stdout */
    size_t width;    /* the table's line width */
    int show_progress; /* stderr is a terminal: a long scan says how far it is */
} cli_session;

/* Reads the settings, opens the connection and applies the status rules.
 * Returns EXIT_OK, or EXIT_FAILED after printing why. The roots are the
 * --root options, and the positional arguments too when they are roots. */
int session_open(cli_session *session, const cli_options *options, int positionals_are_roots);
void session_close(cli_session *session);

/* session_close() for a session that ends with the run (a report over the
 * files, nothing written): the connection, and the parse cache with every
 * document read, are left to the process's exit instead of being freed
 * block by block. TASKSEXT_FREE_AT_EXIT=1 in the environment frees them,
 * for a leak checker, and an AddressSanitizer build always does. */
void session_leave(cli_session *session);

/* Prints `tasksext: MESSAGE` on stderr and returns EXIT_FAILED. */
int session_fail(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The connection's last error, fit for people: the `tasks(): ` prefix and
 * SQLite's own wording left out. */
const char *session_error_text(sqlite3 *db);

/* 1 when a settings or --exclude glob matches the file or one of its folders. */
int session_excluded(const cli_session *session, const char *file);

/* Prints the report in the format the options ask for; `extra` (may be
 * NULL) adds fields to the JSON envelope after the rows, which go under
 * `rows_key`. Returns EXIT_OK or EXIT_FAILED (out of memory). */
typedef void (*json_extra_fn)(json_writer *json, void *context);
int session_print_report(const cli_session *session, const report_table *table,
                         const char *rows_key, json_extra_fn extra, void *context);

/* Starts the JSON envelope with the roots; the caller adds its fields. */
void session_json_begin(const cli_session *session, json_writer *json);

/* A long scan on a terminal says how far it is, once a second has passed. */
void session_progress(const cli_session *session, const char *what, size_t rows);
void session_progress_done(const cli_session *session);

#endif
