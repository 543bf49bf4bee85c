/* test_text_width.c - the command's display widths and cuts: the fast
 * path for printable ASCII gives what decoding character by character
 * gives, on every width, for generated text of words and runs of blanks;
 * and the widths of wide, zero-width and invalid text. The file under
 * test is included so its general path can be called directly. */
#include "test_support.h"

#include <stdlib.h>

#include "../../cli/text_width.c"

/* A text of `n` bytes of short words, single and double blanks, from a
 * fixed pseudo-random sequence. */
static void make_words(char *out, size_t n, unsigned *seed)
{
    for (size_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        unsigned r = (*seed >> 16) % 10;
        out[i] = r < 2 ? ' ' : (char)('a' + (*seed >> 20) % 26);
    }
    out[n] = '\0';
}

static void printable_cut_as_decoding_cuts(void **state)
{
    (void)state;
    unsigned seed = 7;
    char text[96];
    size_t compared = 0, cut = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = (size_t)(round % 90);
        make_words(text, n, &seed);
        for (size_t width = 0; width <= n + 2; width++) {
            char *fast = text_fit(text, width);
            char slow[96 + 4];
            fit_decoding(text, n, width, slow);
            assert_non_null(fast);
            if (strcmp(fast, slow) != 0)
                fail_msg("'%s' at %zu: '%s', decoding '%s'", text, width, fast, slow);
            /* The width text_fit_into() gives is the fitted text's. */
            char *into = NULL;
            size_t capacity = 0, fitted_width = 0;
            assert_int_equal(text_fit_into(text, width, &into, &capacity, &fitted_width), 0);
            assert_string_equal(into, fast);
            assert_int_equal(fitted_width, text_width(fast));
            free(into);
            cut += strcmp(fast, text) != 0;
            compared++;
            free(fast);
        }
    }
    /* The generated texts were cut, and not only cut. */
    assert_true(cut > compared / 4);
    assert_true(cut < compared);
}

static void fits_and_cuts(void **state)
{
    (void)state;
    char *t = text_fit("Contract test in tests/contract", 16);
    assert_string_equal(t, "Contract test\xE2\x80\xA6");
    free(t);
    t = text_fit("Supercalifragilistic", 8);
    assert_string_equal(t, "Superca\xE2\x80\xA6"); /* one word: cut inside it */
    free(t);
    t = text_fit("a\tb", 10); /* a control character prints as a blank */
    assert_string_equal(t, "a b");
    free(t);
    t = text_fit("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 5); /* 日本語: two columns each */
    assert_string_equal(t, "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6");
    free(t);
    t = text_fit("word", 0);
    assert_string_equal(t, "");
    free(t);
}

static void widths(void **state)
{
    (void)state;
    assert_int_equal(text_width(""), 0);
    assert_int_equal(text_width("an ASCII text longer than eight bytes"), 37);
    assert_int_equal(text_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4);          /* 日本 */
    assert_int_equal(text_width("e\xCC\x81"), 1);                         /* e + combining acute */
    assert_int_equal(text_width("ok \xE2\x9C\x85"), 5);                   /* ✅ */
    assert_int_equal(text_width("abcdefgh\xFF"), 9);                      /* an invalid byte */
    assert_int_equal(text_width("abcdefghijklmnop\xE6\x97\xA5"), 18);    /* past 8-byte words */
    int breaks;
    assert_int_equal(text_measure("a long line of plain words", &breaks), 26);
    assert_false(breaks);
    assert_int_equal(text_measure("a long line with a\ttab in it", &breaks), 28);
    assert_true(breaks);
    assert_int_equal(text_measure("\x01 a control byte that breaks nothing", &breaks), 36);
    assert_false(breaks);
    assert_int_equal(text_measure("\xE6\x97\xA5 then a newline\n", &breaks), 18);
    assert_true(breaks);
    assert_int_equal(text_measure("twelve bytes\x1b", &breaks), 13);
    assert_true(breaks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printable_cut_as_decoding_cuts),
        cmocka_unit_test(fits_and_cuts),
        cmocka_unit_test(widths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
