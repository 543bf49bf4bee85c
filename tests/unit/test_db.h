/* test_db.h - what the tests of the C callers' columns share: a connection
 * with every function registered, and a small tree of files written under
 * a temporary folder. Include after test_support.h. */
#ifndef TASKS_TEST_DB_H
#define TASKS_TEST_DB_H

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "tasksext.h"

/* A connection to an empty database, `PRAGMA threads = threads`. */
static inline sqlite3 *test_db_open(int threads)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    char *error = NULL;
    assert_int_equal(sqlite3_tasksext_init(db, &error, NULL), SQLITE_OK);
    char pragma[32];
    snprintf(pragma, sizeof pragma, "PRAGMA threads = %d", threads);
    assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
    return db;
}

/* Writes `text` to tree/relative, whose folder (one level) it makes. */
static inline void test_tree_write(const char *tree, const char *relative, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree, relative);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0755);
    *slash = '/';
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static inline void test_tree_remove(const char *tree)
{
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", tree);
    assert_int_equal(system(command), 0);
}

/* Reads every task of `path` two ways and checks they agree; returns the
 * tasks and the edges it saw. */
typedef void (*test_both_ways)(sqlite3 *db, const char *path, size_t *tasks, size_t *edges);

/* The examples, with and without the read-ahead thread: they have
 * dependencies of every kind, and a scan that read nothing would agree
 * with itself too, so some must be seen. */
static inline void test_examples_both_ways(test_both_ways compare)
{
    for (int threads = 0; threads <= 2; threads += 2) {
        sqlite3 *db = test_db_open(threads);
        size_t tasks, edges;
        compare(db, TASKSEXT_SOURCE_DIR "/examples", &tasks, &edges);
        assert_true(tasks >= 20);
        assert_true(edges > 20);
        sqlite3_close(db);
    }
}

/* The real corpus, when the shared folder is there. */
static inline void test_corpus_both_ways(test_both_ways compare)
{
    NEEDS_SHARED("corpus/real");
    sqlite3 *db = test_db_open(2);
    size_t tasks, edges;
    compare(db, TASKSEXT_SHARED_DIR "/corpus/real/**/*.md", &tasks, &edges);
    assert_true(tasks > 1000);
    assert_true(edges > 1000);
    sqlite3_close(db);
}

#endif
