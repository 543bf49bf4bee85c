/* test_task_mark.c - guarded marks: exact bytes on every real file, each
 * refusal, two writers at once, and a writer killed at random moments. */
#include "test_support.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cache/task_mark.h"
#include "fs/file_read.h"

static char dir[] = "/tmp/test_task_mark.XXXXXX";

static char *path_in(const char *name)
{
    static char path[64][512];
    static int next;
    assert_true(next < 64);
    char *p = path[next++];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

static void write_bytes(const char *path, const char *bytes, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, size, f), size);
    fclose(f);
}

static char *read_bytes(const char *path, size_t *size)
{
    char *bytes;
    const char *reason;
    assert_int_equal(file_read_all(path, 64 << 20, &bytes, size, &reason), 0);
    return bytes;
}

/* The hash of the task on `line` of `path` now, as tasks() shows it. */
static void hash_of(const char *path, uint32_t line, char hash[17])
{
    size_t size;
    char *bytes = read_bytes(path, &size);
    task_document doc;
    task_load_input in = {bytes, size, path, NULL, NULL, 0};
    assert_int_equal(task_document_load(&in, &doc), TASKS_PARSE_OK);
    hash[0] = '\0';
    for (size_t t = 0; t < doc.n_tasks; t++)
        if (doc.tasks[t].line == line)
            snprintf(hash, 17, "%016llx", (unsigned long long)doc.tasks[t].line_hash);
    task_document_free(&doc);
    free(bytes);
}

static int mark(const char *path, uint32_t line, const char *what, const char *hash,
                task_mark_result *result)
{
    task_mark_request r = {path, line, what, hash, NULL, 64 << 20};
    return task_mark(&r, result);
}

static int make_dir(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    char command[600];
    snprintf(command, sizeof command, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
    return system(command) == 0 ? 0 : -1;
}

/* ---- exact bytes ---------------------------------------------------------- */

static const char tricky[] = "\xEF\xBB\xBF# Tasks\r\n"
                             "\r\n"
                             "- [ ] T001 first  \r\n"
                             "  * [x] T002 nested, trailing tab\t\r\n"
                             "> - [ ] T003 in a quote\r"
                             "1. [-] T004 ordered\n"
                             "- [ ] T005 last, no final newline";

static void only_the_box_changes_and_marking_back_restores_every_byte(void **state)
{
    (void)state;
    const char *path = path_in("exact.md");
    write_bytes(path, tricky, sizeof tricky - 1);
    chmod(path, 0640);
    /* Line 5, in a quote, is no task: every other line is. */
    static const uint32_t lines[] = {3, 4, 6, 7};
    static const char *const original[] = {" ", "x", "-", " "};
    for (size_t k = 0; k < 4; k++) {
        char hash[17];
        hash_of(path, lines[k], hash);
        assert_true(hash[0]);
        task_mark_result result;
        const char *to = original[k][0] == 'x' ? "todo" : "done";
        int rc = mark(path, lines[k], to, hash, &result);
        if (rc) print_message("%s\n", result.message);
        assert_int_equal(rc, 0);
        assert_int_equal(result.changed, 1);
        size_t size;
        char *bytes = read_bytes(path, &size);
        assert_int_equal(size, sizeof tricky - 1);
        size_t differ = 0;
        for (size_t i = 0; i < size; i++)
            differ += bytes[i] != tricky[i];
        assert_int_equal(differ, 1); /* the mark's byte, and nothing else */
        free(bytes);
        char again[17];
        hash_of(path, lines[k], again);
        assert_string_equal(again, result.line_hash);
        assert_int_equal(mark(path, lines[k], original[k], again, &result), 0);
        bytes = read_bytes(path, &size);
        assert_memory_equal(bytes, tricky, sizeof tricky - 1);
        free(bytes);
    }
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
}

static int is_markdown(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Every task of every real file: done (or todo when done), then back. */
static void every_task_of_every_real_file_round_trips(void **state)
{
    (void)state;
    NEEDS_SHARED("corpus/real");
    static const char *const families[] = {"xe", "speckit", "kiro", "rollout", "other"};
    char root[512];
    snprintf(root, sizeof root, "%s/corpus/real", TASKSEXT_SHARED_DIR);
    size_t files = 0, tasks = 0;
    const char *copy = path_in("real.md");
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
        char folder[600];
        snprintf(folder, sizeof folder, "%s/%s", root, families[f]);
        DIR *d = opendir(folder);
        if (!d) continue;
        struct dirent *entry;
        while ((entry = readdir(d)) != NULL) {
            if (!is_markdown(entry->d_name)) continue;
            char source[1200];
            snprintf(source, sizeof source, "%s/%s", folder, entry->d_name);
            size_t size;
            char *original = read_bytes(source, &size);
            write_bytes(copy, original, size);
            task_document doc;
            /* Loaded under its own path, for its dialect. */
            task_load_input in = {original, size, source, NULL, NULL, 0};
            assert_int_equal(task_document_load(&in, &doc), TASKS_PARSE_OK);
            files++;
            for (size_t t = 0; t < doc.n_tasks; t++) {
                const task_record *task = &doc.tasks[t];
                char hash[17], mark_was[8];
                snprintf(hash, sizeof hash, "%016llx", (unsigned long long)task->line_hash);
                snprintf(mark_was, sizeof mark_was, "%s", task->mark);
                const char *to = strcmp(task->mark, "x") == 0 ? " " : "x";
                task_mark_result result;
                int rc = mark(copy, task->line, to, hash, &result);
                if (rc != 0) print_message("%s (%s)\n", result.message, source);
                assert_int_equal(rc, 0);
                size_t marked_size;
                char *marked = read_bytes(copy, &marked_size);
                /* What differs lies between a common head and a common
                 * tail, and is no longer than a mark: the box only. */
                size_t head = 0, tail = 0;
                while (head < size && head < marked_size && marked[head] == original[head])
                    head++;
                while (tail < size - head && tail < marked_size - head &&
                       marked[marked_size - 1 - tail] == original[size - 1 - tail])
                    tail++;
                free(marked);
                assert_true(head < size);
                assert_true(size - head - tail <= 4 && marked_size - head - tail <= 4);
                assert_int_equal(original[head - 1 < size ? head - 1 : 0], '[');
                char next[17];
                snprintf(next, sizeof next, "%s", result.line_hash);
                rc = mark(copy, task->line, mark_was, next, &result);
                if (rc != 0) print_message("%s\n", result.message);
                assert_int_equal(rc, 0);
                size_t back_size;
                char *back = read_bytes(copy, &back_size);
                assert_int_equal(back_size, size);
                assert_memory_equal(back, original, size);
                free(back);
                tasks++;
            }
            task_document_free(&doc);
            free(original);
        }
        closedir(d);
    }
    print_message("marked and restored %zu tasks in %zu real files\n", tasks, files);
    assert_true(files > 100);
    assert_true(tasks > 1000);
}

/* ---- refusals ------------------------------------------------------------- */

static const char plain[] = "# Tasks\n\n- [ ] T001 one\n- [ ] T002 two\n";

static void refused(const char *path, uint32_t line, const char *what, const char *hash, int error,
                    const char *words)
{
    size_t before_size = 0;
    char *before = NULL;
    struct stat st;
    int exists = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (exists) before = read_bytes(path, &before_size);
    task_mark_result result;
    int rc = mark(path, line, what, hash, &result);
    if (rc != error) print_message("got %d: %s\n", rc, result.message);
    assert_int_equal(rc, error);
    assert_non_null(strstr(result.message, words));
    assert_non_null(strstr(result.message, path)); /* names file:line */
    if (exists) {
        size_t after_size;
        char *after = read_bytes(path, &after_size);
        assert_int_equal(after_size, before_size);
        assert_memory_equal(after, before, before_size);
        free(after);
    }
    free(before);
}

static void a_changed_line_or_a_moved_task_is_refused(void **state)
{
    (void)state;
    const char *path = path_in("guard.md");
    write_bytes(path, plain, sizeof plain - 1);
    char hash[17];
    hash_of(path, 4, hash);
    /* The line changed under the caller. */
    static const char edited[] = "# Tasks\n\n- [ ] T001 one\n- [ ] T002 two, edited\n";
    write_bytes(path, edited, sizeof edited - 1);
    refused(path, 4, "done", hash, ESTALE, "changed since it was read");
    /* Lines inserted above: T002 is now on line 5; line 4 holds T001b. */
    static const char inserted[] = "# Tasks\n\n- [ ] T000 new\n- [ ] T001 one\n- [ ] T002 two\n";
    write_bytes(path, plain, sizeof plain - 1);
    hash_of(path, 4, hash);
    write_bytes(path, inserted, sizeof inserted - 1);
    refused(path, 4, "done", hash, ESTALE, "changed since it was read");
    /* The same line moved down: the old line number is no task's. */
    static const char moved[] = "# Tasks\n\n\n\n- [ ] T001 one\n- [ ] T002 two\n";
    write_bytes(path, moved, sizeof moved - 1);
    refused(path, 4, "done", hash, EINVAL, "no task on this line");
    refused(path, 1, "done", hash, EINVAL, "no task on this line");
    /* A status no mark means in this dialect, and a mark that cannot stand in a box. */
    write_bytes(path, plain, sizeof plain - 1);
    hash_of(path, 4, hash);
    refused(path, 4, "waiting on legal", hash, EINVAL, "no mark means 'waiting on legal'");
    refused(path, 4, "]", hash, EINVAL, "cannot stand in a box");
}

static void files_that_cannot_be_rewritten_are_refused(void **state)
{
    (void)state;
    char hash[17];
    const char *path = path_in("ro.md");
    write_bytes(path, plain, sizeof plain - 1);
    hash_of(path, 3, hash);
    refused(path_in("missing.md"), 3, "done", hash, ENOENT, "no such file");
    if (geteuid() != 0) { /* root writes what it likes */
        chmod(path, 0444);
        refused(path, 3, "done", hash, EACCES, "read-only");
        chmod(path, 0644);
    }
    const char *fifo = path_in("fifo.md");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    refused(fifo, 3, "done", hash, EINVAL, "not a regular file");
    const char *folder = path_in("folder.md");
    assert_int_equal(mkdir(folder, 0755), 0);
    refused(folder, 3, "done", hash, EISDIR, "a directory");
    const char *loop_a = path_in("loop_a.md"), *loop_b = path_in("loop_b.md");
    assert_int_equal(symlink(loop_b, loop_a), 0);
    assert_int_equal(symlink(loop_a, loop_b), 0);
    refused(loop_a, 3, "done", hash, ELOOP, "symlink loop");
    const char *linked = path_in("linked.md");
    assert_int_equal(link(path, linked), 0);
    refused(path, 3, "done", hash, EMLINK, "hard links");
    unlink(linked);
}

static void a_symlink_is_written_through_to_its_target(void **state)
{
    (void)state;
    const char *target = path_in("target.md"), *alias = path_in("alias.md");
    write_bytes(target, plain, sizeof plain - 1);
    assert_int_equal(symlink(target, alias), 0);
    char hash[17];
    hash_of(alias, 3, hash);
    task_mark_result result;
    assert_int_equal(mark(alias, 3, "done", hash, &result), 0);
    struct stat st;
    assert_int_equal(lstat(alias, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    size_t size;
    char *bytes = read_bytes(target, &size);
    assert_non_null(strstr(bytes, "- [x] T001 one"));
    free(bytes);
}

/* ---- two writers; a writer killed ----------------------------------------- */

#define LINES 2
static const char pair[] = "- [ ] T001 mine\n- [ ] T002 yours\n";

/* Toggles the task on `line` `rounds` times; writes how many marks landed
 * and how many were refused to `report`, and the last mark that landed. */
static void writer(const char *path, uint32_t line, int rounds, int report)
{
    int landed = 0, refusals = 0;
    char last = ' ';
    for (int i = 0; i < rounds; i++) {
        char hash[17];
        hash_of(path, line, hash);
        const char *to = i % 2 ? " " : "x";
        task_mark_result result;
        if (mark(path, line, to, hash, &result) == 0) {
            landed++;
            last = to[0];
        } else {
            refusals++;
        }
    }
    char text[64];
    int n = snprintf(text, sizeof text, "%d %d [%c]\n", landed, refusals, last);
    assert_int_equal(write(report, text, (size_t)n), n);
}

static void two_processes_marking_one_file_lose_nothing(void **state)
{
    (void)state;
    const char *path = path_in("shared.md");
    write_bytes(path, pair, sizeof pair - 1);
    int pipes[LINES][2];
    pid_t children[LINES];
    for (int c = 0; c < LINES; c++) {
        assert_int_equal(pipe(pipes[c]), 0);
        children[c] = fork();
        assert_true(children[c] >= 0);
        if (children[c] == 0) {
            writer(path, (uint32_t)c + 1, 500, pipes[c][1]);
            _exit(0);
        }
        close(pipes[c][1]);
    }
    char last[LINES];
    for (int c = 0; c < LINES; c++) {
        int status;
        waitpid(children[c], &status, 0);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        char text[64] = "";
        assert_true(read(pipes[c][0], text, sizeof text - 1) > 0);
        close(pipes[c][0]);
        int landed, refusals;
        assert_int_equal(sscanf(text, "%d %d [%c]", &landed, &refusals, &last[c]), 3);
        print_message("writer %d: %d marks landed, %d refused\n", c + 1, landed, refusals);
        assert_int_equal(landed + refusals, 500);
        assert_true(landed > 0);
    }
    /* Every mark that landed is in the file: each box holds its writer's last. */
    size_t size;
    char *bytes = read_bytes(path, &size);
    task_document doc;
    task_load_input in = {bytes, size, path, NULL, NULL, 0};
    assert_int_equal(task_document_load(&in, &doc), TASKS_PARSE_OK);
    assert_int_equal(doc.n_tasks, 2);
    for (int c = 0; c < LINES; c++)
        assert_int_equal(doc.tasks[c].mark[0], last[c]);
    task_document_free(&doc);
    free(bytes);
}

static void a_writer_killed_at_any_moment_leaves_a_whole_file(void **state)
{
    (void)state;
    const char *path = path_in("killed.md");
    static const char before[] = "# T\n\n- [ ] T001 toggled\n- [ ] T002 kept\n";
    static const char after[] = "# T\n\n- [x] T001 toggled\n- [ ] T002 kept\n";
    write_bytes(path, before, sizeof before - 1);
    srand((unsigned)time(NULL));
    int kills = 0;
    for (; kills < 200; kills++) {
        pid_t child = fork();
        assert_true(child >= 0);
        if (child == 0) {
            for (;;) {
                char hash[17];
                hash_of(path, 3, hash);
                task_mark_result result;
                mark(path, 3, "x", hash, &result);
                hash_of(path, 3, hash);
                mark(path, 3, " ", hash, &result);
            }
        }
        struct timespec pause = {0, (long)(rand() % 3000) * 1000};
        nanosleep(&pause, NULL);
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        size_t size;
        char *bytes = read_bytes(path, &size);
        int whole = (size == sizeof before - 1 && memcmp(bytes, before, size) == 0) ||
                    (size == sizeof after - 1 && memcmp(bytes, after, size) == 0);
        if (!whole) print_message("after kill %d: %.*s\n", kills, (int)size, bytes);
        assert_true(whole);
        free(bytes);
    }
    /* Temporary files a killed writer left are beside it, hidden, never a task list. */
    print_message("%d kills, the file whole after each\n", kills);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(only_the_box_changes_and_marking_back_restores_every_byte),
        cmocka_unit_test(a_changed_line_or_a_moved_task_is_refused),
        cmocka_unit_test(files_that_cannot_be_rewritten_are_refused),
        cmocka_unit_test(a_symlink_is_written_through_to_its_target),
        cmocka_unit_test(two_processes_marking_one_file_lose_nothing),
        cmocka_unit_test(a_writer_killed_at_any_moment_leaves_a_whole_file),
        cmocka_unit_test(every_task_of_every_real_file_round_trips),
    };
    return tests_status(cmocka_run_group_tests(tests, make_dir, remove_dir));
}
