/* named_files.c - the root a task's file names are relative to, and a stat. */
#include "named_files.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git_ignore.h"
#include "path_walk.h"

/* The folder the argument names: itself, a file's folder, or a glob's
 * folders before the component with its first wildcard. */
static char *argument_folder(const char *argument)
{
    char *copy = strdup(argument);
    if (!copy) return NULL;
    if (path_has_glob(copy)) {
        char *wild = copy + strcspn(copy, "*?[");
        *wild = '\0';
    }
    struct stat st;
    if (*copy && stat(copy, &st) == 0 && S_ISDIR(st.st_mode)) return copy;
    char *slash = strrchr(copy, '/');
    if (slash == copy)
        copy[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        strcpy(copy, ".");
    return copy;
}

char *named_files_root(const char *argument)
{
    char *folder = argument_folder(argument);
    if (!folder) return NULL;
    char *top = git_work_tree_top(folder);
    if (!top) top = realpath(folder, NULL);
    free(folder);
    return top;
}

int named_file_exists(const char *root, const char *name)
{
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    char path[PATH_MAX];
    int n = name[0] == '/' ? snprintf(path, sizeof path, "%s", name)
                           : snprintf(path, sizeof path, "%s/%s", root, name);
    if (n < 0 || (size_t)n >= sizeof path) return 1; /* too long to check: say nothing */
    struct stat st;
    return stat(path, &st) == 0;
}
