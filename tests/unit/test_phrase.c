/* test_phrase.c - cutting dependency lines into sides and ordering words. */
#include "test_support.h"

#include "deps/phrase.h"

/* Sides joined with `<` (left first) or `>` (right first), trimmed. */
static const char *split(const char *text)
{
    static char out[512];
    phrase_parts p;
    phrase_split(text, strlen(text), &p);
    if (p.no_order) return "NO-ORDER";
    if (p.n_sides == 0) return "NONE";
    size_t n = 0;
    for (int i = 0; i < p.n_sides; i++) {
        const char *s = text + p.sides[i].start;
        size_t len = p.sides[i].len;
        while (len && *s == ' ') s++, len--;
        while (len && s[len - 1] == ' ') len--;
        n += (size_t)snprintf(out + n, sizeof out - n, "%.*s", (int)len, s);
        if (i + 1 < p.n_sides)
            n += (size_t)snprintf(out + n, sizeof out - n, " %c ",
                                  p.orders[i] == ORDER_LEFT_FIRST ? '<' : '>');
    }
    return out;
}

static void every_phrasing_from_the_corpus(void **state)
{
    (void)state;
    assert_string_equal(split("T008 blocks T009, T015"), "T008 < T009, T015");
    assert_string_equal(split("T015 & T016 unblock T021"), "T015 & T016 < T021");
    assert_string_equal(split("T001 (setup) blocks all other tasks"), "T001 (setup) < all other tasks");
    assert_string_equal(split("Tests (T004-T007) before implementation (T008-T014)"),
                        "Tests (T004-T007) < implementation (T008-T014)");
    assert_string_equal(split("T016b must complete before T016"), "T016b < T016");
    assert_string_equal(split("T022 (execute) depends on T016, T019, T020, T021"),
                        "T022 (execute) > T016, T019, T020, T021");
    assert_string_equal(split("B requires A"), "B > A");
    assert_string_equal(split("B after A"), "B > A");
    assert_string_equal(split("T001 \xE2\x86\x92 T005 \xE2\x86\x92 T004"), "T001 < T005 < T004");
    assert_string_equal(split("T001 -> T005"), "T001 < T005");
    assert_string_equal(split("T004, T005 <- T019-T026"), "T004, T005 > T019-T026");
    assert_string_equal(split("Step 8 depends on Steps 3, 5, 6, and 7"), "Step 8 > Steps 3, 5, 6, and 7");
    assert_string_equal(split("Phase 1 \xE2\x86\x92 Phase 2"), "Phase 1 < Phase 2");
    assert_string_equal(split("T012 is blocked by T011"), "T012 > T011");
}

static void words_inside_parentheses_are_labels(void **state)
{
    (void)state;
    assert_string_equal(split("T013 (wire up) blocks T015-T018 (polish needs working CLI)"),
                        "T013 (wire up) < T015-T018 (polish needs working CLI)");
    assert_string_equal(split("Beforehand T001 blocks T002"), "Beforehand T001 < T002");
}

static void lines_without_order(void **state)
{
    (void)state;
    assert_string_equal(split("T017-T018 can run in parallel"), "NO-ORDER");
    assert_string_equal(split("Setup (Phase 1): No dependencies"), "NO-ORDER");
    assert_string_equal(split("Core Dependencies:"), "NO-ORDER");
    assert_string_equal(split("Something vague"), "NONE");
    /* an ordering word wins over a parallel remark */
    assert_string_equal(split("T004 and T005 in parallel after T003"),
                        "T004 and T005 in parallel > T003");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_phrasing_from_the_corpus),
        cmocka_unit_test(words_inside_parentheses_are_labels),
        cmocka_unit_test(lines_without_order),
    };
    return RUN_TESTS(tests);
}
