/* test_spec_key.c - a spec's key from the file's path below the argument. */
#include "test_support.h"

#include "parse/spec_key.h"

typedef struct key_case {
    const char *relative, *folder;
    const char *key, *path;
} key_case;

static void check(const key_case *c)
{
    text_buffer key, path;
    text_buffer_init(&key);
    text_buffer_init(&path);
    spec_key_build(c->relative, c->folder, &key, &path);
    assert_false(key.failed || path.failed);
    assert_string_equal(key.data, c->key);
    assert_string_equal(path.data, c->path);
    text_buffer_free(&key);
    text_buffer_free(&path);
}

static void container_folders_are_dropped(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"specs/001-auth/tasks.md", "001-auth", "001-auth", "specs/001-auth"},
        {"pkgA/specs/001-auth/tasks.md", "001-auth", "pkgA/001-auth", "pkgA/specs/001-auth"},
        {"pkgB/specs/001-auth/tasks.md", "001-auth", "pkgB/001-auth", "pkgB/specs/001-auth"},
        {".kiro/specs/notifications/tasks.md", "notifications", "notifications",
         ".kiro/specs/notifications"},
        {".xe/specs/blueprint/tasks.md", "blueprint", "blueprint", ".xe/specs/blueprint"},
        {".xe/features/ai-provider/tasks.md", "ai-provider", "ai-provider",
         ".xe/features/ai-provider"},
        {"openspec/changes/archive/2026-02-17-add-chat/tasks.md", "2026-02-17-add-chat",
         "2026-02-17-add-chat", "openspec/changes/archive/2026-02-17-add-chat"},
        {".agent-os/specs/2025-08-09-x/tasks.md", "2025-08-09-x", "2025-08-09-x",
         ".agent-os/specs/2025-08-09-x"},
        /* `features` outside .xe names a folder of the user's */
        {"features/satellite-mode/tasks.md", "satellite-mode", "features/satellite-mode",
         "features/satellite-mode"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

static void a_container_that_names_no_spec_is_kept(void **state)
{
    (void)state;
    static const key_case cases[] = {
        /* one repository has both: they must stay apart */
        {"docs/specs/tasks.md", "specs", "docs/specs", "docs/specs"},
        {"docs/tasks.md", "docs", "docs", "docs"},
        /* every folder a container: the path as it is */
        {".kiro/specs/tasks.md", "specs", ".kiro/specs", ".kiro/specs"},
        {"specs/tasks.md", "specs", "specs", "specs"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

static void plans_not_named_tasks_are_their_own_spec(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {".xe/rollouts/rollout-ai-plugin.md", "rollouts", "rollout-ai-plugin",
         ".xe/rollouts/rollout-ai-plugin.md"},
        {".xe/rollouts/rollout-logging.md", "rollouts", "rollout-logging",
         ".xe/rollouts/rollout-logging.md"},
        {"pkgA/.xe/rollouts/rollout-x.md", "rollouts", "pkgA/rollout-x",
         "pkgA/.xe/rollouts/rollout-x.md"},
        {"kiro/a__.kiro__specs__tasks.md", "kiro", "kiro/a__.kiro__specs__tasks",
         "kiro/a__.kiro__specs__tasks.md"},
        {"rollout-x.md", "rollouts", "rollout-x", "rollout-x.md"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

static void a_file_in_the_argument_folder_takes_its_name(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {"tasks.md", "001-user-auth", "001-user-auth", "001-user-auth"},
        {"./tasks.md", "002-search", "002-search", "002-search"},
        {"tasks.md", "", "tasks", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(container_folders_are_dropped),
        cmocka_unit_test(a_container_that_names_no_spec_is_kept),
        cmocka_unit_test(plans_not_named_tasks_are_their_own_spec),
        cmocka_unit_test(a_file_in_the_argument_folder_takes_its_name),
    };
    return RUN_TESTS(tests);
}
