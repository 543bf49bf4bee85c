/* test_statement.c - lines of dependency prose cut into label and clauses,
 * each form taken from a real file. */
#include "test_support.h"

#include "deps/statement.h"

/* `[label] subject > object` (subject waits for object) or `subject <
 * object` (object waits); `_` for an inherited subject; clauses joined by
 * ` ; `; NO-ORDER, HEDGED when the line says so and has no clause. */
static const char *read(const char *text)
{
    static char out[1024];
    statement st;
    statement_read(text, strlen(text), &st);
    size_t n = 0;
    out[0] = '\0';
    if (st.label.len)
        n += (size_t)snprintf(out + n, sizeof out - n, "[%.*s] ", (int)st.label.len,
                              text + st.label.start);
    for (int i = 0; i < st.n_clauses; i++) {
        const clause *c = &st.clauses[i];
        if (i) n += (size_t)snprintf(out + n, sizeof out - n, " ; ");
        if (c->subject.len)
            n += (size_t)snprintf(out + n, sizeof out - n, "%.*s", (int)c->subject.len,
                                  text + c->subject.start);
        else
            n += (size_t)snprintf(out + n, sizeof out - n, "_");
        n += (size_t)snprintf(out + n, sizeof out - n, " %s%c %.*s", c->uncut ? "?" : "",
                              c->order == ORDER_LEFT_FIRST ? '<' : '>', (int)c->object.len,
                              text + c->object.start);
    }
    if (st.n_clauses == 0)
        n += (size_t)snprintf(out + n, sizeof out - n, "%s",
                              st.says_no_order ? "NO-ORDER"
                              : st.hedged      ? "HEDGED"
                                               : "NONE");
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = '\0';
    return out;
}

static void ordering_words_and_arrows(void **state)
{
    (void)state;
    assert_string_equal(read("T008 blocks T009, T015"), "T008 < T009, T015");
    assert_string_equal(read("T015 & T016 unblock T021"), "T015 & T016 < T021");
    assert_string_equal(read("T022 (execute) depends on T016, T019, T020, T021"),
                        "T022 (execute) > T016, T019, T020, T021");
    assert_string_equal(read("B requires A"), "B > A");
    assert_string_equal(read("T012 is blocked by T011"), "T012 > T011");
    assert_string_equal(read("T001 \xE2\x86\x92 T005 \xE2\x86\x92 T004"),
                        "T001 < T005 ; T005 < T004");
    assert_string_equal(read("T004, T005 <- T019-T026"), "T004, T005 > T019-T026");
    assert_string_equal(read("Step 8 depends on Steps 3, 5, 6, and 7"),
                        "Step 8 > Steps 3, 5, 6, and 7");
    /* words inside parentheses are labels of what stands before them */
    assert_string_equal(read("T013 (wire up) blocks T015-T018 (polish needs working CLI)"),
                        "T013 (wire up) < T015-T018 (polish needs working CLI)");
    assert_string_equal(read("T004 and T005 in parallel after T003"),
                        "T004 and T005 in parallel > T003");
}

/* The spec-kit template's own lines: the bold label is the subject. */
static void the_spec_kit_template(void **state)
{
    (void)state;
    assert_string_equal(
        read("Foundational (Phase 2): Depends on Setup completion - BLOCKS all user stories"),
        "[Foundational (Phase 2)] _ > Setup completion ; _ < all user stories");
    assert_string_equal(
        read("User Stories (Phase 3+): All depend on Foundational phase completion"),
        "[User Stories (Phase 3+)] All > Foundational phase completion");
    assert_string_equal(read("User Story 1 (P1): Can start after Foundational (Phase 2) - No "
                             "dependencies on other stories"),
                        "[User Story 1 (P1)] Can start > Foundational (Phase 2)");
    assert_string_equal(read("Polish (Final Phase): Depends on all desired user stories being "
                             "complete"),
                        "[Polish (Final Phase)] _ > all desired user stories being complete");
    assert_string_equal(read("Setup (Phase 1): No dependencies - can start immediately"),
                        "[Setup (Phase 1)] NO-ORDER");
}

/* Several clauses on one line never mix their sides. */
static void clauses(void **state)
{
    (void)state;
    assert_string_equal(read("T014 depends on T010\xE2\x80\x93T012; T015 depends on T014; T016 "
                             "depends on T014\xE2\x80\x93T015."),
                        "T014 > T010\xE2\x80\x93T012 ; T015 > T014 ; T016 > "
                        "T014\xE2\x80\x93T015");
    assert_string_equal(
        read("Phase 2: Foundational depends on Phase 1 and blocks every user story."),
        "[Phase 2] Foundational > Phase 1 ; _ < every user story");
    assert_string_equal(read("US2 (Currency - Phase 4) depends on US7 - required by US1 and US3"),
                        "US2 (Currency - Phase 4) > US7 ; _ < US1 and US3");
    assert_string_equal(read("T015 depends on T014, T016 depends on T015"),
                        "T015 > T014 ; T016 > T015");
    /* what a sentence said without an ordering word is no subject of the
     * next; what a dash cut off is */
    assert_string_equal(read("T026 re-PASSED live. Unblocks T055."), "_ < T055");
    assert_string_equal(read("T016 (validation) \xE2\x80\x94 after T015"),
                        "T016 (validation) > T015");
    /* a range written with spaced dashes is not cut */
    assert_string_equal(read("T010 - T012 before T020"), "T010 - T012 < T020");
    /* `, but` ends a clause: what follows is not its object */
    assert_string_equal(read("US5 can start after US2, but is most meaningful once US1 exists"),
                        "US5 can start > US2");
    /* a `but` after a start condition qualifies the work, not its start */
    assert_string_equal(read("US2 can start after Phase 2, but logically builds on US1"),
                        "US2 can start > Phase 2");
    assert_string_equal(read("US2 depends on Phase 2, but needs US1"), "US2 > Phase 2 ; _ > US1");
    /* two ordering words and nothing between to tell the sides apart */
    assert_string_equal(read("T001 after T002 before T003"), "T001 ?> T002 ; _ ?< T003");
}

static void arrows_that_stand_for_a_colon(void **state)
{
    (void)state;
    assert_string_equal(read("US3 (P2) \xE2\x86\x92 depends on US1 (needs variant attributes)"),
                        "US3 (P2) > US1 (needs variant attributes)");
    assert_string_equal(read("US2 (P1) \xE2\x86\x92 can start in parallel with US1"), "NO-ORDER");
    assert_string_equal(read("US1 (P1) \xE2\x86\x92 can start first"), "NO-ORDER");
    assert_string_equal(read("Setup\xEF\xBC\x88Phase 1\xEF\xBC\x89\xE2\x86\x92 blocks "
                             "Foundational\xEF\xBC\x88Phase 2\xEF\xBC\x89"),
                        "Setup\xEF\xBC\x88Phase 1\xEF\xBC\x89 < "
                        "Foundational\xEF\xBC\x88Phase 2\xEF\xBC\x89");
}

static void labels_that_are_relations(void **state)
{
    (void)state;
    assert_string_equal(read("Dependencies: T001\xE2\x80\x93T014"), "_ > T001\xE2\x80\x93T014");
    assert_string_equal(read("Depends on: T003"), "_ > T003");
    assert_string_equal(read("Blocked by: Task 2"), "_ > Task 2");
    assert_string_equal(read("needs: T020-T025, T031"), "_ > T020-T025, T031");
    assert_string_equal(read("Bloqueia: nada"), "[Bloqueia] NONE");
}

static void no_order_and_suggestions(void **state)
{
    (void)state;
    assert_string_equal(read("T017-T018 can run in parallel"), "NO-ORDER");
    assert_string_equal(read("Core Dependencies:"), "[Core Dependencies] NONE");
    assert_string_equal(read("Something vague"), "NONE");
    assert_string_equal(
        read("Or sequentially in priority order (P1 \xE2\x86\x92 P2 \xE2\x86\x92 P3)"), "NONE");
    assert_string_equal(read("Story can start after Foundational and is most valuable after US1, "
                             "US2"),
                        "Story can start > Foundational");
    assert_string_equal(read("US3 (P3): Extends US2 task model - recommend completing US2 first"),
                        "[US3 (P3)] NONE");
}

/* A bracket closing a line of prose that names no task, saying the order
 * again in ids, is the clause. */
static void brackets_that_say_it_in_ids(void **state)
{
    (void)state;
    assert_string_equal(read("Translation before compilation (T028-T032 before T033 in US1)"),
                        "T028-T032 < T033 in US1");
    /* prose that names tasks keeps its clause; the bracket is its label */
    assert_string_equal(read("T078-T088 \xE2\x86\x92 T089-T090 (T089 needs T030)"),
                        "T078-T088 < T089-T090 (T089 needs T030)");
    /* words in the bracket that name no task explain */
    assert_string_equal(read("T013 (wire up) blocks T015-T018 (polish needs working CLI)"),
                        "T013 (wire up) < T015-T018 (polish needs working CLI)");
}

/* A list's items, without those that only suggest. */
static void list_items(void **state)
{
    (void)state;
    const char *text = "Phase 2 \xE5\xAE\x8C\xE4\xBA\x86\xE3\x80\x81US1 "
                       "\xE5\xAE\x8C\xE4\xBA\x86\xE6\x8E\xA8\xE5\xA5\xA8"; /* 完了、US1 完了推奨 */
    text_part items[4];
    assert_int_equal(statement_list_items(text, strlen(text), items, 4), 1);
    assert_int_equal(items[0].len, strlen("Phase 2 \xE5\xAE\x8C\xE4\xBA\x86"));
    text = "Phase 2 + US1/US2 (search builds on the list)";
    assert_int_equal(statement_list_items(text, strlen(text), items, 4), 2);
    assert_int_equal(items[1].start, strlen("Phase 2 + "));
}

/* A bracket after the waiting side of an arrow is about that side; words
 * in code spans are code. */
static void brackets_after_an_arrow_and_code(void **state)
{
    (void)state;
    assert_string_equal(
        read("T091-T092 \xE2\x94\x80\xE2\x94\x80\xE2\x96\xB6 T093-T094 [needs T030]"),
        "T091-T092 \xE2\x94\x80\xE2\x94\x80 < T093-T094 ; T093-T094 > T030");
    /* after `depends on`, the bracket is the subject's, as before */
    assert_string_equal(read("US1 depends on Setup (after T003)"), "US1 > Setup ; _ > T003");
    assert_string_equal(read("Call `require(\"x\")` first"), "NONE");
}

/* `until` orders only after a denial: `cannot begin until X` waits for X. */
static void until_after_a_denial(void **state)
{
    (void)state;
    assert_string_equal(read("US1 cannot begin until T041 is finished"),
                        "US1 cannot begin > T041 is finished");
    assert_string_equal(read("Do not start Phase 3 work until T001-T009 are complete"),
                        "Do not start Phase 3 work > T001-T009 are complete");
    assert_string_equal(read("No user story work can begin until this phase is complete"),
                        "No user story work can begin > this phase is complete");
    assert_string_equal(read("User stories cannot start until T001-T009 complete, US1 cannot "
                             "begin until T041 is finished"),
                        "User stories cannot start > T001-T009 complete ; US1 cannot begin > "
                        "T041 is finished");
    /* no denial: a state that lasts, not an order */
    assert_string_equal(read("a standing test, red until T109"), "NONE");
}

static void other_languages(void **state)
{
    (void)state;
    /* `Depende de T003, T004` (Spanish) */
    assert_string_equal(read("Depende de T003, T004"), "_ > T003, T004");
    /* `均依赖 Foundational 完成` (Chinese: all depend on Foundational completion) */
    assert_string_equal(read("\xE5\x9D\x87\xE4\xBE\x9D\xE8\xB5\x96 Foundational "
                             "\xE5\xAE\x8C\xE6\x88\x90"),
                        "\xE5\x9D\x87 > Foundational \xE5\xAE\x8C\xE6\x88\x90");
    /* `2.1の完了後に実行` (Japanese: run after 2.1 is complete) */
    assert_string_equal(read("2.1\xE3\x81\xAE\xE5\xAE\x8C\xE4\xBA\x86\xE5\xBE\x8C\xE3\x81\xAB"
                             "\xE5\xAE\x9F\xE8\xA1\x8C"),
                        "_ > 2.1");
    /* `User Story 1 완료 필요` (Korean: User Story 1 must be complete) */
    assert_string_equal(read("User Story 1 \xEC\x99\x84\xEB\xA3\x8C \xED\x95\x84\xEC\x9A\x94"),
                        "_ > User Story 1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ordering_words_and_arrows),
        cmocka_unit_test(the_spec_kit_template),
        cmocka_unit_test(clauses),
        cmocka_unit_test(arrows_that_stand_for_a_colon),
        cmocka_unit_test(labels_that_are_relations),
        cmocka_unit_test(no_order_and_suggestions),
        cmocka_unit_test(until_after_a_denial),
        cmocka_unit_test(brackets_after_an_arrow_and_code),
        cmocka_unit_test(list_items),
        cmocka_unit_test(brackets_that_say_it_in_ids),
        cmocka_unit_test(other_languages),
    };
    return RUN_TESTS(tests);
}
