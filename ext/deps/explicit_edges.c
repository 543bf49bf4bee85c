/*
 * explicit_edges.c - edges people wrote: each line of a dependency section
 * (`T008 blocks T009, T015`, `Tests (T004-T007) before implementation
 * (T008-T014)`, `T001 → T005 → T004`, `Step 8 depends on Steps 3, 5 and 7`)
 * and the `(depends on T012, T013)` a task carries on its own line.
 *
 * A line gives edges, says there is no ordering (`can run in parallel`), or
 * becomes an issue row: nothing is dropped without a word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph_builder.h"
#include "phrase.h"
#include "side_resolve.h"

/* Which tasks are in a set, for `all other tasks`. */
static unsigned char *membership(const graph_builder *b, const task_set *set)
{
    unsigned char *in = calloc(b->doc->n_tasks + 1, 1);
    if (in)
        for (size_t i = 0; i < set->n; i++)
            in[set->tasks[i]] = 1;
    return in;
}

static int complement(const graph_builder *b, const task_set *other, task_set *out)
{
    unsigned char *in = membership(b, other);
    if (!in) return -1;
    for (size_t t = 0; t < b->doc->n_tasks; t++)
        if (!in[t] && task_set_add(out, (int)t) < 0) {
            free(in);
            return -1;
        }
    free(in);
    return 0;
}

static void report_side(graph_builder *b, uint32_t line, int task, const char *shown,
                        const side_result *side, const char *part, size_t part_len)
{
    if (side->n_unknown)
        builder_add_issue(b, line, task, "unknown-id", "%s is not a task in this file: %s",
                          side->unknown, shown);
    if (side->backwards)
        builder_add_issue(b, line, task, "backwards-range",
                          "a range runs from a later task to an earlier one (taken in document "
                          "order): %s",
                          shown);
    if (side->kind == SIDE_UNRESOLVED || (side->set.n == 0 && !side->n_unknown &&
                                          side->kind != SIDE_ALL_OTHERS))
        builder_add_issue(b, line, task, "unparsed-dependency",
                          "cannot tell which tasks '%.*s' means: %s", (int)part_len, part, shown);
}

/* `Phase Dependencies: Setup → ...`, `Critical Path: A → B`: what stands
 * before a colon in the first side is a label. */
static void label_colon(const char *text, phrase_side *side)
{
    int depth = 0;
    size_t cut = 0;
    for (size_t i = side->start; i < side->start + side->len; i++) {
        if (text[i] == '(') depth++;
        if (text[i] == ')' && depth) depth--;
        if (!depth && text[i] == ':' && (i + 1 == side->start + side->len || text[i + 1] == ' '))
            cut = i + 1;
    }
    if (cut) {
        side->len -= cut - side->start;
        side->start = cut;
    }
}

/* Edges from one line; `waiting_task` >= 0 for a task's own `(depends on X)`,
 * whose left side is that task. */
static size_t edges_from_text(graph_builder *b, const char *text, uint32_t line, int waiting_task,
                              const char *source)
{
    size_t before = b->graph->n_edges;
    size_t len = strlen(text);
    phrase_parts parts;
    phrase_split(text, len, &parts);
    if (parts.no_order) return 0;
    if (parts.n_sides < 2) {
        builder_add_issue(b, line, waiting_task, "unparsed-dependency",
                          "no ordering word (blocks, before, after, depends on, →) in: %s",
                          source);
        return 0;
    }
    side_result sides[PHRASE_MAX_SIDES];
    memset(sides, 0, sizeof sides);
    int n = parts.n_sides;
    /* A task's own `(depends on 2)`: a bare number may count within the
     * waiting task's parent numbering (rollouts number per heading). */
    char scope[64] = "";
    const char *own = waiting_task >= 0 ? b->doc->tasks[waiting_task].id : NULL;
    const char *dot = own ? strrchr(own, '.') : NULL;
    if (dot && (size_t)(dot - own) < sizeof scope) memcpy(scope, own, (size_t)(dot - own));
    for (int i = 0; i < n && !b->failed; i++) {
        phrase_side ps = parts.sides[i];
        if (i == 0 && waiting_task >= 0) {
            sides[0].kind = SIDE_IDS;
            if (task_set_add(&sides[0].set, waiting_task) < 0) b->failed = 1;
            continue;
        }
        if (i == 0) label_colon(text, &ps);
        if (side_resolve(b->doc, &b->ids, scope[0] ? scope : NULL, text + ps.start, ps.len, &sides[i]) < 0)
            b->failed = 1;
    }
    int reported = 0;
    for (int i = 0; i + 1 < n && !b->failed; i++) {
        side_result *left = &sides[i], *right = &sides[i + 1];
        if (left->kind == SIDE_ALL_OTHERS && complement(b, &right->set, &left->set) < 0)
            b->failed = 1;
        if (right->kind == SIDE_ALL_OTHERS && complement(b, &left->set, &right->set) < 0)
            b->failed = 1;
        side_result *first = parts.orders[i] == ORDER_LEFT_FIRST ? left : right;
        side_result *then = first == left ? right : left;
        if ((size_t)first->set.n * then->set.n > TASKS_DEPS_MAX_PHRASE_EDGES) {
            builder_add_issue(b, line, waiting_task, "fan-out-limit",
                              "pairs %zu tasks with %zu, over the %d-edge limit: %s",
                              then->set.n, first->set.n, TASKS_DEPS_MAX_PHRASE_EDGES, source);
            reported = 1;
            continue;
        }
        /* A task waits for itself only when the line names just it on both
         * sides; where ranges, steps or stories overlap, that is not what
         * was said. */
        int by_ids = first->kind == SIDE_IDS && then->kind == SIDE_IDS && first->set.n == 1 &&
                     then->set.n == 1; /* `T001 depends on T001`, not a range over itself */
        for (size_t a = 0; a < then->set.n; a++)
            for (size_t z = 0; z < first->set.n; z++)
                if (by_ids || then->set.tasks[a] != first->set.tasks[z])
                    builder_add_edge(b, then->set.tasks[a], first->set.tasks[z], EDGE_EXPLICIT,
                                     line, source);
    }
    for (int i = 0; i < n && !b->failed && !reported; i++) {
        if (i == 0 && waiting_task >= 0) continue;
        phrase_side ps = parts.sides[i];
        report_side(b, line, waiting_task, source, &sides[i], text + ps.start, ps.len);
    }
    for (int i = 0; i < n; i++)
        task_set_free(&sides[i].set);
    return b->graph->n_edges - before;
}

/* `(depends on T012, T013)`, `*(depends on T001)*`, `[depends on T001]`,
 * `(after T003)`, `(blocked by T002)`: a bracketed group on the task line. */
static void inline_dependencies(graph_builder *b, int task)
{
    static const char *const openers[] = {
        "depends on", "depend on", "depends:", "depends upon", "after", "blocked by", "requires",
        "dependencies:", "dependency:", "deps:", "dep:",
        "\xE4\xBE\x9D\xE5\xAD\x98", /* 依存 */
        "\xE4\xBE\x9D\xE8\xB5\x96", /* 依赖 */
        "\xE4\xBE\x9D\xE8\xB3\xB4", /* 依賴 */
        NULL};
    const char *text = b->doc->tasks[task].text;
    for (const char *p = strpbrk(text, "([\xEF"); p && !b->failed; p = strpbrk(p + 1, "([\xEF")) {
        /* ( ... ), [ ... ], or full-width （ ... ） */
        const char *close;
        size_t open_len = 1;
        if (*p == '(') close = ")";
        else if (*p == '[') close = "]";
        else if (strncmp(p, "\xEF\xBC\x88", 3) == 0) close = "\xEF\xBC\x89", open_len = 3;
        else continue;
        const char *inner = p + open_len;
        while (*inner == '*' || *inner == '_' || *inner == ' ')
            inner++;
        /* Every opener starts with d, a, b, r or 依. */
        char first = (char)(*inner | 0x20);
        if (first != 'd' && first != 'a' && first != 'b' && first != 'r' &&
            (unsigned char)*inner != 0xE4)
            continue;
        const char *const *w;
        for (w = openers; *w; w++)
            if (strncasecmp(inner, *w, strlen(*w)) == 0) break;
        if (!*w) continue;
        const char *end = strstr(inner, close);
        if (!end) continue;
        /* As a phrase: "<this task> depends on <what the group names>". */
        size_t body_start = (size_t)(inner - text) + strlen(*w);
        if (strncmp(text + body_start, "\xEF\xBC\x9A", 3) == 0) body_start += 3; /* ： */
        size_t body_len = (size_t)(end - text) - body_start;
        /* `(Depends on: Task 5 - why)`: the reason after a dash is prose;
         * so is what follows a semicolon, also a full-width one. */
        for (size_t k = body_start; k < body_start + body_len; k++) {
            if ((k + 2 < body_start + body_len && text[k] == ' ' && text[k + 1] == '-' &&
                 text[k + 2] == ' ') ||
                text[k] == ';' || strncmp(text + k, "\xEF\xBC\x9B", 3) == 0) {
                body_len = k - body_start;
                break;
            }
        }
        char *phrase = malloc(body_len + 16);
        if (!phrase) {
            b->failed = 1;
            return;
        }
        memcpy(phrase, "X depends on ", 13);
        memcpy(phrase + 13, text + body_start, body_len);
        phrase[13 + body_len] = '\0';
        size_t close_len = strlen(close);
        const char *source = tasks_arena_strndup(b->graph->arena, p, (size_t)(end - p) + close_len);
        if (!source) b->failed = 1;
        else edges_from_text(b, phrase, b->doc->tasks[task].line, task, source);
        free(phrase);
        p = end + close_len - 1;
    }
}

/* `_Depends: 1, 2_` (cc-sdd), `Depends on: T003`, `Blocked by: T002` on a line
 * under a task: that task waits for what the line names. */
static void note_dependencies(graph_builder *b)
{
    static const char *const labels[] = {"depends on", "depends", "dependencies", "blocked by",
                                         "after", NULL};
    const task_document *doc = b->doc;
    for (size_t i = 0; i < doc->n_notes && !b->failed; i++) {
        const char *text = doc->notes[i].text;
        while (*text == '_' || *text == '*' || *text == ' ')
            text++;
        const char *const *label;
        for (label = labels; *label; label++)
            if (strncasecmp(text, *label, strlen(*label)) == 0) break;
        if (!*label) continue;
        const char *rest = text + strlen(*label);
        while (*rest == '_' || *rest == '*' || *rest == ' ')
            rest++;
        if (*rest != ':') continue; /* a sentence, not a field */
        rest++;
        size_t len = strlen(rest);
        char *phrase = malloc(len + 16);
        if (!phrase) {
            b->failed = 1;
            return;
        }
        snprintf(phrase, len + 16, "X depends on %s", rest);
        edges_from_text(b, phrase, doc->notes[i].line, doc->notes[i].task, doc->notes[i].text);
        free(phrase);
    }
}

/* Obsidian Tasks: `⛔ abc,def` on a task waits for the tasks with `🆔 abc`
 * (ids there are any word, so they are looked up as written). */
static void obsidian_dependencies(graph_builder *b, int task)
{
    const task_record *t = &b->doc->tasks[task];
    const char *mark = strstr(t->text, "\xE2\x9B\x94");
    if (!mark) return;
    const char *p = mark + 3;
    const char *end = p + strcspn(p, "\xF0\xE2"); /* up to the next emoji field */
    const char *source = tasks_arena_strndup(b->graph->arena, mark, (size_t)(end - mark));
    if (!source) {
        b->failed = 1;
        return;
    }
    while (p < end) {
        while (p < end && (*p == ' ' || *p == ','))
            p++;
        size_t n = 0;
        while (p + n < end && p[n] != ' ' && p[n] != ',')
            n++;
        if (n == 0) break;
        int other = id_index_find(&b->ids, p, n);
        if (other >= 0)
            builder_add_edge(b, task, other, EDGE_EXPLICIT, t->line, source);
        else
            builder_add_issue(b, t->line, task, "unknown-id", "%.*s is not a task in this file: %s",
                              (int)n, p, source);
        p += n;
    }
}

void add_explicit_edges(graph_builder *b)
{
    const task_document *doc = b->doc;
    /* Each line may look at every task (steps, names): bound the work a
     * hostile file of many lines over many tasks can ask for. */
    size_t budget = (size_t)TASKS_DEPS_MAX_EXPLICIT_WORK;
    for (size_t i = 0; i < doc->n_phrases && !b->failed; i++) {
        if (b->graph->n_edges > TASKS_DEPS_MAX_FILE_EDGES || budget < doc->n_tasks + 1) {
            builder_add_issue(b, doc->phrases[i].line, -1, "fan-out-limit",
                              "dependency lines from here on are not read: the file's lines over "
                              "its %zu tasks pass the work and edge limits",
                              doc->n_tasks);
            break;
        }
        budget -= doc->n_tasks + 1;
        b->graph->phrase_edges[i] =
            edges_from_text(b, doc->phrases[i].text, doc->phrases[i].line, -1, doc->phrases[i].text);
    }
    for (size_t t = 0; t < doc->n_tasks && !b->failed; t++) {
        inline_dependencies(b, (int)t);
        obsidian_dependencies(b, (int)t);
    }
    note_dependencies(b);
}
