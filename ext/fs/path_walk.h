/* path_walk.h - from the `path` argument to the files to read, one at a time.
 *
 * A path is a file (read whatever its name), a directory (every file named
 * tasks.md or rollout-*.md below it), or a glob (`*`, `?`, `[...]`, `**`) whose matches are
 * files or directories taken the same way. Files come in byte order of their
 * full paths. Symlinked directories are not followed, so a symlink loop
 * cannot trap the walk; directories deeper than PATH_WALK_MAX_DEPTH below
 * the root are reported, not entered. Nothing here knows SQLite or markdown.
 *
 * Below the argument, the walk never enters `.git/` or `node_modules/`, nor
 * what git ignores (git_ignore.h), nor the folders agents keep their
 * prompts and templates in (`.claude/commands/`, `.github/prompts/`,
 * `.cursor/`, any `templates/`), unless the argument names them. Each folder
 * or task file left out this way is still handed out, with `skipped` set,
 * so that nothing disappears without a word.
 */
#ifndef TASKS_PATH_WALK_H
#define TASKS_PATH_WALK_H

#include <stddef.h>
#include <sys/stat.h>

#define PATH_WALK_MAX_DEPTH 64

typedef struct path_walk path_walk;

typedef struct path_entry {
    const char *path;     /* the path as given joined with what was found under it */
    const char *folder;   /* the name of the folder that holds the file ("" at /) */
    const char *relative; /* the path below the argument (a glob: below its fixed
                           * folders; a file argument: its name) */
    int error;            /* 0, or an errno value: the entry could not be taken */
    const char *skipped;  /* why the walk did not enter this folder or take this
                           * file (see path_walk_skip_reason), or NULL */
    const char *reason;   /* what went wrong, without the path; NULL when error is 0 */
} path_entry;

enum dir_entry_kind { KIND_OTHER, KIND_FILE, KIND_DIR, KIND_LINK };

/* One name of a directory listing. */
typedef struct dir_item {
    char *name;
    unsigned char kind; /* dir_entry_kind, from readdir's d_type */
} dir_item;

/* A sorted listing a source lends the walk until it releases it. */
typedef struct walk_listing {
    const dir_item *items;
    size_t n;
    void *handle; /* the source's; NULL while the walk owns the items */
} walk_listing;

/* Where the walk may find listings it made before (a cache): it decides
 * when to look, and keeps what it takes; the walk itself holds no lock. */
typedef struct walk_listings {
    void *ctx;
    /* The listing kept for directory `dir`: 1 with *out filled. Otherwise 0,
     * and *looked set when it stat'ed `dir` into *st (then keep() is asked
     * to take the fresh listing). */
    int (*find)(void *ctx, const char *dir, struct stat *st, int *looked, walk_listing *out);
    /* Takes over `items` (n of them, sorted) of the directory `st` describes:
     * 0 with *out filled, or -1 when it did not take them. */
    int (*keep)(void *ctx, const struct stat *st, dir_item *items, size_t n, walk_listing *out);
    /* Gives back a listing that find() or keep() filled. */
    void (*release)(void *ctx, walk_listing *listing);
} walk_listings;

/* Starts a walk. Returns 0, or -1 with *message set (malloc'd; the caller
 * frees it) when the root does not exist or cannot be read at all. */
int path_walk_open(const char *root, path_walk **walk, char **message);

/* The same, with directory listings from `listings` (may be NULL): an
 * unchanged directory, the root too, need not be read again. */
int path_walk_open_with(const char *root, const walk_listings *listings, path_walk **walk,
                        char **message);

/* The next entry: 1 with *entry filled (valid until the next call), 0 at the
 * end, -1 when out of memory. */
int path_walk_next(path_walk *walk, path_entry *entry);

void path_walk_close(path_walk *walk);

/* 1 when a file of this name is a task list a directory walk takes:
 * `tasks.md`, or a Catalyst rollout plan `rollout-*.md`. */
int path_walk_is_task_file(const char *name);

/* Why a directory walk from the top of a tree would leave out the file at
 * `relative` (a path below that top, `/`-separated), by the names of its
 * folders alone (`.git`, `node_modules`, templates, agents' prompt folders;
 * not git's ignore rules), or NULL when it would take it. */
const char *path_walk_skip_reason_in(const char *relative);

/* 1 when `path` matches the glob `pattern`; `**` spans directories. */
int path_glob_match(const char *pattern, const char *path);

/* 1 when the text has any glob character. */
int path_has_glob(const char *text);

#endif
