/* test_task_line.c - ids, colons, [P], tags and titles in every order seen. */
#include "test_support.h"

#include "parse/task_line.h"

typedef struct expected_markers {
    const char *text;
    const char *id; /* NULL: none */
    int parallel;
    const char *title;
    int n_tags;
    const char *story;
} expected_markers;

static void check(const expected_markers *e)
{
    task_markers m;
    size_t len = strlen(e->text);
    task_markers_parse(e->text, len, &m);
    if (e->id) {
        assert_int_equal(m.id.len, strlen(e->id));
        assert_memory_equal(e->text + m.id.start, e->id, m.id.len);
    } else {
        assert_int_equal(m.id.len, 0);
    }
    assert_int_equal(m.parallel, e->parallel);
    assert_int_equal(m.title_end - m.title_start, strlen(e->title));
    assert_memory_equal(e->text + m.title_start, e->title, strlen(e->title));
    assert_int_equal(m.n_tags, e->n_tags);
    if (e->story) {
        assert_true(m.story_tag >= 0);
        text_span s = m.tags[m.story_tag];
        assert_int_equal(s.len, strlen(e->story));
        assert_memory_equal(e->text + s.start, e->story, s.len);
    } else {
        assert_int_equal(m.story_tag, -1);
    }
}

static void reads_catalyst_and_speckit_forms(void **state)
{
    (void)state;
    static const expected_markers cases[] = {
        {"T001: Create project structure", "T001", 0, "Create project structure", 0, NULL},
        {"T002: [P] Task B", "T002", 1, "Task B", 0, NULL},
        {"T004 [P] Contract test POST /api/users", "T004", 1, "Contract test POST /api/users", 0,
         NULL},
        {"T004 [P]: desc", "T004", 1, "desc", 0, NULL},
        {"[P] T005 Parallel first", "T005", 1, "Parallel first", 0, NULL},
        {"T010 [P] [US1] Create model", "T010", 1, "Create model", 1, "US1"},
        {"T011 [US1][US2][US3] glued", "T011", 0, "glued", 3, "US1"},
        {"T012 [SETUP] [US2] tagged", "T012", 0, "tagged", 2, "US2"},
        {"T003.1 sub", "T003.1", 0, "sub", 0, NULL},
        {"T006a lettered", "T006a", 0, "lettered", 0, NULL},
        {"T028' primed", "T028'", 0, "primed", 0, NULL},
        {"T1055 long", "T1055", 0, "long", 0, NULL},
        {"T1 short", "T1", 0, "short", 0, NULL},
        {"T001 - dashed", "T001", 0, "dashed", 0, NULL},
        {"T001 \xE2\x80\x94 em dashed", "T001", 0, "em dashed", 0, NULL},
        {"P001 [EXECUTOR: MAIN] [SEQUENTIAL] other prefix", "P001", 0, "other prefix", 2, NULL},
        {"Create the thing", NULL, 0, "Create the thing", 0, NULL},
        {"Tests first", NULL, 0, "Tests first", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

static void reads_kiro_and_numbered_forms(void **state)
{
    (void)state;
    static const expected_markers cases[] = {
        {"1. Set up project", "1", 0, "Set up project", 0, NULL},
        {"1.1 Create directory", "1.1", 0, "Create directory", 0, NULL},
        {"2.3. Trailing period", "2.3", 0, "Trailing period", 0, NULL},
        {"1.1 (P) Parallel after id", "1.1", 1, "Parallel after id", 0, NULL},
        {"3 retries is a title", NULL, 0, "3 retries is a title", 0, NULL},
        {"2.5x faster is a title", NULL, 0, "2.5x faster is a title", 0, NULL},
        {"Task 3: minispec", "3", 0, "minispec", 0, NULL},
        {"H2 headings stay", NULL, 0, "H2 headings stay", 0, NULL},
        /* three-level and bold ids (bold flattened), as in
         * other/arun-gupta__strava-stats-dotnet__docs__specs__tasks.md:118 */
        {"3.2.5 Implement Dashboard Summary and Navigation", "3.2.5", 0,
         "Implement Dashboard Summary and Navigation", 0, NULL},
        {"1.1.10 Tenth subtask", "1.1.10", 0, "Tenth subtask", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

/* Forms found in public files, each with the real line it came from. */
static void reads_forms_of_public_files(void **state)
{
    (void)state;
    static const expected_markers cases[] = {
        /* cc-sdd, kiro/gotalab__cc-sdd__...customer-support-rag-backend-ja__tasks.md:202
         * `- [ ] 7.9* (P) パフォーマンステストの実装`: optional, then parallel */
        {"7.9* (P) \xE3\x83\x91\xE3\x83\x95\xE3\x82\xA9\xE3\x83\xBC\xE3\x83\x9E\xE3\x83\xB3"
         "\xE3\x82\xB9\xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88\xE3\x81\xAE\xE5\xAE\x9F\xE8\xA3\x85",
         "7.9", 1,
         "\xE3\x83\x91\xE3\x83\x95\xE3\x82\xA9\xE3\x83\xBC\xE3\x83\x9E\xE3\x83\xB3\xE3\x82\xB9"
         "\xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88\xE3\x81\xAE\xE5\xAE\x9F\xE8\xA3\x85",
         0, NULL},
        /* an emoji status before the id, from a public Chinese task list:
         * `- [x] ✅ 1.1 使用 create-next-app 创建项目` */
        {"\xE2\x9C\x85 1.1 \xE4\xBD\xBF\xE7\x94\xA8 create-next-app", "1.1", 0,
         "\xE4\xBD\xBF\xE7\x94\xA8 create-next-app", 0, NULL},
        /* and nested: `  - [x] ✅ 1.1.1 `Prescription` interface` */
        {"\xE2\x9C\x85 1.1.1 Prescription interface", "1.1.1", 0, "Prescription interface", 0,
         NULL},
        /* `(P)` at the end of the line, as cc-sdd's rules allow */
        {"2.1 Build background worker for emails (P)", "2.1", 1,
         "Build background worker for emails", 0, NULL},
        /* an emoji with no id after it is title text */
        {"\xF0\x9F\x9A\x80 LAUNCH!", NULL, 0, "\xF0\x9F\x9A\x80 LAUNCH!", 0, NULL},
        /* (P) inside the title is not a marker */
        {"1.2 Use (P) notation", "1.2", 0, "Use (P) notation", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
    task_markers m;
    const char *starred = "7.9* (P) title";
    task_markers_parse(starred, strlen(starred), &m);
    assert_int_equal(m.optional, 1);
    const char *plain = "7.9 (P) title";
    task_markers_parse(plain, strlen(plain), &m);
    assert_int_equal(m.optional, 0);
}

static void inline_dependency_brackets_are_not_tags(void **state)
{
    (void)state;
    static const expected_markers cases[] = {
        {"[depends on T001] Do it", NULL, 0, "[depends on T001] Do it", 0, NULL},
        {"T002 [depends on T001] Do it", "T002", 0, "[depends on T001] Do it", 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(&cases[i]);
}

static void id_length_finds_boundaries(void **state)
{
    (void)state;
    assert_int_equal(task_id_length("T004-T007", 9), 0); /* a range, not an id */
    assert_int_equal(task_id_length("T004,", 5), 4);
    assert_int_equal(task_id_length("T004)", 5), 4);
    assert_int_equal(task_id_length("Tests", 5), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_catalyst_and_speckit_forms),
        cmocka_unit_test(reads_kiro_and_numbered_forms),
        cmocka_unit_test(reads_forms_of_public_files),
        cmocka_unit_test(inline_dependency_brackets_are_not_tags),
        cmocka_unit_test(id_length_finds_boundaries),
    };
    return RUN_TESTS(tests);
}
