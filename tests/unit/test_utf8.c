/* test_utf8.c - decoding, repair and the letter test used for box marks. */
#include "test_support.h"

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
    utf8_append_repaired(&out, "a\xFF" "b\0c", 5);
    assert_int_equal(out.len, 9);
    assert_memory_equal(out.data, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c", 9);
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
    assert_false(utf8_is_letter_or_digit(0x2705)); /* ✅ */
    assert_false(utf8_is_letter_or_digit(0x1F6A7)); /* 🚧 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_multibyte_and_rejects_overlongs),
        cmocka_unit_test(repairs_bad_bytes_and_nul),
        cmocka_unit_test(letters_are_not_marks),
    };
    return RUN_TESTS(tests);
}
