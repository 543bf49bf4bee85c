/* named_files.h - whether the files a task names exist, for the lint of a
 * done task whose files are missing. The names are relative to the
 * repository's root: the top of the git work tree that holds the path
 * argument, else the argument's folder. Nothing here knows markdown. */
#ifndef TASKS_NAMED_FILES_H
#define TASKS_NAMED_FILES_H

/* Where the names of the path argument `argument` are looked up (real path,
 * malloc'd): its git work tree's top, else the folder it names (a file's
 * folder; a glob's folders before its first wildcard). NULL when neither
 * can be resolved. */
char *named_files_root(const char *argument);

/* 1 when `name` (relative to `root`, or absolute) exists, else 0. */
int named_file_exists(const char *root, const char *name);

#endif
