/*
 * mark_command.c - `tasksext mark ID STATUS`: finds the one task with that
 * id (an id in several specs, or in none, is an error listing what there
 * is), writes its box through tasks_mark() with the line_hash just read as
 * the guard (so a line changed since is refused, not overwritten), and
 * prints the task as it now reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "command_support.h"
#include "commands.h"
#include "string_builder.h"

enum { C_SPEC, C_ID, C_STATUS, C_MARK, C_PREVIOUS, C_TITLE, C_FILE, C_LINE, C_LINE_HASH };

static const report_column mark_columns[] = {
    {"spec", "SPEC", 0},
    {"id", "ID", 0},
    {"status", "STATUS", 0},
    {"mark", "MARK", 0},
    {"previous_status", "WAS", 0},
    {"title", "TITLE", COLUMN_FIT},
    {"file", "FILE", COLUMN_NO_TABLE},
    {"line", "LINE", COLUMN_NO_TABLE},
    {"line_hash", "LINE HASH", COLUMN_NO_TABLE},
};

/* No such id: the ids that differ only in case or that it starts, if any. */
static int missing(const cli_session *session, const task_model *model, const char *id,
                   const char *spec)
{
    string_builder near = {0};
    size_t n = 0, length = strlen(id);
    for (size_t t = 0; t < model->n_tasks && n < 8; t++) {
        const model_task *task = &model->tasks[t];
        if (!task->id || !in_spec(model, task, spec)) continue;
        if (strcasecmp(task->id, id) == 0 || strncasecmp(task->id, id, length) == 0) {
            builder_printf(&near, "%s%s in %s", n++ ? ", " : "", task->id, task->spec);
        }
    }
    int status = session_fail("no task '%s'%s%s under %s%s%s", id, spec ? " in spec " : "",
                              spec ? spec : "",
                              session->roots.n == 1 ? session->roots.items[0] : "the roots",
                              n ? "; did you mean " : "", builder_text(&near));
    builder_free(&near);
    return status;
}

static int ambiguous(const task_model *model, const char *id, const int *found, size_t n)
{
    string_builder list = {0};
    char where[4200];
    for (size_t i = 0; i < n; i++) {
        const model_task *task = &model->tasks[found[i]];
        builder_printf(&list, "%s%s (%s)", i ? ", " : "", task->spec,
                       task_location(task, where, sizeof where));
    }
    int status = session_fail("task '%s' is in %zu places: %s; choose one with --spec", id, n,
                              builder_text(&list));
    builder_free(&list);
    return status;
}

static int write_mark(const cli_session *session, const model_task *task, const char *status)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(session->db, "SELECT tasks_mark(?1, ?2, ?3, ?4)", -1, &stmt, NULL) !=
        SQLITE_OK)
        return session_fail("cannot mark: %s", session_error_text(session->db));
    sqlite3_bind_text(stmt, 1, task->file, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, task->line);
    sqlite3_bind_text(stmt, 3, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, task->line_hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    int result = rc == SQLITE_ROW ? EXIT_OK : session_fail("%s", session_error_text(session->db));
    sqlite3_finalize(stmt);
    return result;
}

/* The task's row as the file now reads (the parse cache sees the change). */
static int print_new_row(const cli_session *session, const model_task *task)
{
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(session->db,
                           "SELECT id, status, mark, title, line_hash FROM tasks(?1) WHERE line = ?2",
                           -1, &stmt, NULL) != SQLITE_OK)
        return session_fail("cannot read %s back: %s", task->file, session_error_text(session->db));
    /* The file alone, even in a folder named like a glob. */
    string_builder root = {0};
    literal_root(task->file, &root);
    if (root.failed) {
        sqlite3_finalize(stmt);
        return session_fail("out of memory");
    }
    sqlite3_bind_text(stmt, 1, builder_text(&root), -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, task->line);
    if (sqlite3_step(stmt) != SQLITE_ROW) {
        sqlite3_finalize(stmt);
        builder_free(&root);
        return session_fail("%s:%d: the task is gone after marking it", task->file, task->line);
    }
    report_table table;
    report_init(&table, mark_columns, sizeof mark_columns / sizeof mark_columns[0]);
    report_add_row(&table);
    report_set_text(&table, C_SPEC, task->spec);
    report_set_text(&table, C_ID, (const char *)sqlite3_column_text(stmt, 0));
    report_set_text(&table, C_STATUS, (const char *)sqlite3_column_text(stmt, 1));
    report_set_text(&table, C_MARK, (const char *)sqlite3_column_text(stmt, 2));
    report_set_text(&table, C_PREVIOUS, task->status);
    report_set_text(&table, C_TITLE, (const char *)sqlite3_column_text(stmt, 3));
    report_set_text(&table, C_FILE, task->file);
    report_set_int(&table, C_LINE, task->line);
    report_set_text(&table, C_LINE_HASH, (const char *)sqlite3_column_text(stmt, 4));
    sqlite3_finalize(stmt);
    builder_free(&root);
    int status = session_print_report(session, &table, "tasks", NULL, NULL);
    report_free(&table);
    return status;
}

int run_mark(const cli_options *options)
{
    if (options->positionals.n != 2) {
        fprintf(stderr, "tasksext mark: give the task's ID and its new STATUS\n");
        command_usage(command_find("mark"), 0);
        return EXIT_USAGE;
    }
    const char *id = options->positionals.items[0];
    const char *new_status = options->positionals.items[1];
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 0, MODEL_GUARD);
    if (status != EXIT_OK) return status;
    status = check_spec(&session, &model, options->spec);
    int *found = malloc((model.n_tasks ? model.n_tasks : 1) * sizeof *found);
    size_t n = 0;
    if (status == EXIT_OK && !found) status = session_fail("out of memory");
    for (size_t t = 0; status == EXIT_OK && t < model.n_tasks; t++)
        if (model.tasks[t].id && strcmp(model.tasks[t].id, id) == 0 &&
            in_spec(&model, &model.tasks[t], options->spec))
            found[n++] = (int)t;
    if (status == EXIT_OK && n == 0) status = missing(&session, &model, id, options->spec);
    if (status == EXIT_OK && n > 1) status = ambiguous(&model, id, found, n);
    if (status == EXIT_OK) status = write_mark(&session, &model.tasks[found[0]], new_status);
    if (status == EXIT_OK) status = print_new_row(&session, &model.tasks[found[0]]);
    free(found);
    close_model(&session, &model);
    return status;
}
