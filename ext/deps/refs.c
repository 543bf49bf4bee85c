/*
 * refs.c - what each task refers to, for coverage queries:
 *
 *   requirement  `_Requirements: 1.1, 2.3_` (and `_需求: 1.1_`, `_要件: 2.1_`,
 *                `Requisitos:`, `Validates: Requirements 1.6`) on the task's
 *                line or a line under it; `@req FR:auth.session`;
 *                `[covers FR-002]`; requirement ids such as `FR-001`, `NFR-2`,
 *                `SC-005` anywhere in the task or under it
 *   file         each path in the task's `files`
 *   story        each `[USn]` tag
 */
#include <stdlib.h>
#include <string.h>

#include "graph_builder.h"
#include "../base/array_grow.h"
#include "../parse/text_scan.h"

/* A reference without the blanks and emphasis around it (and a final
 * dot): what task_refs() shows. */
static void trim_ref(const char **ref, size_t *len)
{
    while (*len && ((*ref)[*len - 1] == ' ' || (*ref)[*len - 1] == '.' || (*ref)[*len - 1] == '_' ||
                    (*ref)[*len - 1] == '*'))
        (*len)--;
    while (*len && (**ref == ' ' || **ref == '_' || **ref == '*')) {
        (*ref)++;
        (*len)--;
    }
}

static void add_ref(graph_builder *b, int task, const char *kind, const char *ref, size_t len,
                    uint32_t line)
{
    task_graph *g = b->graph;
    trim_ref(&ref, &len);
    if (len == 0 || b->failed) return;
    for (size_t i = g->n_refs; i-- > 0 && g->refs[i].task == task;)
        if (strcmp(g->refs[i].kind, kind) == 0 && strlen(g->refs[i].ref) == len &&
            memcmp(g->refs[i].ref, ref, len) == 0)
            return; /* once per task */
    if (!grow_array((void **)&g->refs, &b->cap_refs, g->n_refs, sizeof(task_ref))) {
        b->failed = 1;
        return;
    }
    const char *copy = tasks_arena_strndup(g->arena, ref, len);
    if (!copy) {
        b->failed = 1;
        return;
    }
    g->refs[g->n_refs++] = (task_ref){task, kind, copy, line};
}

/* After `Requirements:`: the comma-, semicolon- or `and`-separated list. */
static void requirement_list(graph_builder *b, int task, const char *p, uint32_t line)
{
    while (*p == ' ')
        p++;
    if (starts_nocase(p, "requirements "))
        p += 13;
    else if (starts_nocase(p, "requirement "))
        p += 12;
    while (*p && *p != ')' && *p != ']') {
        size_t n = strcspn(p, ",;)]\xEF");
        const char *item = p;
        size_t len = n;
        if (len > 4 && starts_nocase(item + len - 4, " and")) len -= 4;
        if (len >= 4 && starts_nocase(item, "and ")) {
            item += 4;
            len -= 4;
        }
        add_ref(b, task, "requirement", item, len, line);
        p += n;
        if (*p == ',' || *p == ';')
            p++;
        else if ((unsigned char)*p == 0xEF)
            p += strncmp(p, "\xEF\xBC\x8C", 3) == 0 ? 3 : 1; /* ， */
        else
            break;
    }
}

/* Labels that introduce a list of requirements, in the corpus's languages. */
static const char *const requirement_labels[] = {"requirements",
                                                 "requirement",
                                                 "reqs",
                                                 "req id",
                                                 "req",
                                                 "validates",
                                                 "covers",
                                                 "\xE9\x9C\x80\xE6\xB1\x82", /* 需求 */
                                                 "\xE8\xA6\x81\xE4\xBB\xB6", /* 要件 */
                                                 "\xE8\xA6\x81\xE6\xB1\x82", /* 要求 */
                                                 "requisitos",
                                                 "requisito",
                                                 "anforderungen",
                                                 "wymagania",
                                                 "gereksinimler",
                                                 "\xD1\x82\xD1\x80\xD0\xB5\xD0\xB1\xD0\xBE\xD0\xB2"
                                                 "\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8F", /* требования
                                                                                      */
                                                 NULL};

/* `FR-001`, `NFR-2`, `SC-005.1`: requirement-style ids. */
static size_t requirement_id_at(const char *s, size_t i)
{
    static const char *const prefixes[] = {"FR", "NFR", "SC", "REQ", "UC", "AC", "BR", "SR", NULL};
    if (i > 0 && (ascii_is_upper(s[i - 1]) || ascii_is_digit(s[i - 1]))) return 0;
    /* Every prefix is two or three letters and a hyphen follows: most
     * capitals fail here, before any prefix is compared. */
    if (s[i + 1] == '\0' || (s[i + 2] != '-' && (s[i + 2] == '\0' || s[i + 3] != '-'))) return 0;
    for (const char *const *p = prefixes; *p; p++) {
        size_t n = strlen(*p);
        if (strncmp(s + i, *p, n) != 0 || s[i + n] != '-' || !ascii_is_digit(s[i + n + 1]))
            continue;
        size_t k = i + n + 1;
        while (ascii_is_digit(s[k]) || (s[k] == '.' && ascii_is_digit(s[k + 1])))
            k++;
        if (ascii_is_upper(s[k])) continue;
        return k - i;
    }
    return 0;
}

static void refs_in_line(graph_builder *b, int task, const char *text, uint32_t line)
{
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        /* Only a few bytes can start a label or a requirement id. */
        char lower = (char)(c | 0x20);
        int may_label = lower == 'r' || lower == 'v' || lower == 'c' || lower == 'a' ||
                        lower == 'w' || lower == 'g' || c == 0xE9 || c == 0xE8 || c == 0xD1;
        if (!may_label && c != '@' && !ascii_is_upper((char)c)) continue;
        if (may_label &&
            (p == text || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z')))) {
            for (const char *const *label = requirement_labels; *label; label++) {
                if ((unsigned char)(*label)[0] != (c < 0x80 ? (unsigned char)lower : c)) continue;
                if (!starts_nocase(p, *label)) continue;
                size_t n = strlen(*label);
                const char *after = p + n;
                while (*after == '_' || *after == '*' || *after == ' ')
                    after++;
                if (*after == ':')
                    after++;
                else if (strncmp(after, "\xEF\xBC\x9A", 3) == 0)
                    after += 3; /* ： */
                else if (strcmp(*label, "covers") != 0)
                    continue;
                requirement_list(b, task, after, line);
                break;
            }
        }
        if (*p == '@' && starts_nocase(p + 1, "req ")) {
            const char *ref = p + 5;
            add_ref(b, task, "requirement", ref, strcspn(ref, " ,;)]"), line);
        }
        size_t n = ascii_is_upper(*p) ? requirement_id_at(text, (size_t)(p - text)) : 0;
        if (n) {
            add_ref(b, task, "requirement", p, n, line);
            p += n - 1;
        }
    }
}

/* The next string of a JSON array of strings that we wrote (only \" and \\
 * escaped in practice), from *at: its text as written between the quotes,
 * escapes kept; 0 at the end. */
static int next_json_string(const char **at, const char **text, size_t *len)
{
    const char *p = *at ? strchr(*at, '"') : NULL;
    if (!p) return 0;
    const char *q = ++p;
    while (*q && *q != '"')
        q += *q == '\\' && q[1] ? 2 : 1;
    *text = p;
    *len = (size_t)(q - p);
    *at = *q ? q + 1 : q;
    return 1;
}

static void refs_from_json(graph_builder *b, int task, const char *json, const char *kind,
                           uint32_t line, int stories_only)
{
    const char *p, *at = json;
    size_t len;
    while (next_json_string(&at, &p, &len)) {
        int story = len > 2 && p[0] == 'U' && p[1] == 'S' && ascii_is_digit(p[2]);
        if (!stories_only || story) add_ref(b, task, kind, p, len, line);
    }
}

int task_named_files_each(const task_record *task,
                          int (*each)(const char *name, size_t length, void *context),
                          void *context)
{
    const char *p, *at = task->files_json;
    size_t len;
    while (next_json_string(&at, &p, &len)) {
        const char *written = p;
        trim_ref(&p, &len);
        if (len == 0) continue;
        /* Once per task, as add_ref() keeps it: look back for the same name. */
        const char *q, *back = task->files_json;
        size_t back_len;
        int seen = 0;
        while (!seen && next_json_string(&back, &q, &back_len) && q < written) {
            trim_ref(&q, &back_len);
            seen = back_len == len && memcmp(q, p, len) == 0;
        }
        if (seen) continue;
        int stop = each(p, len, context);
        if (stop) return stop;
    }
    return 0;
}

/* Requirement, file and story references of every task. */
static void add_task_refs(graph_builder *b)
{
    const task_document *doc = b->doc;
    size_t note = 0;
    for (size_t t = 0; t < doc->n_tasks && !b->failed; t++) {
        const task_record *task = &doc->tasks[t];
        refs_in_line(b, (int)t, task->text, task->line);
        /* Notes come in document order, like tasks, and nest under them. */
        while (note < doc->n_notes && doc->notes[note].task < (int)t)
            note++;
        for (size_t n = note; n < doc->n_notes && doc->notes[n].task == (int)t; n++)
            refs_in_line(b, (int)t, doc->notes[n].text, doc->notes[n].line);
        refs_from_json(b, (int)t, task->files_json, "file", task->line, 0);
        refs_from_json(b, (int)t, task->tags_json, "story", task->line, 1);
    }
}

int task_graph_add_refs(const task_document *doc, task_graph *graph)
{
    if (graph->has_refs) return TASKS_PARSE_OK;
    graph_builder b = {.doc = doc, .graph = graph};
    add_task_refs(&b);
    if (b.failed) {
        free(graph->refs);
        graph->refs = NULL;
        graph->n_refs = 0;
        return TASKS_PARSE_NOMEM;
    }
    graph->has_refs = 1;
    return TASKS_PARSE_OK;
}
