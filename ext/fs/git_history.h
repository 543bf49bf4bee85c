/* git_history.h - the commits of a branch, oldest first, and the task lists
 * each one changed, read from a git repository by libgit2.
 *
 * The walk follows first parents from the tip of the range back to where the
 * range starts (or the root commit), then hands the commits out oldest
 * first. A commit's changes are its tree against its first parent's, limited
 * to the files a directory walk takes (tasks.md, rollout-*.md, not below
 * node_modules/, templates/ or an agent's prompt folder: path_walk.h), with
 * git's rename detection. A merge commit is diffed against its first parent
 * only: what the merged branch brought in is the merge's change.
 *
 * The repository is opened read-only, at the folder given (no search
 * upwards); nothing is written, no hook or filter runs, and a repository
 * owned by another user is refused as git's safe.directory does. One
 * git_history belongs to one scan on one thread. Nothing here knows
 * markdown or SQLite. */
#ifndef TASKS_GIT_HISTORY_H
#define TASKS_GIT_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#define GIT_HISTORY_ID_BYTES 20

typedef struct git_history git_history;

typedef enum git_history_change_kind {
    HISTORY_ADDED,    /* new_path only */
    HISTORY_DELETED,  /* old_path only */
    HISTORY_MODIFIED, /* the same path, another blob */
    HISTORY_RENAMED   /* git's rename detection paired old_path with new_path */
} git_history_change_kind;

typedef struct git_history_change {
    git_history_change_kind kind;
    const char *old_path; /* below the top of the work tree; NULL when added */
    const char *new_path; /* NULL when deleted */
    unsigned char old_blob[GIT_HISTORY_ID_BYTES];
    unsigned char new_blob[GIT_HISTORY_ID_BYTES];
} git_history_change;

typedef struct git_history_commit {
    char id[41];        /* hex */
    int64_t time;       /* committer time, seconds since the epoch */
    const char *author; /* the author's name */
    const char *email;
    const char *summary; /* the first paragraph of the message, on one line */
    unsigned parents;
    /* Not a commit of the range: the tree just before its first commit, whose
     * task lists (all HISTORY_ADDED) are the state the range starts from. */
    int base;
    /* Its first parent is not in the repository (a shallow clone): its
     * changes are against an empty tree, and the history before it is
     * missing. */
    int shallow;
    const git_history_change *changes;
    size_t n_changes;
} git_history_commit;

/* Opens `repository` (the top of a work tree, its .git folder, or a bare
 * repository) and walks `range`: NULL or a revision (`main`, `v1.0`, a
 * commit id) for every first-parent commit up to it; `A..B` for those of B
 * after the merge base of A and B. An empty repository gives no commits.
 * Returns 0, or -1 with *message set (malloc'd; the caller frees it). */
int git_history_open(const char *repository, const char *range, git_history **out, char **message);

/* The next commit, oldest first (the range's base, if any, before them):
 * 1 with *commit filled (valid until the next call), 0 at the end, -1 with
 * *message set. */
int git_history_next(git_history *history, git_history_commit *commit, char **message);

/* The bytes of a blob: 0 with *bytes and *size (valid until the next call),
 * -1 with *message set. */
int git_history_blob(git_history *history, const unsigned char id[GIT_HISTORY_ID_BYTES],
                     const char **bytes, size_t *size, char **message);

/* 1 when a file or folder one of `paths` names (as a task names it:
 * `src/a.py`, or `src/` for a folder) differs between the trees of the
 * commits `from` and `to` (hex ids), 0 when none does, -1 with *message
 * set. A path is taken from the top of the work tree; one that is at
 * neither commit there stands for any path that ends in it
 * (`x/src/a.py`). */
int git_history_paths_changed(git_history *history, const char *from, const char *to,
                              const char *const *paths, size_t n, char **message);

/* The name of the repository's folder (the work tree's, or a bare
 * repository's without `.git`): the spec key of a tasks.md at its top. */
const char *git_history_name(const git_history *history);

void git_history_close(git_history *history);

#endif
