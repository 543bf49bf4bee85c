/* path_walk.c - a depth-first walk that lists one directory at a time, so
 * memory follows the width of the tree, never its size. */
#include "path_walk.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_key.h"
#include "git_ignore.h"

#include "../base/array_grow.h"

typedef struct dir_level {
    walk_listing listing; /* from the listing source (handle set), or owned here */
    const dir_item *items;
    size_t n, next;
    size_t path_len;   /* length of the directory's path in walk->path */
    int inside_match;  /* glob mode: this directory matched, take tasks.md below */
    git_ignore *rules; /* a repository's own rules, when this folder is its top */
} dir_level;

struct path_walk {
    char *pattern; /* NULL unless the root is a glob */
    int pattern_globstar;
    int pattern_depth; /* components below the base, when no `**` */
    int base_is_cwd;
    char *path;
    size_t path_cap;
    size_t root_len; /* w->path[0..root_len) is the argument (a glob's base) */
    dir_level levels[PATH_WALK_MAX_DEPTH + 2];
    int depth; /* -1 when the walk is over */
    int single_pending;
    int single_error;
    const char *single_reason;
    char folder[NAME_MAX + 1];
    git_ignore *root_rules; /* of the work tree that holds the argument, or NULL */
    const char *rules_note; /* why the argument's repository gives no rules */
    int note_pending;
    walk_listings listings; /* find is NULL without a source */
};

static int item_compare(const void *a, const void *b)
{
    /* Directories sort as `name/`, so the walk yields full paths in byte
     * order. Names hold no '/', so equal bytes up to both ends mean equal. */
    const dir_item *x = a, *y = b;
    const unsigned char *p = (const unsigned char *)x->name, *q = (const unsigned char *)y->name;
    while (*p && *p == *q) {
        p++;
        q++;
    }
    int c = *p ? *p : (x->kind == KIND_DIR ? '/' : 0);
    int d = *q ? *q : (y->kind == KIND_DIR ? '/' : 0);
    return c - d;
}

static int path_reserve(path_walk *w, size_t len)
{
    return array_reserve((void **)&w->path, &w->path_cap, len + 1, 1) ? 0 : -1;
}

static int path_set(path_walk *w, const char *text)
{
    size_t len = strlen(text);
    if (path_reserve(w, len) < 0) return -1;
    memcpy(w->path, text, len + 1);
    return 0;
}

/* Appends `/name` (or `name` after an empty base or a trailing slash). */
static int path_push(path_walk *w, size_t base_len, const char *name)
{
    size_t name_len = strlen(name);
    int slash = base_len > 0 && w->path[base_len - 1] != '/';
    if (path_reserve(w, base_len + (size_t)slash + name_len) < 0) return -1;
    if (slash) w->path[base_len] = '/';
    memcpy(w->path + base_len + (size_t)slash, name, name_len + 1);
    return 0;
}

static void free_items(dir_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i].name);
    free(items);
}

static void free_level(path_walk *w, dir_level *level)
{
    git_ignore_close(level->rules);
    if (level->listing.handle)
        w->listings.release(w->listings.ctx, &level->listing);
    else
        free_items((dir_item *)level->items, level->n);
    memset(level, 0, sizeof(*level));
}

static unsigned char kind_of(const char *path, const struct dirent *d)
{
#ifdef DT_DIR
    switch (d->d_type) {
    case DT_DIR:
        return KIND_DIR;
    case DT_REG:
        return KIND_FILE;
    case DT_LNK:
        return KIND_LINK;
    case DT_UNKNOWN:
        break;
    default:
        return KIND_OTHER;
    }
#endif
    struct stat st;
    if (lstat(path, &st) != 0) return KIND_OTHER;
    if (S_ISDIR(st.st_mode)) return KIND_DIR;
    if (S_ISREG(st.st_mode)) return KIND_FILE;
    if (S_ISLNK(st.st_mode)) return KIND_LINK;
    return KIND_OTHER;
}

/* A folder below the argument that holds `.git` is the top of a work tree
 * of its own (a nested clone, a submodule): its rules apply below it. */
static void open_nested_rules(path_walk *w, const char *dir_path)
{
    dir_level *level = &w->levels[w->depth];
    if (w->depth == 0) return; /* the argument: root_rules */
    for (size_t i = 0; i < level->n; i++) {
        if (strcmp(level->items[i].name, ".git") != 0) continue;
        const char *note;
        level->rules = git_ignore_open(dir_path, 0, &note);
        return;
    }
}

/* Lists the directory at w->path into a new level. Returns 0, an errno value
 * when it cannot be read, or -1 when out of memory. */
static int push_level(path_walk *w, int inside_match)
{
    size_t dir_len = strlen(w->path);
    const char *dir_path = w->base_is_cwd && dir_len == 0 ? "." : w->path;
    /* An unchanged directory's listing may come from the source (a cache):
     * one stat instead of reading and sorting it again. */
    struct stat st;
    int looked = 0;
    dir_level level = {0};
    level.path_len = dir_len;
    level.inside_match = inside_match;
    if (w->listings.find &&
        w->listings.find(w->listings.ctx, dir_path, &st, &looked, &level.listing)) {
        level.items = level.listing.items;
        level.n = level.listing.n;
        w->levels[++w->depth] = level;
        open_nested_rules(w, dir_path);
        return 0;
    }
    DIR *dir = opendir(dir_path);
    if (!dir) return errno ? errno : EIO;
    dir_item *items = NULL;
    size_t cap = 0;
    struct dirent *d;
    int rc = 0;
    while ((d = readdir(dir)) != NULL) {
        if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) continue;
        if (!grow_array((void **)&items, &cap, level.n, sizeof(dir_item))) {
            rc = -1;
            break;
        }
        char *name = strdup(d->d_name);
        if (!name || path_push(w, dir_len, name) < 0) {
            free(name);
            rc = -1;
            break;
        }
        items[level.n].name = name;
        items[level.n].kind = kind_of(w->path, d);
        level.n++;
    }
    closedir(dir);
    w->path[dir_len] = '\0';
    if (rc < 0) {
        free_items(items, level.n);
        return -1;
    }
    if (level.n > 1) qsort(items, level.n, sizeof(dir_item), item_compare); /* empty: NULL */
    level.items = items;
    /* The source may keep it, and hands it back as a listing of its own. */
    if (looked && w->listings.keep(w->listings.ctx, &st, items, level.n, &level.listing) == 0)
        level.items = level.listing.items;
    w->levels[++w->depth] = level;
    open_nested_rules(w, dir_path);
    return 0;
}

static void set_folder(path_walk *w)
{
    const char *path = w->path;
    const char *slash = strrchr(path, '/');
    w->folder[0] = '\0';
    if (slash && slash != path) {
        const char *start = slash;
        while (start > path && start[-1] != '/')
            start--;
        size_t n = (size_t)(slash - start);
        if (!(n == 1 && start[0] == '.') && !(n == 2 && start[0] == '.' && start[1] == '.')) {
            if (n > NAME_MAX) n = NAME_MAX;
            memcpy(w->folder, start, n);
            w->folder[n] = '\0';
            return;
        }
    }
    /* `tasks.md`, `./tasks.md`, `../x/../tasks.md`: ask the file system. */
    char dir[PATH_MAX];
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (slash == path) n = 1;
    if (n >= sizeof dir) return;
    if (n)
        memcpy(dir, path, n);
    else
        dir[n++] = '.';
    dir[n] = '\0';
    char *real = realpath(dir, NULL);
    if (!real) return;
    const char *last = strrchr(real, '/');
    snprintf(w->folder, sizeof w->folder, "%s", last && last[1] ? last + 1 : "");
    free(real);
}

static int fill(path_walk *w, path_entry *entry, int error, const char *reason)
{
    set_folder(w);
    entry->skipped = NULL;
    entry->path = w->path;
    entry->folder = w->folder;
    const char *relative = w->path + (w->root_len <= strlen(w->path) ? w->root_len : 0);
    while (*relative == '/')
        relative++;
    entry->relative = relative;
    entry->error = error;
    entry->reason = error ? reason : NULL;
    return 1;
}

/* A symlink named like a task file: followed when it leads to a file. */
static int link_target(const char *path, int *error, const char **reason)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *error = errno;
        *reason = errno == ENOENT ? "dangling symbolic link" : strerror(errno);
        return KIND_OTHER;
    }
    if (S_ISDIR(st.st_mode)) return KIND_DIR;
    if (S_ISREG(st.st_mode)) return KIND_FILE;
    *error = EINVAL;
    *reason = "not a regular file";
    return KIND_OTHER;
}

/* `tasks.md`, and Catalyst's rollout plans `rollout-*.md`. */
int path_walk_is_task_file(const char *name)
{
    size_t n = strlen(name);
    return strcmp(name, "tasks.md") == 0 ||
           (n > 11 && strncmp(name, "rollout-", 8) == 0 && strcmp(name + n - 3, ".md") == 0);
}

/* Enters the directory now in w->path; on failure yields an error entry. */
static int enter_directory(path_walk *w, path_entry *entry, int inside_match, int *yielded)
{
    *yielded = 0;
    if (w->depth + 1 > PATH_WALK_MAX_DEPTH) {
        *yielded = fill(w, entry, ELOOP, "directory deeper than the 64-level limit, not entered");
        return 0;
    }
    int rc = push_level(w, inside_match);
    if (rc < 0) return -1;
    if (rc > 0) *yielded = fill(w, entry, rc, strerror(rc));
    return 0;
}

/* 1 when the glob pattern has `name` as a whole component: it names it. */
static int pattern_names(const char *pattern, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = pattern; (p = strstr(p, name)) != NULL; p++) {
        int starts = p == pattern || p[-1] == '/';
        int ends = p[n] == '\0' || p[n] == '/';
        if (starts && ends) return 1;
    }
    return 0;
}

/* The name of the folder the walk is listing (the last component of
 * w->path[0..len)). */
static const char *parent_name(const path_walk *w, size_t len, size_t *n)
{
    size_t start = len;
    while (start > 0 && w->path[start - 1] != '/')
        start--;
    *n = len - start;
    return w->path + start;
}

/* Agents keep prompts, commands and templates in these folders of theirs
 * (`.claude/commands/`, `.github/prompts/`, `.gemini/commands/`): a file
 * named tasks.md there is a prompt, not a task list. */
static int is_agent_folder(const char *parent, size_t parent_len, const char *name)
{
    static const char *const kinds[] = {"commands",     "command",   "prompts", "agents",
                                        "skills",       "workflows", "rules",   "chatmodes",
                                        "instructions", NULL};
    if (parent_len < 2 || parent[0] != '.') return 0;
    for (const char *const *k = kinds; *k; k++)
        if (strcmp(name, *k) == 0) return 1;
    return 0;
}

/* Why a walk leaves the folder `name` (in the folder `parent`) out, or
 * NULL; `named`: the argument names it, so templates and prompts are read. */
static const char *skip_by_name(const char *parent, size_t parent_len, const char *name, int named)
{
    if (strcmp(name, ".git") == 0) return "git metadata";
    if (strcmp(name, "node_modules") == 0) return "installed packages (node_modules)";
    int template = strcmp(name, "templates") == 0 || strcmp(name, ".cursor") == 0;
    if ((template || is_agent_folder(parent, parent_len, name)) && !named)
        return template ? "a template folder" : "an agent's command or prompt folder";
    return NULL;
}

/* Why the walk leaves the folder now in w->path out, or NULL. */
static const char *folder_skip_reason(const path_walk *w, const dir_level *level, const char *name)
{
    size_t parent_len;
    const char *parent = parent_name(w, level->path_len, &parent_len);
    return skip_by_name(parent, parent_len, name, w->pattern && pattern_names(w->pattern, name));
}

const char *path_walk_skip_reason_in(const char *relative)
{
    const char *parent = "", *start = relative;
    size_t parent_len = 0;
    char name[NAME_MAX + 1];
    for (const char *slash; (slash = strchr(start, '/')) != NULL; start = slash + 1) {
        size_t n = (size_t)(slash - start);
        if (n == 0 || n > NAME_MAX) continue;
        memcpy(name, start, n);
        name[n] = '\0';
        const char *reason = skip_by_name(parent, parent_len, name, 0);
        if (reason) return reason;
        parent = start;
        parent_len = n;
    }
    return NULL;
}

/* 1 when git ignores what w->path names, by the innermost rules that apply. */
static int git_ignores(path_walk *w, int is_dir)
{
    for (int d = w->depth; d >= 0; d--) {
        const dir_level *level = &w->levels[d];
        if (level->rules)
            return git_ignore_check(level->rules, w->path + level->path_len + 1, is_dir);
    }
    if (!w->root_rules) return 0;
    const char *relative = w->path + w->root_len;
    while (*relative == '/')
        relative++;
    return git_ignore_check(w->root_rules, relative, is_dir);
}

static int fill_skipped(path_walk *w, path_entry *entry, const char *reason)
{
    fill(w, entry, 0, NULL);
    entry->skipped = reason;
    return 1;
}

static int step_item(path_walk *w, dir_level *level, const dir_item *item, path_entry *entry)
{
    int glob_search = w->pattern && !level->inside_match;
    int yielded = 0;
    if (item->kind == KIND_DIR) {
        const char *skip = folder_skip_reason(w, level, item->name);
        if (!skip && git_ignores(w, 1)) skip = "ignored by git";
        if (skip) return fill_skipped(w, entry, skip);
        if (glob_search) {
            int matched = path_glob_match(w->pattern, w->path);
            int depth_below_base = w->depth + 1;
            if (!matched && !w->pattern_globstar && depth_below_base >= w->pattern_depth) return 0;
            if (enter_directory(w, entry, matched, &yielded) < 0) return -1;
        } else if (enter_directory(w, entry, 1, &yielded) < 0) {
            return -1;
        }
        return yielded;
    }
    const char *name = item->name;
    if (glob_search ? !path_glob_match(w->pattern, w->path) : !path_walk_is_task_file(name))
        return 0;
    int error = 0;
    const char *reason = NULL;
    int kind = item->kind;
    if (kind == KIND_LINK) kind = link_target(w->path, &error, &reason);
    if (kind == KIND_DIR) return 0; /* symlinked directories are not followed */
    if (kind == KIND_OTHER && !error) {
        error = EINVAL;
        reason = "not a regular file";
    }
    if (git_ignores(w, 0)) return fill_skipped(w, entry, "ignored by git");
    return fill(w, entry, error, reason);
}

int path_walk_next(path_walk *w, path_entry *entry)
{
    if (w->single_pending) {
        w->single_pending = 0;
        return fill(w, entry, w->single_error, w->single_reason);
    }
    if (w->note_pending) {
        /* First, while w->path is still the argument: its repository's
         * ignore rules could not be read. */
        w->note_pending = 0;
        return fill_skipped(w, entry, w->rules_note);
    }
    while (w->depth >= 0) {
        dir_level *level = &w->levels[w->depth];
        if (level->next == level->n) {
            free_level(w, level);
            w->depth--;
            continue;
        }
        const dir_item *item = &level->items[level->next++];
        if (path_push(w, level->path_len, item->name) < 0) return -1;
        int rc = step_item(w, level, item, entry);
        if (rc != 0) return rc;
    }
    return 0;
}

int path_has_glob(const char *text)
{
    return strpbrk(text, "*?[") != NULL;
}

static char *format_message(const char *what, const char *path, const char *why)
{
    size_t n = strlen(what) + strlen(path) + strlen(why) + 8;
    char *message = malloc(n);
    if (message) snprintf(message, n, "%s '%s': %s", what, path, why);
    return message;
}

static void open_root_rules(path_walk *w, const char *dir)
{
    w->root_rules = git_ignore_open(dir, 1, &w->rules_note);
    w->note_pending = w->rules_note != NULL;
}

static int open_glob(path_walk *w, const char *root)
{
    const char *first = root + strcspn(root, "*?[");
    const char *slash = first;
    while (slash > root && slash[-1] != '/')
        slash--;
    /* The base is everything before the component with the first glob. */
    size_t base_len = (size_t)(slash - root);
    char *base = strndup(root, base_len);
    w->pattern = strdup(root);
    if (!base || !w->pattern) {
        free(base);
        return -1;
    }
    if (base_len > 1 && base[base_len - 1] == '/') base[base_len - 1] = '\0';
    w->base_is_cwd = base_len == 0;
    w->root_len = strlen(base);
    w->pattern_globstar = strstr(first, "**") != NULL;
    w->pattern_depth = 1;
    for (const char *p = first; *p; p++)
        if (*p == '/' && p[1]) w->pattern_depth++;
    int rc = path_set(w, base);
    free(base);
    if (rc < 0) return -1;
    open_root_rules(w, w->base_is_cwd ? "." : w->path);
    int err = push_level(w, 0);
    if (err < 0) return -1;
    if (err == ENOENT || err == ENOTDIR)
        w->depth = -1; /* nothing can match */
    else if (err > 0)
        return err;
    return 0;
}

int path_walk_open(const char *root, path_walk **out, char **message)
{
    return path_walk_open_with(root, NULL, out, message);
}

int path_walk_open_with(const char *root, const walk_listings *listings, path_walk **out,
                        char **message)
{
    *out = NULL;
    *message = NULL;
    path_walk *w = calloc(1, sizeof(path_walk));
    if (!w) return -1;
    w->depth = -1;
    /* Before the root is listed, so that its listing is cached too. */
    if (listings) w->listings = *listings;
    if (path_has_glob(root)) {
        int rc = open_glob(w, root);
        if (rc != 0) {
            *message =
                rc > 0 ? format_message("cannot read directory", w->path, strerror(rc)) : NULL;
            path_walk_close(w);
            return -1;
        }
        *out = w;
        return 0;
    }
    struct stat st;
    if (path_set(w, root) < 0) {
        path_walk_close(w);
        return -1;
    }
    if (stat(root, &st) != 0) {
        *message = format_message(errno == ENOENT ? "no such file or directory" : "cannot read",
                                  root, errno == ENOENT ? "check the path" : strerror(errno));
        path_walk_close(w);
        return -1;
    }
    w->root_len = strlen(root);
    if (S_ISREG(st.st_mode)) {
        const char *slash = strrchr(root, '/');
        w->root_len = slash ? (size_t)(slash - root) + 1 : 0;
        w->single_pending = 1;
    } else if (S_ISDIR(st.st_mode)) {
        open_root_rules(w, root);
        int rc = push_level(w, 1);
        if (rc != 0) {
            *message = rc > 0 ? format_message("cannot read directory", root, strerror(rc)) : NULL;
            path_walk_close(w);
            return -1;
        }
    } else {
        *message = format_message("cannot read", root, "not a regular file or directory");
        path_walk_close(w);
        return -1;
    }
    *out = w;
    return 0;
}

void path_walk_close(path_walk *w)
{
    if (!w) return;
    for (int d = 0; d <= w->depth; d++)
        free_level(w, &w->levels[d]);
    git_ignore_close(w->root_rules);
    free(w->pattern);
    free(w->path);
    free(w);
}
