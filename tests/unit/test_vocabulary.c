/* test_vocabulary.c - the README's lists against the vocabularies the code
 * has: every issue code with its severity, every edge kind, every status. */
#include "test_support.h"

#include <stdlib.h>

#include "tasks_deps.h"
#include "tasks_parse.h"

static char *readme;

static int setup(void **state)
{
    (void)state;
    FILE *f = fopen(TASKSEXT_SOURCE_DIR "/README.md", "rb");
    if (!f) return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    readme = malloc((size_t)n + 1);
    size_t got = readme ? fread(readme, 1, (size_t)n, f) : 0;
    fclose(f);
    if (!readme || got != (size_t)n) return -1;
    readme[n] = '\0';
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(readme);
    return 0;
}

static void has(const char *text)
{
    if (!strstr(readme, text)) fail_msg("the README does not say: %s", text);
}

static void every_issue_code_is_documented_with_its_severity(void **state)
{
    (void)state;
    int n = 0;
    for (int c = 0; task_issue_code_name((task_issue_code)c); c++, n++) {
        char row[128];
        snprintf(row, sizeof row, "| `%s` | %s |", task_issue_code_name((task_issue_code)c),
                 task_issue_severity_name(task_issue_code_severity((task_issue_code)c)));
        has(row);
    }
    assert_int_equal(n, ISSUE_CODE_COUNT);
}

static void every_edge_kind_and_status_is_documented(void **state)
{
    (void)state;
    for (int k = EDGE_SEQUENCE; k <= EDGE_WAVE; k++) {
        char word[64];
        snprintf(word, sizeof word, "`%s`", task_edge_kind_name((task_edge_kind)k));
        has(word);
    }
    for (int s = TASK_STATUS_TODO; s <= TASK_STATUS_DEFERRED; s++) {
        char word[64];
        snprintf(word, sizeof word, "`%s`", task_status_name((task_status)s));
        has(word);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_issue_code_is_documented_with_its_severity),
        cmocka_unit_test(every_edge_kind_and_status_is_documented),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
