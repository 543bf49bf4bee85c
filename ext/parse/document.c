/* document.c - task_document_parse(): BOM, front matter, then the markdown walk. */
#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "front_matter.h"
#include "markdown_walk.h"
#include "text_buffer.h"
#include "utf8.h"

static const char *repaired_copy(tasks_arena *arena, const char *text)
{
    return utf8_arena_repaired(arena, text, strlen(text));
}

static int is_utf16(const char *bytes, size_t size)
{
    if (size < 2) return 0;
    unsigned char a = (unsigned char)bytes[0], b = (unsigned char)bytes[1];
    return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF);
}

/* Reads the front matter into doc; returns where the markdown body starts. */
static int read_front_matter(const char *bytes, size_t size, size_t start, task_document *doc,
                             front_matter *fm, size_t *body_start)
{
    front_matter_span span;
    front_matter_locate(bytes, size, start, &span);
    *body_start = start;
    memset(fm, 0, sizeof(*fm));
    if (!span.present) return TASKS_PARSE_OK;
    if (!span.closed) {
        /* Not front matter after all, or a broken one: the whole file is
         * markdown, so no task is lost. */
        doc->error = "front matter: the `---` on line 1 is never closed";
        doc->error_code = "bad-front-matter";
        doc->error_line = 1;
        return TASKS_PARSE_OK;
    }
    if (front_matter_read(bytes + span.yaml_start, span.yaml_end - span.yaml_start, span.yaml_line,
                          doc->arena, fm) < 0)
        return TASKS_PARSE_NOMEM;
    doc->error = fm->error;
    doc->error_code = fm->error ? "bad-front-matter" : NULL;
    doc->error_line = fm->error_line;
    doc->meta_json = fm->json;
    if (fm->json) {
        *body_start = span.body_start;
    } else {
        /* Unreadable YAML: nothing in it is trusted, not even what came
         * before the error. */
        memset(fm, 0, sizeof(*fm));
    }
    return TASKS_PARSE_OK;
}

typedef struct numbered {
    const char *id;
    size_t len;
    size_t task;
} numbered;

static int numbered_compare(const void *x, const void *y)
{
    const numbered *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->id, b->id, n);
    if (c) return c;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    return a->task < b->task ? -1 : a->task > b->task;
}

/* The latest task before `before` whose id is id[0..len), or -1: the ids
 * are sorted by (id, position), so two binary searches find it. */
static int latest_with_id(const numbered *all, size_t n, const char *id, size_t len, size_t before)
{
    size_t lo = 0, hi = n;
    numbered key = {id, len, before};
    while (lo < hi) { /* first entry not below (id, before) */
        size_t mid = (lo + hi) / 2;
        if (numbered_compare(&all[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return -1;
    const numbered *prev = &all[lo - 1];
    return prev->len == len && memcmp(prev->id, id, len) == 0 ? (int)prev->task : -1;
}

/* Kiro writes subtasks as `- [ ] 1.1` beside `- [ ] 1.`, not indented under
 * it: a top-level task whose id is `N.M` (or deeper) belongs to the closest
 * earlier task with id `N`, as if it were nested. */
static int nest_by_number(task_document *doc)
{
    size_t numeric = 0;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const char *id = doc->tasks[t].id;
        numeric += id && id[0] >= '0' && id[0] <= '9';
    }
    if (numeric == 0) return TASKS_PARSE_OK; /* T001-style ids: depths stand as parsed */
    numbered *all = malloc((doc->n_tasks + 1) * sizeof(numbered));
    if (!all) return TASKS_PARSE_NOMEM;
    size_t n = 0;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        const char *id = doc->tasks[t].id;
        if (id && id[0] >= '0' && id[0] <= '9') all[n++] = (numbered){id, strlen(id), t};
    }
    qsort(all, n, sizeof(numbered), numbered_compare);
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        const char *id = task->id;
        if (task->parent >= 0 || !id || id[0] < '0' || id[0] > '9') continue;
        const char *dot = strrchr(id, '.');
        if (dot) task->parent = latest_with_id(all, n, id, (size_t)(dot - id), t);
    }
    free(all);
    /* Depths follow parents; a parent always comes before its subtasks. */
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        task->depth = task->parent >= 0 ? doc->tasks[task->parent].depth + 1 : 0;
    }
    return TASKS_PARSE_OK;
}

int task_document_parse(const char *bytes, size_t size, const char *spec, unsigned omit,
                        task_document *doc)
{
    memset(doc, 0, sizeof(*doc));
    doc->omitted = omit & (TASK_PART_PROSE | TASK_PART_DETAILS);
    if (size > TASKS_PARSE_MAX_BYTES) return TASKS_PARSE_TOO_BIG;
    doc->arena = tasks_arena_new();
    if (!doc->arena) return TASKS_PARSE_NOMEM;

    size_t start = size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    front_matter fm;
    size_t body_start;
    int rc = TASKS_PARSE_OK;
    if (is_utf16(bytes, size)) {
        /* Read as UTF-8 it has no tasks at all; say why rather than give none. */
        memset(&fm, 0, sizeof fm);
        doc->error = "the file is UTF-16 (it starts with a UTF-16 byte order mark); "
                     "tasksext reads UTF-8: convert it with iconv -f UTF-16 -t UTF-8";
        doc->error_code = "bad-encoding";
        doc->error_line = 1;
    } else {
        rc = read_front_matter(bytes, size, start, doc, &fm, &body_start);
        if (rc == TASKS_PARSE_OK)
            rc = markdown_walk(bytes, size, body_start, fm.title == NULL, doc);
    }
    if (rc == TASKS_PARSE_OK) {
        rc = nest_by_number(doc);
    }
    if (rc == TASKS_PARSE_OK) {
        for (size_t t = 0; t < doc->n_tasks; t++) {
            doc->tasks[t].counted = 1;
            if (doc->tasks[t].parent >= 0) doc->tasks[doc->tasks[t].parent].has_subtasks = 1;
        }
    }
    if (rc == TASKS_PARSE_OK) {
        if (fm.title) doc->title = fm.title;
        doc->author = fm.author;
        doc->description = fm.description;
        if (spec) {
            doc->spec = repaired_copy(doc->arena, spec);
            if (!doc->spec) rc = TASKS_PARSE_NOMEM;
        }
    }
    if (rc != TASKS_PARSE_OK) task_document_free(doc);
    return rc;
}

void task_document_free(task_document *doc)
{
    if (!doc) return;
    free(doc->tasks);
    free(doc->phrases);
    free(doc->notes);
    free(doc->wave_blocks);
    free(doc->steps);
    free(doc->headings);
    tasks_arena_free(doc->arena);
    memset(doc, 0, sizeof(*doc));
}

static const char *const status_names[] = {"todo",  "done",    "in_progress", "cancelled",
                                           "other", "blocked", "deferred"};
#define N_STATUSES (sizeof status_names / sizeof status_names[0])

const char *task_status_name(task_status status)
{
    return (unsigned)status < N_STATUSES ? status_names[status] : "other";
}

const char *task_record_status(const task_record *task)
{
    return task->status_word ? task->status_word : task_status_name(task->status);
}

/* The built-in mark meanings, then the dialects' own. */
static const task_status_rule default_rules[] = {
    {" ", "", "todo"},        {"x", "", "done"},      {"X", "", "done"},
    {"/", "", "in_progress"}, {"-", "", "cancelled"}, {"-", "kiro", "in_progress"},
};

static const char *rule_for(const task_status_rule *rules, size_t n, const char *mark,
                            const char *dialect)
{
    const char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rules[i].mark, mark) != 0) continue;
        if (rules[i].dialect[0] && strcmp(rules[i].dialect, dialect) != 0) continue;
        found = rules[i].status; /* later rules win */
    }
    return found;
}

/* What `mark` means in `dialect`: the user's rules first, then the defaults. */
static const char *meaning(const task_status_map *map, const char *mark, const char *dialect)
{
    const char *status = map ? rule_for(map->rules, map->n_rules, mark, dialect) : NULL;
    return status ? status
                  : rule_for(default_rules, sizeof default_rules / sizeof default_rules[0], mark,
                             dialect);
}

int task_status_mark(task_dialect dialect, const task_status_map *map, const char *status,
                     char mark[8])
{
    const char *name = task_dialect_name(dialect);
    if (!name) name = "";
    size_t n_user = map ? map->n_rules : 0;
    size_t n_default = sizeof default_rules / sizeof default_rules[0];
    /* The user's latest rule first, then the defaults in their order (`x`
     * before `X`); a mark counts only if it means `status` here. */
    for (size_t k = 0; k < n_user + n_default; k++) {
        const char *candidate = k < n_user ? map->rules[n_user - 1 - k].mark
                                           : default_rules[k - n_user].mark;
        const char *means = meaning(map, candidate, name);
        if (means && strcmp(means, status) == 0) {
            snprintf(mark, 8, "%s", candidate);
            return 1;
        }
    }
    return 0;
}

int task_document_map_statuses(task_document *doc, const task_status_map *map)
{
    const char *dialect = task_dialect_name(doc->dialect);
    const task_record *previous = NULL; /* most tasks share their neighbour's mark */
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        if (previous && strcmp(previous->mark, task->mark) == 0) {
            task->status = previous->status;
            task->status_word = previous->status_word;
            previous = task;
            continue;
        }
        previous = task;
        const char *status = map ? rule_for(map->rules, map->n_rules, task->mark, dialect) : NULL;
        if (!status)
            status = rule_for(default_rules, sizeof default_rules / sizeof default_rules[0],
                              task->mark, dialect);
        task->status_word = NULL;
        task->status = TASK_STATUS_OTHER;
        if (!status) continue;
        size_t i = 0;
        while (i < N_STATUSES && strcmp(status_names[i], status) != 0)
            i++;
        if (i < N_STATUSES) {
            task->status = (task_status)i;
        } else {
            task->status_word = tasks_arena_strndup(doc->arena, status, strlen(status));
            if (!task->status_word) return TASKS_PARSE_NOMEM;
        }
    }
    return TASKS_PARSE_OK;
}

/* An optional task, or one under an optional task: parents come first. */
static int optional_in_tree(const task_document *doc, size_t t)
{
    for (int i = (int)t; i >= 0; i = doc->tasks[i].parent)
        if (doc->tasks[i].optional) return 1;
    return 0;
}

void task_document_count_progress(task_document *doc)
{
    int leaves_only = doc->dialect == DIALECT_KIRO;
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        task->counted = !leaves_only || (!task->has_subtasks && !optional_in_tree(doc, t));
    }
}

int task_document_number_tasks(task_document *doc)
{
    if (doc->n_tasks == 0) return TASKS_PARSE_OK;
    int *children = calloc(doc->n_tasks, sizeof(int));
    if (!children) return TASKS_PARSE_NOMEM;
    const char *section = NULL;
    int sections = 0, top = 0;
    char id[64];
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        if (t == 0 || task->section != section) {
            section = task->section;
            sections++;
            top = 0;
        }
        int ordinal = task->parent >= 0 ? ++children[task->parent] : ++top;
        if (task->id) continue;
        const char *parent = task->parent >= 0 ? doc->tasks[task->parent].id : NULL;
        if (parent)
            snprintf(id, sizeof id, "%.50s.%d", parent, ordinal);
        else
            snprintf(id, sizeof id, "%d.%d", sections, ordinal);
        task->id = tasks_arena_strndup(doc->arena, id, strlen(id));
        if (!task->id) {
            free(children);
            return TASKS_PARSE_NOMEM;
        }
    }
    free(children);
    return TASKS_PARSE_OK;
}
