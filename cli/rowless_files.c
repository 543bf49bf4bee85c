/* rowless_files.c - see rowless_files.h. */
#include "rowless_files.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "string_builder.h"

/* Past this many files without a row whose names hold glob characters
 * under one root, the root is read again whole, in one query, rather than
 * file by file: a name such as `[draft]/tasks.md` is looked up as a glob,
 * which lists the folders above it, for each file. */
#define GLOB_NAMES_MAX 32

/* The first task of each file, in an open-addressing table keyed by the
 * file's root and name: the files some row came from. */
typedef struct file_set {
    long *slots; /* a task index, or -1 */
    size_t capacity;
} file_set;

static size_t slot_of(const file_set *set, const task_model *model, int root, const char *file)
{
    size_t at = model_name_hash(root, file) & (set->capacity - 1);
    for (;;) {
        long t = set->slots[at];
        if (t < 0) return at;
        const model_task *task = &model->tasks[t];
        if (task->root == root && strcmp(task->file, file) == 0) return at;
        at = (at + 1) & (set->capacity - 1);
    }
}

/* A file's tasks come together and share its one kept name. */
static int starts_file(const task_model *model, size_t t)
{
    const model_task *task = &model->tasks[t];
    return t == 0 || task->file != model->tasks[t - 1].file ||
           task->root != model->tasks[t - 1].root;
}

static int file_set_build(file_set *set, const task_model *model, int root)
{
    /* Room for every file the scan gave rows for (the names came later: a
     * tree may have lost files in between) and for every name looked up. */
    size_t files = model->n_files;
    for (size_t t = 0; t < model->n_tasks; t++)
        files += (size_t)(model->tasks[t].root == root && starts_file(model, t));
    set->capacity = 64;
    while (set->capacity < 2 * files + 2)
        set->capacity *= 2;
    set->slots = malloc(set->capacity * sizeof *set->slots);
    if (!set->slots) return -1;
    for (size_t i = 0; i < set->capacity; i++)
        set->slots[i] = -1;
    for (size_t t = 0; t < model->n_tasks; t++) {
        if (model->tasks[t].root != root || !starts_file(model, t)) continue;
        const model_task *task = &model->tasks[t];
        size_t at = slot_of(set, model, task->root, task->file);
        if (set->slots[at] < 0) set->slots[at] = (long)t;
    }
    return 0;
}

static int has_rows(const file_set *set, const task_model *model, const model_file *file)
{
    return set->slots[slot_of(set, model, file->root, file->file)] >= 0;
}

static int has_glob_characters(const char *path)
{
    return strpbrk(path, "*?[") != NULL;
}

/* `path` as a walk root that names that file alone: the glob characters a
 * folder's name may hold (`[draft]`) each as a class of one. */
static void literal_root(const char *path, string_builder *out)
{
    builder_clear(out);
    for (const char *p = path; *p; p++) {
        if (*p == '*' || *p == '?' || *p == '[') {
            char class[4] = {'[', *p, ']', '\0'};
            builder_append(out, class);
        } else {
            builder_append_n(out, p, 1);
        }
    }
}

typedef struct error_query {
    const cli_session *session;
    sqlite3_stmt *stmt;
    const char *sql;
} error_query;

/* Runs the query on `root` and fails, with the error, at the first file
 * (not excluded) whose error stops a command. EXIT_OK with *rows the rows
 * read, or -1 when the query failed (the root may name a file gone since,
 * or one whose name the walk repaired); EXIT_FAILED once said. */
static int check_errors(error_query *q, const char *root, size_t *rows)
{
    *rows = 0;
    if (!q->stmt && sqlite3_prepare_v2(q->session->db, q->sql, -1, &q->stmt, NULL) != SQLITE_OK)
        return session_fail("cannot read '%s': %s", root, session_error_text(q->session->db));
    sqlite3_bind_text(q->stmt, 1, root, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE, status = EXIT_OK;
    while (status == EXIT_OK && (rc = sqlite3_step(q->stmt)) == SQLITE_ROW) {
        ++*rows;
        const char *file = (const char *)sqlite3_column_text(q->stmt, 0);
        const char *error = (const char *)sqlite3_column_text(q->stmt, 1);
        /* (said before the reset, which frees the text) */
        if (model_error_stops(error) && !(file && session_excluded(q->session, file)))
            status = session_fail("%s", error);
    }
    if (status == EXIT_OK && rc == SQLITE_NOMEM) status = session_fail("out of memory");
    if (status == EXIT_OK && rc != SQLITE_DONE) status = -1;
    sqlite3_reset(q->stmt);
    return status;
}

/* The files of root `r` that gave no row, file by file; the root whole
 * when one cannot be found by its name again, or when too many are named
 * like globs. */
static int check_root(const cli_session *session, const task_model *model, const file_set *set,
                      int r, error_query *one, error_query *whole, string_builder *name)
{
    size_t rowless = 0, globs = 0;
    for (size_t f = 0; f < model->n_files; f++) {
        const model_file *file = &model->files[f];
        if (file->root != r || !file->file || has_rows(set, model, file)) continue;
        rowless++;
        globs += (size_t)has_glob_characters(file->file);
    }
    if (rowless == 0) return EXIT_OK;
    int status = -1;
    if (globs <= GLOB_NAMES_MAX) {
        /* One file's scan has nothing to read ahead: no worker for it. */
        int threads = sqlite3_limit(session->db, SQLITE_LIMIT_WORKER_THREADS, 0);
        status = EXIT_OK;
        for (size_t f = 0; f < model->n_files && status == EXIT_OK; f++) {
            const model_file *file = &model->files[f];
            if (file->root != r || !file->file || has_rows(set, model, file)) continue;
            literal_root(file->file, name);
            if (name->failed) {
                status = session_fail("out of memory");
                break;
            }
            size_t rows;
            status = check_errors(one, builder_text(name), &rows);
            if (status == EXIT_OK && rows != 1) status = -1; /* not that one file */
        }
        sqlite3_limit(session->db, SQLITE_LIMIT_WORKER_THREADS, threads);
    }
    if (status != -1) return status;
    size_t rows;
    status = check_errors(whole, session->roots.items[r], &rows);
    return status == -1 ? session_fail("cannot read '%s': %s", session->roots.items[r],
                                       session_error_text(session->db))
                        : status;
}

int rowless_files_check(const cli_session *session, const task_model *model, int root)
{
    file_set set;
    if (file_set_build(&set, model, root) != 0) return session_fail("out of memory");
    error_query one = {session, NULL, "SELECT file, error FROM task_specs(?1)"};
    error_query whole = {session, NULL,
                         "SELECT file, error FROM task_specs(?1) WHERE error IS NOT NULL"};
    string_builder name = {0};
    int status = check_root(session, model, &set, root, &one, &whole, &name);
    sqlite3_finalize(one.stmt);
    sqlite3_finalize(whole.stmt);
    builder_free(&name);
    free(set.slots);
    return status;
}
