/*
 * done_command.c - `tasksext done --since WHEN`: what was completed since
 * then, by whom, in which commit, from the repository's git history
 * (sql/done_since.sql). A task ticked, reopened and ticked again has a row
 * for each time it became done.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "history_source.h"

enum { C_DAY, C_SPEC, C_ID, C_TITLE, C_AUTHOR, C_COMMIT, C_SUMMARY };

static const report_column done_columns[] = {
    {"day", "DAY", 0},
    {"spec", "SPEC", COLUMN_FIT},
    {"id", "ID", 0},
    {"title", "TITLE", COLUMN_FIT},
    {"author", "BY", 0},
    {"commit", "COMMIT", 0},
    {"summary", "COMMIT MESSAGE", COLUMN_FIT},
};

/* The most days back --since counts (about 270 years): more is a typo. */
#define SINCE_MAX_DAYS 100000L

/* 7d, 2w, 12h as SQLite's modifiers of now ("-7 days"). A number without a
 * unit is refused (SQLite would read 7 as a Julian day, in 4713 BC), and so
 * is one too large; anything else goes to SQLite as it is (a date, a time,
 * '-1 month', 'start of month'). NULL when refused. */
static const char *since_modifier(const char *since, char *out, size_t size)
{
    size_t digits = strspn(since, "0123456789");
    if (digits == 0) return since;
    if (since[digits] == '\0') return NULL; /* a bare number */
    if (digits > 9 || since[digits + 1] != '\0') return since;
    long count = strtol(since, NULL, 10);
    switch (since[digits]) {
    case 'd': break;
    case 'w': count *= 7; break;
    case 'h':
        if (count > SINCE_MAX_DAYS * 24) return NULL;
        snprintf(out, size, "-%ld hours", count);
        return out;
    default: return since;
    }
    if (count > SINCE_MAX_DAYS) return NULL;
    snprintf(out, size, "-%ld days", count);
    return out;
}

/* The moment `modifier` names, as SQLite reads it (the same expression as
 * sql/done_since.sql), `YYYY-MM-DD HH:MM:SS` UTC. 0 when SQLite reads none,
 * or reads one in the future ('7 days' without its minus) or before the
 * year 1000. A time without a date (09:30) is today's: SQLite alone would
 * read it on 2000-01-01. */
static int since_time(sqlite3 *db, const char *modifier, char *out, size_t size)
{
    sqlite3_stmt *stmt = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT datetime(moment, 'unixepoch') FROM"
                           " (SELECT CASE WHEN ?1 GLOB '[0-9][0-9]:[0-9][0-9]*'"
                           "  THEN unixepoch(date('now') || ' ' || ?1)"
                           "  ELSE coalesce(unixepoch(?1), unixepoch('now', ?1)) END AS moment)"
                           " WHERE moment BETWEEN unixepoch('1000-01-01') AND unixepoch('now')",
                           -1, &stmt, NULL) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, modifier, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
            snprintf(out, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
            found = 1;
        }
    }
    sqlite3_finalize(stmt);
    return found;
}

/* 1 when the spec has a task anywhere in the history, so that a spec named
 * wrong is an error, not "nothing done". Only asked when no row was found. */
static int spec_in_history(const cli_session *session, const char *repository, const char *spec,
                           int *found)
{
    const char *const binds[] = {":spec", spec, NULL};
    sqlite3_stmt *stmt = history_prepare(
        session, "SELECT 1 FROM task_history(:root) WHERE spec = :spec LIMIT 1", repository, binds);
    if (!stmt) return EXIT_FAILED;
    int rc = sqlite3_step(stmt);
    *found = rc == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? EXIT_OK : history_fail(session, repository);
}

static int read_rows(const cli_session *session, const char *repository, const char *since,
                     const char *spec, report_table *table)
{
    const char *const binds[] = {":since", since, NULL};
    sqlite3_stmt *stmt = history_prepare(session, done_since_sql, repository, binds);
    if (!stmt) return EXIT_FAILED;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *row_spec = (const char *)sqlite3_column_text(stmt, C_SPEC);
        if (spec && (!row_spec || strcmp(row_spec, spec) != 0)) continue;
        report_add_row(table);
        for (int c = C_DAY; c <= C_SUMMARY; c++) {
            if (sqlite3_column_type(stmt, c) == SQLITE_NULL)
                report_set_null(table, (size_t)c);
            else
                report_set_text(table, (size_t)c, (const char *)sqlite3_column_text(stmt, c));
        }
    }
    return history_finish(session, stmt, rc, repository, table->failed);
}

static void write_since_json(json_writer *json, void *context)
{
    json_field_string(json, "since", context);
}

static int bad_since(const char *since)
{
    fprintf(stderr,
            "tasksext done: --since takes 7d, 2w, 12h (up to %ld days), a date (2026-03-08), a "
            "time (2026-03-08 12:00) or a modifier of now ('-1 month'), in the past; not '%s'\n",
            SINCE_MAX_DAYS, since);
    command_usage(command_find("done"), 0);
    return EXIT_USAGE;
}

int run_done(const cli_options *options)
{
    if (options->positionals.n) {
        fprintf(stderr, "tasksext done: unexpected argument '%s' (the repository is --root)\n",
                options->positionals.items[0]);
        command_usage(command_find("done"), 0);
        return EXIT_USAGE;
    }
    const char *asked = options->since ? options->since : "7d";
    char modifier_buffer[64];
    const char *modifier = since_modifier(asked, modifier_buffer, sizeof modifier_buffer);
    if (!modifier) return bad_since(asked);
    cli_session session;
    char *repository;
    int status = history_session_open(&session, options, &repository);
    if (status != EXIT_OK) {
        if (status == EXIT_USAGE) command_usage(command_find("done"), 0);
        return status;
    }
    /* "now" is read once: the query gets the moment, not the modifier. */
    char since[32];
    if (!since_time(session.db, modifier, since, sizeof since)) {
        session_close(&session);
        free(repository);
        return bad_since(asked);
    }
    report_table table;
    report_init(&table, done_columns, sizeof done_columns / sizeof done_columns[0]);
    status = read_rows(&session, repository, since, options->spec, &table);
    int known = 1;
    if (status == EXIT_OK && table.n_rows == 0 && options->spec)
        status = spec_in_history(&session, repository, options->spec, &known);
    if (status == EXIT_OK && !known)
        status = session_fail("no spec '%s' in the history of %s", options->spec, repository);
    if (status == EXIT_OK)
        status = session_print_report(&session, &table, "tasks", write_since_json, since);
    if (status == EXIT_OK && options->output == OUTPUT_TABLE && table.n_rows == 0)
        printf("\nNo task became done since %s UTC.\n", since);
    report_free(&table);
    session_close(&session);
    free(repository);
    return status;
}
