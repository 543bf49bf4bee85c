/* test_threads.c - the threaded scan against the single-threaded one, in
 * process, so that ThreadSanitizer (scripts/test builds this with
 * -fsanitize=thread) sees the worker, the cache and the cursor together. */
#include "test_support.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "tasksext.h"

static sqlite3 *open_db(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    char *error = NULL;
    assert_int_equal(sqlite3_tasksext_init(db, &error, NULL), SQLITE_OK);
    return db;
}

/* Every row of `query` as one string, row after row. */
static char *all_rows(sqlite3 *db, const char *query)
{
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db, query, -1, &stmt, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); c++) {
            const char *text = (const char *)sqlite3_column_text(stmt, c);
            size_t n = text ? strlen(text) : 4;
            while (len + n + 2 > cap)
                out = realloc(out, cap *= 2);
            memcpy(out + len, text ? text : "NULL", n);
            len += n;
            out[len++] = c + 1 < sqlite3_column_count(stmt) ? '|' : '\n';
        }
    }
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(stmt);
    out[len] = '\0';
    return out;
}

static void same_rows_with_and_without_the_worker(void **state)
{
    (void)state;
    NEEDS_SHARED("corpus/real");
    static const char *const queries[] = {
        "SELECT * FROM tasks('" TASKSEXT_SHARED_DIR "/corpus/real/**/*.md')",
        "SELECT * FROM task_deps('" TASKSEXT_SHARED_DIR "/corpus/real/**/*.md')",
        "SELECT * FROM task_specs('" TASKSEXT_SHARED_DIR "/corpus/real/**/*.md')",
    };
    for (int cached = 0; cached < 2; cached++) {
        sqlite3 *one = open_db(), *two = open_db();
        if (!cached) {
            assert_int_equal(sqlite3_exec(one, "SELECT tasksext_cache_limit(0)", 0, 0, 0), 0);
            assert_int_equal(sqlite3_exec(two, "SELECT tasksext_cache_limit(0)", 0, 0, 0), 0);
        }
        assert_int_equal(sqlite3_exec(two, "PRAGMA threads = 2", 0, 0, 0), SQLITE_OK);
        for (size_t q = 0; q < 3; q++) {
            for (int repeat = 0; repeat < 2; repeat++) {
                char *a = all_rows(one, queries[q]), *b = all_rows(two, queries[q]);
                assert_true(strlen(a) > 1000);
                assert_string_equal(a, b);
                free(a);
                free(b);
            }
        }
        sqlite3_close(one);
        sqlite3_close(two);
    }
}

static void stopping_early_joins_the_worker(void **state)
{
    (void)state;
    NEEDS_SHARED("corpus/real");
    sqlite3 *db = open_db();
    assert_int_equal(sqlite3_exec(db, "PRAGMA threads = 2", 0, 0, 0), SQLITE_OK);
    for (int i = 0; i < 20; i++) {
        char *rows = all_rows(db, "SELECT id FROM tasks('" TASKSEXT_SHARED_DIR
                                  "/corpus/real/**/*.md') LIMIT 3");
        assert_int_equal(strlen(rows) > 0, 1);
        free(rows);
    }
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_rows_with_and_without_the_worker),
        cmocka_unit_test(stopping_early_joins_the_worker),
    };
    return RUN_TESTS(tests);
}
