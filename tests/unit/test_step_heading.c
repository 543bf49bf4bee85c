/* test_step_heading.c - which headings name a numbered step or phase. */
#include "test_support.h"

#include "parse/step_heading.h"

static void check_step(const char *heading, const char *number, const char *name)
{
    text_span n, m;
    size_t len = strlen(heading);
    int is_step = step_heading_parse(heading, len, &n, &m);
    if (!number) {
        assert_false(is_step);
        return;
    }
    assert_true(is_step);
    assert_int_equal(n.len, strlen(number));
    assert_memory_equal(heading + n.start, number, n.len);
    assert_int_equal(m.len, strlen(name));
    assert_memory_equal(heading + m.start, name, m.len);
}

static void english_steps_and_phases(void **state)
{
    (void)state;
    check_step("Step 3: Core Implementation", "3", "Core Implementation");
    check_step("Phase 3.2 \xE2\x80\x94 Tests", "3.2", "Tests");
    check_step("Phase 3.2: Tests First (TDD)", "3.2", "Tests First (TDD)");
    check_step("Phase 1", "1", "");
    check_step("phase 2 - Foundational", "2", "Foundational");
    check_step("Phase 3: User Story 1 - Browse (Priority: P1)", "3",
               "User Story 1 - Browse (Priority: P1)");
    check_step("Tier 2: Services", "2", "Services");
    check_step("Run 1: First run", "1", "First run");
    check_step("\xF0\x9F\x9A\x80 Phase 4: Launch", "4", "Launch");
    check_step("1. Setup", "1", "Setup");
    check_step("1.1 Models", "1.1", "Models");
}

static void localized_steps(void **state)
{
    (void)state;
    check_step("Fase 2: Implementaci\xC3\xB3n", "2", "Implementaci\xC3\xB3n");
    check_step("\xC3\x89tape 1 : Pr\xC3\xA9paration", "1", "Pr\xC3\xA9paration");
    check_step("\xE9\x98\xB6\xE6\xAE\xB5 1\xEF\xBC\x9A\xE8\xAE\xBE\xE7\xBD\xAE", "1",
               "\xE8\xAE\xBE\xE7\xBD\xAE"); /* 阶段 1：设置 */
    check_step("\xE7\xAC\xAC"
               "2\xE9\x98\xB6\xE6\xAE\xB5\xEF\xBC\x9A\xE6\xB5\x8B\xE8\xAF\x95",
               "2", "\xE6\xB5\x8B\xE8\xAF\x95"); /* 第2阶段：测试 */
    check_step("\xE3\x83\x95\xE3\x82\xA7\xE3\x83\xBC\xE3\x82\xBA 3: \xE5\xAE\x9F\xE8\xA3\x85", "3",
               "\xE5\xAE\x9F\xE8\xA3\x85"); /* フェーズ 3: 実装 */
}

static void not_steps(void **state)
{
    (void)state;
    check_step("Dependencies", NULL, NULL);
    check_step("Steps to reproduce", NULL, NULL);
    check_step("Task 1.1: Title", NULL, NULL);
    check_step("2024 Roadmap", NULL, NULL);
    check_step("Stepping 2 stones", NULL, NULL);
    check_step("Phase one", NULL, NULL);
}

static void dependency_headings(void **state)
{
    (void)state;
    assert_true(is_dependency_heading("Dependencies", 12));
    assert_true(is_dependency_heading("Dependencies & Execution Order", 30));
    assert_true(is_dependency_heading("Task Dependency Matrix", 22));
    assert_true(is_dependency_heading("Critical Path", 13));
    assert_false(is_dependency_heading("Polish", 6));
    assert_false(is_dependency_heading("Notes", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_steps_and_phases),
        cmocka_unit_test(localized_steps),
        cmocka_unit_test(not_steps),
        cmocka_unit_test(dependency_headings),
    };
    return RUN_TESTS(tests);
}
