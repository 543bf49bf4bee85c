/* test_waits_for_pointer.c - tasks().waits_for_pointer, the hidden column
 * the command reads instead of waits_for's JSON: for every task of the
 * examples (and of the real corpus when ../shared is there), its edges
 * written back as JSON are waits_for, byte for byte; SQL sees NULL; the
 * pointer is only given under its own type name. */
#include "test_support.h"
#include "test_db.h"

#include <stdio.h>

/* The edges in waits_for's written form (ids need no escaping here: the
 * check below would show it if one did). */
static void as_json(const tasksext_waits *waits, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "[");
    for (size_t i = 0; i < waits->n && used < size; i++) {
        const tasksext_wait *w = &waits->items[i];
        char id[300];
        if (w->id)
            snprintf(id, sizeof id, "\"%s\"", w->id);
        else
            snprintf(id, sizeof id, "null");
        used += (size_t)snprintf(out + used, size - used, "%s{\"line\":%d,\"id\":%s,\"kind\":\"%s\"}",
                                 i ? "," : "", w->line, id, w->kind);
    }
    if (used < size) snprintf(out + used, size - used, "]");
}

/* Every task of `path` read both ways; returns the tasks and the edges. */
static void compare(sqlite3 *db, const char *path, size_t *tasks, size_t *edges)
{
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT file, line, waits_for, waits_for_pointer,"
                                        " typeof(waits_for_pointer) FROM tasks(?1)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
    *tasks = *edges = 0;
    static char written[1 << 16];
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *json = (const char *)sqlite3_column_text(stmt, 2);
        const tasksext_waits *waits =
            sqlite3_value_pointer(sqlite3_column_value(stmt, 3), TASKSEXT_WAITS_TYPE);
        if (!waits)
            fail_msg("%s:%d: no pointer", sqlite3_column_text(stmt, 0),
                     sqlite3_column_int(stmt, 1));
        /* Under another type name, nothing; to SQL, NULL. */
        assert_null(sqlite3_value_pointer(sqlite3_column_value(stmt, 3), "carray"));
        assert_string_equal((const char *)sqlite3_column_text(stmt, 4), "null");
        as_json(waits, written, sizeof written);
        if (strcmp(written, json) != 0)
            fail_msg("%s:%d: pointer %s, waits_for %s", sqlite3_column_text(stmt, 0),
                     sqlite3_column_int(stmt, 1), written, json);
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

/* Not an argument: a second one is an error, not a silent empty result. */
static void not_an_argument(void **state)
{
    (void)state;
    sqlite3 *db = test_db_open(0);
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db, "SELECT * FROM tasks('" TASKSEXT_SOURCE_DIR "/examples', 1)",
                                -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
    }
    assert_int_equal(rc, SQLITE_ERROR);
    assert_non_null(strstr(sqlite3_errmsg(db), "takes one argument, the path"));
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples_both_ways),
        cmocka_unit_test(real_corpus_both_ways),
        cmocka_unit_test(not_an_argument),
    };
    return RUN_TESTS(tests);
}
