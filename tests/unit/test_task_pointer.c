/* test_task_pointer.c - tasks().task_pointer, the hidden column the command
 * reads its graph commands' tasks from: for every task of the examples (and
 * of the real corpus when ../shared is there), each field of the struct is
 * the column of the same name, its edges are waits_for_pointer's, SQL sees
 * NULL, and the pointer is only given under its own type name. */
#include "test_support.h"
#include "test_db.h"

#include <stdio.h>

enum {
    C_POINTER,
    C_TYPE,
    C_SPEC,
    C_FILE,
    C_LINE,
    C_ID,
    C_TITLE,
    C_MARK,
    C_STATUS,
    C_STEP_NAME,
    C_DONE,
    C_PARALLEL,
    C_COUNTED,
    C_OPTIONAL,
    C_DEPTH,
    C_READY,
    C_WAVE,
    C_LEVEL,
    C_WAITS
};

static void same_text(sqlite3_stmt *stmt, int column, const char *field, const char *name)
{
    const char *expected = (const char *)sqlite3_column_text(stmt, column);
    if (!expected && !field) return;
    if (!expected || !field || strcmp(expected, field) != 0)
        fail_msg("%s:%d: %s is '%s' in the struct, '%s' in SQL", sqlite3_column_text(stmt, C_FILE),
                 sqlite3_column_int(stmt, C_LINE), name, field ? field : "(null)",
                 expected ? expected : "(null)");
}

static void same_int(sqlite3_stmt *stmt, int column, int field, const char *name)
{
    int expected = sqlite3_column_type(stmt, column) == SQLITE_NULL ? -1
                                                                    : sqlite3_column_int(stmt, column);
    if (expected != field)
        fail_msg("%s:%d: %s is %d in the struct, %d in SQL", sqlite3_column_text(stmt, C_FILE),
                 sqlite3_column_int(stmt, C_LINE), name, field, expected);
}

/* Every task of `path` read both ways; returns the tasks and the edges. */
static void compare(sqlite3 *db, const char *path, size_t *tasks, size_t *edges)
{
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT task_pointer, typeof(task_pointer), spec, file,"
                                        " line, id, title, mark, status, step_name, done,"
                                        " parallel, counted, optional, depth, ready, wave,"
                                        " level, waits_for_pointer FROM tasks(?1)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
    *tasks = *edges = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const tasksext_task *task =
            sqlite3_value_pointer(sqlite3_column_value(stmt, C_POINTER), TASKSEXT_TASK_TYPE);
        if (!task)
            fail_msg("%s:%d: no pointer", sqlite3_column_text(stmt, C_FILE),
                     sqlite3_column_int(stmt, C_LINE));
        /* Under another type name, nothing; to SQL, NULL. */
        assert_null(sqlite3_value_pointer(sqlite3_column_value(stmt, C_POINTER),
                                          TASKSEXT_WAITS_TYPE));
        assert_string_equal((const char *)sqlite3_column_text(stmt, C_TYPE), "null");
        same_text(stmt, C_SPEC, task->spec, "spec");
        same_text(stmt, C_FILE, task->file, "file");
        same_int(stmt, C_LINE, task->line, "line");
        same_text(stmt, C_ID, task->id, "id");
        same_text(stmt, C_TITLE, task->title, "title");
        same_text(stmt, C_MARK, task->mark, "mark");
        same_text(stmt, C_STATUS, task->status, "status");
        same_text(stmt, C_STEP_NAME, task->step_name, "step_name");
        same_int(stmt, C_DONE, task->done, "done");
        same_int(stmt, C_PARALLEL, task->parallel, "parallel");
        same_int(stmt, C_COUNTED, task->counted, "counted");
        same_int(stmt, C_OPTIONAL, task->optional, "optional");
        same_int(stmt, C_DEPTH, task->depth, "depth");
        same_int(stmt, C_READY, task->ready, "ready");
        same_int(stmt, C_WAVE, task->wave, "wave");
        same_int(stmt, C_LEVEL, task->level, "level");
        const tasksext_waits *waits =
            sqlite3_value_pointer(sqlite3_column_value(stmt, C_WAITS), TASKSEXT_WAITS_TYPE);
        assert_non_null(waits);
        assert_int_equal(task->waits_for.n, waits->n);
        for (size_t i = 0; i < waits->n; i++) {
            const tasksext_wait *a = &task->waits_for.items[i], *b = &waits->items[i];
            assert_int_equal(a->line, b->line);
            assert_true(a->id == b->id || (a->id && b->id && strcmp(a->id, b->id) == 0));
            assert_string_equal(a->kind, b->kind);
        }
        (*tasks)++;
        *edges += waits->n;
    }
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(stmt);
}

static void examples_both_ways(void **state)
{
    (void)state;
    test_examples_both_ways(compare);
}

static void real_corpus_both_ways(void **state)
{
    (void)state;
    test_corpus_both_ways(compare);
}

/* Read alone, it still gives the graph's fields: it builds the graph. */
static void alone_builds_the_graph(void **state)
{
    (void)state;
    sqlite3 *db = test_db_open(0);
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT task_pointer FROM tasks(?1)", -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(stmt, 1, TASKSEXT_SOURCE_DIR "/examples", -1, SQLITE_STATIC);
    size_t ready = 0, waiting = 0, levelled = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const tasksext_task *task =
            sqlite3_value_pointer(sqlite3_column_value(stmt, 0), TASKSEXT_TASK_TYPE);
        assert_non_null(task);
        ready += task->ready != 0;
        waiting += task->waits_for.n > 0;
        levelled += task->level > 0;
    }
    sqlite3_finalize(stmt);
    assert_true(ready > 0);
    assert_true(waiting > 0);
    assert_true(levelled > 0);
    sqlite3_close(db);
}

static char tree[] = "/tmp/test_task_pointer.XXXXXX";

/* The value of the row that holds max(line), read after the scan has
 * moved on to a file with a longer name (the cursor's buffers grow) and,
 * with no parse cache, after the first file's document is freed: the
 * struct's texts are its own, so they still read right (and ASan sees no
 * read of freed memory). */
static void kept_past_its_row(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(tree));
    test_tree_write(tree, "a/tasks.md",
                    "- [ ] T001 first\n- [ ] T002 second\n- [ ] T003 third\n"
                    "- [ ] T004 fourth, after T003\n");
    test_tree_write(tree, "b-with-a-much-longer-name-than-the-first/tasks.md",
                    "- [ ] T101 other\n");
    char a_file[600];
    snprintf(a_file, sizeof a_file, "%s/a/tasks.md", tree);
    for (int cache = 0; cache < 2; cache++) {
        sqlite3 *db = test_db_open(0);
        if (!cache)
            assert_int_equal(sqlite3_exec(db, "SELECT tasksext_cache_limit(0)", NULL, NULL, NULL),
                             SQLITE_OK);
        sqlite3_stmt *stmt;
        assert_int_equal(sqlite3_prepare_v2(db,
                                            "SELECT task_pointer, waits_for_pointer, max(line)"
                                            " FROM tasks(?1)",
                                            -1, &stmt, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(stmt, 1, tree, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
        const tasksext_task *task =
            sqlite3_value_pointer(sqlite3_column_value(stmt, 0), TASKSEXT_TASK_TYPE);
        const tasksext_waits *waits =
            sqlite3_value_pointer(sqlite3_column_value(stmt, 1), TASKSEXT_WAITS_TYPE);
        assert_non_null(task);
        assert_non_null(waits);
        assert_int_equal(sqlite3_column_int(stmt, 2), 4);
        assert_string_equal(task->spec, "a");
        assert_string_equal(task->file, a_file);
        assert_string_equal(task->id, "T004");
        assert_string_equal(task->title, "fourth, after T003");
        assert_string_equal(task->status, "todo");
        assert_int_equal(task->line, 4);
        assert_true(task->waits_for.n >= 1);
        assert_int_equal(task->waits_for.n, waits->n);
        for (size_t i = 0; i < waits->n; i++) {
            assert_string_equal(task->waits_for.items[i].id, "T003");
            assert_string_equal(waits->items[i].id, "T003");
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
    }
    test_tree_remove(tree);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples_both_ways),
        cmocka_unit_test(real_corpus_both_ways),
        cmocka_unit_test(alone_builds_the_graph),
        cmocka_unit_test(kept_past_its_row),
    };
    return RUN_TESTS(tests);
}
