/* task_line.c - reads `T004 [P] [US1]: title`, `1.1 (P) title`, `**T001**: title`
 * (bold already flattened), `7.9* (P) title` (cc-sdd), `✅ 1.1 title`, in any
 * order of id, colon and markers. */
#include "task_line.h"
#include "text_scan.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    while (i < len && is_blank(s[i]))
        i++;
    return i;
}

/* `.N` groups after a number: T003.1, 1.2.3. */
/* What may follow an id: the end, a blank, punctuation that closes or lists,
 * or a period that ends it (`1. Title`). */
static int id_boundary(const char *s, size_t len, size_t i)
{
    if (i >= len) return 1;
    char c = s[i];
    if (is_blank(c) || c == ':' || c == ',' || c == ')' || c == ']' || c == ';') return 1;
    /* cc-sdd marks an optional task with a star glued to its id: `7.9*` */
    if (c == '*' && (i + 1 >= len || is_blank(s[i + 1]))) return 1;
    if (c == '.' && (i + 1 >= len || is_blank(s[i + 1]))) return 1;
    /* an em or en dash glued to the id: `T001—title` */
    if ((unsigned char)c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 1;
    return 0;
}

/* `'` after an id is part of it (`T028'`) unless a word goes on (`T010a's`). */
static size_t prime(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '\'' &&
        !(i + 1 < len &&
          ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))))
        return i + 1;
    return i;
}

size_t task_id_scan(const char *s, size_t len, int *numeric)
{
    *numeric = 0;
    if (len == 0) return 0;
    size_t i;
    if (s[0] == 'T' && len > 1 && ascii_is_digit(s[1])) {
        /* T001, T003.1, T006a, T028' */
        i = skip_dotted(s, len, skip_digits(s, len, 1));
        if (i < len && s[i] >= 'a' && s[i] <= 'z' &&
            !(i + 1 < len && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || ascii_is_digit(s[i + 1]))))
            i++;
        return prime(s, len, i);
    }
    if (ascii_is_upper(s[0])) {
        /* Other prefixes: P001, WP01, TASK-12: two digits and more, or a hyphen. */
        i = 0;
        while (i < len && i < 5 && ascii_is_upper(s[i]))
            i++;
        int hyphen = i < len && s[i] == '-';
        size_t digits_at = i + (size_t)hyphen;
        size_t end = skip_digits(s, len, digits_at);
        size_t n_digits = end - digits_at;
        if (n_digits == 0 || (!hyphen && n_digits < 2) || (!hyphen && i < 2 && n_digits < 3) ||
            (hyphen && i < 2))
            return 0;
        end = skip_dotted(s, len, end);
        if (end < len && s[end] >= 'a' && s[end] <= 'z' &&
            !(end + 1 < len && s[end + 1] >= 'a' && s[end + 1] <= 'z'))
            end++;
        return end;
    }
    if (ascii_is_digit(s[0])) {
        /* Kiro and OpenSpec: 1, 1.1, 1.1.1 */
        *numeric = 1;
        return skip_dotted(s, len, skip_digits(s, len, 0));
    }
    return 0;
}

size_t task_id_length(const char *s, size_t len)
{
    int numeric;
    size_t i = task_id_scan(s, len, &numeric);
    if (i == 0) return 0;
    if (!numeric) return id_boundary(s, len, i) ? i : 0;
    /* A bare number is only an id with a period or colon after it (`1.`,
     * `1:`), so `3 retries` is a title; a dotted one (`1.1`) is one as is. */
    size_t first = skip_digits(s, len, 0);
    int dotted = i > first;
    if (i < len && (s[i] == '.' || s[i] == ':') && id_boundary(s, len, i)) return i;
    if (dotted && id_boundary(s, len, i)) return i;
    return 0;
}

static int starts_with(const char *s, size_t len, size_t i, const char *word)
{
    size_t n = strlen(word);
    return len - i >= n && memcmp(s + i, word, n) == 0;
}

/* A leading bracket tag `[US1]`, `[SETUP]`, `[EXECUTOR: MAIN]`: returns its
 * content length, 0 when the bracket is not a tag (an inline dependency or
 * a sentence in brackets is title text). */
static size_t tag_length(const char *s, size_t len, size_t i)
{
    size_t k = i + 1;
    while (k < len && k - i <= 41 && s[k] != ']' && s[k] != '[' && s[k] != '\n')
        k++;
    if (k >= len || s[k] != ']' || k == i + 1 || k - i > 41) return 0;
    if (is_blank(s[i + 1]) || is_blank(s[k - 1])) return 0;
    static const char *const not_tags[] = {"depends",  "depend ", "after ", "blocked",
                                           "requires", "needs ",  "see ",   NULL};
    for (const char *const *w = not_tags; *w; w++)
        if (prefix_nocase(s, len, i + 1, *w)) return 0;
    return k - i - 1;
}

static int is_story(const char *s, size_t start, size_t n)
{
    if (n < 3 || s[start] != 'U' || s[start + 1] != 'S') return 0;
    for (size_t k = start + 2; k < start + n; k++)
        if (!ascii_is_digit(s[k])) return 0;
    return 1;
}

/* After an id: `:`, or a dash standing between blanks (`T001 - title`). */
static size_t separator_length(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == ':') return 1;
    static const char *const dashes[] = {"- ", "\xE2\x80\x94", "\xE2\x80\x93", NULL};
    for (const char *const *d = dashes; *d; d++) {
        size_t n = strlen(*d);
        if (starts_with(s, len, i, *d) && (i + n >= len || is_blank(s[i + n]) || n == 2)) return n;
    }
    return 0;
}

/* A status emoji written before the id (`✅ 1.1`, `🔄 T004`): a pictograph
 * or symbol code point, an optional variation selector, then a blank.
 * Returns its length, 0 when there is none. */
static size_t status_emoji_length(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    int symbol = (cp >= 0x2190 && cp <= 0x2BFF) || /* arrows, technical, dingbats */
                 (cp >= 0x1F300 && cp <= 0x1FAFF); /* pictographs, emoji */
    if (!symbol) return 0;
    size_t k = i + n;
    if (len - k >= 3 && memcmp(s + k, "\xEF\xB8\x8F", 3) == 0) k += 3; /* U+FE0F */
    return k < len && is_blank(s[k]) ? k - i : 0;
}

/* ` (P)` ending the text: cc-sdd and Kiro write the parallel marker last. */
static size_t trailing_parallel(const char *s, size_t len, size_t from)
{
    size_t end = len;
    while (end > from && is_blank(s[end - 1]))
        end--;
    if (end - from < 4 || memcmp(s + end - 3, "(P)", 3) != 0 || !is_blank(s[end - 4])) return len;
    end -= 3;
    while (end > from && is_blank(s[end - 1]))
        end--;
    return end;
}

void task_markers_parse(const char *s, size_t len, task_markers *out)
{
    memset(out, 0, sizeof(*out));
    out->story_tag = -1;
    size_t i = skip_blanks(s, len, 0);
    size_t emoji = status_emoji_length(s, len, i);
    if (emoji &&
        (task_id_length(s + skip_blanks(s, len, i + emoji), len - skip_blanks(s, len, i + emoji)) ||
         starts_with(s, len, skip_blanks(s, len, i + emoji), "[")))
        i = skip_blanks(s, len, i + emoji); /* a status emoji before the id or tags */
    int separator_seen = 0;
    for (;;) {
        if (starts_with(s, len, i, "[P]") || starts_with(s, len, i, "(P)")) {
            out->parallel = 1;
            i = skip_blanks(s, len, i + 3);
            continue;
        }
        if (i < len && s[i] == '[') {
            size_t n = tag_length(s, len, i);
            if (!n) break;
            if (out->n_tags < TASK_LINE_MAX_TAGS) {
                if (out->story_tag < 0 && is_story(s, i + 1, n)) out->story_tag = out->n_tags;
                out->tags[out->n_tags++] = (text_span){i + 1, n};
            }
            i = skip_blanks(s, len, i + n + 2);
            continue;
        }
        if (out->id.len == 0 && !separator_seen) {
            size_t n = task_id_length(s + i, len - i);
            if (n == 0 && starts_with(s, len, i, "Task ")) {
                /* minispec's `Task 3:` names task 3 */
                size_t k = skip_blanks(s, len, i + 5);
                size_t m = task_id_length(s + k, len - k);
                if (m && k + m < len && s[k + m] == ':') {
                    out->id = (text_span){k, m};
                    i = skip_blanks(s, len, k + m);
                    continue;
                }
            }
            if (n) {
                out->id = (text_span){i, n};
                if (i + n < len && s[i + n] == '.') n++; /* `1. Title` */
                if (i + n < len && s[i + n] == '*') {    /* `7.9* (P) Title` */
                    out->optional = 1;
                    n++;
                }
                i = skip_blanks(s, len, i + n);
                continue;
            }
        }
        if (out->id.len && !separator_seen) {
            size_t n = separator_length(s, len, i);
            if (n) {
                separator_seen = 1;
                i = skip_blanks(s, len, i + n);
                continue;
            }
        }
        break;
    }
    out->title_start = i;
    out->title_end = trailing_parallel(s, len, i);
    if (out->title_end < len) out->parallel = 1;
}
