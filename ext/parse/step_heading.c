/* step_heading.c - step words in the languages the corpus is written in. */
#include "step_heading.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "text_scan.h"

static const char *const step_words[] = {
    "step",    "phase",   "stage", "tier", "milestone", "sprint", "part",   "iteration", "wave",
    "run",     "fase",    "faza",  "faz",  "etapa",     "etape",  "étape",  "Étape",     "paso",
    "passo",   "schritt", "stufe", "stap", "krok",      "adım",   "aşama",  "asama",     "tahap",
    "langkah", "шаг",     "Шаг",   "этап", "Этап",      "фаза",   "Фаза",   "ステップ",  "フェーズ",
    "段階",    "阶段",    "階段",  "步骤", "步驟",      "단계",   "페이즈", NULL};

static int is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t match_step_word(const char *s, size_t len, size_t i)
{
    for (const char *const *w = step_words; *w; w++) {
        size_t n = prefix_nocase(s, len, i, *w);
        if (n && !(i + n < len && is_ascii_letter(s[i + n]))) return n;
    }
    return 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Separators between a step number and its name, in any script. */
static size_t separator_at(const char *s, size_t len, size_t i)
{
    static const char *const seps[] = {
        ":", ".", "-", ")", "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x9A", "\xE3\x80\x81",
        "|", NULL};
    if (i < len && (s[i] == ' ' || s[i] == '\t')) return 1;
    for (const char *const *p = seps; *p; p++) {
        size_t n = strlen(*p);
        if (len - i >= n && memcmp(s + i, *p, n) == 0) return n;
    }
    return 0;
}

/* Reads `3` or `3.2` at i; the end offset, or i when there is no number. */
static size_t read_number(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && ascii_is_digit(s[k]))
        k++;
    if (k == i) return i;
    while (k + 1 < len && s[k] == '.' && ascii_is_digit(s[k + 1])) {
        k++;
        while (k < len && ascii_is_digit(s[k]))
            k++;
    }
    return k;
}

static int finish(const char *s, size_t len, size_t num_start, size_t num_end, size_t i,
                  text_span *number, text_span *name)
{
    if (i < len && !separator_at(s, len, i) &&
        !(i + 3 <= len && memcmp(s + i, "\xE6\xAD\xA5", 3) == 0))
        return 0;
    size_t n;
    while (i < len && (n = separator_at(s, len, i)) != 0)
        i += n;
    size_t end = len;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
    *number = (text_span){num_start, num_end - num_start};
    *name = (text_span){i, end - i};
    return 1;
}

/* Skips leading emoji and punctuation (`🚀 Phase 1`). */
static size_t skip_decoration(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (utf8_is_letter_or_digit(cp)) break;
        i += n;
    }
    return i;
}

int step_heading_parse(const char *s, size_t len, text_span *number, text_span *name)
{
    size_t i = skip_decoration(s, len);
    /* 第2阶段 / 第2步 */
    if (len - i > 3 && memcmp(s + i, "\xE7\xAC\xAC", 3) == 0) {
        size_t num_end = read_number(s, len, i + 3);
        if (num_end == i + 3) return 0;
        size_t k = num_end;
        size_t w = match_step_word(s, len, k);
        if (w)
            k += w;
        else if (len - k >= 3 && memcmp(s + k, "\xE6\xAD\xA5", 3) == 0) /* 步 */
            k += 3;
        else
            return 0;
        return finish(s, len, i + 3, num_end, k, number, name);
    }
    size_t w = match_step_word(s, len, i);
    if (w) {
        size_t num_start = skip_spaces(s, len, i + w);
        if (num_start < len && s[num_start] == '#') num_start++;
        size_t num_end = read_number(s, len, num_start);
        if (num_end == num_start) return 0;
        return finish(s, len, num_start, num_end, num_end, number, name);
    }
    /* A bare number: `1. Setup`, `2: Tests`, `1.1 Models`. */
    size_t num_end = read_number(s, len, i);
    if (num_end == i) return 0;
    int dotted = memchr(s + i, '.', num_end - i) != NULL;
    if (num_end < len && (s[num_end] == '.' || s[num_end] == ':' || s[num_end] == ')') &&
        num_end + 1 < len && (s[num_end + 1] == ' ' || s[num_end + 1] == '\t'))
        return finish(s, len, i, num_end, num_end, number, name);
    if (dotted && num_end < len && s[num_end] == ' ')
        return finish(s, len, i, num_end, num_end, number, name);
    return 0;
}

int is_dependency_heading(const char *s, size_t len)
{
    static const char *const words[] = {"depend",
                                        "execution order",
                                        "order of execution",
                                        "critical path",
                                        "blocking",
                                        "sequencing",
                                        "task order",
                                        "ordering",
                                        "abhängigkeit",
                                        "dependencia",
                                        "dependência",
                                        "зависимост",
                                        "bağımlılık",
                                        "依赖",
                                        "依存",
                                        "相依",
                                        "의존",
                                        "実行順",
                                        "执行顺序",
                                        NULL};
    for (size_t i = 0; i < len; i++) {
        /* Every word starts with one of these bytes: skip the others fast. */
        unsigned char c = (unsigned char)s[i] | 0x20;
        if (c != 'd' && c != 'e' && c != 'o' && c != 'c' && c != 'b' && c != 's' && c != 't' &&
            c != 'a' && (unsigned char)s[i] < 0xC0)
            continue;
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(s, len, i, *w)) return 1;
    }
    return 0;
}

int is_dependency_label(const char *s, size_t len)
{
    static const char *const words[] = {"prerequisite", "blocked by", "requires", "needs",
                                        "waits for",    "after",      NULL};
    size_t end = 0;
    while (end < len && end < 80 && s[end] != ':' &&
           !(len - end >= 3 && memcmp(s + end, "\xEF\xBC\x9A", 3) == 0))
        end++;
    if (end == len || end == 80 || end == 0) return 0;
    if (is_dependency_heading(s, end)) return 1;
    for (size_t i = 0; i < end; i++)
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(s, end, i, *w)) return 1;
    return 0;
}
