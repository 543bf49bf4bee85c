/* test_task_match.c - which task of one version of a task list is which task
 * of the next (history/task_match.h), and the walk's rules for paths in git
 * trees (fs/path_walk.h), which the history applies to every commit. */
#include "test_support.h"

#include "fs/path_walk.h"
#include "history/task_match.h"

#define VERSION(array) ((task_version){array, sizeof(array) / sizeof((array)[0]), 0, 0, 0})

static version_task task(const char *id, const char *title)
{
    version_task t = {id, title, "todo", "[]", TASK_STATUS_TODO, 1, 1};
    return t;
}

/* match[j] for each new task, as written in `expected`. */
static void check(const task_version *old_version, const task_version *new_version,
                  const long *expected)
{
    long match[16];
    assert_int_equal(task_match(old_version, new_version, match), 0);
    for (size_t j = 0; j < new_version->n_tasks; j++)
        assert_int_equal(match[j], expected[j]);
}

static void the_same_id_and_title_is_the_same_task(void **state)
{
    (void)state;
    version_task a[] = {task("T001", "Setup"), task("T002", "Login")};
    version_task b[] = {task("T002", "Login"), task("T001", "Setup")};
    task_version o = VERSION(a), n = VERSION(b);
    check(&o, &n, (long[]){1, 0});
}

static void renumbered_ids_keep_their_tasks_by_title(void **state)
{
    (void)state;
    /* A task inserted before T002 renumbers the rest: the titles say which. */
    version_task a[] = {task("T001", "Setup"), task("T002", "Login"), task("T003", "Session")};
    version_task b[] = {task("T001", "Setup"), task("T002", "Threat model"), task("T003", "Login"),
                        task("T004", "Session")};
    task_version o = VERSION(a), n = VERSION(b);
    check(&o, &n, (long[]){0, -1, 1, 2});
}

static void an_edited_title_keeps_its_id(void **state)
{
    (void)state;
    version_task a[] = {task("T001", "Setup"), task("T002", "Login form")};
    version_task b[] = {task("T001", "Setup"), task("T002", "Login form with remember-me")};
    task_version o = VERSION(a), n = VERSION(b);
    check(&o, &n, (long[]){0, 1});
}

static void tasks_without_ids_are_their_text_in_order(void **state)
{
    (void)state;
    /* Two tasks of the same words pair in order; a new one is added. */
    version_task a[] = {task(NULL, "Write docs"), task(NULL, "Ship"), task(NULL, "Write docs")};
    version_task b[] = {task(NULL, "Release notes"), task(NULL, "Write docs"), task(NULL, "Ship"),
                        task(NULL, "Write docs")};
    task_version o = VERSION(a), n = VERSION(b);
    check(&o, &n, (long[]){-1, 0, 1, 2});
}

static void an_id_and_title_both_changed_is_another_task(void **state)
{
    (void)state;
    version_task a[] = {task("T001", "Setup"), task("T002", "Login")};
    version_task b[] = {task("T001", "Setup"), task("T009", "Sign in")};
    task_version o = VERSION(a), n = VERSION(b);
    check(&o, &n, (long[]){0, -1});
}

static void a_first_version_has_no_matches(void **state)
{
    (void)state;
    version_task b[] = {task("T001", "Setup")};
    task_version n = VERSION(b);
    check(NULL, &n, (long[]){-1});
}

static void the_walk_rules_apply_to_paths_in_a_tree(void **state)
{
    (void)state;
    assert_true(path_walk_is_task_file("tasks.md"));
    assert_true(path_walk_is_task_file("rollout-login.md"));
    assert_false(path_walk_is_task_file("mytasks.md"));
    assert_false(path_walk_is_task_file("rollout-.md"));
    assert_null(path_walk_skip_reason_in("specs/001-auth/tasks.md"));
    assert_null(path_walk_skip_reason_in("tasks.md"));
    assert_null(path_walk_skip_reason_in(".kiro/specs/x/tasks.md"));
    assert_string_equal(path_walk_skip_reason_in("node_modules/p/specs/x/tasks.md"),
                        "installed packages (node_modules)");
    assert_string_equal(path_walk_skip_reason_in("templates/tasks.md"), "a template folder");
    assert_string_equal(path_walk_skip_reason_in("a/templates/b/tasks.md"), "a template folder");
    assert_string_equal(path_walk_skip_reason_in(".claude/commands/tasks.md"),
                        "an agent's command or prompt folder");
    /* Only directly inside a dot-folder is `commands` an agent's. */
    assert_null(path_walk_skip_reason_in("docs/commands/tasks.md"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_id_and_title_is_the_same_task),
        cmocka_unit_test(renumbered_ids_keep_their_tasks_by_title),
        cmocka_unit_test(an_edited_title_keeps_its_id),
        cmocka_unit_test(tasks_without_ids_are_their_text_in_order),
        cmocka_unit_test(an_id_and_title_both_changed_is_another_task),
        cmocka_unit_test(a_first_version_has_no_matches),
        cmocka_unit_test(the_walk_rules_apply_to_paths_in_a_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
