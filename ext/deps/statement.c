/* statement.c - a line of dependency prose cut into label, segments and
 * clauses. Words are matched at word boundaries, ignoring ASCII case; text
 * inside parentheses or brackets is a label of what stands before it and is
 * never cut. */
#include "statement.h"
#include "../parse/text_scan.h"

#include <string.h>

typedef enum word_form {
    FORM_WORD,    /* needs word boundaries */
    FORM_SYMBOL,  /* an arrow or a CJK word: no boundary */
    FORM_POSTFIX, /* Japanese, Korean, Chinese: the object stands before it */
    /* A word that orders only after a denial, which it then turns into an
     * order: `US1 cannot begin until T041 is finished`, `No user story work
     * can begin until this phase is complete`; `red until T109` is none. */
    FORM_AFTER_DENIAL
} word_form;

typedef struct order_word {
    const char *text;
    phrase_order order;
    word_form form;
} order_word;

/* Longest first where one is the prefix of another. */
static const order_word order_words[] = {
    {"must be completed before", ORDER_LEFT_FIRST, FORM_WORD},
    {"must complete before", ORDER_LEFT_FIRST, FORM_WORD},
    {"must finish before", ORDER_LEFT_FIRST, FORM_WORD},
    {"must come before", ORDER_LEFT_FIRST, FORM_WORD},
    {"must precede", ORDER_LEFT_FIRST, FORM_WORD},
    {"completes before", ORDER_LEFT_FIRST, FORM_WORD},
    {"comes before", ORDER_LEFT_FIRST, FORM_WORD},
    {"precedes", ORDER_LEFT_FIRST, FORM_WORD},
    {"before", ORDER_LEFT_FIRST, FORM_WORD},
    {"unblocks", ORDER_LEFT_FIRST, FORM_WORD},
    {"unblock", ORDER_LEFT_FIRST, FORM_WORD},
    {"blocks on", ORDER_RIGHT_FIRST, FORM_WORD}, /* `T095 blocks on T090`: waits for it */
    {"block on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"blocked on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"blocks", ORDER_LEFT_FIRST, FORM_WORD},
    {"block", ORDER_LEFT_FIRST, FORM_WORD},
    {"required by", ORDER_LEFT_FIRST, FORM_WORD},
    {"required for", ORDER_LEFT_FIRST, FORM_WORD},
    {"needed by", ORDER_LEFT_FIRST, FORM_WORD},
    {"needed for", ORDER_LEFT_FIRST, FORM_WORD},
    {"prerequisite for", ORDER_LEFT_FIRST, FORM_WORD},
    {"prerequisite of", ORDER_LEFT_FIRST, FORM_WORD},
    {"prerequisite to", ORDER_LEFT_FIRST, FORM_WORD},
    {"foundation for", ORDER_LEFT_FIRST, FORM_WORD},
    {"followed by", ORDER_LEFT_FIRST, FORM_WORD},
    {"is blocked by", ORDER_RIGHT_FIRST, FORM_WORD},
    {"are blocked by", ORDER_RIGHT_FIRST, FORM_WORD},
    {"blocked by", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depends upon", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depends on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depend upon", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depend on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depending on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"dependent upon", ORDER_RIGHT_FIRST, FORM_WORD},
    {"dependent on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"relies on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"rely on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"waits for", ORDER_RIGHT_FIRST, FORM_WORD},
    {"wait for", ORDER_RIGHT_FIRST, FORM_WORD},
    {"waits on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"requires", ORDER_RIGHT_FIRST, FORM_WORD},
    {"require", ORDER_RIGHT_FIRST, FORM_WORD},
    {"needs", ORDER_RIGHT_FIRST, FORM_WORD},
    {"follows", ORDER_RIGHT_FIRST, FORM_WORD},
    {"builds upon", ORDER_RIGHT_FIRST, FORM_WORD},
    {"builds on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"gated by", ORDER_RIGHT_FIRST, FORM_WORD},
    {"gated on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"after", ORDER_RIGHT_FIRST, FORM_WORD},
    {"until", ORDER_RIGHT_FIRST, FORM_AFTER_DENIAL},
    {"depende de", ORDER_RIGHT_FIRST, FORM_WORD}, /* es, pt */
    {"dependen de", ORDER_RIGHT_FIRST, FORM_WORD},
    {"despu\xC3\xA9s de", ORDER_RIGHT_FIRST, FORM_WORD}, /* después de */
    {"ap\xC3\xB3s", ORDER_RIGHT_FIRST, FORM_WORD},       /* após */
    {"antes de", ORDER_LEFT_FIRST, FORM_WORD},
    {"d\xC3\xA9pend de", ORDER_RIGHT_FIRST, FORM_WORD},    /* dépend de */
    {"apr\xC3\xA8s", ORDER_RIGHT_FIRST, FORM_WORD},        /* après */
    {"abh\xC3\xA4ngig von", ORDER_RIGHT_FIRST, FORM_WORD}, /* abhängig von */
    {"zale\xC5\xBCy od", ORDER_RIGHT_FIRST, FORM_WORD},    /* zależy od */
    {"\xE2\x9F\xB6", ORDER_LEFT_FIRST, FORM_SYMBOL},       /* ⟶ */
    {"\xE2\x86\x92", ORDER_LEFT_FIRST, FORM_SYMBOL},       /* → */
    {"\xE2\x87\x92", ORDER_LEFT_FIRST, FORM_SYMBOL},       /* ⇒ */
    {"\xE2\x96\xB6", ORDER_LEFT_FIRST, FORM_SYMBOL},       /* ▶ */
    {"\xE2\x96\xBA", ORDER_LEFT_FIRST, FORM_SYMBOL},       /* ► */
    {"-->", ORDER_LEFT_FIRST, FORM_SYMBOL},
    {"->", ORDER_LEFT_FIRST, FORM_SYMBOL},
    {"=>", ORDER_LEFT_FIRST, FORM_SYMBOL},
    {"\xE2\x9F\xB5", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* ⟵ */
    {"\xE2\x86\x90", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* ← */
    {"\xE2\x97\x84", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* ◄ */
    {"\xE2\x97\x80", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* ◀ */
    {"<--", ORDER_RIGHT_FIRST, FORM_SYMBOL},
    {"<-", ORDER_RIGHT_FIRST, FORM_SYMBOL},
    {"\xE4\xBE\x9D\xE8\xB5\x96", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 依赖 */
    {"\xE4\xBE\x9D\xE8\xB3\xB4", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 依賴 */
    {"\xE9\x98\xBB\xE5\xA1\x9E", ORDER_LEFT_FIRST, FORM_SYMBOL},  /* 阻塞 */
    /* Postfix: `2.1の完了後`, `User Story 1 완료 필요`, `Foundational 完成后` */
    {"\xE3\x81\xAE\xE5\xAE\x8C\xE4\xBA\x86\xE5\xBE\x8C", ORDER_RIGHT_FIRST,
     FORM_POSTFIX},                                                            /* の完了後 */
    {"\xE5\xAE\x8C\xE4\xBA\x86\xE5\xBE\x8C", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* 完了後 */
    {"\xE3\x81\xAB\xE4\xBE\x9D\xE5\xAD\x98", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* に依存 */
    {"\xE5\xAE\x8C\xE6\x88\x90\xE5\x90\x8E", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* 完成后 */
    {"\xE5\xAE\x8C\xE6\x88\x90\xE5\xBE\x8C", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* 完成後 */
    {"\xE4\xB9\x8B\xE5\x90\x8E", ORDER_RIGHT_FIRST, FORM_POSTFIX},             /* 之后 */
    {"\xE4\xB9\x8B\xE5\xBE\x8C", ORDER_RIGHT_FIRST, FORM_POSTFIX},             /* 之後 */
    {"\xEC\x99\x84\xEB\xA3\x8C \xED\x95\x84\xEC\x9A\x94", ORDER_RIGHT_FIRST,
     FORM_POSTFIX},                                                             /* 완료 필요 */
    {"\xEC\x99\x84\xEB\xA3\x8C \xED\x9B\x84", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* 완료 후 */
    {"\xEC\x97\x90 \xEC\x9D\x98\xEC\xA1\xB4", ORDER_RIGHT_FIRST, FORM_POSTFIX}, /* 에 의존 */
};

/* A label that is itself a relation: `Depends on: T003`, `Blocked by: 2`. */
static const order_word relation_labels[] = {
    {"depends on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depends", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depend on", ORDER_RIGHT_FIRST, FORM_WORD},
    {"dependencies", ORDER_RIGHT_FIRST, FORM_WORD},
    {"dependency", ORDER_RIGHT_FIRST, FORM_WORD},
    {"deps", ORDER_RIGHT_FIRST, FORM_WORD},
    {"dep", ORDER_RIGHT_FIRST, FORM_WORD},
    {"blocked by", ORDER_RIGHT_FIRST, FORM_WORD},
    {"requires", ORDER_RIGHT_FIRST, FORM_WORD},
    {"prerequisites", ORDER_RIGHT_FIRST, FORM_WORD},
    {"prerequisite", ORDER_RIGHT_FIRST, FORM_WORD},
    {"needs", ORDER_RIGHT_FIRST, FORM_WORD},
    {"after", ORDER_RIGHT_FIRST, FORM_WORD},
    {"waits for", ORDER_RIGHT_FIRST, FORM_WORD},
    {"blocks", ORDER_LEFT_FIRST, FORM_WORD},
    {"unblocks", ORDER_LEFT_FIRST, FORM_WORD},
    {"required by", ORDER_LEFT_FIRST, FORM_WORD},
    {"dependencias", ORDER_RIGHT_FIRST, FORM_WORD},
    {"depend\xC3\xAAncias", ORDER_RIGHT_FIRST, FORM_WORD},   /* dependências */
    {"d\xC3\xA9pendances", ORDER_RIGHT_FIRST, FORM_WORD},    /* dépendances */
    {"abh\xC3\xA4ngigkeiten", ORDER_RIGHT_FIRST, FORM_WORD}, /* abhängigkeiten */
    {"ba\xC4\x9F\xC4\xB1ml\xC4\xB1l\xC4\xB1klar", ORDER_RIGHT_FIRST, FORM_WORD}, /* bağımlılıklar */
    {"ba\xC4\x9F\xC4\xB1ml\xC4\xB1l\xC4\xB1k", ORDER_RIGHT_FIRST, FORM_WORD}, /* bağımlılık */
    {"\xD0\xB7\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x81\xD0\xB8\xD0\xBC\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8",
     ORDER_RIGHT_FIRST, FORM_WORD},                               /* зависимости */
    {"\xE4\xBE\x9D\xE8\xB5\x96", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 依赖 */
    {"\xE4\xBE\x9D\xE8\xB3\xB4", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 依賴 */
    {"\xE4\xBE\x9D\xE5\xAD\x98", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 依存 */
    {"\xEC\x9D\x98\xEC\xA1\xB4\xEC\x84\xB1", ORDER_RIGHT_FIRST, FORM_SYMBOL}, /* 의존성 */
    {"\xEC\x84\xA0\xED\x96\x89", ORDER_RIGHT_FIRST, FORM_SYMBOL},             /* 선행 */
    {"\xE5\x89\x8D\xE7\xBD\xAE", ORDER_RIGHT_FIRST, FORM_SYMBOL},             /* 前置 */
    {"\xE5\x89\x8D\xE6\x8F\x90", ORDER_RIGHT_FIRST, FORM_SYMBOL},             /* 前提 */
};

/* A segment that says there is no order. */
static const char *const no_order_phrases[] = {
    "in parallel",
    "can run parallel",
    "can parallel",
    "parallel with",
    "parallelizable",
    "independent",
    "no dependencies",
    "no dependency",
    "no prerequisite",
    "no blockers",
    "no other story dependencies",
    "not depend",
    "n't depend",
    "can start immediately",
    "can start first",
    "no ordering",
    "any order",
    "\xE2\x88\xA5" /* ∥ */,
    "\xE4\xB8\xA6\xE8\xA1\x8C" /* 並行 */,
    "\xE5\xB9\xB6\xE8\xA1\x8C" /* 并行 */,
    "\xEB\xB3\x91\xEB\xA0\xAC" /* 병렬 */,
    "\xE7\x8B\xAC\xE7\xAB\x8B" /* 独立 */,
    "\xE7\x8D\xA8\xE7\xAB\x8B" /* 獨立 */,
    "\xE7\x84\xA1\xE4\xBE\x9D" /* 無依 */,
    "\xE6\x97\xA0\xE4\xBE\x9D" /* 无依 */,
    "\xE4\xBE\x9D\xE5\xAD\x98\xE3\x81\xAA\xE3\x81\x97" /* 依存なし */,
    "\xEC\x9D\x98\xEC\xA1\xB4\xEC\x84\xB1 \xEC\x97\x86" /* 의존성 없 */,
    NULL};

/* A whole segment that says "nothing": `None`, `N/A`. */
static const char *const nothing_words[] = {"none",
                                            "n/a",
                                            "nothing",
                                            "-",
                                            "\xE3\x81\xAA\xE3\x81\x97",
                                            "\xE6\x97\xA0",
                                            "\xEC\x97\x86\xEC\x9D\x8C",
                                            NULL};

/* A segment that only suggests an order. */
static const char *const hedge_phrases[] = {"recommend",
                                            "suggest",
                                            "ideally",
                                            "preferabl",
                                            "optional",
                                            "valuable",
                                            "benefit",
                                            "nice to have",
                                            "if desired",
                                            "if staffed",
                                            "or sequentially",
                                            "could ",
                                            "might ",
                                            "\xE5\xBB\xBA\xE8\xAD\xB0" /* 建議 */,
                                            "\xE5\xBB\xBA\xE8\xAE\xAE" /* 建议 */,
                                            "\xE6\x8E\xA8\xE8\x8D\x90" /* 推荐 */,
                                            "\xE6\x8E\xA8\xE8\x96\xA6" /* 推薦 */,
                                            "\xEA\xB6\x8C\xEC\x9E\xA5" /* 권장 */,
                                            "\xE6\x8E\xA8\xE5\xA5\xA8" /* 推奨 */,
                                            NULL};

/* After an arrow, a verb: the arrow stands for a colon (`US3 (P2) → depends
 * on US1`, `US1 → can start first`). */
static const char *const verbs_after_arrow[] = {
    "can",      "could",    "should", "must",     "may",     "might",  "will",     "is",
    "are",      "starts",   "start",  "begins",   "depends", "depend", "requires", "needs",
    "blocks",   "unblocks", "has",    "have",     "no",      "none",   "first",    "extends",
    "operates", "reuses",   "uses",   "provides", "runs",    "run",    "only",     "also",
    "then",     "ready",    "done",   NULL};

static int is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (unsigned char)c >= 0x80;
}

static int is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* An id-like token at i: `T004`, `US2`, `3`. */
static int id_like_at(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && k - i < 5 && ascii_is_upper(s[k]))
        k++;
    return k < len && ascii_is_digit(s[k]);
}

/* The word `w` at i, at word boundaries when it is one. Returns its length. */
static size_t word_at(const char *s, size_t len, size_t i, const order_word *w)
{
    size_t n = prefix_nocase(s, len, i, w->text);
    if (!n) return 0;
    /* `qApp->topLevelWidgets()`, `a=>b`: code, not an arrow; `T001->T002` is one. */
    if (w->form == FORM_SYMBOL && (unsigned char)w->text[0] < 0xE4 && i > 0 && i + n < len &&
        is_ascii_letter(s[i - 1]) && is_ascii_letter(s[i + n]) && !id_like_at(s, len, i + n))
        return 0; /* `specify→plan→tasks`: a flow named in a sentence */
    if (w->form != FORM_WORD && w->form != FORM_AFTER_DENIAL) return n;
    if (i > 0 && is_word_byte(s[i - 1]) && is_ascii_letter(s[i])) return 0;
    if (i + n < len && is_word_byte(s[i + n]) && is_ascii_letter(s[i + n - 1])) return 0;
    return n;
}

/* Words indexed by their first byte, so that a scan tries at each position
 * only the few words that can start there (the reader looks at every byte of
 * every task line). Built on first use; two threads building it at once
 * compute the same table apart and store it with atomic stores, so neither
 * ever reads a half-built one. */
#define WORD_INDEX_MAX 255

typedef struct word_index {
    int ready;
    unsigned char head[256];            /* 1 + the first word starting with the byte; 0: none */
    unsigned char next[WORD_INDEX_MAX]; /* 1 + the next word with the same first byte */
    unsigned char pairs[256][32];       /* bit (a, b): some word starts with bytes a, b */
} word_index;

static unsigned char lower_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static void word_index_build(word_index *x, const char *(*text_of)(size_t k), size_t n)
{
    unsigned char head[256] = {0}, next[WORD_INDEX_MAX] = {0};
    unsigned char built[256][32] = {{0}};
    for (size_t k = n < WORD_INDEX_MAX ? n : WORD_INDEX_MAX; k-- > 0;) {
        const unsigned char *w = (const unsigned char *)text_of(k);
        next[k] = head[w[0]];
        head[w[0]] = (unsigned char)(k + 1);
        if (w[1])
            built[w[0]][w[1] >> 3] |= (unsigned char)(1u << (w[1] & 7));
        else /* a one-byte word may be followed by any byte */
            memset(built[w[0]], 0xFF, sizeof built[w[0]]);
    }
    for (size_t c = 0; c < 256; c++) {
        __atomic_store_n(&x->head[c], head[c], __ATOMIC_RELAXED);
        for (size_t b = 0; b < 32; b++)
            __atomic_store_n(&x->pairs[c][b], built[c][b], __ATOMIC_RELAXED);
    }
    for (size_t k = 0; k < WORD_INDEX_MAX; k++)
        __atomic_store_n(&x->next[k], next[k], __ATOMIC_RELAXED);
    __atomic_store_n(&x->ready, 1, __ATOMIC_RELEASE);
}

static void word_index_ready(word_index *x, const char *(*text_of)(size_t k), size_t n)
{
    if (!__atomic_load_n(&x->ready, __ATOMIC_ACQUIRE)) word_index_build(x, text_of, n);
}

/* Whether some word starts with the (lowercased) bytes at s[i] and s[i+1]:
 * most positions fail here, before any word is tried. The index is ready. */
static inline int word_index_may_start(const word_index *x, const char *s, size_t len, size_t i)
{
    unsigned char c = lower_ascii((unsigned char)s[i]);
    unsigned char b = i + 1 < len ? lower_ascii((unsigned char)s[i + 1]) : 0;
    return (__atomic_load_n(&x->pairs[c][b >> 3], __ATOMIC_RELAXED) >> (b & 7)) & 1;
}

/* The first word (in the list's order) that may start at s[i]: 1 + its
 * index, 0 when none. Words are lowercase: the text is compared lowercased. */
static size_t word_index_first(word_index *x, const char *(*text_of)(size_t k), size_t n,
                               const char *s, size_t len, size_t i)
{
    word_index_ready(x, text_of, n);
    size_t k = __atomic_load_n(&x->head[lower_ascii((unsigned char)s[i])], __ATOMIC_RELAXED);
    return k && word_index_may_start(x, s, len, i) ? k : 0;
}

static size_t word_index_next(word_index *x, size_t k)
{
    return __atomic_load_n(&x->next[k - 1], __ATOMIC_RELAXED);
}

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

static const char *order_word_text(size_t k)
{
    return order_words[k].text;
}

static word_index order_word_index;

/* The ordering word that starts at s[i], if any. `whole`: the word as the
 * reader takes it (word_at: what follows it checked too); else any word
 * whose text starts there, a superset (statement_may_order()). */
static const order_word *order_word_starting(const char *s, size_t len, size_t i, size_t *n,
                                             int whole)
{
    if (i >= len) return NULL;
    /* Inside a word only a symbol may start, and no symbol starts with a letter. */
    if (i > 0 && is_word_byte(s[i - 1]) && is_ascii_letter(s[i])) return NULL;
    for (size_t k =
             word_index_first(&order_word_index, order_word_text, COUNT_OF(order_words), s, len, i);
         k; k = word_index_next(&order_word_index, k)) {
        const order_word *w = &order_words[k - 1];
        size_t m = whole ? word_at(s, len, i, w) : prefix_nocase(s, len, i, w->text);
        if (m) {
            *n = m;
            return w;
        }
    }
    return NULL;
}

static const order_word *ordering_word_at(const char *s, size_t len, size_t i, size_t *n)
{
    return order_word_starting(s, len, i, n, 1);
}

static int contains_nocase(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    unsigned char first = (unsigned char)word[0];
    for (size_t i = 0; i + n <= len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
        if (c == first && prefix_nocase(s, len, i, word)) return 1;
    }
    return 0;
}

static int bracket_delta(const char *s, size_t len, size_t i, size_t *n)
{
    *n = 1;
    if (s[i] == '(' || s[i] == '[') return 1;
    if (s[i] == ')' || s[i] == ']') return -1;
    *n = 3;
    if (len - i >= 3 && memcmp(s + i, "\xEF\xBC\x88", 3) == 0) return 1;  /* （ */
    if (len - i >= 3 && memcmp(s + i, "\xEF\xBC\x89", 3) == 0) return -1; /* ） */
    *n = 1;
    return 0;
}

static text_part trimmed(const char *s, size_t start, size_t end)
{
    while (start < end && (s[start] == ' ' || s[start] == '\t' || s[start] == ',' ||
                           s[start] == '*' || s[start] == '_' || s[start] == '`'))
        start++;
    while (end > start &&
           (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '.' || s[end - 1] == ',' ||
            s[end - 1] == '*' || s[end - 1] == '_' || s[end - 1] == '`' || s[end - 1] == ':'))
        end--;
    return (text_part){start, end - start};
}

/* An id-like token ends just before `i` (`T004`, `1.2`, `US3`): a dash
 * after it may be a range. */
static int id_ends_at(const char *s, size_t i)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    return i > 0 && ascii_is_digit(s[i - 1]);
}

static int id_starts_at(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    size_t k = i;
    while (k < len && k - i < 5 && ascii_is_upper(s[k]))
        k++;
    return k < len && ascii_is_digit(s[k]);
}

/* `e.g.`, `i.e.`, `vs.`, `etc.` end at i: no sentence ends there. */
static int abbreviation_before(const char *s, size_t i)
{
    static const char *const words[] = {"e.g", "i.e", "vs", "etc", "approx", "cf", "incl", NULL};
    for (const char *const *w = words; *w; w++) {
        size_t n = strlen(*w);
        if (i >= n && prefix_nocase(s, i, i - n, *w) && (i == n || !is_word_byte(s[i - n - 1])))
            return 1;
    }
    return 0;
}

/* A separator between segments at i (depth 0): its length, or 0. */
static size_t segment_break(const char *s, size_t len, size_t i)
{
    char c = s[i];
    unsigned char u = (unsigned char)c;
    /* Every break below starts with one of these bytes; most bytes are none. */
    if (c != ';' && c != '.' && c != ',' && c != ' ' && u != 0xEF && u != 0xE3 && u != 0xE2)
        return 0;
    if (c == ';') return 1;
    if (len - i >= 3 && (memcmp(s + i, "\xEF\xBC\x9B", 3) == 0 || /* ； */
                         memcmp(s + i, "\xE3\x80\x82", 3) == 0))  /* 。 */
        return 3;
    /* A sentence ends: `. ` then a capital, after a word, a number or a
     * closing bracket (not `e.g. `, `vs. `). */
    if (c == '.' && i + 2 < len && s[i + 1] == ' ' &&
        (is_ascii_letter(s[i + 2]) || (unsigned char)s[i + 2] >= 0x80) && i > 1 &&
        ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || ascii_is_digit(s[i - 1]) || s[i - 1] == ')' ||
         s[i - 1] == '`' || s[i - 1] == '*') &&
        s[i - 2] != '.' && s[i - 2] != ' ' && !abbreviation_before(s, i))
        return 1;
    /* ` - `, ` – `, ` — `, and an em dash glued between words, unless it
     * stands between two ids (a range: `T004 - T007`). */
    /* `..., so US3 must complete before US1`: what follows is a clause of its own */
    /* (each connective starts with a comma, each dash with a blank or 0xE2) */
    static const char *const connectives[] = {", so ",    ", therefore ", ", thus ",
                                              ", hence ", ", but ",       NULL};
    for (const char *const *k = connectives; c == ',' && *k; k++) {
        size_t n = strlen(*k);
        if (len - i >= n && memcmp(s + i, *k, n) == 0) return n;
    }
    static const char *const dashes[] = {" - ",          " -- ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         "\xE2\x80\x94", NULL};
    if (c != ' ' && u != 0xE2) return 0;
    if (c == ' ' && i + 1 < len && s[i + 1] != '-' && (unsigned char)s[i + 1] != 0xE2) return 0;
    for (const char *const *d = dashes; *d; d++) {
        size_t n = strlen(*d);
        if (len - i < n || memcmp(s + i, *d, n) != 0) continue;
        if (id_ends_at(s, i) && id_starts_at(s, len, i + n)) return 0;
        return n;
    }
    return 0;
}

typedef struct found_word {
    size_t at, len;
    const order_word *word;
} found_word;

/* Where clause i's object ends and clause i+1's subject starts, in the text
 * between two ordering words: the last `, `, ` and `, ` & ` at depth 0.
 * Returns 1 with *end and *next set, 0 when there is none. */
static int cut_between(const char *s, size_t from, size_t to, size_t *end, size_t *next)
{
    static const char *const cuts[] = {", ", " and ", " & ", " but ", "\xEF\xBC\x8C", NULL};
    int depth = 0, found = 0;
    for (size_t i = from; i < to; i++) {
        size_t bn;
        depth += bracket_delta(s, to, i, &bn);
        if (depth < 0) depth = 0;
        if (depth) continue;
        for (const char *const *c = cuts; *c; c++) {
            size_t n = strlen(*c);
            if (to - i >= n && memcmp(s + i, *c, n) == 0) {
                *end = i;
                *next = i + n;
                found = 1;
            }
        }
    }
    return found;
}

static int first_word_is_verb(const char *s, size_t from, size_t to)
{
    while (from < to && (s[from] == ' ' || s[from] == '*' || s[from] == '_'))
        from++;
    for (const char *const *v = verbs_after_arrow; *v; v++) {
        size_t n = prefix_nocase(s, to, from, *v);
        if (n && (from + n == to || !is_word_byte(s[from + n]))) return 1;
    }
    return 0;
}

/* Whether any of the NULL-terminated `phrases` (indexed by `x`) occurs in
 * s[start, end), ignoring ASCII case: one pass over the text. */
static int contains_any(word_index *x, const char *const *phrases, size_t n_phrases,
                        const char *(*text_of)(size_t k), const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        for (size_t k = word_index_first(x, text_of, n_phrases, s, end, i); k;
             k = word_index_next(x, k))
            if (prefix_nocase(s, end, i, phrases[k - 1])) return 1;
    }
    return 0;
}

static size_t count_phrases(const char *const *phrases)
{
    size_t n = 0;
    while (phrases[n])
        n++;
    return n;
}

static const char *no_order_text(size_t k)
{
    return no_order_phrases[k];
}

static const char *hedge_text(size_t k)
{
    return hedge_phrases[k];
}

static word_index no_order_index, hedge_index;

static int says_no_order(const char *s, size_t start, size_t end)
{
    if (contains_any(&no_order_index, no_order_phrases, count_phrases(no_order_phrases),
                     no_order_text, s, start, end))
        return 1;
    text_part t = trimmed(s, start, end);
    for (const char *const *p = nothing_words; *p; p++) {
        size_t n = strlen(*p);
        if (t.len == n && prefix_nocase(s, t.start + t.len, t.start, *p)) return 1;
    }
    return 0;
}

static int is_hedged(const char *s, size_t start, size_t end)
{
    return contains_any(&hedge_index, hedge_phrases, count_phrases(hedge_phrases), hedge_text, s,
                        start, end);
}

/* Japanese `は` or Korean `은`/`는` standing alone between two words: where
 * the topic (the subject) ends. Returns its offset, 0 when none. */
static size_t topic_particle(const char *s, size_t start, size_t end)
{
    for (size_t i = start + 1; i + 3 <= end; i++) {
        int ha = memcmp(s + i, "\xE3\x81\xAF", 3) == 0; /* は */
        int eun = memcmp(s + i, "\xEC\x9D\x80", 3) == 0 || memcmp(s + i, "\xEB\x8A\x94", 3) == 0;
        if ((ha && s[i - 1] == ' ') || (eun && i + 3 < end && s[i + 3] == ' ')) return i;
    }
    return 0;
}

/* `does not block`, `doesn't depend on`, `never after`: the word is denied. */
static int negated(const char *s, size_t start, size_t at)
{
    static const char *const negations[] = {"not ",       "n't ",     "never ",
                                            "no longer ", "without ", NULL};
    size_t from = at > start + 16 ? at - 16 : start;
    for (const char *const *n = negations; *n; n++)
        if (contains_nocase(s + from, at - from, *n)) return 1;
    return 0;
}

/* A denial, or a wait, in [from, at): what makes `until` an ordering word
 * (`cannot start until`, `Do not start Phase 3 work until`, `waits until`). */
static int denied_before(const char *s, size_t from, size_t at)
{
    static const char *const words[] = {"not ",   "never ", "no ",   "cannot ",  "wait ",
                                        "waits ", "hold ",  "held ", "blocked ", NULL};
    if (contains_nocase(s + from, at - from, "n't ")) return 1; /* `can't`, `don't` */
    for (size_t i = from; i < at; i++) {
        if (i > from && is_word_byte(s[i - 1])) continue;
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(s, at, i, *w)) return 1;
    }
    return 0;
}

/* `but` stands right before `at` (`..., but logically builds on US1`). */
static int but_before(const char *s, size_t start, size_t at)
{
    while (at > start && s[at - 1] == ' ')
        at--;
    return at >= start + 3 && prefix_nocase(s, at, at - 3, "but") &&
           (at - 3 == start || !is_word_byte(s[at - 4]));
}

/* A clause says when its subject can start (`Can start after Phase 2`): a
 * `but` after it (`..., but logically builds on US1 components`) qualifies
 * the work, not its start. */
static int says_start(const char *s, size_t from, size_t to)
{
    static const char *const words[] = {"can start", "can begin", "may start", "can proceed", NULL};
    for (const char *const *w = words; *w; w++)
        if (contains_nocase(s + from, to - from, *w)) return 1;
    return 0;
}

static void add_clause(statement *out, text_part subject, text_part object, phrase_order order,
                       int uncut)
{
    if (out->n_clauses >= STATEMENT_MAX_CLAUSES) return;
    out->clauses[out->n_clauses++] = (clause){subject, object, order, uncut, 0, {0, 0}};
}

/* One segment [start, end): its clauses. `pending` is what the segment
 * before said without an ordering word (`T016 (validation) — after T015`):
 * the subject of a clause here that has none. */
static void read_segment(const char *s, size_t start, size_t end, int first_segment,
                         text_part pending, statement *out)
{
    found_word words[STATEMENT_MAX_CLAUSES];
    int n = 0, depth = 0, code = 0;
    for (size_t i = start; i < end && n < STATEMENT_MAX_CLAUSES;) {
        size_t bn;
        int d = bracket_delta(s, end, i, &bn);
        if (s[i] == '`') code = !code; /* `require(...)` is code, not a word */
        if (d || code) {
            depth += d;
            if (depth < 0) depth = 0;
            i += bn;
            continue;
        }
        size_t wn;
        const order_word *w = depth ? NULL : ordering_word_at(s, end, i, &wn);
        if (!w) {
            i++;
            continue;
        }
        size_t from = n ? words[n - 1].at + words[n - 1].len : start;
        if (w->form != FORM_AFTER_DENIAL || denied_before(s, from, i))
            words[n++] = (found_word){i, wn, w};
        i += wn;
    }
    out->ordering_words += n;
    if (n == 0) {
        if (says_no_order(s, start, end))
            out->says_no_order = 1;
        else if (first_segment && out->label_relation && !is_hedged(s, start, end))
            /* `Depends on: T003, T004`: the object of the label's relation */
            add_clause(out, (text_part){0, 0}, trimmed(s, start, end), out->label_order, 0);
        return;
    }
    text_part colon_subject = {0, 0}; /* what stands before an arrow used as a colon */
    size_t subject_start = start;
    int pending_uncut = 0;
    for (int k = 0; k < n; k++) {
        const found_word *w = &words[k];
        const found_word *next = k + 1 < n ? &words[k + 1] : NULL;
        size_t after = w->at + w->len, next_at = next ? next->at : end;
        int arrow = w->word->form == FORM_SYMBOL && (unsigned char)w->word->text[0] < 0xE4;
        /* An arrow followed by a verb, a "no order", or a postfix word stands
         * for a colon: `US3 (P2) → depends on US1`, `US1 → can start first`. */
        if (arrow && (first_word_is_verb(s, after, next_at) || says_no_order(s, after, next_at) ||
                      (next && next->word->form == FORM_POSTFIX) ||
                      (next && trimmed(s, after, next_at).len == 0))) {
            colon_subject = trimmed(s, subject_start, w->at);
            subject_start = after;
            out->ordering_words--;
            if (!next && says_no_order(s, after, end)) out->says_no_order = 1;
            continue;
        }
        if (w->word->form == FORM_POSTFIX) {
            /* `2.1の完了後`: the object stands before the word. */
            if (is_hedged(s, subject_start, after))
                out->hedged = 1;
            else {
                /* `テストと仕上げ は US1 完了後`: what stands before the topic
                 * particle is the subject */
                text_part subject = colon_subject.len ? colon_subject : pending;
                size_t object_start = subject_start;
                size_t topic = topic_particle(s, subject_start, w->at);
                if (topic) {
                    subject = trimmed(s, subject_start, topic);
                    object_start = topic + 3;
                }
                add_clause(out, subject, trimmed(s, object_start, w->at), w->word->order, 0);
            }
            subject_start = after;
            continue;
        }
        size_t clause_start = subject_start;
        text_part subject = trimmed(s, subject_start, w->at);
        if (subject.len == 0) subject = colon_subject;
        if (subject.len == 0 && k == 0) subject = pending;
        size_t object_end = next_at, cut_end, cut_next;
        int uncut = pending_uncut;
        pending_uncut = 0;
        if (!next) {
            subject_start = end;
        } else if (arrow && next->word->form == FORM_SYMBOL) {
            subject_start = after; /* a chain, `A → B → C`: B is both */
        } else if (cut_between(s, after, next->at, &cut_end, &cut_next)) {
            object_end = cut_end; /* `T014 depends on T010, T015 depends on T014` */
            subject_start = cut_next;
        } else {
            subject_start = next->at; /* `A after B before C`: whose is B? */
            uncut = pending_uncut = 1;
        }
        /* `is most valuable after US1`, `ideally before T005`: a suggestion;
         * `it does not block US2`: no order at all */
        int before = out->n_clauses;
        if (is_hedged(s, clause_start, object_end) ||
            (out->start_said && but_before(s, start > 6 ? start - 6 : 0, clause_start)))
            out->hedged = 1;
        else if (w->word->form != FORM_AFTER_DENIAL && negated(s, clause_start, w->at))
            out->says_no_order = 1;
        else
            add_clause(out, subject, trimmed(s, after, object_end), w->word->order, uncut);
        if (out->n_clauses > before) {
            clause *added = &out->clauses[out->n_clauses - 1];
            if (says_start(s, clause_start, w->at)) out->start_said = 1;
            added->arrow = arrow;
            if (k == 0 && subject.len && pending.len) added->lead = pending;
        }
    }
}

/* `Label: rest`: a colon at depth 0 with no ordering word before it (except
 * a label that is itself a relation). Returns where the rest starts. */
/* `Depends on: T003`, `**Dependencies**: T001-T014`: where what the label
 * relates starts (after the colon), or 0 when the text opens with no such
 * label; *label gets which. */
static const char *relation_label_text(size_t k)
{
    return relation_labels[k].text;
}

static word_index relation_label_index;

static size_t relation_label_end(const char *s, size_t len, const order_word **label)
{
    size_t opening = 0;
    while (opening < len && (s[opening] == '*' || s[opening] == '_' || s[opening] == ' '))
        opening++;
    if (opening == len) return 0;
    /* the labels with the text's first two bytes, in the list's order */
    for (size_t k = word_index_first(&relation_label_index, relation_label_text,
                                     COUNT_OF(relation_labels), s, len, opening);
         k; k = word_index_next(&relation_label_index, k)) {
        const order_word *w = &relation_labels[k - 1];
        size_t i = opening;
        size_t n = prefix_nocase(s, len, i, w->text);
        if (!n) continue;
        i += n;
        while (i < len && (s[i] == '*' || s[i] == '_' || s[i] == ' '))
            i++;
        size_t colon = i < len && s[i] == ':'                                  ? 1
                       : len - i >= 3 && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0 ? 3
                                                                               : 0;
        if (!colon) continue;
        *label = w;
        return i + colon;
    }
    return 0;
}

static size_t read_label(const char *s, size_t len, statement *out)
{
    const order_word *relation;
    size_t end = relation_label_end(s, len, &relation);
    if (end) {
        out->label_relation = 1;
        out->label_order = relation->order;
        return end;
    }
    int depth = 0;
    for (size_t i = 0; i < len && i < 160;) {
        size_t bn;
        int d = bracket_delta(s, len, i, &bn);
        if (d) {
            depth += d;
            if (depth < 0) depth = 0;
            i += bn;
            continue;
        }
        size_t colon = 0;
        if (!depth && s[i] == ':' && (i + 1 == len || s[i + 1] == ' ')) colon = 1;
        if (!depth && len - i >= 3 && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0) colon = 3;
        if (colon) {
            text_part label = trimmed(s, 0, i);
            if (label.len == 0) return 0;
            out->label = label;
            return i + colon;
        }
        size_t wn;
        if (!depth && ordering_word_at(s, len, i, &wn)) {
            /* `Implementation follows: Models → Commands`: the word ends a
             * label; anywhere else, there is no label. */
            size_t k = i + wn;
            while (k < len && (s[k] == ' ' || s[k] == '*' || s[k] == '_'))
                k++;
            if (k < len && s[k] == ':' && (k + 1 == len || s[k + 1] == ' ')) {
                out->label = trimmed(s, 0, k);
                return k + 1;
            }
            return 0;
        }
        i++;
    }
    return 0;
}

int statement_opens_with_order(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '*' || s[i] == '_'))
        i++;
    size_t n;
    const order_word *w = ordering_word_at(s, len, i, &n);
    if (w && w->form != FORM_POSTFIX) return 1;
    for (size_t k = i < len ? word_index_first(&relation_label_index, relation_label_text,
                                               COUNT_OF(relation_labels), s, len, i)
                            : 0;
         k; k = word_index_next(&relation_label_index, k)) {
        size_t m = prefix_nocase(s, len, i, relation_labels[k - 1].text);
        if (m && i + m < len && (s[i + m] == ':' || s[i + m] == ' ')) return 1;
    }
    /* `2.1の完了後`: a postfix word anywhere (each starts past ASCII) */
    for (size_t k = 0; k < len; k++) {
        if ((unsigned char)s[k] < 0x80) continue;
        size_t m;
        const order_word *v = ordering_word_at(s, len, k, &m);
        if (v && v->form == FORM_POSTFIX) return 1;
    }
    return 0;
}

/* [start, end) holds an ordering word between two sides that name tasks
 * (`T025 before T028-T032`). */
static int orders_tasks(const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end;) {
        size_t n = 0;
        const order_word *w = ordering_word_at(s, end, i, &n);
        if (w && w->form != FORM_AFTER_DENIAL && statement_names_tasks(s + start, i - start) &&
            statement_names_tasks(s + i + n, end - i - n))
            return 1;
        i += w ? n : 1;
    }
    return 0;
}

/* A bracket that opens with an ordering word or a relation label, and
 * names tasks, is no label but a clause of its own: `Layer 2 (depends on
 * Layer 1)`, `T049 — (after T037–T039)`; `US1 (needs variant data)` explains. */
static int opens_clause(const char *s, size_t len, size_t i)
{
    size_t close = i;
    while (close < len && s[close] != ')' && s[close] != ']' &&
           !(len - close >= 3 && memcmp(s + close, "\xEF\xBC\x89", 3) == 0))
        close++;
    return statement_names_tasks(s + i, close - i) && statement_opens_with_order(s + i, close - i);
}

/* `Translation before compilation (T028-T032 before T033 in US1)`: a
 * bracket closing the line that says the order of prose that names no task
 * again in ids. It, not the prose, is the clause: the ids are what the
 * author means. */
static int restates_in_ids(const char *s, size_t len, size_t i)
{
    size_t close = i;
    while (close < len && s[close] != ')' && s[close] != ']')
        close++;
    size_t rest = close + (close < len);
    while (rest < len && (s[rest] == ' ' || s[rest] == '.' || s[rest] == '*' || s[rest] == '_'))
        rest++;
    return close < len && rest == len && orders_tasks(s, i, close);
}

/* [start, end) holds an ordering word with words on both sides of it. */
static int clause_before(const char *s, size_t start, size_t end)
{
    int depth = 0;
    for (size_t i = start; i < end;) {
        size_t bn, n = 0;
        int d = bracket_delta(s, end, i, &bn);
        if (d) {
            depth += d;
            if (depth < 0) depth = 0;
            i += bn;
            continue;
        }
        const order_word *w = depth ? NULL : ordering_word_at(s, end, i, &n);
        if (w && trimmed(s, start, i).len && trimmed(s, i + n, end).len) return 1;
        i += w ? n : 1;
    }
    return 0;
}

/* Reads segment [segment, i) and keeps what it says without an ordering
 * word for the next one. */
static void read_between(const char *s, size_t segment, size_t i, int *first, text_part *pending,
                         statement *out)
{
    if (i <= segment) return;
    int before = out->n_clauses, words = out->ordering_words;
    read_segment(s, segment, i, *first, *pending, out);
    *first = 0;
    int said = out->n_clauses > before || out->ordering_words > words;
    *pending = said ? (text_part){0, 0} : trimmed(s, segment, i);
}

int statement_may_order(const char *s, size_t len)
{
    const order_word *relation;
    if (relation_label_end(s, len, &relation)) return 1;
    /* Every position an ordering word may start at, as ordering_word_at()
     * takes it, but with no test of what follows the word: the segments the
     * reader cuts end earlier than the text, and a word that ends a segment
     * passes there a test it might fail here. So this finds a superset.
     * order_word_starting()'s own first tests are made here, in the loop,
     * since most positions fail them. */
    word_index_ready(&order_word_index, order_word_text, COUNT_OF(order_words));
    size_t n;
    for (size_t i = 0; i < len;) {
        if (word_index_may_start(&order_word_index, s, len, i) &&
            order_word_starting(s, len, i, &n, 0))
            return 1;
        /* the letters after a word byte start nothing: past them at once */
        if (is_word_byte(s[i++]))
            while (i < len && is_ascii_letter(s[i]))
                i++;
    }
    return 0;
}

void statement_read(const char *s, size_t len, statement *out)
{
    memset(out, 0, sizeof(*out));
    size_t start = read_label(s, len, out);
    if (out->label.len) out->rest = trimmed(s, start, len);
    int depth = 0, first = 1, clause_depth = -1, bracket_first = 0;
    size_t segment = start;
    text_part pending = {0, 0}, near = {0, 0};
    for (size_t i = start; i < len;) {
        size_t bn;
        int d = bracket_delta(s, len, i, &bn);
        int restates = d > 0 && depth == 0 && !statement_names_tasks(s + segment, i - segment) &&
                       restates_in_ids(s, len, i + bn);
        if (d > 0 && depth == 0 && (restates || opens_clause(s, len, i + bn))) {
            int before = out->n_clauses;
            read_between(s, segment, i, &first, &pending, out);
            if (restates) out->n_clauses = before;
            /* `T091-T092b ──▶ T093-T094 [needs T030]`: the bracket is about
             * the waiting side it follows, not about the clause's subject */
            near = (text_part){0, 0};
            if (out->n_clauses > 0 && out->clauses[out->n_clauses - 1].order == ORDER_LEFT_FIRST) {
                text_part last = out->clauses[out->n_clauses - 1].object;
                if (last.len && trimmed(s, last.start + last.len, i).len == 0) near = last;
            }
            bracket_first = out->n_clauses;
            clause_depth = 1;
            depth = 1;
            i += bn;
            segment = i;
            continue;
        }
        if (d < 0 && depth == 1 && clause_depth == 1) {
            read_between(s, segment, i, &first, &pending, out);
            for (int k = bracket_first; k < out->n_clauses && near.len; k++)
                if (out->clauses[k].subject.len == 0) out->clauses[k].subject = near;
            clause_depth = -1;
            depth = 0;
            i += bn;
            segment = i;
            continue;
        }
        if (d) {
            depth += d;
            if (depth < 0) depth = 0;
            i += bn;
            continue;
        }
        size_t n = (depth && clause_depth < 0) || depth > 1 ? 0 : segment_break(s, len, i);
        if (!n && !depth && s[i] == ':' && i + 1 < len && s[i + 1] == ' ' &&
            clause_before(s, segment, i))
            n = 1; /* `Phase 1 → Phase 2: Supabase dependencies must land first` */
        if (!n) {
            i++;
            continue;
        }
        read_between(s, segment, i, &first, &pending, out);
        /* what a sentence said without an ordering word is no subject of
         * the next one (`T026 re-PASSED live. Unblocks T055.`: the task's) */
        if (s[i] == '.' || s[i] == ';' ||
            (len - i >= 3 && (memcmp(s + i, "\xE3\x80\x82", 3) == 0 || /* 。 */
                              memcmp(s + i, "\xEF\xBC\x9B", 3) == 0))) /* ； */
            pending = (text_part){0, 0};
        i += n;
        segment = i;
    }
    read_between(s, segment, len, &first, &pending, out);
}

int statement_only_suggests(const char *s, size_t len)
{
    return is_hedged(s, 0, len);
}

size_t statement_head(const char *s, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len;) {
        size_t bn, n;
        int d = bracket_delta(s, len, i, &bn);
        if (d) {
            depth += d;
            if (depth < 0) depth = 0;
            i += bn;
            continue;
        }
        if (!depth && (segment_break(s, len, i) || ordering_word_at(s, len, i, &n) ||
                       (s[i] == ':' && (i + 1 == len || s[i + 1] == ' '))))
            return trimmed(s, 0, i).len ? i : len;
        i++;
    }
    return len;
}

int statement_list_items(const char *s, size_t len, text_part *items, int max)
{
    static const char *const cuts[] = {", ",
                                       " + ",
                                       "; ",
                                       " - ",
                                       " \xE2\x80\x94 ",
                                       "\xE3\x80\x81" /* 、 */,
                                       "\xEF\xBC\x8C" /* ， */,
                                       NULL};
    int n = 0, depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len && n < max;) {
        size_t cut = 0, bn;
        if (i < len) {
            depth += bracket_delta(s, len, i, &bn);
            if (depth < 0) depth = 0;
            for (const char *const *c = cuts; *c && !depth && !cut; c++)
                if (len - i >= strlen(*c) && memcmp(s + i, *c, strlen(*c)) == 0) cut = strlen(*c);
            if (!cut) {
                i++;
                continue;
            }
        }
        text_part item = trimmed(s, start, i);
        if (item.len && !says_no_order(s, start, i) && !is_hedged(s, start, i)) items[n++] = item;
        if (i == len) break;
        i += cut;
        start = i;
    }
    return n;
}

int statement_names_tasks(const char *s, size_t len)
{
    /* A group word with a number after it: `Phase 2`, `Step 3`, `story 1`.
     * `after each step` names no task. */
    static const char *const words[] = {
        "phases", "phase", "steps",     "step",       "stages", "stage", "tiers",
        "tier",   "waves", "wave",      "user story", "story",  "tasks", "task",
        "layers", "layer", "milestone", "sprint",     "fase",   "etapa", NULL};
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && is_word_byte(s[i - 1]) && is_ascii_letter(s[i])) continue;
        /* T004, US3, WP01, TASK-12, 1.2; not a priority, `P2` */
        size_t k = i;
        while (k < len && k - i < 5 && ascii_is_upper(s[k]))
            k++;
        if (k < len && s[k] == '-' && k > i) k++;
        int priority =
            k == i + 1 && s[i] == 'P' && k + 1 <= len && !(k + 1 < len && is_word_byte(s[k + 1]));
        if (k < len && ascii_is_digit(s[k]) && !priority &&
            (k > i || (k + 2 < len && s[k + 1] == '.' && ascii_is_digit(s[k + 2]))))
            return 1;
        for (const char *const *w = words; *w; w++) {
            size_t n = prefix_nocase(s, len, i, *w);
            if (!n) continue;
            while (i + n < len && (s[i + n] == ' ' || s[i + n] == '#'))
                n++;
            if (i + n < len && ascii_is_digit(s[i + n])) return 1;
        }
    }
    return 0;
}
