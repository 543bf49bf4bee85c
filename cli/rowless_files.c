/* rowless_files.c - see rowless_files.h. */
#include "rowless_files.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "string_builder.h"

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

static int file_set_build(file_set *set, const task_model *model)
{
    set->capacity = 64;
    while (set->capacity < 2 * model->n_files + 2)
        set->capacity *= 2;
    set->slots = malloc(set->capacity * sizeof *set->slots);
    if (!set->slots) return -1;
    for (size_t i = 0; i < set->capacity; i++)
        set->slots[i] = -1;
    /* A file's tasks share its one kept name. */
    for (size_t t = 0; t < model->n_tasks; t++) {
        const model_task *task = &model->tasks[t];
        if (t > 0 && task->file == model->tasks[t - 1].file) continue;
        size_t at = slot_of(set, model, task->root, task->file);
        if (set->slots[at] < 0) set->slots[at] = (long)t;
    }
    return 0;
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

int rowless_files_check(const cli_session *session, const task_model *model)
{
    file_set set;
    if (file_set_build(&set, model) != 0) return session_fail("out of memory");
    sqlite3_stmt *stmt = NULL;
    string_builder root = {0};
    int status = EXIT_OK;
    for (size_t f = 0; f < model->n_files && status == EXIT_OK; f++) {
        const model_file *file = &model->files[f];
        if (!file->file || set.slots[slot_of(&set, model, file->root, file->file)] >= 0) continue;
        if (!stmt && sqlite3_prepare_v2(session->db, "SELECT error FROM task_specs(?1)", -1, &stmt,
                                        NULL) != SQLITE_OK) {
            status = session_fail("cannot read '%s': %s", file->file,
                                  session_error_text(session->db));
            break;
        }
        literal_root(file->file, &root);
        if (root.failed) {
            status = session_fail("out of memory");
            break;
        }
        sqlite3_bind_text(stmt, 1, builder_text(&root), (int)root.length, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const char *error = (const char *)sqlite3_column_text(stmt, 0);
            if (model_error_stops(error)) {
                status = session_fail("%s", error);
                break;
            }
        }
        /* A file gone since the walk is no error here: its scan said so. */
        if (status == EXIT_OK && rc != SQLITE_DONE && rc != SQLITE_ERROR)
            status = session_fail("cannot read '%s': %s", file->file,
                                  session_error_text(session->db));
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    builder_free(&root);
    free(set.slots);
    return status;
}
