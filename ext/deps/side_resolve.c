/* side_resolve.c - ids and ranges first, then step numbers, stories,
 * numeric (Kiro) ids that exist, `all user stories`, `all preceding`,
 * `all other tasks`, and last step names. */
#include "side_resolve.h"
#include "../base/array_grow.h"
#include "../parse/task_line.h"
#include "../parse/text_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int task_set_add(task_set *set, int task)
{
    if (!grow_array((void **)&set->tasks, &set->cap, set->n, sizeof(int))) return -1;
    set->tasks[set->n++] = task;
    return 0;
}

void task_set_free(task_set *set)
{
    free(set->tasks);
    memset(set, 0, sizeof(*set));
}

static int is_alnum(char c)
{
    return ascii_is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A task id token at i (at a word start): `T004`, `T006a`, `P001`, `TASK-12`;
 * *numeric set for `1.2`. Returns its length or 0. */
/* A task id token at i (at a word start), by the parser's id grammar
 * (task_id_scan), not glued to a word after it. Returns its length or 0. */
static size_t id_token(const char *s, size_t len, size_t i, int *numeric)
{
    *numeric = 0;
    if (i > 0 && is_alnum(s[i - 1])) return 0;
    size_t n = task_id_scan(s + i, len - i, numeric);
    if (!n || (i + n < len && is_alnum(s[i + n]))) return 0;
    return n;
}

/* A range dash between two ids: `-`, `–`, `—`, `..`, ` to `, ` through `. */
static size_t range_separator(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && s[k] == ' ')
        k++;
    static const char *const seps[] = {"\xE2\x80\x93", "\xE2\x80\x94", "..", "-",
                                       "to ",          "through ",     NULL};
    for (const char *const *p = seps; *p; p++) {
        size_t n = strlen(*p);
        if (len - k >= n && memcmp(s + k, *p, n) == 0) {
            k += n;
            while (k < len && s[k] == ' ')
                k++;
            return k - i;
        }
    }
    return 0;
}

static void note_unknown(side_result *out, const char *id, size_t len)
{
    if (out->n_unknown++ == 0) snprintf(out->unknown, sizeof out->unknown, "%.*s", (int)len, id);
}

/* Adds every task with an id between two tasks, in document order. */
static int add_range(const task_document *doc, int from, int to, side_result *out)
{
    if (from > to) {
        int swap = from;
        from = to;
        to = swap;
        out->backwards = 1;
    }
    for (int t = from; t <= to; t++)
        if (doc->tasks[t].id && task_set_add(&out->set, t) < 0) return -1;
    return 0;
}

/* Ids and ranges. `numeric_pass` takes only numeric ids that exist (2:
 * only dotted ones, `1.2`, not a bare `1`). */
/* An id as written, or, for a bare number, relative to `scope`. */
static int find_id(const id_index *index, const char *scope, const char *id, size_t len,
                   int numeric)
{
    int task = id_index_find(index, id, len);
    if (task >= 0 || !numeric || !scope) return task;
    char scoped[96];
    int n = snprintf(scoped, sizeof scoped, "%s.%.*s", scope, (int)len, id);
    if (n <= 0 || (size_t)n >= sizeof scoped) return -1;
    return id_index_find(index, scoped, (size_t)n);
}

static int resolve_ids(const task_document *doc, const id_index *index, const char *scope,
                       const char *s, size_t len, int numeric_pass, side_result *out)
{
    int found = 0;
    for (size_t i = 0; i < len;) {
        int numeric;
        size_t n = id_token(s, len, i, &numeric);
        if (!n || numeric != (numeric_pass != 0) || (numeric_pass == 2 && !memchr(s + i, '.', n))) {
            i += n ? n : 1;
            continue;
        }
        int first = find_id(index, scope, s + i, n, numeric);
        size_t sep = range_separator(s, len, i + n);
        int numeric2 = 0;
        size_t n2 = sep ? id_token(s, len, i + n + sep, &numeric2) : 0;
        if (n2 && numeric2 == numeric) {
            int last = find_id(index, scope, s + i + n + sep, n2, numeric2);
            if (numeric_pass && (first < 0 || last < 0)) {
                i += n;
                continue;
            }
            if (first < 0 && last < 0 && !id_index_has_prefix(index, s + i, n)) {
                i += n + sep + n2; /* `INV-1..INV-8`, `FR-001–FR-004`: no tasks */
                continue;
            }
            found = 1;
            if (first < 0) note_unknown(out, s + i, n);
            if (last < 0) note_unknown(out, s + i + n + sep, n2);
            if (first >= 0 && last >= 0 && add_range(doc, first, last, out) < 0) return -1;
            i += n + sep + n2;
            continue;
        }
        /* `T033+` (not `T018+T020`, two tasks) */
        if (first >= 0 && i + n < len && s[i + n] == '+' && !numeric_pass &&
            !(i + n + 1 < len && is_alnum(s[i + n + 1]))) {
            /* `T033+`: that task and every task after it */
            found = 1;
            if (add_range(doc, first, (int)doc->n_tasks - 1, out) < 0) return -1;
            out->backwards = 0;
            i += n + 1;
            continue;
        }
        if (first >= 0) {
            found = 1;
            if (task_set_add(&out->set, first) < 0) return -1;
        } else if (!numeric_pass && id_index_has_prefix(index, s + i, n)) {
            found = 1;
            note_unknown(out, s + i, n);
        }
        i += n;
    }
    return found;
}

/* `word` at i as a whole word (ASCII case ignored). */
static int match_word_nocase(const char *s, size_t len, size_t i, const char *word)
{
    /* `tests/test_phase3.py` names a file, not phase 3 */
    if (i > 0 && (is_alnum(s[i - 1]) || strchr("_/.-\\", s[i - 1]))) return 0;
    size_t n = prefix_nocase(s, len, i, word);
    return n && !(i + n < len && (s[i + n] >= 'a' && s[i + n] <= 'z'));
}

static int add_step_tasks(const task_document *doc, const char *number, size_t len,
                          side_result *out)
{
    int any = 0;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const char *step = doc->tasks[t].step;
        if (!step) continue;
        size_t sl = strlen(step);
        /* `Phase 3` takes 3 and its sub-phases 3.1, 3.2. */
        if ((sl == len || (sl > len && step[len] == '.')) && memcmp(step, number, len) == 0) {
            if (task_set_add(&out->set, (int)t) < 0) return -1;
            any = 1;
        }
    }
    return any;
}

/* `Phase 2`, `Steps 3, 5, 6, and 7`, `Phases 3-5`. */
static int resolve_steps(const task_document *doc, const char *s, size_t len, side_result *out)
{
    static const char *const words[] = {"steps", "step",  "phases", "phase", "stages",
                                        "stage", "tiers", "tier",   "waves", "wave",
                                        "runs",  "run",   NULL};
    int named = 0;
    for (size_t i = 0; i < len; i++) {
        const char *const *w;
        for (w = words; *w; w++)
            if (match_word_nocase(s, len, i, *w)) break;
        if (!*w) continue;
        size_t k = i + strlen(*w);
        for (;;) {
            while (k < len && (s[k] == ' ' || s[k] == ',' || s[k] == '&' || s[k] == '#'))
                k++;
            if (len - k >= 4 && memcmp(s + k, "and ", 4) == 0) k += 4;
            if (len - k >= 3 && memcmp(s + k, "or ", 3) == 0) k += 3;
            size_t end = skip_dotted(s, len, skip_digits(s, len, k));
            if (end == k) break;
            named = 1;
            size_t sep = range_separator(s, len, end);
            size_t end2 = sep ? skip_digits(s, len, end + sep) : 0;
            if (sep && end2 > end + sep && !memchr(s + k, '.', end - k)) {
                long from = strtol(s + k, NULL, 10), to = strtol(s + end + sep, NULL, 10);
                for (long n = from; n <= to && n - from < 1000; n++) {
                    char number[24];
                    int nl = snprintf(number, sizeof number, "%ld", n);
                    if (add_step_tasks(doc, number, (size_t)nl, out) < 0) return -1;
                }
                k = end2;
            } else if (end < len && s[end] == '+') {
                /* `Phase 3+`: that step and every later one */
                long from = strtol(s + k, NULL, 10);
                for (size_t t = 0; t < doc->n_tasks; t++) {
                    const char *step = doc->tasks[t].step;
                    if (step && strtol(step, NULL, 10) >= from &&
                        task_set_add(&out->set, (int)t) < 0)
                        return -1;
                }
                k = end + 1;
            } else {
                if (add_step_tasks(doc, s + k, end - k, out) < 0) return -1;
                k = end;
            }
        }
        i = k - 1; /* the loop steps on to k: `Phase 2 and Phase 4` */
    }
    return named;
}

/* A step whose name speaks of story n: `User Story 2 - ...`, `US2: ...`;
 * not a story its brackets mention (`User Story 7 (implements US2/US4
 * mechanics)` is story 7's step only). */
static int step_names_story(const char *name, const char *digits, size_t n)
{
    size_t len = strlen(name);
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (name[i] == '(' || name[i] == '[') depth++;
        if ((name[i] == ')' || name[i] == ']') && depth) depth--;
        if (depth) continue;
        size_t at = 0;
        if (prefix_nocase(name, len, i, "user story "))
            at = i + 11;
        else if (prefix_nocase(name, len, i, "story "))
            at = i + 6;
        else if (name[i] == 'U' && i + 1 < len && name[i + 1] == 'S')
            at = i + 2;
        if (!at || (i > 0 && is_alnum(name[i - 1]))) continue;
        if (len - at >= n && memcmp(name + at, digits, n) == 0 &&
            !(at + n < len && ascii_is_digit(name[at + n])))
            return 1;
    }
    return 0;
}

/* The tasks of story `digits`: under the step named for it (`Phase 3: User
 * Story 1`), as a reader takes "User Story 1"; in a file without such a
 * step, the tasks tagged [USn]. */
static int add_story_tasks(const task_document *doc, const char *digits, size_t n, side_result *out)
{
    size_t before = out->set.n;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const task_record *task = &doc->tasks[t];
        if (task->step_index && task->step_name && step_names_story(task->step_name, digits, n) &&
            task_set_add(&out->set, (int)t) < 0)
            return -1;
    }
    if (out->set.n > before) return 0;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const char *story = doc->tasks[t].story;
        if (story && strlen(story) >= n + 2 && memcmp(story + 2, digits, n) == 0 &&
            !ascii_is_digit(story[n + 2]) && task_set_add(&out->set, (int)t) < 0)
            return -1;
    }
    return 0;
}

/* `US1`, `US2`, `User Story 3`, `US2–US4`: the tasks of those stories. */
static int resolve_stories(const task_document *doc, const char *s, size_t len, side_result *out)
{
    int named = 0;
    for (size_t i = 0; i + 2 < len; i++) {
        if (i && is_alnum(s[i - 1])) continue;
        size_t digits;
        size_t many = prefix_nocase(s, len, i, "user stories ");
        if (!many) many = prefix_nocase(s, len, i, "stories ");
        if (s[i] == 'U' && s[i + 1] == 'S' && ascii_is_digit(s[i + 2]))
            digits = i + 2;
        else if (prefix_nocase(s, len, i, "user story ") && i + 11 < len &&
                 ascii_is_digit(s[i + 11]))
            digits = i + 11;
        else if (many && i + many < len && ascii_is_digit(s[i + many])) {
            /* `User Stories 1-3`, `stories 2 and 4`: those numbers */
            size_t k = i + many;
            for (;;) {
                size_t end = skip_digits(s, len, k);
                if (end == k) break;
                named = 1;
                size_t sep = range_separator(s, len, end);
                size_t end2 = sep ? skip_digits(s, len, end + sep) : 0;
                long from = strtol(s + k, NULL, 10);
                long to = sep && end2 > end + sep ? strtol(s + end + sep, NULL, 10) : from;
                for (long n = from; n <= to && n - from < 100; n++) {
                    char number[24];
                    int nl = snprintf(number, sizeof number, "%ld", n);
                    if (add_story_tasks(doc, number, (size_t)nl, out) < 0) return -1;
                }
                k = sep && end2 > end + sep ? end2 : end;
                while (k < len && (s[k] == ' ' || s[k] == ','))
                    k++;
                if (len - k >= 4 && memcmp(s + k, "and ", 4) == 0) k += 4;
            }
            i = k - 1; /* the loop steps on to k */
            continue;
        } else
            continue;
        size_t end = skip_digits(s, len, digits);
        named = 1;
        size_t sep = range_separator(s, len, end);
        size_t k = end + sep;
        /* `US2–US4`, and `US1-3` */
        size_t to_digits = sep && k + 2 < len && s[k] == 'U' && s[k + 1] == 'S' ? k + 2 : k;
        if (sep && to_digits < len && ascii_is_digit(s[to_digits]) &&
            !(to_digits + 1 < len && s[to_digits + 1] == '.')) {
            size_t end2 = skip_digits(s, len, to_digits);
            long from = strtol(s + digits, NULL, 10), to = strtol(s + to_digits, NULL, 10);
            for (long n = from; n <= to && n - from < 100; n++) {
                char number[24];
                int nl = snprintf(number, sizeof number, "%ld", n);
                if (add_story_tasks(doc, number, (size_t)nl, out) < 0) return -1;
            }
            i = end2;
            continue;
        }
        if (add_story_tasks(doc, s + digits, end - digits, out) < 0) return -1;
        i = end;
    }
    return named;
}

/* `all user stories`, `every user story`, `all shipped stories`. */
static int says_all_stories(const char *s, size_t len)
{
    static const char *const words[] = {"all user stor",
                                        "every user stor",
                                        "all stories",
                                        "all shipped stor",
                                        "all desired user stor",
                                        "all the user stor",
                                        "user stories",
                                        "all story",
                                        "every story",
                                        "user story implementations",
                                        NULL};
    for (size_t i = 0; i < len; i++)
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(s, len, i, *w)) return 1;
    return 0;
}

/* A step named for a story: `User Story 1 - ...`, `US2: ...`. */
static int is_story_step_name(const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; i < len; i++)
        if (prefix_nocase(name, len, i, "user stor") ||
            (name[i] == 'U' && i + 2 < len && name[i + 1] == 'S' && ascii_is_digit(name[i + 2]) &&
             (i == 0 || !is_alnum(name[i - 1]))))
            return 1;
    return 0;
}

/* Every story's tasks: under the steps named for stories, as single
 * stories are taken; in a file without such steps, every tagged task. */
static int add_all_stories(const task_document *doc, side_result *out)
{
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const task_record *task = &doc->tasks[t];
        if (task->step_index && task->step_name && is_story_step_name(task->step_name) &&
            task_set_add(&out->set, (int)t) < 0)
            return -1;
    }
    if (out->set.n) return 0;
    for (size_t t = 0; t < doc->n_tasks; t++)
        if (doc->tasks[t].story && task_set_add(&out->set, (int)t) < 0) return -1;
    return 0;
}

/* `all preceding phases`, `everything before`: the tasks before the other side. */
static int says_all_before(const char *s, size_t len)
{
    static const char *const words[] = {"all preceding",    "all previous",      "all prior",
                                        "all earlier",      "everything before", "all tasks above",
                                        "all of the above", "all above",         NULL};
    for (size_t i = 0; i < len; i++)
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(s, len, i, *w)) return 1;
    return 0;
}

static int says_all_others(const char *s, size_t len)
{
    static const char *const words[] = {"all other",      "all remaining", "everything else",
                                        "all subsequent", "all later",     "all tasks",
                                        "all modules",    "everything",    NULL};
    for (size_t i = 0; i < len; i++)
        for (const char *const *w = words; *w; w++)
            if (match_word_nocase(s, len, i, *w)) return 1;
    return 0;
}

static int is_stopword(const char *w, size_t n)
{
    static const char *const stop[] = {
        "the",    "a",    "an",    "all",        "tasks",    "task",      "phase",
        "phases", "step", "steps", "completion", "complete", "completed", "must",
        "be",     "is",   "are",   "done",       "finished", "work",      "of",
        "and",    "then", "to",    "for",        "any",      "each",      NULL};
    for (const char *const *p = stop; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0) return 1;
    return 0;
}

/* `word` (lowercase) starts a word of `name`: `foundation` matches
 * `Foundational`, `test` matches `Tests`, `ui` does not match `Build`; a
 * number matches only itself (`1.2`, not `1.20`). */
static int name_contains(const char *name, const char *word, size_t n)
{
    size_t len = strlen(name);
    int number = ascii_is_digit(word[0]);
    /* A number names a heading by the number it opens with (`Task 1.2:
     * Utils`), not one it mentions later (`... MUST COMPLETE BEFORE 3.3`). */
    if (number) {
        size_t spaces = 0, k = 0;
        while (k < len && spaces < 3)
            spaces += name[k++] == ' ';
        len = k;
    }
    for (size_t i = 0; i + n <= len; i++) {
        if (i > 0 && (is_alnum(name[i - 1]) || (unsigned char)name[i - 1] >= 0x80 ||
                      (number && name[i - 1] == '.')))
            continue;
        size_t k = 0;
        for (; k < n; k++) {
            char c = name[i + k];
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            if (c != word[k]) break;
        }
        if (k < n) continue;
        if (number && i + n < len &&
            (ascii_is_digit(name[i + n]) ||
             (name[i + n] == '.' && i + n + 1 < len && ascii_is_digit(name[i + n + 1]))))
            continue;
        return 1;
    }
    return 0;
}

int tasks_under_heading(const task_document *doc, int heading, task_set *out)
{
    if (heading < 0 || (size_t)heading >= doc->n_headings) return 0;
    /* Headings are in document order: those under it run up to the next one
     * of its level or above. */
    size_t end = (size_t)heading + 1;
    while (end < doc->n_headings && doc->headings[end].level > doc->headings[heading].level)
        end++;
    /* Tasks are in document order, so their headings never go down: the
     * tasks under it are one run, found by halving (a file of 200,000 tasks
     * under 200 headings made a scan of every task per heading). */
    size_t low = 0, high = doc->n_tasks;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (doc->tasks[middle].heading < heading)
            low = middle + 1;
        else
            high = middle;
    }
    for (size_t t = low; t < doc->n_tasks && (size_t)doc->tasks[t].heading < end; t++)
        if (task_set_add(out, (int)t) < 0) return -1;
    return 0;
}

/* Words of the side (outside parentheses, lowercased, plurals cut to a stem)
 * that all appear in a step's name. */
/* `plan.md`, `src/models/`: a side that names a file names no group. */
static int names_a_file(const char *s, size_t len)
{
    for (size_t i = 1; i + 1 < len; i++) {
        /* `Types/Errors`, `Issue/PR`: names joined by a slash, not a path */
        if (s[i] == '/' && is_alnum(s[i - 1]) && !ascii_is_upper(s[i + 1])) return 1;
        if (s[i] == '.' && is_alnum(s[i - 1]) && s[i + 1] >= 'a' && s[i + 1] <= 'z') return 1;
    }
    return 0;
}

/* `P1`, `P2 🎯`: a priority, which names no group of tasks. */
static int is_priority(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i + 1 < len && s[i] == 'P' && ascii_is_digit(s[i + 1]) &&
           (i + 2 == len || !is_alnum(s[i + 2]));
}

static int resolve_name(const task_document *doc, const char *s, size_t len, side_result *out)
{
    if (names_a_file(s, len) || is_priority(s, len)) return 0;
    char words[16][48];
    size_t lens[16];
    int n_words = 0, depth = 0;
    for (size_t i = 0; i < len && n_words < 16;) {
        if (s[i] == '(') depth++;
        if (s[i] == ')' && depth) depth--;
        if (depth || !(is_alnum(s[i]) || (unsigned char)s[i] >= 0x80)) {
            i++;
            continue;
        }
        size_t start = i;
        /* `1.2` stays one word */
        while (i < len && (is_alnum(s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '-' ||
                           (s[i] == '.' && i > start && ascii_is_digit(s[i - 1]) && i + 1 < len &&
                            ascii_is_digit(s[i + 1]))))
            i++;
        size_t n = i - start;
        if (n >= sizeof words[0]) continue;
        char *w = words[n_words];
        for (size_t k = 0; k < n; k++)
            w[k] = (s[start + k] >= 'A' && s[start + k] <= 'Z') ? (char)(s[start + k] + 32)
                                                                : s[start + k];
        if (is_stopword(w, n)) continue;
        if (n > 3 && memcmp(w + n - 3, "ies", 3) == 0)
            n -= 3; /* stories -> stor */
        else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
            n -= 1;
        lens[n_words++] = n;
    }
    if (n_words == 0) return 0;
    /* A name means one step or one heading: `Implementation` in a file with
     * an `Implementation for User Story N` per story names none of them. */
    int found = -1, matches = 0;
    for (size_t st = 0; st < doc->n_steps; st++) {
        int all = 1;
        for (int k = 0; k < n_words && all; k++)
            all = name_contains(doc->steps[st].name, words[k], lens[k]);
        if (all && matches++ == 0) found = (int)st;
    }
    if (matches == 1) {
        int any = 0;
        for (size_t t = 0; t < doc->n_tasks; t++) {
            if (doc->tasks[t].step_index == found + 1) {
                if (task_set_add(&out->set, (int)t) < 0) return -1;
                any = 1;
            }
        }
        if (any) return 1;
    }
    if (matches > 1) return 0;
    /* Headings that are no steps: `### Task 1.2: Utils` holds the tasks of
     * "Task 1.2", `### Layer 1` those of "Layer 1". */
    found = -1;
    matches = 0;
    size_t end = 0; /* past the headings under the one found */
    for (size_t h = 0; h < doc->n_headings; h++) {
        int all = 1;
        for (int k = 0; k < n_words && all; k++)
            all = name_contains(doc->headings[h].text, words[k], lens[k]);
        if (!all || (found >= 0 && h < end)) continue; /* one nested in the one found */
        if (matches++) return 0;
        found = (int)h;
        end = h + 1;
        while (end < doc->n_headings && doc->headings[end].level > doc->headings[h].level)
            end++;
    }
    if (found < 0) return 0;
    size_t before = out->set.n;
    if (tasks_under_heading(doc, found, &out->set) < 0) return -1;
    return out->set.n > before;
}

/* A side that is only a number (`3.3`, `4`) and no task's id: that step. */
static int resolve_step_number(const task_document *doc, const char *s, size_t len,
                               side_result *out)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    size_t end = skip_dotted(s, len, skip_digits(s, len, i));
    size_t rest = end;
    while (rest < len && s[rest] == ' ')
        rest++;
    if (end == i || rest != len) return 0;
    return add_step_tasks(doc, s + i, end - i, out) < 0 ? -1 : out->set.n > 0;
}

/* A list of names, each resolved on its own; all of them must name tasks.
 * Cut at `,`, ` and `, ` & `, ` + ` outside parentheses. */
static int resolve_name_list(const task_document *doc, const char *s, size_t len, side_result *out)
{
    static const char *const cuts[] = {", ", " and ", " & ", " + ", "/", NULL};
    size_t start = 0;
    int items = 0, depth = 0;
    for (size_t i = 0; i <= len; i++) {
        size_t cut = 0;
        if (i < len) {
            if (s[i] == '(') depth++;
            if (s[i] == ')' && depth) depth--;
            for (const char *const *c = cuts; *c && !depth && !cut; c++)
                if (len - i >= strlen(*c) && memcmp(s + i, *c, strlen(*c)) == 0) cut = strlen(*c);
            if (!cut) continue;
        }
        if (i > start) {
            int rc = resolve_name(doc, s + start, i - start, out);
            if (rc <= 0) return rc < 0 ? -1 : 0;
            items++;
        }
        if (i == len) break;
        start = i + cut;
        i = start - 1;
    }
    return items > 1;
}

/* A bracket that holds only ids or numbered groups (`(T010-T011)`, `[T033,
 * T043]`, `(Phase 2)`) says which tasks the words before it mean; one with
 * other words is a remark. */
static int only_ids(const char *s, size_t len)
{
    static const char *const joins[] = {"and",     "or",     "to",   "through", "phase", "phases",
                                        "Phase",   "Phases", "step", "Step",    "steps", "Steps",
                                        "stage",   "Stage",  "run",  "Run",     "story", "Story",
                                        "stories", "user",   "User", NULL};
    for (size_t i = 0; i < len;) {
        int numeric;
        size_t n = id_token(s, len, i, &numeric);
        if (n) {
            i += n;
            continue;
        }
        if (!is_alnum(s[i]) || (i > 0 && is_alnum(s[i - 1]))) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < len && is_alnum(s[end]))
            end++;
        const char *const *j = joins;
        while (*j && !(strlen(*j) == end - i && memcmp(s + i, *j, end - i) == 0))
            j++;
        if (!*j) return 0;
        i = end;
    }
    return 1;
}

/* `s` with the remarks in brackets blanked: `(but its tests via T007
 * helpers are independent)` after `US4/US5` does not say which tasks the
 * side means. NULL when out of memory. */
static char *without_remarks(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (!out) return NULL;
    memcpy(out, s, len);
    out[len] = '\0';
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '(' && s[i] != '[') continue;
        size_t end = i + 1;
        int depth = 1;
        while (end < len && depth) {
            if (s[end] == '(' || s[end] == '[') depth++;
            if (s[end] == ')' || s[end] == ']') depth--;
            end++;
        }
        if (!only_ids(s + i + 1, end - i - 1 - (depth == 0))) memset(out + i, ' ', end - i);
        i = end - 1;
    }
    return out;
}

int side_is_group(const side_result *side)
{
    return side->kind != SIDE_IDS && side->kind != SIDE_UNRESOLVED;
}

int side_resolve(const task_document *doc, const id_index *index, const char *scope, const char *s,
                 size_t len, int flags, side_result *out)
{
    memset(out, 0, sizeof(*out));
    char *outside = without_remarks(s, len);
    if (!outside) return -1;
    /* Ids and numbered groups outside remarks, then in them: `US2 CSS
     * foundation (T010-T011)` names T010, T011; `Foundational (Phase 2) and
     * US1` names Phase 2 and US1; `US4/US5 can be validated
     * (but its tests via T007 are independent)` names the stories; `Phase 2
     * (can start in parallel with Phase 3/4)` names Phase 2; `the legal
     * artifacts (see T041)` names T041. */
    int rc = 0;
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        const char *text = pass ? s : outside;
        if ((rc = resolve_ids(doc, index, scope, text, len, 0, out)) != 0) {
            out->kind = SIDE_IDS;
        } else if ((rc = resolve_steps(doc, text, len, out)) != 0) {
            /* `Phase 2 and US1`: the stories named beside the steps too */
            out->kind = SIDE_STEPS;
            if (rc > 0 && resolve_stories(doc, text, len, out) < 0) rc = -1;
        } else if ((rc = resolve_stories(doc, text, len, out)) < 0 || (rc > 0 && out->set.n > 0)) {
            /* `User Story 1` with no [US1] tags falls through to the step names */
            out->kind = SIDE_STORIES;
        } else {
            rc = 0;
        }
    }
    free(outside);
    if (rc != 0) {
        /* ids or a numbered group, read above */
    } else if ((rc = resolve_ids(doc, index, scope, s, len, flags & SIDE_NO_BARE_NUMBER ? 2 : 1,
                                 out)) != 0) {
        out->kind = SIDE_IDS;
    } else if ((flags & SIDE_BY_NAME) && (rc = resolve_step_number(doc, s, len, out)) != 0) {
        out->kind = SIDE_STEPS; /* `BEFORE 3.3`, in a file whose steps are 3.1, 3.2, 3.3 */
    } else if (says_all_stories(s, len)) {
        out->kind = SIDE_ALL_STORIES;
        rc = add_all_stories(doc, out) < 0 ? -1 : 1;
    } else if (says_all_before(s, len)) {
        out->kind = SIDE_ALL_BEFORE; /* the caller knows the other side */
        rc = 1;
    } else if (says_all_others(s, len)) {
        out->kind = SIDE_ALL_OTHERS;
        rc = 1;
    } else if ((flags & SIDE_BY_NAME) && (rc = resolve_name(doc, s, len, out)) != 0) {
        out->kind = SIDE_NAME;
    } else if ((flags & SIDE_BY_NAME) && (rc = resolve_name_list(doc, s, len, out)) != 0) {
        out->kind = SIDE_NAME; /* `Task 1.2, Task 1.3`, `Setup and Foundational` */
    }
    if (rc < 0) {
        task_set_free(&out->set);
        return -1;
    }
    return 0;
}
