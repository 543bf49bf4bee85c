/* git_history.c - first-parent commits and their task-list changes, by libgit2. */
#include "git_history.h"

#include <git2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "path_walk.h"

#include "../base/array_grow.h"

/* What the diff is limited to before the walk's own rules are applied: the
 * names a walk takes, anywhere (libgit2's pathspec `*` spans folders). */
static char *task_list_patterns[] = {"*tasks.md", "*rollout-*.md"};

struct git_history {
    git_repository *repo;
    char *name;
    git_oid *chain; /* the range's commits, newest first */
    size_t n_chain, chain_cap;
    size_t next;         /* how many of the chain are handed out */
    int has_base;        /* the oldest commit's first parent starts the range */
    int base_pending;    /* it is not handed out yet */
    int shallow_at_root; /* the oldest commit's first parent is missing */
    git_commit *commit;  /* the one handed out last */
    git_history_change *changes;
    size_t n_changes, changes_cap;
    char *strings; /* the paths of `changes` */
    size_t strings_len, strings_cap;
    char *texts; /* the commit's author, e-mail, summary */
    size_t texts_len, texts_cap;
    git_blob *blob;
};

static char *format_message(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text) return NULL;
    va_start(args, format);
    vsnprintf(text, (size_t)n + 1, format, args);
    va_end(args);
    return text;
}

/* libgit2's last error, after what we were doing. */
static char *git_message(const char *doing)
{
    const git_error *e = git_error_last();
    return format_message("%s: %s", doing, e && e->message ? e->message : "libgit2 failed");
}

static int open_repository(git_history *h, const char *path, char **message)
{
    int rc = git_repository_open_ext(&h->repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
    /* libgit2 1.5.1 reports a repository of another user as a missing
     * `safe.directory` setting (GIT_ENOTFOUND), not as GIT_EOWNER. */
    const git_error *e = rc < 0 ? git_error_last() : NULL;
    if (rc == GIT_EOWNER || (e && e->message && strstr(e->message, "safe.directory"))) {
        *message = format_message("%s: the repository is owned by another user, so it is not "
                                  "read (git's safe.directory)",
                                  path);
        return -1;
    }
    if (rc == GIT_ENOTFOUND) {
        *message = format_message("%s: not a git repository (give the top of a work tree, its "
                                  ".git folder, or a bare repository)",
                                  path);
        return -1;
    }
    if (rc < 0) {
        *message = git_message(path);
        return -1;
    }
    const char *top = git_repository_workdir(h->repo);
    if (!top) top = git_repository_path(h->repo);
    size_t n = strlen(top);
    while (n > 1 && top[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && top[start - 1] != '/')
        start--;
    size_t len = n - start;
    if (!git_repository_workdir(h->repo) && len > 4 && memcmp(top + n - 4, ".git", 4) == 0)
        len -= 4;
    h->name = malloc(len + 1);
    if (!h->name) return -1;
    memcpy(h->name, top + start, len);
    h->name[len] = '\0';
    return 0;
}

static int resolve_commit(git_history *h, const git_object *object, git_oid *out, char **message)
{
    git_object *peeled = NULL;
    if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) < 0) {
        *message = git_message("the range does not name a commit");
        return -1;
    }
    git_oid_cpy(out, git_object_id(peeled));
    git_object_free(peeled);
    return 0;
}

/* One side of a range: a revision peeled to its commit (empty: HEAD). */
static int resolve_side(git_history *h, const char *text, size_t len, git_oid *out, char **message)
{
    char *spec = len ? format_message("%.*s", (int)len, text) : format_message("HEAD");
    if (!spec) return -1;
    git_object *object = NULL;
    int rc = git_revparse_single(&object, h->repo, spec);
    if (rc < 0) *message = git_message(spec);
    if (rc == 0) rc = resolve_commit(h, object, out, message);
    git_object_free(object);
    free(spec);
    return rc < 0 ? -1 : 0;
}

/* The range's tip, and where its walk stops (stop_set: a merge base). 1 with
 * them, 0 for an empty repository, -1 with *message. `A..B` is split here,
 * each side parsed alone (libgit2 1.5's git_revparse leaks the left side's
 * object when the right side does not parse). */
static int resolve_range(git_history *h, const char *range, git_oid *tip, git_oid *stop,
                         int *stop_set, char **message)
{
    *stop_set = 0;
    if (!range && git_repository_head_unborn(h->repo) == 1) return 0;
    if (range && strstr(range, "...")) {
        *message = format_message("%s: a symmetric range (A...B) has no first-parent line; "
                                  "give A..B or a revision",
                                  range);
        return -1;
    }
    const char *dots = range ? strstr(range, "..") : NULL;
    if (!dots)
        return resolve_side(h, range ? range : "", range ? strlen(range) : 0, tip, message) < 0 ? -1
                                                                                                : 1;
    git_oid from;
    if (resolve_side(h, range, (size_t)(dots - range), &from, message) < 0 ||
        resolve_side(h, dots + 2, strlen(dots + 2), tip, message) < 0)
        return -1;
    int base = git_merge_base(stop, h->repo, &from, tip);
    if (base == 0) *stop_set = 1;
    if (base < 0 && base != GIT_ENOTFOUND) {
        *message = git_message(range);
        return -1;
    }
    return 1;
}

/* Whether the walk back from the tip ends at `c`: the merge base, or a
 * commit behind it (when the base is not on the first-parent line). */
static int at_stop(git_history *h, const git_commit *c, const git_oid *stop, int64_t stop_time)
{
    if (git_oid_equal(git_commit_id(c), stop)) return 1;
    return git_commit_time(c) <= stop_time &&
           git_graph_descendant_of(h->repo, stop, git_commit_id(c)) == 1;
}

static int collect_chain(git_history *h, const git_oid *tip, const git_oid *stop, int stop_set,
                         char **message)
{
    int64_t stop_time = 0;
    if (stop_set) {
        git_commit *s = NULL;
        if (git_commit_lookup(&s, h->repo, stop) < 0) {
            *message = git_message("the range's merge base");
            return -1;
        }
        stop_time = git_commit_time(s);
        git_commit_free(s);
    }
    git_commit *c = NULL;
    if (git_commit_lookup(&c, h->repo, tip) < 0) {
        *message = git_message("the range's tip");
        return -1;
    }
    while (c) {
        if (stop_set && at_stop(h, c, stop, stop_time)) {
            h->has_base = h->n_chain > 0;
            break;
        }
        if (!grow_array((void **)&h->chain, &h->chain_cap, h->n_chain, sizeof(git_oid))) {
            git_commit_free(c);
            return -1;
        }
        git_oid_cpy(&h->chain[h->n_chain++], git_commit_id(c));
        if (git_commit_parentcount(c) == 0) break;
        git_commit *parent = NULL;
        int rc = git_commit_parent(&parent, c, 0);
        if (rc == GIT_ENOTFOUND) {
            h->shallow_at_root = 1;
            git_error_clear();
        } else if (rc < 0) {
            *message = git_message("reading a parent commit");
            git_commit_free(c);
            return -1;
        }
        git_commit_free(c);
        c = parent;
    }
    git_commit_free(c);
    h->base_pending = h->has_base;
    return 0;
}

int git_history_open(const char *repository, const char *range, git_history **out, char **message)
{
    *out = NULL;
    *message = NULL;
    if (git_libgit2_init() < 0) {
        *message = git_message("libgit2");
        return -1;
    }
    git_history *h = calloc(1, sizeof(git_history));
    if (!h) {
        git_libgit2_shutdown();
        return -1;
    }
    git_oid tip, stop;
    int stop_set = 0, rc = open_repository(h, repository, message);
    if (rc == 0) rc = resolve_range(h, range, &tip, &stop, &stop_set, message);
    if (rc == 1) rc = collect_chain(h, &tip, &stop, stop_set, message);
    if (rc < 0) {
        git_history_close(h);
        return -1;
    }
    *out = h;
    return 0;
}

/* Copies `text` into *buffer; the offset, or -1 when out of memory.
 * Offsets, not pointers: the buffer moves while it grows. */
static long keep_in(char **buffer, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text) + 1;
    if (!array_reserve((void **)buffer, cap, *len + n, 1)) return -1;
    memcpy(*buffer + *len, text, n);
    *len += n;
    return (long)(*len - n);
}

static long keep_string(git_history *h, const char *text)
{
    return keep_in(&h->strings, &h->strings_len, &h->strings_cap, text);
}

static long keep_text(git_history *h, const char *text)
{
    return keep_in(&h->texts, &h->texts_len, &h->texts_cap, text);
}

static int is_blob_mode(uint16_t mode)
{
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/* A path the directory walk would take, as a regular file. */
static int takes(const git_diff_file *file)
{
    if (!(file->flags & GIT_DIFF_FLAG_EXISTS) || !is_blob_mode(file->mode)) return 0;
    const char *slash = strrchr(file->path, '/');
    const char *name = slash ? slash + 1 : file->path;
    return path_walk_is_task_file(name) && !path_walk_skip_reason_in(file->path);
}

/* One delta as a change of task lists, or nothing: a rename from or to a
 * name the walk does not take is an addition or a deletion. Offsets of the
 * paths in h->strings go in old_at / new_at (-1: none). */
static int add_change(git_history *h, const git_diff_delta *d, long *old_at, long *new_at)
{
    int old_ok = takes(&d->old_file), new_ok = takes(&d->new_file);
    if (!old_ok && !new_ok) return 0;
    if (old_ok && new_ok && git_oid_equal(&d->old_file.id, &d->new_file.id) &&
        strcmp(d->old_file.path, d->new_file.path) == 0)
        return 0;
    if (!grow_array((void **)&h->changes, &h->changes_cap, h->n_changes, sizeof(*h->changes)))
        return -1;
    git_history_change *c = &h->changes[h->n_changes];
    memset(c, 0, sizeof(*c));
    long o = old_ok ? keep_string(h, d->old_file.path) : -1;
    long n = new_ok ? keep_string(h, d->new_file.path) : -1;
    if ((old_ok && o < 0) || (new_ok && n < 0)) return -1;
    if (old_ok) memcpy(c->old_blob, d->old_file.id.id, GIT_HISTORY_ID_BYTES);
    if (new_ok) memcpy(c->new_blob, d->new_file.id.id, GIT_HISTORY_ID_BYTES);
    if (!old_ok)
        c->kind = HISTORY_ADDED;
    else if (!new_ok)
        c->kind = HISTORY_DELETED;
    else
        c->kind =
            strcmp(d->old_file.path, d->new_file.path) == 0 ? HISTORY_MODIFIED : HISTORY_RENAMED;
    old_at[h->n_changes] = o;
    new_at[h->n_changes] = n;
    h->n_changes++;
    return 0;
}

static int diff_trees(git_history *h, git_tree *from, git_tree *to, char **message)
{
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.pathspec.strings = task_list_patterns;
    options.pathspec.count = sizeof task_list_patterns / sizeof task_list_patterns[0];
    options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
    git_diff *diff = NULL;
    if (git_diff_tree_to_tree(&diff, h->repo, from, to, &options) < 0) {
        *message = git_message("comparing trees");
        return -1;
    }
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (from && git_diff_find_similar(diff, &find) < 0) {
        *message = git_message("finding renames");
        git_diff_free(diff);
        return -1;
    }
    size_t n = git_diff_num_deltas(diff);
    long *old_at = n ? malloc(n * sizeof(long)) : NULL;
    long *new_at = n ? malloc(n * sizeof(long)) : NULL;
    int rc = n && (!old_at || !new_at) ? -1 : 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = add_change(h, git_diff_get_delta(diff, i), old_at, new_at);
    git_diff_free(diff);
    for (size_t i = 0; i < h->n_changes && rc == 0; i++) {
        h->changes[i].old_path = old_at[i] >= 0 ? h->strings + old_at[i] : NULL;
        h->changes[i].new_path = new_at[i] >= 0 ? h->strings + new_at[i] : NULL;
    }
    free(old_at);
    free(new_at);
    return rc;
}

static int fill_commit(git_history *h, git_history_commit *out)
{
    const git_signature *author = git_commit_author(h->commit);
    const char *summary = git_commit_summary(h->commit);
    git_oid_tostr(out->id, sizeof out->id, git_commit_id(h->commit));
    out->time = git_commit_time(h->commit);
    out->parents = git_commit_parentcount(h->commit);
    h->texts_len = 0;
    long a = keep_text(h, author && author->name ? author->name : "");
    long e = keep_text(h, author && author->email ? author->email : "");
    long s = keep_text(h, summary ? summary : "");
    if (a < 0 || e < 0 || s < 0) return -1;
    out->author = h->texts + a;
    out->email = h->texts + e;
    out->summary = h->texts + s;
    return 0;
}

static int tree_of(git_history *h, const git_commit *c, git_tree **tree, char **message)
{
    if (git_commit_tree(tree, c) < 0) {
        *message = git_message("reading a commit's tree");
        return -1;
    }
    return 0;
}

int git_history_next(git_history *h, git_history_commit *out, char **message)
{
    *message = NULL;
    memset(out, 0, sizeof(*out));
    h->n_changes = 0;
    h->strings_len = 0;
    git_commit_free(h->commit);
    h->commit = NULL;
    if (!h->base_pending && h->next == h->n_chain) return 0;
    size_t at = h->n_chain - 1 - h->next;
    int base = h->base_pending, oldest = at == h->n_chain - 1;
    if (git_commit_lookup(&h->commit, h->repo, &h->chain[at]) < 0) {
        *message = git_message("reading a commit");
        return -1;
    }
    git_tree *from = NULL, *to = NULL;
    int rc = 0;
    if (base) {
        /* The tree before the range's first commit: where it starts. */
        git_commit *parent = NULL;
        rc = git_commit_parent(&parent, h->commit, 0);
        git_commit_free(h->commit);
        h->commit = parent;
        if (rc < 0) *message = git_message("reading the commit before the range");
        h->base_pending = 0;
    } else {
        h->next++;
        out->shallow = oldest && h->shallow_at_root;
        if (git_commit_parentcount(h->commit) > 0 && !out->shallow) {
            git_commit *parent = NULL;
            rc = git_commit_parent(&parent, h->commit, 0);
            if (rc < 0) *message = git_message("reading a parent commit");
            if (rc == 0) rc = tree_of(h, parent, &from, message);
            git_commit_free(parent);
        }
    }
    if (rc == 0) rc = tree_of(h, h->commit, &to, message);
    if (rc == 0) rc = diff_trees(h, from, to, message);
    if (rc == 0) rc = fill_commit(h, out);
    git_tree_free(from);
    git_tree_free(to);
    if (rc < 0) return -1;
    out->base = base;
    out->changes = h->changes;
    out->n_changes = h->n_changes;
    return 1;
}

int git_history_blob(git_history *h, const unsigned char id[GIT_HISTORY_ID_BYTES],
                     const char **bytes, size_t *size, char **message)
{
    *message = NULL;
    git_blob_free(h->blob);
    h->blob = NULL;
    git_oid oid;
    memcpy(oid.id, id, GIT_HISTORY_ID_BYTES);
    if (git_blob_lookup(&h->blob, h->repo, &oid) < 0) {
        *message = git_message("reading a task list");
        return -1;
    }
    *bytes = git_blob_rawcontent(h->blob);
    *size = (size_t)git_blob_rawsize(h->blob);
    return 0;
}

/* Pathspec patterns for one path a task names: itself and itself below any
 * folder; a folder (`src/`) with all it holds. */
static int path_patterns(const char *path, char **patterns)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t n = strlen(path);
    int folder = n > 0 && path[n - 1] == '/';
    patterns[0] = format_message("%s%s", path, folder ? "*" : "");
    patterns[1] = format_message("*/%s%s", path, folder ? "*" : "");
    return patterns[0] && patterns[1] ? 0 : -1;
}

static int commit_tree(git_history *h, const char *hex, git_tree **tree, char **message)
{
    git_oid oid;
    git_commit *c = NULL;
    if (git_oid_fromstr(&oid, hex) < 0 || git_commit_lookup(&c, h->repo, &oid) < 0) {
        *message = git_message(hex);
        return -1;
    }
    int rc = tree_of(h, c, tree, message);
    git_commit_free(c);
    return rc;
}

/* The entry at `path` (a trailing `/` dropped) of both trees: 1 when it is
 * in either, with *changed set when the two differ; 0 when in neither. */
static int compare_entry(git_tree *a, git_tree *b, const char *path, int *changed)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t n = strlen(path);
    while (n > 0 && path[n - 1] == '/')
        n--;
    char *exact = n ? format_message("%.*s", (int)n, path) : NULL;
    if (!exact) return 0;
    git_tree_entry *x = NULL, *y = NULL;
    int in_a = git_tree_entry_bypath(&x, a, exact) == 0;
    int in_b = git_tree_entry_bypath(&y, b, exact) == 0;
    git_error_clear();
    *changed = in_a != in_b || (in_a && !git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)));
    git_tree_entry_free(x);
    git_tree_entry_free(y);
    free(exact);
    return in_a || in_b;
}

/* Whether any path ending in one of `paths` differs between the trees. */
static int suffix_changed(git_history *h, git_tree *a, git_tree *b, const char *const *paths,
                          size_t n, char **message)
{
    char **patterns = n <= SIZE_MAX / 2 / sizeof(char *) ? calloc(2 * n, sizeof(char *)) : NULL;
    if (!patterns) return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = path_patterns(paths[i], patterns + 2 * i);
    git_diff *diff = NULL;
    if (rc == 0) {
        git_diff_options options;
        git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
        options.pathspec.strings = patterns;
        options.pathspec.count = 2 * n;
        options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
        if (git_diff_tree_to_tree(&diff, h->repo, a, b, &options) < 0) {
            *message = git_message("comparing trees");
            rc = -1;
        }
    }
    if (rc == 0) rc = git_diff_num_deltas(diff) > 0;
    git_diff_free(diff);
    for (size_t i = 0; i < 2 * n; i++)
        free(patterns[i]);
    free(patterns);
    return rc;
}

/* A path is looked up from the top of the work tree first (cheap: one
 * entry per tree); only a path at neither commit is taken as one that may
 * stand below any folder, which a diff of the two trees answers. */
int git_history_paths_changed(git_history *h, const char *from, const char *to,
                              const char *const *paths, size_t n, char **message)
{
    *message = NULL;
    if (n == 0) return 0;
    const char **elsewhere = calloc(n, sizeof(char *));
    if (!elsewhere) return -1;
    git_tree *a = NULL, *b = NULL;
    int rc = commit_tree(h, from, &a, message);
    if (rc == 0) rc = commit_tree(h, to, &b, message);
    size_t n_elsewhere = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        int changed = 0;
        if (!compare_entry(a, b, paths[i], &changed))
            elsewhere[n_elsewhere++] = paths[i];
        else if (changed)
            rc = 1;
    }
    if (rc == 0 && n_elsewhere) rc = suffix_changed(h, a, b, elsewhere, n_elsewhere, message);
    git_tree_free(a);
    git_tree_free(b);
    free(elsewhere);
    return rc;
}

const char *git_history_name(const git_history *h)
{
    return h->name;
}

void git_history_close(git_history *h)
{
    if (!h) return;
    git_blob_free(h->blob);
    git_commit_free(h->commit);
    git_repository_free(h->repo);
    free(h->name);
    free(h->chain);
    free(h->changes);
    free(h->strings);
    free(h->texts);
    free(h);
    git_libgit2_shutdown();
}
