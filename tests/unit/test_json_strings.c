/* test_json_strings.c - the command's reader of the JSON arrays of strings
 * tasks() gives (files, tags): escapes, spacing, and what it refuses. */
#include "test_support.h"

#include "json_strings.h"

typedef struct seen {
    char text[512];
    size_t n;
} seen;

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
    assert_int_equal(json_strings_each(" [ \"a\" , \"\\n\\/\" ] ", add_string, &s), 2);
    assert_string_equal(s.text, "a|\n/");
    memset(&s, 0, sizeof s);
    assert_int_equal(json_strings_each("[]", add_string, &s), 0);
}

static void strings_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "[1]", "", "[", "[\"a\"", "[\"a", "[\"a\",]", "[\"a\" \"b\"]", "[\"\\u12\"]", "{\"a\":1}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        seen s;
        memset(&s, 0, sizeof s);
        assert_int_equal(json_strings_each(bad[i], add_string, &s), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_of_files_and_tags),
        cmocka_unit_test(strings_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
