/* test_json_strings.c - the command's readers of the JSON arrays tasks()
 * gives: tasks().files and tags (strings) and tasks().waits_for (objects),
 * in the form tasks() writes and in any other valid form, and what they
 * refuse. */
#include "test_support.h"

#include "json_strings.h"

typedef struct seen {
    char text[512];
    size_t n;
} seen;

static int add_edge(const json_edge *edge, void *context)
{
    seen *s = context;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s%ld:%s", s->n ? " " : "", edge->line,
             edge->kind);
    s->n++;
    return 0;
}

static long edges(const char *json, seen *s)
{
    memset(s, 0, sizeof *s);
    return json_edges_each(json, json ? strlen(json) : 0, add_edge, s);
}

static void waits_for_as_tasks_writes_it(void **state)
{
    (void)state;
    seen s;
    assert_int_equal(edges("[]", &s), 0);
    assert_int_equal(edges(NULL, &s), 0);
    assert_int_equal(edges("[{\"line\":12,\"id\":\"T001\",\"kind\":\"step\"},"
                           "{\"line\":7,\"id\":null,\"kind\":\"sequence\"}]",
                           &s),
                     2);
    assert_string_equal(s.text, "12:step 7:sequence");
    /* An id with escapes, quotes and a brace inside. */
    assert_int_equal(edges("[{\"line\":3,\"id\":\"a\\\"}\\\\b\\u0001\",\"kind\":\"explicit\"}]", &s),
                     1);
    assert_string_equal(s.text, "3:explicit");
}

static void waits_for_in_any_other_valid_form(void **state)
{
    (void)state;
    seen s;
    /* Blanks, other key orders, keys it does not know, values of any type. */
    assert_int_equal(edges(" [ { \"kind\" : \"wave\" , \"extra\" : [1] , \"line\" : 40 } ,"
                           "{\"id\":\"x\",\"note\":true,\"line\":2,\"kind\":\"subtask\",\"w\":1.5e3}"
                           " ] ",
                           &s),
                     -1); /* an array value is not read past: refused, never misread */
    assert_int_equal(edges(" [ { \"kind\" : \"wave\" , \"extra\" : null , \"line\" : 40 } ,"
                           "{\"id\":\"x\",\"note\":true,\"line\":2,\"kind\":\"subtask\",\"w\":1.5e3}"
                           " ] ",
                           &s),
                     2);
    assert_string_equal(s.text, "40:wave 2:subtask");
    /* Missing keys: line 0, kind "". A kind too long for the buffer: "". */
    assert_int_equal(edges("[{},{\"kind\":\"a-kind-much-too-long-to-keep\",\"line\":5}]", &s), 2);
    assert_string_equal(s.text, "0: 5:");
    /* A kind written with an escape is not taken apart: "". */
    assert_int_equal(edges("[{\"line\":1,\"id\":null,\"kind\":\"st\\u0065p\"}]", &s), 1);
    assert_string_equal(s.text, "1:");
}

static void waits_for_refused(void **state)
{
    (void)state;
    seen s;
    const char *bad[] = {"",
                         "{}",
                         "[",
                         "[{\"line\":1",
                         "[{\"line\":1,\"id\":\"T001",
                         "[{\"line\":1,\"id\":\"T001\",\"kind\":\"step\"}",
                         "[{\"line\":1,\"id\":\"T001\",\"kind\":\"step\"},]",
                         "[{\"line\" 1}]",
                         "[{line:1}]",
                         "[1]",
                         "[{\"line\":1}{\"line\":2}]",
                         "[{\"id\":\"\\",
                         NULL};
    for (const char **b = bad; *b; b++)
        assert_int_equal(edges(*b, &s), -1);
}

static int add_string(const char *text, void *context)
{
    seen *s = context;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s%s", s->n ? "|" : "", text);
    s->n++;
    return 0;
}

static void strings_of_files_and_tags(void **state)
{
    (void)state;
    seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(json_strings_each("[\"src/a.py\",\"b \\\"c\\\".json\",\"\\u00e9\"]",
                                       add_string, &s),
                     3);
    assert_string_equal(s.text, "src/a.py|b \"c\".json|\xC3\xA9");
    memset(&s, 0, sizeof s);
    assert_int_equal(json_strings_each("[1]", add_string, &s), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(waits_for_as_tasks_writes_it),
        cmocka_unit_test(waits_for_in_any_other_valid_form),
        cmocka_unit_test(waits_for_refused),
        cmocka_unit_test(strings_of_files_and_tags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
