/* fuzz_sql.c - the whole extension on one file: the input becomes tasks.md in
 * a private directory, then tasks(?) and task_specs(?) run over that
 * directory on an in-memory connection, every row stepped and every column
 * read as text. The row counts are checked against a direct parse. */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "tasks_parse.h"
#include "tasksext.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir_path[4096];
static char file_path[4096 + 16];
static sqlite3 *db;
static sqlite3_stmt *tasks_stmt, *specs_stmt;

static void cleanup(void)
{
    sqlite3_finalize(tasks_stmt);
    sqlite3_finalize(specs_stmt);
    sqlite3_close(db);
    tasks_stmt = specs_stmt = NULL;
    db = NULL;
    if (file_path[0]) unlink(file_path);
    if (dir_path[0]) rmdir(dir_path);
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_sql: %s: %s\n", what, detail);
    exit(1);
}

static sqlite3_stmt *prepare(const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
        die("cannot prepare", sqlite3_errmsg(db));
    if (sqlite3_bind_text(stmt, 1, dir_path, -1, SQLITE_STATIC) != SQLITE_OK)
        die("cannot bind", sqlite3_errmsg(db));
    return stmt;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    snprintf(dir_path, sizeof dir_path, "%s/tasksext-fuzz-sql-XXXXXX", tmp);
    if (!mkdtemp(dir_path)) die("mkdtemp", strerror(errno));
    snprintf(file_path, sizeof file_path, "%s/tasks.md", dir_path);
    atexit(cleanup);

    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK)
        die("cannot open :memory:", db ? sqlite3_errmsg(db) : "out of memory");
    char *error = NULL;
    if (sqlite3_tasksext_init(db, &error, NULL) != SQLITE_OK)
        die("cannot register tasksext", error ? error : "?");
    tasks_stmt = prepare("SELECT * FROM tasks(?)");
    specs_stmt = prepare("SELECT * FROM task_specs(?)");
    return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
    int fd = open(file_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) die("cannot create tasks.md", strerror(errno));
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) die("cannot write tasks.md", strerror(errno));
        done += (size_t)n;
    }
    if (close(fd) != 0) die("cannot close tasks.md", strerror(errno));
}

/* Steps every row, reads every column as text. Returns the row count; the
 * columns named by json_column (or -1) must be NULL or valid JSON. */
static size_t run(sqlite3_stmt *stmt, const char *name, int json_column, int count_column,
                  sqlite3_int64 *count_value)
{
    size_t rows = 0;
    int columns = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rows++;
        for (int c = 0; c < columns; c++) {
            const char *text = (const char *)sqlite3_column_text(stmt, c);
            int bytes = sqlite3_column_bytes(stmt, c);
            if (!text) {
                FUZZ_CHECK(sqlite3_column_type(stmt, c) == SQLITE_NULL,
                           "%s column %d: no text for a non-NULL value", name, c);
                continue;
            }
            FUZZ_CHECK(bytes >= 0 && strlen(text) == (size_t)bytes,
                       "%s column %s: %d bytes, strlen %zu", name, sqlite3_column_name(stmt, c),
                       bytes, strlen(text));
            size_t bad = fuzz_utf8_bad_offset(text, (size_t)bytes);
            FUZZ_CHECK(bad == (size_t)bytes, "%s column %s: not UTF-8 at byte %zu", name,
                       sqlite3_column_name(stmt, c), bad);
            if (c == json_column) {
                size_t where = 0;
                FUZZ_CHECK(fuzz_json_valid(text, (size_t)bytes, &where),
                           "%s column %s: not JSON at byte %zu: %.200s", name,
                           sqlite3_column_name(stmt, c), where, text);
            }
        }
        if (count_column >= 0) *count_value = sqlite3_column_int64(stmt, count_column);
    }
    FUZZ_CHECK(rc == SQLITE_DONE, "%s: step failed with %d: %s", name, rc, sqlite3_errmsg(db));
    sqlite3_reset(stmt);
    return rows;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_input(data, size);

    /* What the parser alone says, to hold the tables to. */
    task_document doc;
    task_load_input in = {(const char *)data, size, NULL, "x", NULL, 0};
    if (task_document_load(&in, &doc) != TASKS_PARSE_OK) return 0;
    size_t expected = doc.n_tasks;
    task_document_free(&doc);

    size_t task_rows = run(tasks_stmt, "tasks", 10 /* tags */, -1, NULL);
    FUZZ_CHECK(task_rows == expected, "tasks(): %zu rows, the parser found %zu tasks", task_rows,
               expected);
    sqlite3_int64 counted = -1;
    size_t spec_rows = run(specs_stmt, "task_specs", 5 /* meta */, 6 /* tasks */, &counted);
    FUZZ_CHECK(spec_rows == 1, "task_specs(): %zu rows for one file", spec_rows);
    FUZZ_CHECK(counted == (sqlite3_int64)expected, "task_specs(): tasks = %lld, expected %zu",
               (long long)counted, expected);
    return 0;
}
