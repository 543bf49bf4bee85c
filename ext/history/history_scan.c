/* history_scan.c - commits in, task state changes, counts and lints out. */
#include "history_scan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "../fs/git_history.h"
#include "../parse/arena.h"
#include "../parse/spec_key.h"
#include "../parse/text_buffer.h"
#include "name_map.h"
#include "task_match.h"
#include "task_version.h"

/* One task-list file through its versions, across renames. */
typedef struct track {
    const char *path;            /* the latest, in the arena */
    const task_version *version; /* NULL once deleted */
    size_t *tasks;               /* the task (index into lineages) of each of version's */
    const char *spec;            /* the spec key of the latest path, once the walk is over */
} track;

/* One task through its versions. */
typedef struct lineage {
    const char *last_id;
    size_t added;    /* the commit that added it */
    int known_start; /* `added` added it (not the range's base, nor a shallow start) */
} lineage;

typedef struct change_record {
    size_t commit, track, task;
    const version_task *shown; /* the version's task the row shows */
    const char *path;
    history_change_kind kind;
    const char *old_status, *new_status;
} change_record;

/* A track's counts after a commit. */
typedef struct count_record {
    size_t commit, track;
    int64_t counted, done, cancelled;
} count_record;

/* A task that became done: the unverified-done lint looks at it. */
typedef struct done_record {
    size_t commit, track, task;
    const version_task *shown;
    const char *path;
} done_record;

typedef struct issue_record {
    size_t commit;
    long track, task; /* -1: about no task */
    const version_task *shown;
    const char *path;
    const char *code, *severity, *message;
} issue_record;

typedef struct scan_state {
    const history_options *o;
    git_history *git;
    tasks_arena *arena;
    version_map *versions;
    name_map *paths; /* a live track's path -> its index */
    history_commit *commits;
    size_t n_commits, commits_cap;
    track *tracks;
    size_t n_tracks, tracks_cap;
    lineage *lineages;
    size_t n_lineages, lineages_cap;
    change_record *changes;
    size_t n_changes, changes_cap;
    count_record *counts;
    size_t n_counts, counts_cap;
    done_record *dones;
    size_t n_dones, dones_cap;
    issue_record *issues;
    size_t n_issues, issues_cap;
    char *message;
} scan_state;

const char *history_change_name(history_change_kind kind)
{
    static const char *const names[] = {"added", "removed", "status", "start"};
    return kind <= CHANGE_START ? names[kind] : NULL;
}

#define PUSH(s, array, n, cap)                                                                     \
    grow_array((void **)&(s)->array, &(s)->cap, (s)->n, sizeof(*(s)->array))

static const char *keep(scan_state *s, const char *text)
{
    return text ? tasks_arena_strndup(s->arena, text, strlen(text)) : NULL;
}

static int blob_bytes(void *ctx, const unsigned char *id, const char **bytes, size_t *size)
{
    scan_state *s = ctx;
    free(s->message);
    s->message = NULL;
    return git_history_blob(s->git, id, bytes, size, &s->message);
}

static int load_version(scan_state *s, const unsigned char *blob, const char *path,
                        const task_version **out)
{
    return version_map_get(s->versions, blob, path, s->o->statuses, blob_bytes, s, out);
}

static int add_change(scan_state *s, size_t commit, size_t t, size_t task,
                      const version_task *shown, history_change_kind kind, const char *old_status,
                      const char *new_status)
{
    if (s->commits[commit].base) return 0;
    if (!PUSH(s, changes, n_changes, changes_cap)) return -1;
    s->changes[s->n_changes++] =
        (change_record){commit, t, task, shown, s->tracks[t].path, kind, old_status, new_status};
    return 0;
}

static int add_count(scan_state *s, size_t commit, size_t t)
{
    if (!PUSH(s, counts, n_counts, counts_cap)) return -1;
    const task_version *v = s->tracks[t].version;
    count_record *c = &s->counts[s->n_counts++];
    *c = (count_record){commit, t, 0, 0, 0};
    if (v) {
        c->counted = v->counted;
        c->done = v->done;
        c->cancelled = v->cancelled;
    }
    return 0;
}

static long new_lineage(scan_state *s, size_t commit, const version_task *task)
{
    if (!PUSH(s, lineages, n_lineages, lineages_cap)) return -1;
    const history_commit *c = &s->commits[commit];
    s->lineages[s->n_lineages] = (lineage){task->id, commit, !c->base && !c->shallow};
    return (long)s->n_lineages++;
}

static long new_track(scan_state *s, const char *path)
{
    if (!PUSH(s, tracks, n_tracks, tracks_cap)) return -1;
    const char *kept = keep(s, path);
    if (!kept || name_map_put(s->paths, kept, s->n_tracks) < 0) return -1;
    s->tracks[s->n_tracks] = (track){kept, NULL, NULL, NULL};
    return (long)s->n_tracks++;
}

/* The tasks of track t's version that `next` has no more. */
static int removed_tasks(scan_state *s, size_t commit, size_t t, const long *match, size_t n_new)
{
    const track *tr = &s->tracks[t];
    if (!tr->version) return 0;
    char *kept = tr->version->n_tasks ? calloc(tr->version->n_tasks, 1) : NULL;
    if (tr->version->n_tasks && !kept) return -1;
    for (size_t j = 0; j < n_new; j++)
        if (match[j] >= 0) kept[match[j]] = 1;
    int rc = 0;
    for (size_t i = 0; i < tr->version->n_tasks && rc == 0; i++) {
        const version_task *old = &tr->version->tasks[i];
        if (!kept[i])
            rc = add_change(s, commit, t, tr->tasks[i], old, CHANGE_REMOVED, old->status, NULL);
    }
    free(kept);
    return rc;
}

/* Track t becomes `next` (NULL: its file is gone) in `commit`. */
static int advance(scan_state *s, size_t commit, size_t t, const task_version *next)
{
    size_t n_new = next ? next->n_tasks : 0;
    long *match = n_new ? malloc(n_new * sizeof(long)) : NULL;
    size_t *tasks = n_new ? malloc(n_new * sizeof(size_t)) : NULL;
    if (n_new && (!match || !tasks || task_match(s->tracks[t].version, next, match) < 0)) {
        free(match);
        free(tasks);
        return -1;
    }
    int rc = removed_tasks(s, commit, t, match, n_new);
    history_change_kind appear = s->commits[commit].shallow ? CHANGE_START : CHANGE_ADDED;
    for (size_t j = 0; j < n_new && rc == 0; j++) {
        const version_task *now = &next->tasks[j];
        if (match[j] < 0) {
            long task = new_lineage(s, commit, now);
            if (task < 0) {
                rc = -1;
                break;
            }
            tasks[j] = (size_t)task;
            rc = add_change(s, commit, t, tasks[j], now, appear, NULL, now->status);
            continue;
        }
        const version_task *before = &s->tracks[t].version->tasks[match[j]];
        tasks[j] = s->tracks[t].tasks[match[j]];
        s->lineages[tasks[j]].last_id = now->id;
        if (strcmp(before->status, now->status) == 0) continue;
        rc = add_change(s, commit, t, tasks[j], now, CHANGE_STATUS, before->status, now->status);
        if (rc == 0 && now->state == TASK_STATUS_DONE && before->state != TASK_STATUS_DONE) {
            if (!PUSH(s, dones, n_dones, dones_cap)) rc = -1;
            if (rc == 0)
                s->dones[s->n_dones++] = (done_record){commit, t, tasks[j], now, s->tracks[t].path};
        }
    }
    free(match);
    if (rc < 0) {
        free(tasks);
        return -1;
    }
    free(s->tracks[t].tasks);
    s->tracks[t].tasks = tasks;
    s->tracks[t].version = next;
    return add_count(s, commit, t);
}

/* Deletions and renames first, so that a path freed in a commit can be
 * taken by another file in the same commit. */
static int change_order(const git_history_change *c)
{
    return c->kind == HISTORY_DELETED || c->kind == HISTORY_RENAMED ? 0
           : c->kind == HISTORY_MODIFIED                            ? 1
                                                                    : 2;
}

static int apply_change(scan_state *s, size_t commit, const git_history_change *c)
{
    long t = -1;
    if (c->old_path) {
        size_t found;
        if (name_map_get(s->paths, c->old_path, &found)) t = (long)found;
    }
    if (c->kind == HISTORY_DELETED) {
        if (t < 0) return 0;
        name_map_remove(s->paths, c->old_path);
        return advance(s, commit, (size_t)t, NULL);
    }
    const task_version *v;
    if (load_version(s, c->new_blob, c->new_path, &v) != 0) return -1;
    if (t >= 0 && c->kind == HISTORY_RENAMED) {
        const char *kept = keep(s, c->new_path);
        if (!kept) return -1;
        name_map_remove(s->paths, c->old_path);
        if (name_map_put(s->paths, kept, (size_t)t) < 0) return -1;
        s->tracks[t].path = kept;
    }
    if (t < 0) {
        size_t found;
        t = name_map_get(s->paths, c->new_path, &found) ? (long)found : new_track(s, c->new_path);
        if (t < 0) return -1;
    }
    return advance(s, commit, (size_t)t, v);
}

static int add_issue(scan_state *s, const issue_record *issue)
{
    if (!issue->message || !PUSH(s, issues, n_issues, issues_cap)) return -1;
    s->issues[s->n_issues++] = *issue;
    return 0;
}

static const char *formatted(scan_state *s, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static const char *formatted(scan_state *s, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *text = n >= 0 ? tasks_arena_text(s->arena, (size_t)n + 1) : NULL;
    if (!text) return NULL;
    va_start(args, format);
    vsnprintf(text, (size_t)n + 1, format, args);
    va_end(args);
    return text;
}

static int take_commit(scan_state *s, const git_history_commit *c)
{
    if (!PUSH(s, commits, n_commits, commits_cap)) return -1;
    history_commit *out = &s->commits[s->n_commits];
    memset(out, 0, sizeof(*out));
    memcpy(out->id, c->id, sizeof out->id);
    out->time = c->time;
    out->author = keep(s, c->author);
    out->email = keep(s, c->email);
    out->summary = keep(s, c->summary);
    out->base = c->base;
    out->shallow = c->shallow;
    if (!out->author || !out->email || !out->summary) return -1;
    size_t commit = s->n_commits++;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < c->n_changes; i++)
            if (change_order(&c->changes[i]) == pass && apply_change(s, commit, &c->changes[i]) < 0)
                return -1;
    if (c->shallow)
        return add_issue(
            s, &(issue_record){commit, -1, -1, NULL, NULL, "shallow-history", "info",
                               formatted(s,
                                         "the history before commit %.7s is missing (a shallow "
                                         "clone): the tasks there are shown as 'start', not "
                                         "'added'",
                                         c->id)});
    return 0;
}

static int walk(scan_state *s)
{
    git_history_commit c;
    int rc;
    while ((rc = git_history_next(s->git, &c, &s->message)) == 1)
        if (take_commit(s, &c) < 0) return -1;
    return rc;
}

/* ---- after the walk: spec keys, counts per spec, lints -------------------- */

static int name_specs(scan_state *s)
{
    const char *name = git_history_name(s->git);
    text_buffer key, path;
    text_buffer_init(&key);
    text_buffer_init(&path);
    int rc = 0;
    for (size_t t = 0; t < s->n_tracks && rc == 0; t++) {
        text_buffer_clear(&key);
        text_buffer_clear(&path);
        spec_key_build(s->tracks[t].path, name, &key, &path);
        s->tracks[t].spec = key.failed ? NULL : keep(s, key.data);
        if (!s->tracks[t].spec) rc = -1;
    }
    text_buffer_free(&key);
    text_buffer_free(&path);
    return rc;
}

typedef struct spec_totals {
    const char *spec;
    int64_t counted, done, cancelled;
    int64_t shown[3]; /* what the last row said; shown[0] < 0 before any */
    size_t dirty_at;  /* the commit it changed in last, plus one */
} spec_totals;

/* One row per (commit, spec) whose counts changed: the tracks' counts,
 * summed per spec, commit by commit. */
static int count_specs(scan_state *s, history_count **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    name_map *index = name_map_new();
    spec_totals *specs = s->n_tracks ? calloc(s->n_tracks, sizeof(spec_totals)) : NULL;
    size_t *spec_of = s->n_tracks ? calloc(s->n_tracks, sizeof(size_t)) : NULL;
    count_record *last = s->n_tracks ? calloc(s->n_tracks, sizeof(count_record)) : NULL;
    size_t *dirty = s->n_tracks ? calloc(s->n_tracks, sizeof(size_t)) : NULL;
    history_count *rows = NULL;
    size_t n_rows = 0, rows_cap = 0, n_specs = 0;
    int rc = index && (!s->n_tracks || (specs && spec_of && last && dirty)) ? 0 : -1;
    for (size_t t = 0; t < s->n_tracks && rc == 0; t++) {
        size_t found;
        if (!name_map_get(index, s->tracks[t].spec, &found)) {
            found = n_specs++;
            specs[found].spec = s->tracks[t].spec;
            specs[found].shown[0] = -1;
            rc = name_map_put(index, s->tracks[t].spec, found);
        }
        spec_of[t] = found;
    }
    for (size_t i = 0; i < s->n_counts && rc == 0;) {
        size_t commit = s->counts[i].commit, n_dirty = 0;
        for (; i < s->n_counts && s->counts[i].commit == commit; i++) {
            const count_record *c = &s->counts[i];
            spec_totals *sp = &specs[spec_of[c->track]];
            sp->counted += c->counted - last[c->track].counted;
            sp->done += c->done - last[c->track].done;
            sp->cancelled += c->cancelled - last[c->track].cancelled;
            last[c->track] = *c;
            if (sp->dirty_at != commit + 1) dirty[n_dirty++] = spec_of[c->track];
            sp->dirty_at = commit + 1;
        }
        for (size_t d = 0; d < n_dirty && rc == 0; d++) {
            spec_totals *sp = &specs[dirty[d]];
            int64_t now[3] = {sp->counted, sp->done, sp->cancelled};
            if (memcmp(now, sp->shown, sizeof now) == 0) continue;
            memcpy(sp->shown, now, sizeof now);
            if (!grow_array((void **)&rows, &rows_cap, n_rows, sizeof(history_count))) {
                rc = -1;
                break;
            }
            rows[n_rows++] = (history_count){
                &s->commits[commit], sp->spec, now[0], now[1], now[2], now[0] - now[1] - now[2]};
        }
    }
    name_map_free(index);
    free(specs);
    free(spec_of);
    free(last);
    free(dirty);
    if (rc < 0) {
        free(rows);
        return -1;
    }
    *out = rows;
    *n_out = n_rows;
    return 0;
}

/* The strings of a JSON array we wrote (tasks().files): \" and \\ only. */
static int json_strings(scan_state *s, const char *json, const char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    for (const char *p = strchr(json, '"'); p; p = strchr(p, '"')) {
        const char *q = ++p;
        while (*q && *q != '"')
            q += *q == '\\' && q[1] ? 2 : 1;
        char *text = tasks_arena_text(s->arena, (size_t)(q - p) + 1);
        if (!text || !grow_array((void **)out, &cap, *n, sizeof(char *))) return -1;
        size_t len = 0;
        for (const char *r = p; r < q; r++) {
            if (*r == '\\' && r + 1 < q) r++;
            text[len++] = *r;
        }
        text[len] = '\0';
        (*out)[(*n)++] = text;
        p = *q ? q + 1 : q;
    }
    return 0;
}

/* unverified-done: a task that became done in a commit where none of the
 * files it names differs from the commit that added it. */
static int unverified_done(scan_state *s)
{
    text_buffer names;
    text_buffer_init(&names);
    int rc = 0;
    for (size_t i = 0; i < s->n_dones && rc == 0; i++) {
        const done_record *d = &s->dones[i];
        const lineage *l = &s->lineages[d->task];
        if (!l->known_start) continue;
        const char **paths;
        size_t n;
        if (json_strings(s, d->shown->files_json, &paths, &n) < 0) return -1;
        if (n == 0) {
            free(paths);
            continue;
        }
        const history_commit *added = &s->commits[l->added], *done = &s->commits[d->commit];
        free(s->message);
        s->message = NULL;
        int changed = git_history_paths_changed(s->git, added->id, done->id, paths, n, &s->message);
        text_buffer_clear(&names);
        for (size_t k = 0; k < n; k++) {
            if (k) text_buffer_append(&names, ", ", 2);
            text_buffer_append(&names, paths[k], strlen(paths[k]));
        }
        text_buffer_append(&names, "", 1);
        free(paths);
        if (changed < 0 || names.failed) {
            rc = -1;
            break;
        }
        if (changed) continue;
        /* The id it had then; the row's id column is its last one. */
        const char *then = d->shown->id ? d->shown->id : d->shown->title;
        const char *now = l->last_id;
        int renamed = d->shown->id && now && strcmp(now, d->shown->id) != 0;
        rc = add_issue(
            s, &(issue_record){d->commit, (long)d->track, (long)d->task, d->shown, d->path,
                               "unverified-done", "warning",
                               formatted(s,
                                         "%s%s%s%s became done in commit %.7s, but "
                                         "none of the files it names (%s) changed "
                                         "since commit %.7s added it",
                                         then, renamed ? " (now " : "", renamed ? now : "",
                                         renamed ? ")" : "", done->id, names.data, added->id)});
    }
    text_buffer_free(&names);
    return rc;
}

static int finish(scan_state *s, history_scan *out)
{
    if (name_specs(s) < 0) return -1;
    if (s->o->lints && unverified_done(s) < 0) return -1;
    history_change *changes = s->n_changes ? calloc(s->n_changes, sizeof(history_change)) : NULL;
    history_issue *issues = s->n_issues ? calloc(s->n_issues, sizeof(history_issue)) : NULL;
    out->changes = changes;
    out->issues = issues;
    if ((s->n_changes && !changes) || (s->n_issues && !issues)) return -1;
    for (size_t i = 0; i < s->n_changes; i++) {
        const change_record *c = &s->changes[i];
        changes[i] = (history_change){&s->commits[c->commit],
                                      s->tracks[c->track].spec,
                                      s->lineages[c->task].last_id,
                                      (int64_t)c->task + 1,
                                      c->path,
                                      c->shown->title,
                                      c->shown->line,
                                      c->kind,
                                      c->old_status,
                                      c->new_status};
    }
    out->n_changes = s->n_changes;
    for (size_t i = 0; i < s->n_issues; i++) {
        const issue_record *r = &s->issues[i];
        history_issue *h = &issues[i];
        *h = (history_issue){
            &s->commits[r->commit], NULL, r->path, NULL, 0, r->code, r->severity, r->message};
        if (r->track >= 0) h->spec = s->tracks[r->track].spec;
        if (r->task >= 0) h->id = s->lineages[r->task].last_id;
        if (r->shown) h->line = r->shown->line;
    }
    out->n_issues = s->n_issues;
    history_count *counts;
    if (count_specs(s, &counts, &out->n_counts) < 0) return -1;
    out->counts = counts;
    out->commits = s->commits;
    out->n_commits = s->n_commits;
    out->parsed = version_map_parsed(s->versions);
    return 0;
}

/* What a scan's result owns besides its arrays. */
typedef struct scan_result {
    history_scan scan; /* first */
    tasks_arena *arena;
    history_commit *commits;
} scan_result;

static void free_state(scan_state *s)
{
    git_history_close(s->git);
    version_map_free(s->versions);
    name_map_free(s->paths);
    for (size_t t = 0; t < s->n_tracks; t++)
        free(s->tracks[t].tasks);
    free(s->tracks);
    free(s->lineages);
    free(s->changes);
    free(s->counts);
    free(s->dones);
    free(s->issues);
}

int history_scan_run(const history_options *options, history_scan **out, char **message)
{
    *out = NULL;
    *message = NULL;
    scan_result *result = calloc(1, sizeof(scan_result));
    scan_state s = {.o = options};
    s.arena = tasks_arena_new();
    s.versions = s.arena ? version_map_new(s.arena) : NULL;
    s.paths = name_map_new();
    int rc = result && s.versions && s.paths ? 0 : -1;
    if (rc == 0) rc = git_history_open(options->repository, options->range, &s.git, &s.message);
    if (rc == 0) rc = walk(&s);
    if (rc == 0) rc = finish(&s, &result->scan);
    if (result) {
        result->arena = s.arena;
        result->commits = s.commits;
    }
    free_state(&s);
    if (rc < 0) {
        *message = s.message;
        history_scan_free(result ? &result->scan : NULL);
        if (!result) {
            tasks_arena_free(s.arena);
            free(s.commits);
        }
        return -1;
    }
    free(s.message);
    *out = &result->scan;
    return 0;
}

void history_scan_free(history_scan *scan)
{
    if (!scan) return;
    scan_result *result = (scan_result *)scan;
    free((void *)scan->changes);
    free((void *)scan->counts);
    free((void *)scan->issues);
    tasks_arena_free(result->arena);
    free(result->commits);
    free(result);
}
