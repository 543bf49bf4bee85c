/* git_ignore.h - what git ignores, for the walk: the .gitignore files,
 * .git/info/exclude and core.excludesFile of the work tree a folder lies in,
 * read by libgit2 (git_ignore_path_is_ignored), never by a matcher of ours.
 *
 * A repository is opened read-only; nothing is written and no hook runs. One
 * git_ignore belongs to one walk, on one thread. Nothing here knows SQLite. */
#ifndef TASKS_GIT_IGNORE_H
#define TASKS_GIT_IGNORE_H

typedef struct git_ignore git_ignore;

/* The rules for the folder `dir`: of the work tree that holds it when
 * `search_up` (the root of a walk), else only when `dir` is itself the top
 * of a work tree (a nested repository met during the walk). Returns NULL
 * when there are none to apply; then *note may say why not (a static string:
 * a repository owned by another user), else it is NULL. */
git_ignore *git_ignore_open(const char *dir, int search_up, const char **note);

/* 1 when git ignores `relative` (a path below the folder the rules were
 * opened for; is_dir: it names a folder), else 0. */
int git_ignore_check(git_ignore *rules, const char *relative, int is_dir);

void git_ignore_close(git_ignore *rules);

/* The top of the git work tree that holds the folder `dir` (its real path,
 * malloc'd), or NULL when there is none or it cannot be read. */
char *git_work_tree_top(const char *dir);

/* The version of the libgit2 that runs, "1.5.1" (a static string). */
const char *git_ignore_library_version(void);

#endif
