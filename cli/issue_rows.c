/*
 * issue_rows.c - see issue_rows.h.
 */
#include "issue_rows.h"

#include "command_support.h"
#include "decimal_text.h"
#include "string_builder.h"

#include <stdio.h>
#include <string.h>

static const report_column issue_columns[] = {
    {"severity", "SEVERITY", 0},
    {"code", "CODE", 0},
    {"spec", "SPEC", COLUMN_NO_TABLE},
    {"file", "FILE", COLUMN_NO_TABLE},
    {"line", "LINE", COLUMN_NO_TABLE},
    {"id", "ID", 0},
    {"where", "WHERE", COLUMN_FIT | COLUMN_NO_JSON},
    {"message", "MESSAGE", COLUMN_FIT},
};

issue_severity issue_severity_of(const char *name)
{
    if (name && strcmp(name, "error") == 0) return SEVERITY_ERROR;
    if (name && strcmp(name, "warning") == 0) return SEVERITY_WARNING;
    return SEVERITY_INFO;
}

static int severity_colour(issue_severity severity)
{
    return severity == SEVERITY_ERROR ? 31 : severity == SEVERITY_WARNING ? 33 : 36;
}

void issue_rows_init(issue_rows *rows)
{
    memset(rows, 0, sizeof *rows);
    report_init(&rows->table, issue_columns, sizeof issue_columns / sizeof issue_columns[0]);
}

int issue_rows_load_root(const cli_session *session, issue_rows *rows, int root_index,
                         model_file_tally *files)
{
    const char *root = session->roots.items[root_index];
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(session->db,
                           files ? "SELECT spec, file, line, id, code, message, severity"
                                   " FROM task_issues(?1) WHERE file_sink = ?2"
                                 : "SELECT spec, file, line, id, code, message, severity"
                                   " FROM task_issues(?1)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return session_fail("cannot read '%s': %s", root, session_error_text(session->db));
    sqlite3_bind_text(stmt, 1, root, -1, SQLITE_STATIC);
    if (files) sqlite3_bind_pointer(stmt, 2, &files->sink, TASKSEXT_FILE_SINK_TYPE, NULL);
    int rc, stopped = 0;
    string_builder where = {0};
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *file = (const char *)sqlite3_column_text(stmt, 1);
        if (file && session_excluded(session, file)) continue;
        const char *code = (const char *)sqlite3_column_text(stmt, 4);
        const char *message = (const char *)sqlite3_column_text(stmt, 5);
        if (code && strcmp(code, "unreadable-file") == 0 && model_error_stops(message)) {
            stopped = session_fail("%s", message); /* (before the text goes with the statement) */
            break;
        }
        const char *severity = (const char *)sqlite3_column_text(stmt, 6);
        issue_severity level = issue_severity_of(severity);
        rows->counts[level]++;
        report_table *table = &rows->table;
        report_add_row(table);
        report_set_text(table, I_SEVERITY, severity);
        report_set_colour(table, I_SEVERITY, severity_colour(level));
        report_set_text(table, I_CODE, code);
        report_set_text(table, I_SPEC, (const char *)sqlite3_column_text(stmt, 0));
        report_set_text(table, I_FILE, file);
        /* `file:line`, or the file alone (by hand: snprintf was a
         * twentieth of the command) */
        builder_clear(&where);
        builder_append(&where, file ? file : "");
        if (sqlite3_column_type(stmt, 2) == SQLITE_NULL) {
            report_set_null(table, I_LINE);
        } else {
            int line = sqlite3_column_int(stmt, 2);
            report_set_int(table, I_LINE, line);
            char number[DECIMAL_TEXT_SIZE];
            builder_append(&where, ":");
            builder_append(&where, decimal_text(line, number));
        }
        if (where.failed) table->failed = 1;
        report_set_text(table, I_ID, (const char *)sqlite3_column_text(stmt, 3));
        report_set_text(table, I_WHERE, builder_text(&where));
        report_set_text(table, I_MESSAGE, message);
        if (files && files->out_of_room) break;
    }
    builder_free(&where);
    sqlite3_finalize(stmt);
    if (stopped) return EXIT_FAILED;
    if (files && files->out_of_room) return session_fail("out of memory");
    if (rc != SQLITE_DONE)
        return session_fail("cannot read '%s': %s", root, session_error_text(session->db));
    return rows->table.failed ? session_fail("out of memory") : EXIT_OK;
}

int issue_rows_load(const cli_session *session, issue_rows *rows)
{
    issue_rows_init(rows);
    int status = EXIT_OK;
    for (size_t r = 0; status == EXIT_OK && r < session->roots.n; r++)
        status = issue_rows_load_root(session, rows, (int)r, NULL);
    return status;
}

int issue_rows_open(cli_session *session, task_model *model, const cli_options *options,
                    unsigned needs, issue_rows *rows)
{
    issue_rows_init(rows);
    memset(model, 0, sizeof *model);
    int status = session_open(session, options, 1);
    if (status == EXIT_OK && (needs & MODEL_COUNTS)) {
        status = model_load(session, needs, model);
        if (status == EXIT_OK) status = issue_rows_load(session, rows);
    } else if (status == EXIT_OK) {
        status = model_check_roots(session);
        if (status == EXIT_OK) status = model_begin(model);
        if (status == EXIT_OK) status = model_parse_each_file_once(session);
        /* Root by root, so that errors come in the roots' order; the
         * files come in the same scan, through its file sink. */
        for (size_t r = 0; status == EXIT_OK && r < session->roots.n; r++) {
            model_file_tally files;
            model_tally_begin(&files, session, model, (int)r);
            status = model_tally_end(&files, issue_rows_load_root(session, rows, (int)r, &files));
        }
    }
    if (status != EXIT_OK) {
        issue_rows_free(rows);
        close_model(session, model);
    }
    return status;
}

void issue_rows_free(issue_rows *rows)
{
    report_free(&rows->table);
}
