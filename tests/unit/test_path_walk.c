/* test_path_walk.c - directory walks, globs and every odd kind of entry. */
#include "test_support.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs/path_walk.h"

static char root[256];

static void make_file(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("- [ ] T001 x\n", f);
    fclose(f);
}

static void make_dir(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(mkdir(path, 0755), 0);
}

static int setup_tree(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/tasksext-walk-XXXXXX");
    if (!mkdtemp(root)) return -1;
    make_dir("a");
    make_dir("a-b");
    make_dir("a/nested");
    make_dir("z");
    make_file("a/tasks.md");
    make_file("a/notes.md");
    make_file("a-b/tasks.md");
    make_file("a/nested/tasks.md");
    make_file("tasks.md");
    char target[512], link[512];
    snprintf(target, sizeof target, "%s/a", root);
    snprintf(link, sizeof link, "%s/z/linked", root);
    if (symlink(target, link) != 0) return -1; /* a symlinked directory */
    snprintf(link, sizeof link, "%s/z/tasks.md", root);
    if (symlink("/nonexistent/tasks.md", link) != 0) return -1; /* dangling */
    make_dir("fifo");
    snprintf(link, sizeof link, "%s/fifo/tasks.md", root);
    if (mkfifo(link, 0644) != 0) return -1;
    return 0;
}

static int remove_tree(void **state)
{
    (void)state;
    char command[300];
    snprintf(command, sizeof command, "rm -rf '%s'", root);
    return system(command) == 0 ? 0 : -1;
}

/* Collects "rel-path error" lines from a walk. */
static char *walk_all(const char *start)
{
    path_walk *walk;
    char *message;
    assert_int_equal(path_walk_open(start, &walk, &message), 0);
    static char out[4096];
    out[0] = '\0';
    path_entry e;
    int rc;
    size_t skip = strlen(root) + 1;
    while ((rc = path_walk_next(walk, &e)) == 1) {
        const char *shown = strncmp(e.path, root, strlen(root)) == 0 ? e.path + skip : e.path;
        char line[600];
        snprintf(line, sizeof line, "%s [%s]%s%s\n", shown, e.folder, e.error ? " " : "",
                 e.error ? e.reason : "");
        strcat(out, line);
    }
    assert_int_equal(rc, 0);
    path_walk_close(walk);
    return out;
}

static void directory_walk_exact(void **state)
{
    (void)state;
    char *got = walk_all(root);
    char want[1024];
    const char *base = strrchr(root, '/') + 1;
    snprintf(want, sizeof want,
             "a-b/tasks.md [a-b]\n"
             "a/nested/tasks.md [nested]\n"
             "a/tasks.md [a]\n"
             "fifo/tasks.md [fifo] not a regular file\n"
             "tasks.md [%s]\n"
             "z/tasks.md [z] dangling symbolic link\n",
             base);
    assert_string_equal(got, want);
}

static void globs_match_files_and_directories(void **state)
{
    (void)state;
    char pattern[512];
    snprintf(pattern, sizeof pattern, "%s/*/tasks.md", root);
    assert_string_equal(walk_all(pattern), "a-b/tasks.md [a-b]\n"
                                           "a/tasks.md [a]\n"
                                           "fifo/tasks.md [fifo] not a regular file\n"
                                           "z/tasks.md [z] dangling symbolic link\n");
    snprintf(pattern, sizeof pattern, "%s/**/*.md", root);
    char *all = walk_all(pattern);
    assert_non_null(strstr(all, "a/notes.md [a]\n"));
    assert_non_null(strstr(all, "a/nested/tasks.md [nested]\n"));
    assert_null(strstr(all, "linked"));
    snprintf(pattern, sizeof pattern, "%s/a?b", root);
    assert_string_equal(walk_all(pattern), "a-b/tasks.md [a-b]\n");
    snprintf(pattern, sizeof pattern, "%s/[!a]*/tasks.md", root);
    assert_string_equal(walk_all(pattern), "fifo/tasks.md [fifo] not a regular file\n"
                                           "z/tasks.md [z] dangling symbolic link\n");
    snprintf(pattern, sizeof pattern, "%s/nothing-*", root);
    assert_string_equal(walk_all(pattern), "");
}

static void glob_matcher_rules(void **state)
{
    (void)state;
    assert_true(path_glob_match("a/*/tasks.md", "a/x/tasks.md"));
    assert_false(path_glob_match("a/*/tasks.md", "a/x/y/tasks.md"));
    assert_true(path_glob_match("a/**/tasks.md", "a/tasks.md"));
    assert_true(path_glob_match("a/**/tasks.md", "a/x/y/tasks.md"));
    assert_true(path_glob_match("**", "any/thing"));
    assert_true(path_glob_match("[a-c]?.md", "bx.md"));
    assert_false(path_glob_match("[!a-c]?.md", "bx.md"));
    assert_false(path_glob_match("?", "/"));
    assert_true(path_glob_match("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab"));
    assert_false(path_glob_match("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    assert_true(path_glob_match("a/**/**", "a/b/c"));
    assert_true(path_glob_match("a/**/**/c", "a/c"));
    /* The fuzzer's find: many `**` against a deep path must stay fast. */
    char pattern[400] = "", path[400] = "";
    for (int i = 0; i < 40; i++) {
        strcat(pattern, "**/x/");
        strcat(path, "a/");
    }
    strcat(path, "b");
    assert_false(path_glob_match(pattern, path));
    /* and a long run of stars, also the fuzzer's: one `*` in effect */
    char stars[3001];
    memset(stars, '*', 3000);
    stars[3000] = '\0';
    assert_true(path_glob_match(stars, "a/b")); /* a whole component: ** */
    stars[0] = 'x';
    assert_true(path_glob_match(stars, "xyz")); /* inside one: * */
    assert_false(path_glob_match(stars, "x/z"));
}

static void missing_and_odd_roots_are_errors(void **state)
{
    (void)state;
    path_walk *walk;
    char *message;
    assert_int_equal(path_walk_open("/nonexistent/specs", &walk, &message), -1);
    assert_string_equal(message, "no such file or directory '/nonexistent/specs': check the path");
    free(message);
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/fifo/tasks.md", root);
    assert_int_equal(path_walk_open(fifo, &walk, &message), -1);
    assert_non_null(strstr(message, "not a regular file or directory"));
    free(message);
    char file[512];
    snprintf(file, sizeof file, "%s/a/notes.md", root);
    assert_int_equal(path_walk_open(file, &walk, &message), 0);
    path_entry e;
    assert_int_equal(path_walk_next(walk, &e), 1);
    assert_string_equal(e.path, file);
    assert_string_equal(e.folder, "a");
    assert_int_equal(path_walk_next(walk, &e), 0);
    path_walk_close(walk);
}

static void deep_trees_stop_at_the_limit(void **state)
{
    (void)state;
    char path[4096];
    size_t n = (size_t)snprintf(path, sizeof path, "%s/deep", root);
    assert_int_equal(mkdir(path, 0755), 0);
    for (int i = 0; i < PATH_WALK_MAX_DEPTH + 2; i++) {
        n += (size_t)snprintf(path + n, sizeof path - n, "/d");
        assert_int_equal(mkdir(path, 0755), 0);
    }
    char start[512];
    snprintf(start, sizeof start, "%s/deep", root);
    char *got = walk_all(start);
    assert_non_null(strstr(got, "directory deeper than the 64-level limit"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(directory_walk_exact),
        cmocka_unit_test(globs_match_files_and_directories),
        cmocka_unit_test(glob_matcher_rules),
        cmocka_unit_test(missing_and_odd_roots_are_errors),
        cmocka_unit_test(deep_trees_stop_at_the_limit),
    };
    return cmocka_run_group_tests(tests, setup_tree, remove_tree);
}
