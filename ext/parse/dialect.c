/*
 * dialect.c - which tool a task file is written for. The rules, first match:
 *
 *   1. front matter `dialect: catalyst|speckit|kiro|rollout|generic`
 *   2. the path: `rollout*.md` or `.xe/rollouts/` -> rollout; `.kiro/` ->
 *      kiro; `.xe/` -> catalyst; `specs/NNN-name/` -> speckit
 *   3. the content: `Execute in parallel:` / `in sequence:` groups -> rollout;
 *      numbered tasks (`1.`, `1.1`) with `_Requirements:_` lines -> kiro;
 *      `[USn]` story tags, or `## Phase N` headings with `T001`-style ids ->
 *      speckit; `## Step N` headings -> catalyst
 *   4. generic
 */
#include <string.h>

#include "document.h"
#include "text_scan.h"

static const char *const dialect_names[DIALECT_COUNT] = {[DIALECT_GENERIC] = "generic",
                                                         [DIALECT_CATALYST] = "catalyst",
                                                         [DIALECT_SPECKIT] = "speckit",
                                                         [DIALECT_KIRO] = "kiro",
                                                         [DIALECT_ROLLOUT] = "rollout"};

const char *task_dialect_name(task_dialect dialect)
{
    return (unsigned)dialect < DIALECT_COUNT ? dialect_names[dialect] : NULL;
}

int task_dialect_from_name(const char *name)
{
    for (int d = 0; d < DIALECT_COUNT; d++)
        if (name && strcmp(name, dialect_names[d]) == 0) return d;
    return -1;
}

/* `"dialect":"kiro"` in the front matter's JSON; -1 when none. */
static int declared(const char *meta)
{
    const char *key = meta ? strstr(meta, "\"dialect\":\"") : NULL;
    if (!key) return -1;
    key += 11;
    for (int d = 0; d < DIALECT_COUNT; d++) {
        size_t n = strlen(dialect_names[d]);
        if (strncmp(key, dialect_names[d], n) == 0 && key[n] == '"') return d;
    }
    return -1;
}

static int from_real_path(const char *path);

/* Files copied out of a repository often keep their path in the name, with
 * `__` for `/` (`org__repo__.kiro__specs__x__tasks.md`): read it both ways. */
static int from_path(const char *path)
{
    if (!path) return -1;
    if (!strstr(path, "__")) return from_real_path(path);
    char unfolded[4096];
    size_t n = 0;
    for (const char *p = path; *p && n + 1 < sizeof unfolded; p++) {
        if (p[0] == '_' && p[1] == '_') {
            unfolded[n++] = '/';
            p++;
        } else {
            unfolded[n++] = *p;
        }
    }
    unfolded[n] = '\0';
    return from_real_path(unfolded);
}

static int from_real_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strncmp(base, "rollout", 7) == 0 || strstr(path, ".xe/rollouts/")) return DIALECT_ROLLOUT;
    if (strstr(path, ".kiro/")) return DIALECT_KIRO;
    if (strstr(path, ".xe/")) return DIALECT_CATALYST;
    for (const char *p = strstr(path, "specs/"); p; p = strstr(p + 1, "specs/")) {
        const char *q = p + 6;
        /* `001-name`, `20-name`; not a date (`2025-08-09-name`, Agent OS) */
        size_t digits = strspn(q, "0123456789");
        if (digits >= 1 && digits <= 3 && q[digits] == '-' &&
            !(q[digits + 1] >= '0' && q[digits + 1] <= '9') && (p == path || p[-1] == '/'))
            return DIALECT_SPECKIT;
    }
    return -1;
}

static task_dialect from_content(const task_document *doc)
{
    if (doc->n_execute_groups > 0) return DIALECT_ROLLOUT;
    size_t numeric = 0, lettered = 0, stories = 0, requirements = 0, phases = 0, steps = 0;
    for (size_t i = 0; i < doc->n_tasks; i++) {
        const char *id = doc->tasks[i].id;
        if (id && id[0] >= '0' && id[0] <= '9')
            numeric++;
        else if (id)
            lettered++;
        if (doc->tasks[i].story) stories++;
    }
    for (size_t i = 0; i < doc->n_notes; i++) {
        const char *t = doc->notes[i].text;
        if (starts_nocase(t, "requirements") || strncmp(t, "\xE9\x9C\x80\xE6\xB1\x82", 6) == 0 ||
            strncmp(t, "\xE8\xA6\x81\xE4\xBB\xB6", 6) == 0)
            requirements++;
    }
    for (size_t i = 0; i < doc->n_steps; i++) {
        const char *h = doc->steps[i].heading;
        if (starts_nocase(h, "phase")) phases++;
        if (starts_nocase(h, "step")) steps++;
    }
    if (numeric > 0 && requirements > 0) return DIALECT_KIRO;
    if (stories > 0 || (phases > 0 && lettered > 0)) return DIALECT_SPECKIT;
    if (steps > 0) return DIALECT_CATALYST;
    return DIALECT_GENERIC;
}

task_dialect task_document_detect_dialect(const task_document *doc, const char *path)
{
    int d = declared(doc->meta_json);
    if (d < 0) d = from_path(path);
    return d >= 0 ? (task_dialect)d : from_content(doc);
}
