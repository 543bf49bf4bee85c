/*
 * sql_command.c - `tasksext sql QUERY|FILE.sql`: every statement run on the
 * command's connection (tasksext registered, the status rules applied),
 * :root, :spec and :task bound, each result printed as a table, CSV or
 * JSON. The reports in sql/ run unchanged.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "command_support.h"
#include "commands.h"

/* A .sql file bigger than this is not a query file. */
#define SQL_FILE_MAX_BYTES (16 << 20)

static char *read_sql_file(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file) {
        session_fail("%s: %s", path, strerror(errno));
        return NULL;
    }
    char *text = malloc(SQL_FILE_MAX_BYTES + 1);
    size_t n = text ? fread(text, 1, SQL_FILE_MAX_BYTES + 1, file) : 0;
    fclose(file);
    if (!text || n > SQL_FILE_MAX_BYTES) {
        free(text);
        session_fail("%s: larger than the %d-byte limit for a query file", path, SQL_FILE_MAX_BYTES);
        return NULL;
    }
    text[n] = '\0';
    return text;
}

static void bind_named(sqlite3_stmt *stmt, const char *name, const char *value)
{
    int index = sqlite3_bind_parameter_index(stmt, name);
    if (index > 0) sqlite3_bind_text(stmt, index, value, -1, SQLITE_STATIC);
}

typedef struct result_set {
    report_column *columns;
    size_t n_columns;
    report_table table;
} result_set;

static int collect_rows(sqlite3_stmt *stmt, result_set *result)
{
    result->n_columns = (size_t)sqlite3_column_count(stmt);
    result->columns = calloc(result->n_columns, sizeof *result->columns);
    if (!result->columns) return SQLITE_NOMEM;
    for (size_t c = 0; c < result->n_columns; c++) {
        const char *name = sqlite3_column_name(stmt, (int)c);
        result->columns[c].name = strdup(name ? name : "");
        result->columns[c].heading = result->columns[c].name;
        result->columns[c].flags = COLUMN_FIT;
        if (!result->columns[c].name) return SQLITE_NOMEM;
    }
    report_init(&result->table, result->columns, result->n_columns);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        report_add_row(&result->table);
        for (size_t c = 0; c < result->n_columns; c++) {
            switch (sqlite3_column_type(stmt, (int)c)) {
            case SQLITE_INTEGER:
                report_set_int(&result->table, c, sqlite3_column_int64(stmt, (int)c));
                break;
            case SQLITE_FLOAT:
                report_set_real(&result->table, c, sqlite3_column_double(stmt, (int)c));
                break;
            case SQLITE_NULL: report_set_null(&result->table, c); break;
            default:
                report_set_text(&result->table, c, (const char *)sqlite3_column_text(stmt, (int)c));
            }
        }
    }
    return result->table.failed ? SQLITE_NOMEM : rc;
}

static void free_result(result_set *result)
{
    report_free(&result->table);
    for (size_t c = 0; c < result->n_columns; c++)
        free((void *)result->columns[c].name);
    free(result->columns);
    memset(result, 0, sizeof *result);
}

static int run_statements(const cli_session *session, const char *sql, json_writer *json)
{
    const cli_options *options = session->options;
    const char *rest = sql;
    int printed = 0;
    while (rest && *rest) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(session->db, rest, -1, &stmt, &rest) != SQLITE_OK)
            return session_fail("sql: %s", sqlite3_errmsg(session->db));
        if (!stmt) continue; /* a comment or blanks */
        bind_named(stmt, ":root", session->roots.items[0]);
        bind_named(stmt, ":spec", options->spec);
        bind_named(stmt, ":task", options->task);
        result_set result;
        memset(&result, 0, sizeof result);
        int has_rows = sqlite3_column_count(stmt) > 0;
        int rc = has_rows ? collect_rows(stmt, &result) : sqlite3_step(stmt);
        if (rc == SQLITE_ROW) rc = SQLITE_DONE; /* a statement without columns that gave rows */
        if (rc != SQLITE_DONE) {
            int status = session_fail("sql: %s", rc == SQLITE_NOMEM ? "out of memory"
                                                                    : sqlite3_errmsg(session->db));
            sqlite3_finalize(stmt);
            free_result(&result);
            return status;
        }
        sqlite3_finalize(stmt);
        if (has_rows) {
            int failed = 0;
            if (options->output == OUTPUT_JSON) {
                json_object_begin(json);
                json_key(json, "rows");
                report_write_json_rows(&result.table, json);
                json_object_end(json);
            } else {
                if (printed++) fputc('\n', stdout);
                table_style style = {session->width, session->colour};
                failed = options->output == OUTPUT_CSV ? report_print_csv(&result.table)
                                                       : report_print_table(&result.table, &style);
            }
            free_result(&result);
            if (failed) return session_fail("out of memory");
        }
    }
    return EXIT_OK;
}

int run_sql(const cli_options *options)
{
    if (options->positionals.n != 1) {
        fprintf(stderr, "tasksext sql: give one query, or one .sql file\n");
        command_usage(command_find("sql"), 0);
        return EXIT_USAGE;
    }
    const char *argument = options->positionals.items[0];
    struct stat st;
    size_t length = strlen(argument);
    int is_file = (length > 4 && strcmp(argument + length - 4, ".sql") == 0) ||
                  (stat(argument, &st) == 0 && S_ISREG(st.st_mode));
    char *sql = is_file ? read_sql_file(argument) : strdup(argument);
    if (!sql) return EXIT_FAILED;
    cli_session session;
    int status = session_open(&session, options, 0);
    if (status == EXIT_OK) {
        json_writer json;
        json_init(&json, 1);
        session_json_begin(&session, &json);
        json_key(&json, "results");
        json_array_begin(&json);
        status = run_statements(&session, sql, &json);
        json_array_end(&json);
        json_object_end(&json);
        if (status == EXIT_OK && options->output == OUTPUT_JSON && json_print(&json) != 0)
            status = session_fail("out of memory");
        json_free(&json);
    }
    session_close(&session);
    free(sql);
    return status;
}
