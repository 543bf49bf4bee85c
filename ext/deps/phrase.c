/* phrase.c - ordering words, longest first, matched at word boundaries. */
#include "phrase.h"
#include "../parse/text_scan.h"

#include <string.h>

typedef struct order_word {
    const char *text;
    phrase_order order;
    int symbol; /* an arrow: no word boundary needed */
    size_t len;
} order_word;

static const order_word order_words[] = {
    {"must be completed before", ORDER_LEFT_FIRST, 0, sizeof("must be completed before") - 1},
    {"must complete before", ORDER_LEFT_FIRST, 0, sizeof("must complete before") - 1},
    {"must finish before", ORDER_LEFT_FIRST, 0, sizeof("must finish before") - 1},
    {"must come before", ORDER_LEFT_FIRST, 0, sizeof("must come before") - 1},
    {"completes before", ORDER_LEFT_FIRST, 0, sizeof("completes before") - 1},
    {"is blocked by", ORDER_RIGHT_FIRST, 0, sizeof("is blocked by") - 1},
    {"are blocked by", ORDER_RIGHT_FIRST, 0, sizeof("are blocked by") - 1},
    {"blocked by", ORDER_RIGHT_FIRST, 0, sizeof("blocked by") - 1},
    {"depends upon", ORDER_RIGHT_FIRST, 0, sizeof("depends upon") - 1},
    {"depends on", ORDER_RIGHT_FIRST, 0, sizeof("depends on") - 1},
    {"depend on", ORDER_RIGHT_FIRST, 0, sizeof("depend on") - 1},
    {"dependent on", ORDER_RIGHT_FIRST, 0, sizeof("dependent on") - 1},
    {"waits for", ORDER_RIGHT_FIRST, 0, sizeof("waits for") - 1},
    {"wait for", ORDER_RIGHT_FIRST, 0, sizeof("wait for") - 1},
    {"requires", ORDER_RIGHT_FIRST, 0, sizeof("requires") - 1},
    {"require", ORDER_RIGHT_FIRST, 0, sizeof("require") - 1},
    {"needs", ORDER_RIGHT_FIRST, 0, sizeof("needs") - 1},
    {"after", ORDER_RIGHT_FIRST, 0, sizeof("after") - 1},
    {"unblocks", ORDER_LEFT_FIRST, 0, sizeof("unblocks") - 1},
    {"unblock", ORDER_LEFT_FIRST, 0, sizeof("unblock") - 1},
    {"blocks", ORDER_LEFT_FIRST, 0, sizeof("blocks") - 1},
    {"block", ORDER_LEFT_FIRST, 0, sizeof("block") - 1},
    {"precedes", ORDER_LEFT_FIRST, 0, sizeof("precedes") - 1},
    {"before", ORDER_LEFT_FIRST, 0, sizeof("before") - 1},
    {"\xE2\x9F\xB6", ORDER_LEFT_FIRST, 1, sizeof("\xE2\x9F\xB6") - 1}, /* ⟶ */
    {"\xE2\x86\x92", ORDER_LEFT_FIRST, 1, sizeof("\xE2\x86\x92") - 1}, /* → */
    {"\xE2\x87\x92", ORDER_LEFT_FIRST, 1, sizeof("\xE2\x87\x92") - 1}, /* ⇒ */
    {"-->", ORDER_LEFT_FIRST, 1, sizeof("-->") - 1},
    {"->", ORDER_LEFT_FIRST, 1, sizeof("->") - 1},
    {"=>", ORDER_LEFT_FIRST, 1, sizeof("=>") - 1},
    {"\xE2\x9F\xB5", ORDER_RIGHT_FIRST, 1, sizeof("\xE2\x9F\xB5") - 1}, /* ⟵ */
    {"\xE4\xBE\x9D\xE8\xB5\x96", ORDER_RIGHT_FIRST, 1, 6}, /* 依赖 depends on */
    {"\xE4\xBE\x9D\xE8\xB3\xB4", ORDER_RIGHT_FIRST, 1, 6}, /* 依賴 */
    {"\xE4\xBE\x9D\xE5\xAD\x98", ORDER_RIGHT_FIRST, 1, 6}, /* 依存 */
    {"\xE9\x98\xBB\xE5\xA1\x9E", ORDER_LEFT_FIRST, 1, 6},  /* 阻塞 blocks */
    {"\xE2\x86\x90", ORDER_RIGHT_FIRST, 1, sizeof("\xE2\x86\x90") - 1}, /* ← */
    {"<--", ORDER_RIGHT_FIRST, 1, sizeof("<--") - 1},
    {"<-", ORDER_RIGHT_FIRST, 1, sizeof("<-") - 1},
};

static const char *const no_order_words[] = {
    "in parallel", "can run parallel", "independent", "no dependencies", "no dependency",
    "can start immediately", "no ordering", "any order", "\xE2\x88\xA5" /* ∥ */, NULL};

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || (unsigned char)c >= 0x80;
}

static int contains_nocase(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++)
        if (prefix_nocase(s, len, i, word)) return 1;
    return 0;
}

/* Can an ordering word start with this byte? Most bytes of a line cannot,
 * so most positions are passed over with one lookup. */
static int may_start_word(unsigned char c)
{
    switch (c | 0x20) {
    case 'm': case 'c': case 'i': case 'a': case 'b': case 'd': case 'w': case 'r':
    case 'n': case 'u': case 'p':
        return 1;
    }
    return c == 0xE2 || c == 0xE4 || c == 0xE9 || c == '-' || c == '=' || c == '<';
}

/* The ordering word at i, or NULL. */
static const order_word *order_word_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (!may_start_word(c)) return NULL;
    /* Every word that starts with a letter needs a boundary before it. */
    int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (letter && i > 0 && is_word_char(s[i - 1])) return NULL;
    unsigned char lower = letter ? (unsigned char)(c | 0x20) : c;
    for (size_t k = 0; k < sizeof order_words / sizeof order_words[0]; k++) {
        const order_word *w = &order_words[k];
        size_t n = w->len;
        if ((unsigned char)w->text[0] != lower) continue;
        if (len - i < n || !prefix_nocase(s, len, i, w->text)) continue;
        if (w->symbol) return w;
        if (i > 0 && is_word_char(s[i - 1])) continue;
        if (i + n < len && is_word_char(s[i + n])) continue;
        return w;
    }
    return NULL;
}

/* Parentheses hold labels (`T013 (wire up) blocks T015`): an ordering word
 * inside them does not cut the line. */
static int paren_delta(const char *s, size_t len, size_t i)
{
    if (s[i] == '(') return 1;
    if (s[i] == ')') return -1;
    if (len - i >= 3 && memcmp(s + i, "\xEF\xBC\x88", 3) == 0) return 1;  /* （ */
    if (len - i >= 3 && memcmp(s + i, "\xEF\xBC\x89", 3) == 0) return -1; /* ） */
    return 0;
}

void phrase_split(const char *s, size_t len, phrase_parts *out)
{
    memset(out, 0, sizeof(*out));
    size_t side_start = 0;
    int n = 0, depth = 0;
    for (size_t i = 0; i < len;) {
        int delta = paren_delta(s, len, i);
        if (delta) {
            depth += delta;
            if (depth < 0) depth = 0;
            i++;
            continue;
        }
        const order_word *w = depth ? NULL : order_word_at(s, len, i);
        if (!w) {
            i++;
            continue;
        }
        if (n + 1 >= PHRASE_MAX_SIDES) break;
        out->sides[n] = (phrase_side){side_start, i - side_start};
        out->orders[n] = w->order;
        n++;
        i += w->len;
        side_start = i;
    }
    if (n > 0) {
        out->sides[n] = (phrase_side){side_start, len - side_start};
        out->n_sides = n + 1;
        return;
    }
    /* No ordering word: a line that says so, or a label (`Core Dependencies:`). */
    size_t end = len;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    if (end > 0 && (s[end - 1] == ':' || (end >= 3 && memcmp(s + end - 3, "\xEF\xBC\x9A", 3) == 0)))
        out->no_order = 1;
    for (const char *const *w = no_order_words; *w && !out->no_order; w++)
        if (contains_nocase(s, len, *w)) out->no_order = 1;
}
