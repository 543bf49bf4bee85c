/*
 * explicit_edges.c - edges people wrote: each line of a dependency section
 * (`T008 blocks T009, T015`, `Foundational (Phase 2): Depends on Setup
 * completion - BLOCKS all user stories`, `T001 → T005 → T004`), the lines
 * under a task (`Depends on: T003`, `_Depends: 1, 2_`), and what a task says
 * on its own line (`(depends on T012, T013)`, `— depends on T036 + T040`).
 *
 * A line is read as sentences (statement.h) and each side resolved
 * (side_resolve.h). A clause whose sides both resolve gives edges in the
 * direction its ordering word says, and never the other way. One that
 * cannot be read with confidence gives a `warning` row quoting it and no
 * edge; one that names nothing in the file (another feature, a package)
 * gives an `info` row in a dependency section and nothing under a task; a
 * line that states no order gives nothing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../parse/text_scan.h"
#include "graph_builder.h"
#include "side_resolve.h"
#include "statement.h"
#include "statement_edges.h"

/* Which tasks are in a set, for `all other tasks`. */
static unsigned char *membership(const graph_builder *b, const task_set *set)
{
    unsigned char *in = calloc(b->doc->n_tasks + 1, 1);
    if (in)
        for (size_t i = 0; i < set->n; i++)
            in[set->tasks[i]] = 1;
    return in;
}

static int copy_set(const task_set *from, task_set *to)
{
    to->n = 0;
    for (size_t i = 0; i < from->n; i++)
        if (task_set_add(to, from->tasks[i]) < 0) return -1;
    return 0;
}

/* `set` less the tasks of `other`, into `out`: 0, or -1 (out of memory,
 * b->failed set) or 1 (nothing would be left: keep `set` whole). */
static int without(graph_builder *b, const task_set *set, const task_set *other, task_set *out)
{
    unsigned char *in = membership(b, other);
    if (!in) {
        b->failed = 1;
        return -1;
    }
    for (size_t i = 0; i < set->n && !b->failed; i++)
        if (!in[set->tasks[i]] && task_set_add(out, set->tasks[i]) < 0) b->failed = 1;
    free(in);
    return b->failed ? -1 : out->n ? 0 : 1;
}

static int first_of(const task_set *set)
{
    int first = -1;
    for (size_t i = 0; i < set->n; i++)
        if (first < 0 || set->tasks[i] < first) first = set->tasks[i];
    return first;
}

/* The tasks of a group that start it (`sinks` 0: the first wave of each of
 * its steps) or end it (`sinks` 1: the last wave of each): every task of a
 * step waits, through its sequence edges, for the wave before it, so
 * linking these ends says the whole of it. A file that states its own
 * order has no sequence edges: there every task is an end. */
static int group_ends(const graph_builder *b, const task_set *set, int sinks, task_set *out)
{
    out->n = 0;
    const task_document *doc = b->doc;
    const int *wave = b->graph->wave;
    for (size_t i = 0; i < set->n; i++) {
        int t = set->tasks[i];
        int keep = 1;
        for (size_t j = 0; j < set->n && keep && !b->own_order; j++) {
            int u = set->tasks[j];
            if (doc->tasks[u].step_index != doc->tasks[t].step_index) continue;
            if (sinks ? wave[u] > wave[t] : wave[u] < wave[t]) keep = 0;
        }
        if (keep && task_set_add(out, t) < 0) return -1;
    }
    return 0;
}

/* Every row a statement gives goes through here: prose on a task's own
 * line is read for ids only, and gives no row. */
__attribute__((format(printf, 4, 5))) static void statement_issue(graph_builder *b,
                                                                  const statement_context *c,
                                                                  task_issue_code code,
                                                                  const char *format, ...)
{
    if (c->silent) return;
    va_list args;
    va_start(args, format);
    builder_add_issue_v(b, c->line, c->task, code, format, args);
    va_end(args);
}

static void quote_part(char *out, size_t size, const char *text, text_part part)
{
    snprintf(out, size, "%.*s", (int)(part.len > 200 ? 200 : part.len), text + part.start);
}

/* Reports a side that names tasks but resolves to none, or names nothing. */
static void report_unresolved(graph_builder *b, const statement_context *c, const char *text,
                              text_part part, int names_tasks)
{
    char what[256];
    quote_part(what, sizeof what, text, part);
    if (names_tasks)
        statement_issue(b, c, ISSUE_UNPARSED_DEPENDENCY, "cannot tell which tasks '%s' means: %s",
                        what, c->source);
    else if (!c->quiet)
        statement_issue(b, c, ISSUE_OUTSIDE_REFERENCE,
                        "names nothing in this file (another feature, a package, a tool?): %s",
                        c->source);
}

static void report_side_details(graph_builder *b, const statement_context *c,
                                const side_result *side)
{
    if (side->n_unknown)
        statement_issue(b, c, ISSUE_UNKNOWN_ID, "%s is not a task in this file: %s", side->unknown,
                        c->source);
    if (side->backwards)
        statement_issue(b, c, ISSUE_BACKWARDS_RANGE,
                        "a range runs from a later task to an earlier one (taken in document "
                        "order): %s",
                        c->source);
}

/* `waiting` waits for `first`: the whole sets when they are ids, the ends
 * of the groups otherwise. Returns the edges added. */
size_t link_sides(graph_builder *b, const statement_context *c, const side_result *waiting,
                  const side_result *first)
{
    task_set ends_w = {0}, ends_f = {0}, less_w = {0}, less_f = {0};
    const task_set *w = &waiting->set, *f = &first->set;
    /* A group never waits for itself: `US7 before other user stories`,
     * `Phase 4.5 requires Phase 1-4` (4 takes in 4.5). */
    int left_w = side_is_group(waiting) ? without(b, w, f, &less_w) : -2;
    int left_f = side_is_group(first) ? without(b, f, w, &less_f) : -2;
    if (left_w == 1 || left_f == 1) {
        /* a group said to wait for itself (`Phase 3 (MVP) ← MVP`): no order */
        task_set_free(&less_w);
        task_set_free(&less_f);
        return 0;
    }
    if (left_w == 0) w = &less_w;
    if (left_f == 0) f = &less_f;
    if (side_is_group(waiting)) {
        if (group_ends(b, w, 0, &ends_w) < 0) b->failed = 1;
        w = &ends_w;
    }
    if (side_is_group(first)) {
        if (group_ends(b, f, 1, &ends_f) < 0) b->failed = 1;
        f = &ends_f;
    }
    size_t added = 0;
    if (!b->failed && (size_t)w->n * f->n > TASKS_DEPS_MAX_PHRASE_EDGES) {
        statement_issue(b, c, ISSUE_FAN_OUT_LIMIT,
                        "pairs %zu tasks with %zu, over the %d-edge limit: %s", w->n, f->n,
                        TASKS_DEPS_MAX_PHRASE_EDGES, c->source);
    } else if (!b->failed) {
        /* A task waits for itself only when the line names just it on both
         * sides (`T001 depends on T001`): where groups overlap, that is not
         * what was said. */
        int by_ids = !side_is_group(waiting) && !side_is_group(first) && w->n == 1 && f->n == 1;
        for (size_t i = 0; i < w->n; i++)
            for (size_t j = 0; j < f->n; j++)
                if (by_ids || w->tasks[i] != f->tasks[j]) {
                    builder_add_edge(b, w->tasks[i], f->tasks[j], EDGE_EXPLICIT, c->line,
                                     c->source);
                    added++;
                }
    }
    task_set_free(&ends_w);
    task_set_free(&ends_f);
    task_set_free(&less_w);
    task_set_free(&less_f);
    return added;
}

/* A side as written, resolved; `other` (may be NULL) is what the other side
 * resolved to, for `all preceding` and `all other tasks`. */
void resolve_part(graph_builder *b, const statement_context *c, const char *text, text_part part,
                  side_result *out)
{
    char scope[64] = "";
    const char *own = c->task >= 0 ? b->doc->tasks[c->task].id : NULL;
    const char *dot = own ? strrchr(own, '.') : NULL;
    /* A bare number on a rollout task (`(depends on 2)` on task 3.4) may
     * count within its parent's numbering. */
    if (dot && (size_t)(dot - own) < sizeof scope) memcpy(scope, own, (size_t)(dot - own));
    if (side_resolve(b->doc, &b->ids, scope[0] ? scope : NULL, text + part.start, part.len,
                     c->flags, out) < 0)
        b->failed = 1;
}

/* A subject that only carries the sentence (`Can start`, `All`, `First
 * story to implement`): the clause is about the label's or the line's task.
 * Anything with a number, a name in capitals past the first word, or code
 * (`AS #1, #14`, `auto-save`) is a subject of its own that names nothing. */
static int is_filler(const char *text, text_part part)
{
    int words = 0, in_word = 0;
    for (size_t i = part.start; i < part.start + part.len; i++) {
        char c = text[i];
        if (ascii_is_digit(c) || strchr("#_/.`()[]{}<>=-:", c)) return 0;
        if (c == ' ') {
            in_word = 0;
            continue;
        }
        if (!in_word) {
            in_word = 1;
            if (++words > 5) return 0;
            if (words > 1 && c >= 'A' && c <= 'Z') return 0;
        }
    }
    return 1;
}

/* `Each tier depends on prior tier completion`, `every phase after the
 * previous one`, `do not start a phase until the prior gate is reviewed`: a
 * rule for all, that the written order already says. */
static int restates_written_order(const char *text, const clause *cl)
{
    static const char *const any[] = {"each ", "every ", "a ", "any ", NULL};
    static const char *const groups[] = {"phase", "step", "stage", "tier", "layer",
                                         "wave",  "run",  "story", "gate", NULL};
    text_part sub = cl->subject, obj = cl->object;
    size_t sub_end = sub.start + sub.len;
    int each = 0;
    for (size_t i = sub.start; i < sub_end && !each; i++) {
        if (i > sub.start && text[i - 1] != ' ') continue;
        for (const char *const *a = any; *a && !each; a++) {
            size_t n = prefix_nocase(text, sub_end, i, *a);
            if (!n) continue;
            for (const char *const *g = groups; *g && !each; g++)
                each = prefix_nocase(text, sub_end, i + n, *g) != 0;
        }
    }
    if (!each) return 0;
    for (size_t i = obj.start; i < obj.start + obj.len; i++)
        if (prefix_nocase(text, obj.start + obj.len, i, "prior") ||
            prefix_nocase(text, obj.start + obj.len, i, "previous") ||
            prefix_nocase(text, obj.start + obj.len, i, "preceding"))
            return 1;
    return 0;
}

int resolved(const side_result *side)
{
    return side->kind != SIDE_UNRESOLVED &&
           (side->set.n > 0 || side->kind == SIDE_ALL_OTHERS || side->kind == SIDE_ALL_BEFORE);
}

/* Fills the relative sides once the other side is known: `all other tasks`
 * wait for the other side when they are the waiting side (`T001 blocks all
 * other tasks`: those after it), and are what it waits for otherwise
 * (`Polish depends on everything`: those before it). */
static void settle_relative(graph_builder *b, side_result *side, const side_result *other,
                            int waiting)
{
    int before = side->kind == SIDE_ALL_BEFORE || (side->kind == SIDE_ALL_OTHERS && !waiting);
    int after = side->kind == SIDE_ALL_OTHERS && waiting;
    if (before) {
        int first = first_of(&other->set);
        for (int t = 0; t < first && !b->failed; t++)
            if (task_set_add(&side->set, t) < 0) b->failed = 1;
    }
    if (after) {
        int last = -1;
        for (size_t i = 0; i < other->set.n; i++)
            if (other->set.tasks[i] > last) last = other->set.tasks[i];
        for (size_t t = (size_t)last + 1; t < b->doc->n_tasks && !b->failed; t++)
            if (task_set_add(&side->set, (int)t) < 0) b->failed = 1;
    }
}

/* `**US3**: Phase 2 + US1/US2` under `### User Story Dependencies`: a
 * label and a list of what it waits for. Both must name tasks; a line that
 * does not is no statement, and gives nothing. */
static size_t read_label_list(graph_builder *b, const statement_context *c, const char *text,
                              const statement *st)
{
    text_part items[16];
    int n = statement_list_items(text + st->rest.start, st->rest.len, items, 16);
    side_result waiting = {0}, first = {0};
    resolve_part(b, c, text, st->label, &waiting);
    first.kind = SIDE_IDS;
    for (int i = 0; i < n && !b->failed; i++) {
        text_part item = {st->rest.start + items[i].start, items[i].len};
        if (!statement_names_tasks(text + item.start, item.len)) continue; /* prose */
        side_result one = {0};
        resolve_part(b, c, text, item, &one);
        if (side_is_group(&one)) first.kind = one.kind;
        for (size_t k = 0; k < one.set.n && !b->failed; k++)
            if (task_set_add(&first.set, one.set.tasks[k]) < 0) b->failed = 1;
        task_set_free(&one.set);
    }
    size_t added = 0;
    if (waiting.set.n > 0 && first.set.n > 0 && !waiting.n_unknown)
        added = link_sides(b, c, &waiting, &first);
    task_set_free(&waiting.set);
    task_set_free(&first.set);
    return added;
}

/* The edges of one line. */
size_t read_statement(graph_builder *b, const statement_context *c, const char *text, size_t len)
{
    /* Most lines read are task titles that state no order: unless a label
     * may list what it waits for, such a line has no edges, and finding that
     * out costs a fifth of reading it. */
    if (!c->label_waits && !statement_may_order(text, len)) return 0;
    statement st;
    statement_read(text, len, &st);
    if (st.n_clauses == 0 && c->label_waits && st.label.len && st.rest.len && !st.ordering_words &&
        !st.says_no_order && !st.hedged && !st.label_relation)
        return read_label_list(b, c, text, &st);
    if (st.n_clauses == 0) return 0;
    size_t added = 0;
    /* What a clause without a subject of its own is about: the clause
     * before's subject, else the label, else the task the line is under. */
    task_set inherited = {0};
    int inherited_group = 0;
    if (c->task >= 0 && task_set_add(&inherited, c->task) < 0) b->failed = 1;
    if (c->task < 0 && c->scope && c->scope->n) {
        if (copy_set(c->scope, &inherited) < 0) b->failed = 1;
        inherited_group = 1;
    }
    side_result label = {0};
    if (st.label.len) {
        resolve_part(b, c, text, st.label, &label);
        if (resolved(&label) && label.set.n > 0 && copy_set(&label.set, &inherited) < 0)
            b->failed = 1;
        if (resolved(&label) && label.set.n > 0) inherited_group = side_is_group(&label);
    }
    for (int k = 0; k < st.n_clauses && !b->failed; k++) {
        const clause *cl = &st.clauses[k];
        side_result subject = {0}, object = {0};
        if (cl->subject.len) resolve_part(b, c, text, cl->subject, &subject);
        int subject_names =
            cl->subject.len && statement_names_tasks(text + cl->subject.start, cl->subject.len);
        if (restates_written_order(text, cl)) {
            /* `Each phase depends on prior phase completion`: the order the
             * file is written in, which the implicit edges give */
            task_set_free(&subject.set);
            continue;
        }
        /* (an arrow needs both its ends written: `Merges tasks → Run 1+
         * entries` draws what a task does, not what it waits for) */
        if (!resolved(&subject) && !subject_names &&
            (cl->subject.len == 0 || (!cl->arrow && is_filler(text, cl->subject)))) {
            /* `Depends on Setup`, `All depend on ...`, `Can start after ...`;
             * `Phase 5 (US3) - Can start after Phase 3`: the segment before,
             * on a line without a label (the label is the subject) */
            task_set_free(&subject.set);
            memset(&subject, 0, sizeof subject);
            if (cl->lead.len && !st.label.len) resolve_part(b, c, text, cl->lead, &subject);
            if (!resolved(&subject) || subject.set.n == 0) {
                task_set_free(&subject.set);
                memset(&subject, 0, sizeof subject);
                if (copy_set(&inherited, &subject.set) < 0) b->failed = 1;
                subject.kind = inherited_group ? SIDE_STEPS : SIDE_IDS;
            }
        }
        if (cl->object.len) resolve_part(b, c, text, cl->object, &object);
        int object_names =
            cl->object.len && statement_names_tasks(text + cl->object.start, cl->object.len);
        side_result *waiting = cl->order == ORDER_RIGHT_FIRST ? &subject : &object;
        side_result *first = waiting == &subject ? &object : &subject;
        settle_relative(b, waiting, first, 1);
        settle_relative(b, first, waiting, 0);
        report_side_details(b, c, &subject);
        report_side_details(b, c, &object);
        if (cl->uncut && (subject_names || object_names)) {
            statement_issue(b, c, ISSUE_UNPARSED_DEPENDENCY,
                            "two ordering words with nothing to tell their sides apart: %s",
                            c->source);
        } else if (cl->uncut) {
            /* prose with two ordering words and no task named: nothing */
        } else if (!resolved(&subject) || subject.set.n == 0) {
            if (resolved(&object) && object.set.n > 0 && !subject_names && !c->quiet) {
                char what[256];
                quote_part(what, sizeof what, text, cl->subject);
                if (cl->subject.len)
                    statement_issue(b, c, ISSUE_UNPARSED_DEPENDENCY,
                                    "cannot tell which tasks '%s' means: %s", what, c->source);
                else
                    statement_issue(b, c, ISSUE_UNPARSED_DEPENDENCY,
                                    "cannot tell which tasks this is about: %s", c->source);
            } else if (!subject.n_unknown && !c->quiet)
                report_unresolved(b, c, text, cl->subject.len ? cl->subject : cl->object,
                                  subject_names || object_names);
        } else if (!resolved(&object) || object.set.n == 0) {
            if (!object.n_unknown) report_unresolved(b, c, text, cl->object, object_names);
        } else {
            added += link_sides(b, c, waiting, first);
        }
        /* A later clause without a subject is about this one's. */
        if (resolved(&subject) && subject.set.n > 0) {
            if (copy_set(&subject.set, &inherited) < 0) b->failed = 1;
            inherited_group = side_is_group(&subject);
        }
        task_set_free(&subject.set);
        task_set_free(&object.set);
    }
    task_set_free(&label.set);
    task_set_free(&inherited);
    return added;
}

/* The text inside `( ... )`, `[ ... ]` or `（ ... ）` groups on a task's
 * line that open with an ordering word: `(depends on T012, T013)`,
 * `*(depends on T001)*`, `[after T003]`, `（2.1の完了後）`. */
static void bracketed_dependencies(graph_builder *b, int task)
{
    const char *text = b->doc->tasks[task].text;
    for (const char *p = strpbrk(text, "([\xEF"); p && !b->failed; p = strpbrk(p + 1, "([\xEF")) {
        const char *close;
        size_t open_len = 1;
        if (*p == '(')
            close = ")";
        else if (*p == '[')
            close = "]";
        else if (strncmp(p, "\xEF\xBC\x88", 3) == 0)
            close = "\xEF\xBC\x89", open_len = 3;
        else
            continue;
        const char *end = strstr(p + open_len, close);
        if (!end) continue;
        const char *inner = p + open_len;
        size_t inner_len = (size_t)(end - inner);
        if (!statement_opens_with_order(inner, inner_len)) continue;
        size_t close_len = strlen(close);
        const char *source = tasks_arena_strndup(b->graph->arena, p, (size_t)(end - p) + close_len);
        if (!source) {
            b->failed = 1;
            return;
        }
        statement_context c = {
            .line = b->doc->tasks[task].line, .source = source, .task = task, .quiet = 1};
        read_statement(b, &c, inner, inner_len);
        p = end + close_len - 1;
    }
}

/* A task's own line, outside brackets: only what names ids, as in
 * `T041 Wire it up — depends on T036 + T040`. Prose such as `after the user
 * logs in` names no task, and gives nothing. */
static void task_line_dependencies(graph_builder *b, int task)
{
    const task_record *t = &b->doc->tasks[task];
    if (!strpbrk(t->title, "0123456789")) return;
    /* Brackets were read above: blank them, so that `before any change is
     * made (depends on T028)` does not take T028 for what comes after. */
    size_t len = strlen(t->title);
    char *text = malloc(len + 1);
    if (!text) {
        b->failed = 1;
        return;
    }
    memcpy(text, t->title, len + 1);
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '(' || text[i] == '[') depth++;
        int closing = text[i] == ')' || text[i] == ']';
        if (depth) text[i] = ' ';
        if (closing && depth) depth--;
    }
    statement_context c = {.line = t->line,
                           .source = t->title,
                           .task = task,
                           .flags = SIDE_NO_BARE_NUMBER,
                           .quiet = 1,
                           .silent = 1};
    read_statement(b, &c, text, len);
    free(text);
}

/* Lines under a task (`Depends on: T003`, `_Depends: 1, 2_`, `Blocked by:
 * Task 2`): that task waits for what they name. */
static void note_dependencies(graph_builder *b)
{
    const task_document *doc = b->doc;
    for (size_t i = 0; i < doc->n_notes && !b->failed; i++) {
        const task_note *note = &doc->notes[i];
        statement_context c = {
            .line = note->line, .source = note->text, .task = note->task, .quiet = 1};
        read_statement(b, &c, note->text, strlen(note->text));
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
            builder_add_issue(b, t->line, task, ISSUE_UNKNOWN_ID,
                              "%.*s is not a task in this file: %s", (int)n, p, source);
        p += n;
    }
}

/* `### Layer 2 (depends on Layer 1)`, `## Phase 3.2: Tests ⚠️ MUST COMPLETE
 * BEFORE 3.3`: a heading's statement is about the tasks under it. */
static void heading_dependencies(graph_builder *b)
{
    const task_document *doc = b->doc;
    for (size_t h = 0; h < doc->n_headings && !b->failed; h++) {
        const task_heading *heading = &doc->headings[h];
        task_set scope = {0};
        if (tasks_under_heading(doc, (int)h, &scope) < 0) b->failed = 1;
        if (scope.n) {
            statement_context c = {.line = heading->line,
                                   .source = heading->text,
                                   .task = -1,
                                   .flags = SIDE_BY_NAME,
                                   .quiet = 1,
                                   .scope = &scope};
            /* The heading names its own tasks by number or name: read it with
             * its words in brackets as clauses too. */
            read_statement(b, &c, heading->text, strlen(heading->text));
        }
        task_set_free(&scope);
    }
}

/* The heading right above speaks of dependencies (`### User Story
 * Dependencies`, `### 依存関係`), not only of order or parallel work. */
static int under_dependencies_heading(const task_document *doc, int heading)
{
    static const char *const words[] = {"depend",
                                        "prerequisite",
                                        "abh\xC3\xA4ngigkeit",
                                        "\xE4\xBE\x9D\xE5\xAD\x98", /* 依存 */
                                        "\xE4\xBE\x9D\xE8\xB5\x96", /* 依赖 */
                                        "\xEC\x9D\x98\xEC\xA1\xB4", /* 의존 */
                                        NULL};
    if (heading < 0) return 0;
    const char *text = doc->headings[heading].text;
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++)
        for (const char *const *w = words; *w; w++)
            if (prefix_nocase(text, len, i, *w)) return 1;
    return 0;
}

int heading_only_suggests(const task_document *doc, int heading)
{
    if (heading < 0) return 0;
    const char *text = doc->headings[heading].text;
    return statement_only_suggests(text, strlen(text));
}

void add_explicit_edges(graph_builder *b)
{
    const task_document *doc = b->doc;
    if (doc->n_tasks == 0) return; /* nothing to order: statements name nothing here */
    /* Each line may look at every task (steps, names): bound the work a
     * hostile file of many lines over many tasks can ask for. */
    size_t budget = (size_t)TASKS_DEPS_MAX_EXPLICIT_WORK;
    for (size_t i = 0; i < doc->n_phrases && !b->failed; i++) {
        const task_phrase *ph = &doc->phrases[i];
        if (ph->kind == PHRASE_TABLE_ROW || ph->kind == PHRASE_CODE_LINE) continue; /* blocks */
        if (ph->kind == PHRASE_SECTION_LINE && heading_only_suggests(doc, ph->heading)) continue;
        if (b->graph->n_edges > TASKS_DEPS_MAX_FILE_EDGES || budget < doc->n_tasks + 1) {
            builder_add_issue(b, ph->line, -1, ISSUE_FAN_OUT_LIMIT,
                              "dependency lines from here on are not read: the file's lines over "
                              "its %zu tasks pass the work and edge limits",
                              doc->n_tasks);
            break;
        }
        budget -= doc->n_tasks + 1;
        /* `**Dependencies**: US1` under a heading is about that heading's tasks. */
        task_set scope = {0};
        /* (not under the title: what stands there is about the whole spec) */
        if (ph->kind == PHRASE_FIELD && ph->heading >= 0 && doc->headings[ph->heading].level > 1 &&
            tasks_under_heading(doc, ph->heading, &scope) < 0)
            b->failed = 1;
        statement_context c = {.line = ph->line,
                               .source = ph->text,
                               .task = -1,
                               .flags = SIDE_BY_NAME,
                               .quiet = ph->kind == PHRASE_FIELD,
                               .scope = &scope,
                               .label_waits = ph->kind == PHRASE_SECTION_LINE &&
                                              under_dependencies_heading(doc, ph->heading)};
        b->graph->phrase_edges[i] = read_statement(b, &c, ph->text, strlen(ph->text));
        task_set_free(&scope);
    }
    heading_dependencies(b);
    add_block_edges(b);
    for (size_t t = 0; t < doc->n_tasks && !b->failed; t++) {
        bracketed_dependencies(b, (int)t);
        task_line_dependencies(b, (int)t);
        obsidian_dependencies(b, (int)t);
    }
    note_dependencies(b);
}
