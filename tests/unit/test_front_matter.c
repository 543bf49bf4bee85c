/* test_front_matter.c - finding the block, reading it to JSON, and errors. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>

#include "parse/front_matter.h"

static void locates_with_bom_crlf_and_dots(void **state)
{
    (void)state;
    front_matter_span span;
    const char *lf = "---\nid: a\n---\n# T\n";
    front_matter_locate(lf, strlen(lf), 0, &span);
    assert_true(span.present && span.closed);
    assert_int_equal(span.yaml_start, 4);
    assert_int_equal(span.yaml_end, 10);
    assert_int_equal(span.body_start, 14);

    const char *crlf = "\xEF\xBB\xBF---\r\nid: a\r\n...\r\nbody";
    front_matter_locate(crlf, strlen(crlf), 3, &span);
    assert_true(span.present && span.closed);
    assert_int_equal(span.yaml_start, 8);
    assert_int_equal(span.body_start, 20);

    const char *open = "---\nid: a\n- [ ] T001 x\n";
    front_matter_locate(open, strlen(open), 0, &span);
    assert_true(span.present);
    assert_false(span.closed);

    const char *none = "# Title\n---\nid: a\n---\n";
    front_matter_locate(none, strlen(none), 0, &span);
    assert_false(span.present);
    assert_int_equal(span.body_start, 0);

    const char *rule = "----\n";
    front_matter_locate(rule, strlen(rule), 0, &span);
    assert_false(span.present);
}

static front_matter read_yaml(tasks_arena *arena, const char *yaml)
{
    front_matter fm;
    assert_int_equal(front_matter_read(yaml, strlen(yaml), 2, arena, &fm), 0);
    return fm;
}

static void reads_scalars_lists_and_types(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, "id: 001-auth\ntitle: \"Auth: login\"\nauthor: ann\n"
                                       "n: 3\nok: yes\nflag: true\nnothing: ~\nlist: [a, 2]\n"
                                       "date: 2024-01-05\n");
    assert_null(fm.error);
    assert_string_equal(fm.id, "001-auth");
    assert_string_equal(fm.title, "Auth: login");
    assert_string_equal(fm.author, "ann");
    assert_null(fm.description);
    assert_string_equal(fm.json,
                        "{\"id\":\"001-auth\",\"title\":\"Auth: login\",\"author\":\"ann\","
                        "\"n\":3,\"ok\":\"yes\",\"flag\":true,\"nothing\":null,"
                        "\"list\":[\"a\",2],\"date\":\"2024-01-05\"}");
    tasks_arena_free(arena);
}

static void placeholder_ids_are_not_ids(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    assert_null(read_yaml(arena, "id: [feature-id]\n").id);
    assert_null(read_yaml(arena, "id: \"{feature-id}\"\n").id);
    assert_null(read_yaml(arena, "id: <feature-id>\n").id);
    assert_null(read_yaml(arena, "id: {a: b}\n").id);
    assert_null(read_yaml(arena, "id:\n").id);
    assert_string_equal(read_yaml(arena, "id: '042'\n").id, "042");
    tasks_arena_free(arena);
}

static void malformed_yaml_names_its_line(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, "id: a\ntitle: b: c\n");
    assert_non_null(fm.error);
    assert_int_equal(fm.error_line, 3); /* file line: yaml starts on line 2 */
    assert_non_null(strstr(fm.error, "mapping values are not allowed"));
    assert_null(fm.json);
    tasks_arena_free(arena);
}

static void duplicate_keys_keep_the_first_value(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, "id: first\nid: second\n");
    assert_string_equal(fm.id, "first");
    assert_non_null(fm.error);
    assert_string_equal(fm.error, "front matter: duplicate key 'id'");
    assert_int_equal(fm.error_line, 3);
    assert_non_null(fm.json);
    tasks_arena_free(arena);
}

static void alias_bomb_stops_at_the_limit(void **state)
{
    (void)state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, bomb);
    assert_non_null(fm.error);
    assert_non_null(strstr(fm.error, "1 MiB"));
    assert_null(fm.json);
    tasks_arena_free(arena);
}

static void anchors_are_bounded(void **state)
{
    (void)state;
    char *yaml = malloc(1100 * 24);
    size_t n = 0;
    for (int i = 0; i < 1100; i++)
        n += (size_t)sprintf(yaml + n, "k%d: &a%d v\n", i, i);
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, yaml);
    assert_non_null(fm.error);
    assert_non_null(strstr(fm.error, "more than 1024 anchors"));
    tasks_arena_free(arena);
    free(yaml);
}

static void small_aliases_expand(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, "base: &b {x: 1}\nother: *b\n");
    assert_null(fm.error);
    assert_string_equal(fm.json, "{\"base\":{\"x\":1},\"other\":{\"x\":1}}");
    tasks_arena_free(arena);
}

static void an_alias_as_a_key_is_copied_safely(void **state)
{
    (void)state;
    /* The fuzzer's find: the key's text moved when the buffer grew. */
    tasks_arena *arena = tasks_arena_new();
    front_matter fm =
        read_yaml(arena, "a: &k xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
                         "*k : v\n");
    assert_null(fm.error);
    assert_string_equal(fm.json,
                        "{\"a\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\","
                        "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\":\"v\"}");
    tasks_arena_free(arena);
}

static void non_mapping_front_matter_is_reported(void **state)
{
    (void)state;
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, "- a\n- b\n");
    assert_non_null(fm.error);
    assert_string_equal(fm.json, "[\"a\",\"b\"]");
    fm = read_yaml(arena, "");
    assert_null(fm.error);
    assert_string_equal(fm.json, "{}");
    tasks_arena_free(arena);
}

static void deep_nesting_is_bounded(void **state)
{
    (void)state;
    char yaml[400];
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        yaml[n++] = '[';
    for (int i = 0; i < 100; i++)
        yaml[n++] = ']';
    yaml[n] = '\0';
    tasks_arena *arena = tasks_arena_new();
    front_matter fm = read_yaml(arena, yaml);
    assert_non_null(fm.error);
    assert_non_null(strstr(fm.error, "64 levels"));
    tasks_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(locates_with_bom_crlf_and_dots),
        cmocka_unit_test(reads_scalars_lists_and_types),
        cmocka_unit_test(placeholder_ids_are_not_ids),
        cmocka_unit_test(malformed_yaml_names_its_line),
        cmocka_unit_test(duplicate_keys_keep_the_first_value),
        cmocka_unit_test(alias_bomb_stops_at_the_limit),
        cmocka_unit_test(anchors_are_bounded),
        cmocka_unit_test(small_aliases_expand),
        cmocka_unit_test(an_alias_as_a_key_is_copied_safely),
        cmocka_unit_test(non_mapping_front_matter_is_reported),
        cmocka_unit_test(deep_nesting_is_bounded),
    };
    return RUN_TESTS(tests);
}
