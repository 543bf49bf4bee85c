/* test_utf8.c - decoding, repair and the letter test used for box marks. */
#include "test_support.h"

#include "parse/json_array.h"
#include "parse/utf8.h"

static void decodes_multibyte_and_rejects_overlongs(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("\xE2\x9C\x85", 3, &cp), 3);
    assert_int_equal(cp, 0x2705);
    assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
    assert_int_equal(cp, UTF8_REPLACEMENT);
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1); /* surrogate */
    assert_int_equal(utf8_decode("\xF0\x9F\x9A", 3, &cp), 1); /* truncated */
}

static void repairs_bad_bytes_and_nul(void **state)
{
    (void)state;
    text_buffer out;
    text_buffer_init(&out);
    utf8_append_repaired(&out,
                         "a\xFF"
                         "b\0c",
                         5);
    assert_int_equal(out.len, 9);
    assert_memory_equal(out.data,
                        "a\xEF\xBF\xBD"
                        "b\xEF\xBF\xBD"
                        "c",
                        9);
    assert_false(utf8_is_valid("a\xFF", 2));
    assert_true(utf8_is_valid("h\xC3\xA9", 3));
    text_buffer_free(&out);
}

static void letters_are_not_marks(void **state)
{
    (void)state;
    assert_true(utf8_is_letter_or_digit('P'));
    assert_true(utf8_is_letter_or_digit('7'));
    assert_true(utf8_is_letter_or_digit(0x00E9)); /* é */
    assert_true(utf8_is_letter_or_digit(0x5B8C)); /* 完 */
    assert_true(utf8_is_letter_or_digit(0xD55C)); /* 한 */
    assert_false(utf8_is_letter_or_digit('/'));
    assert_false(utf8_is_letter_or_digit('~'));
    assert_false(utf8_is_letter_or_digit(0x2705));  /* ✅ */
    assert_false(utf8_is_letter_or_digit(0x1F6A7)); /* 🚧 */
}

/* The plain fast path of json_string_array checks eight bytes at a time: a
 * byte that needs escaping or repair must be caught at every position of a
 * chunk and of the tail, and give what the escaping path gives. */
static void json_arrays_escape_at_every_position(void **state)
{
    (void)state;
    const char *specials[] = {"\"", "\\", "\x01", "\x1F", "\x7F", "\xFF", "\xC3\xA9", "\n"};
    tasks_arena *arena = tasks_arena_new();
    assert_non_null(arena);
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++) {
        for (size_t at = 0; at < 18; at++) {
            char word[32];
            memset(word, 'a', 18);
            size_t n = strlen(specials[k]);
            memcpy(word + at, specials[k], n);
            size_t len = at + n > 18 ? at + n : 18;
            const char *starts[2] = {"src/x.c", word};
            size_t lens[2] = {7, len};
            const char *json = json_string_array(arena, starts, lens, 2);
            assert_non_null(json);
            text_buffer expected;
            text_buffer_init(&expected);
            text_buffer_append(&expected, "[\"src/x.c\",", 11);
            utf8_append_json_repaired(&expected, word, len);
            text_buffer_append(&expected, "]", 1);
            assert_string_equal(json, expected.data);
            assert_true(strcmp(json, "[\"src/x.c\",\"aaaaaaaaaaaaaaaaaa\"]") != 0);
            text_buffer_free(&expected);
        }
    }
    const char *plain[] = {"src/models/user_profile.py"};
    size_t plain_len[] = {26};
    assert_string_equal(json_string_array(arena, plain, plain_len, 1),
                        "[\"src/models/user_profile.py\"]");
    assert_string_equal(json_string_array(arena, plain, plain_len, 0), "[]");
    tasks_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_multibyte_and_rejects_overlongs),
        cmocka_unit_test(repairs_bad_bytes_and_nul),
        cmocka_unit_test(letters_are_not_marks),
        cmocka_unit_test(json_arrays_escape_at_every_position),
    };
    return RUN_TESTS(tests);
}
