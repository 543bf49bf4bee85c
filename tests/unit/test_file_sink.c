/* test_file_sink.c - tasks().file_sink, through which the command learns a
 * tree's files in the same scan as their tasks: the sink is told of every
 * file task_specs() lists, in its order, with its error and its count of
 * rows, before those rows; an empty task list and a file over the size
 * limit too; with any thread setting; with a `spec =` constraint as well
 * (no index then); and on the real corpus when ../shared is there. */
#include "test_support.h"
#include "test_db.h"

#include <stdio.h>

/* What the sink was told, one line per file: `spec|file|error|tasks`,
 * each file's line written before its first row was seen. */
typedef struct sink_log {
    char *text;
    size_t len, cap;
    size_t rows_seen;   /* rows the statement gave so far */
    size_t rows_told;   /* rows the sink announced so far */
    int told_too_late; /* a file's line came after one of its rows */
} sink_log;

static void append(sink_log *t, const char *text)
{
    size_t n = strlen(text);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->text = realloc(t->text, t->cap);
        assert_non_null(t->text);
    }
    memcpy(t->text + t->len, text, n + 1);
    t->len += n;
}

static void on_file(void *context, const tasksext_file *file)
{
    sink_log *t = context;
    if (t->rows_seen != t->rows_told) t->told_too_late = 1;
    char line[4096];
    snprintf(line, sizeof line, "%s|%s|%s|%zu\n", file->spec ? file->spec : "",
             file->file ? file->file : "", file->error ? file->error : "", file->rows);
    append(t, line);
    t->rows_told += file->rows;
}

/* The sink's lines for a scan of `path` (with `where`, a further
 * condition); the statement's rows in *rows. */
static char *table_sink_lines(sqlite3 *db, const char *table, const char *path, const char *where,
                              size_t *rows)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT id FROM %s(?1) WHERE file_sink = ?2%s", table, where);
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    sink_log t = {0};
    append(&t, "");
    tasksext_file_sink sink = {on_file, &t};
    sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_pointer(stmt, 2, &sink, TASKSEXT_FILE_SINK_TYPE, NULL);
    int rc;
    *rows = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        t.rows_seen++;
        ++*rows;
        /* Its file was told of first. */
        if (!*where) assert_true(t.rows_seen <= t.rows_told);
    }
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(stmt);
    if (!*where) {
        assert_false(t.told_too_late);
        assert_int_equal(t.rows_told, t.rows_seen);
    }
    return t.text;
}

static char *sink_lines(sqlite3 *db, const char *path, const char *where, size_t *rows)
{
    return table_sink_lines(db, "tasks", path, where, rows);
}

/* task_specs()' lines for `path`, as the sink writes them. */
static char *specs_lines(sqlite3 *db, const char *path)
{
    sqlite3_stmt *stmt;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT coalesce(spec, ''), coalesce(file, ''),"
                                        " coalesce(error, ''), tasks FROM task_specs(?1)",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
    sink_log t = {0};
    append(&t, "");
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        char line[4096];
        snprintf(line, sizeof line, "%s|%s|%s|%lld\n", sqlite3_column_text(stmt, 0),
                 sqlite3_column_text(stmt, 1), sqlite3_column_text(stmt, 2),
                 (long long)sqlite3_column_int64(stmt, 3));
        append(&t, line);
    }
    sqlite3_finalize(stmt);
    return t.text;
}

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

static void same_as_task_specs(sqlite3 *db, const char *path, size_t min_files)
{
    size_t rows;
    char *told = sink_lines(db, path, "", &rows);
    char *listed = specs_lines(db, path);
    assert_string_equal(told, listed);
    assert_true(count_lines(told) >= min_files);
    assert_true(rows > 0);
    free(told);
    free(listed);
}

static void examples_as_task_specs(void **state)
{
    (void)state;
    for (int threads = 0; threads <= 2; threads += 2) {
        sqlite3 *db = test_db_open(threads);
        same_as_task_specs(db, TASKSEXT_SOURCE_DIR "/examples", 3);
        sqlite3_close(db);
    }
}

static void real_corpus_as_task_specs(void **state)
{
    (void)state;
    NEEDS_SHARED("corpus/real");
    sqlite3 *db = test_db_open(2);
    same_as_task_specs(db, TASKSEXT_SHARED_DIR "/corpus/real/**/*.md", 100);
    sqlite3_close(db);
}

/* Cuts each line's last `|count`, in place. */
static void strip_counts(char *text)
{
    char *out = text;
    for (char *line = text; *line;) {
        char *end = strchr(line, '\n');
        char *bar = end;
        while (bar > line && *bar != '|')
            bar--;
        memmove(out, line, (size_t)(bar - line));
        out += bar - line;
        *out++ = '\n';
        line = end + 1;
    }
    *out = '\0';
}

/* task_issues() has one too: the same files, each with its issue rows. */
static void task_issues_too(void **state)
{
    (void)state;
    sqlite3 *db = test_db_open(2);
    const char *path = TASKSEXT_SOURCE_DIR "/examples";
    size_t rows;
    char *told = table_sink_lines(db, "task_issues", path, "", &rows);
    char *listed = specs_lines(db, path);
    /* The lines without their counts are task_specs()' lines without theirs. */
    strip_counts(told);
    strip_counts(listed);
    assert_string_equal(told, listed);
    assert_int_equal(count_lines(told), count_lines(listed));
    sqlite3_stmt *stmt;
    assert_int_equal(
        sqlite3_prepare_v2(db, "SELECT count(*) FROM task_issues(?1)", -1, &stmt, NULL), SQLITE_OK);
    sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_int_equal(rows, (size_t)sqlite3_column_int64(stmt, 0));
    assert_true(rows > 0);
    sqlite3_finalize(stmt);
    free(told);
    free(listed);
    sqlite3_close(db);
}

/* A sink the scan does not take is an error, not a sink told of nothing:
 * under an OR, twice, or as a value. */
static void other_uses_are_errors(void **state)
{
    (void)state;
    static const char *const queries[] = {
        "SELECT id FROM tasks(?1) WHERE file_sink = ?2 OR id = 'T001'",
        "SELECT id FROM tasks(?1) WHERE file_sink = ?2 AND file_sink = ?2",
        "SELECT id FROM tasks(?1) WHERE file_sink = 1",
    };
    sqlite3 *db = test_db_open(0);
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        sqlite3_stmt *stmt;
        int rc = sqlite3_prepare_v2(db, queries[q], -1, &stmt, NULL);
        if (rc == SQLITE_OK) {
            sink_log t = {0};
            append(&t, "");
            tasksext_file_sink sink = {on_file, &t};
            sqlite3_bind_text(stmt, 1, TASKSEXT_SOURCE_DIR "/examples", -1, SQLITE_STATIC);
            sqlite3_bind_pointer(stmt, 2, &sink, TASKSEXT_FILE_SINK_TYPE, NULL);
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            }
            sqlite3_finalize(stmt);
            free(t.text);
        }
        if (rc != SQLITE_ERROR) fail_msg("%s: %d, not an error", queries[q], rc);
        assert_non_null(strstr(sqlite3_errmsg(db), "file_sink is for C callers"));
    }
    sqlite3_close(db);
}

/* On the inner side of a join the scan runs once per outer row, and the
 * sink is told of the files each time. */
static void once_per_scan(void **state)
{
    (void)state;
    sqlite3 *db = test_db_open(0);
    size_t rows;
    char *once = sink_lines(db, TASKSEXT_SOURCE_DIR "/examples", "", &rows);
    char *joined = table_sink_lines(db, "(VALUES (1), (2)) v, tasks",
                                    TASKSEXT_SOURCE_DIR "/examples", "", &rows);
    assert_int_equal(count_lines(joined), 2 * count_lines(once));
    free(once);
    free(joined);
    sqlite3_close(db);
}

static char tree[] = "/tmp/test_file_sink.XXXXXX";

/* Files without rows are told of too: an empty task list, and one over the
 * size limit (SQLITE_LIMIT_LENGTH bounds it), with its error. */
static void files_without_rows(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(tree));
    test_tree_write(tree, "a/tasks.md", "- [ ] one\n- [x] two\n");
    test_tree_write(tree, "b/tasks.md", "# Nothing to do yet\n");
    char big[3000];
    memset(big, 'x', sizeof big - 2);
    big[sizeof big - 2] = '\n';
    big[sizeof big - 1] = '\0';
    test_tree_write(tree, "c/tasks.md", big);
    for (int threads = 0; threads <= 2; threads += 2) {
        sqlite3 *db = test_db_open(threads);
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
        size_t rows;
        char *told = sink_lines(db, tree, "", &rows);
        char expected[2048];
        snprintf(expected, sizeof expected,
                 "a|%s/a/tasks.md||2\n"
                 "b|%s/b/tasks.md||0\n"
                 "c|%s/c/tasks.md|%s/c/tasks.md: larger than the 1000-byte limit|0\n",
                 tree, tree, tree, tree);
        assert_string_equal(told, expected);
        assert_int_equal(rows, 2);
        /* With `spec =` the rows narrow, but every file is still told of. */
        char *narrowed = sink_lines(db, tree, " AND spec = 'b'", &rows);
        assert_string_equal(narrowed, expected);
        assert_int_equal(rows, 0);
        free(told);
        free(narrowed);
        sqlite3_close(db);
    }
    test_tree_remove(tree);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples_as_task_specs), cmocka_unit_test(real_corpus_as_task_specs),
        cmocka_unit_test(task_issues_too),        cmocka_unit_test(other_uses_are_errors),
        cmocka_unit_test(once_per_scan),          cmocka_unit_test(files_without_rows),
    };
    return RUN_TESTS(tests);
}
