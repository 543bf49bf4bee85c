/*
 * history_source.c - see history_source.h.
 */
#include "history_source.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The folder holding `.git` (a folder, or a file as a linked work tree or
 * submodule has), from `start` upwards; NULL when there is none. Only the
 * names are looked at: libgit2 says later whether it is a repository. */
static char *work_tree_top(const char *start)
{
    char *path = realpath(start, NULL);
    if (!path) return NULL;
    for (;;) {
        size_t length = strlen(path);
        char *probe = malloc(length + sizeof "/.git");
        if (!probe) break;
        memcpy(probe, path, length);
        memcpy(probe + length, "/.git", sizeof "/.git");
        struct stat st;
        /* stat, not lstat: a `.git` that is a symlink to the repository is
         * a layout git accepts (as in ext/fs/git_ignore.c). */
        int found = stat(probe, &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
        free(probe);
        if (found) return path;
        char *slash = strrchr(path, '/');
        if (!slash || slash == path) break; /* the file system's root: none */
        *slash = '\0';
    }
    free(path);
    return NULL;
}

int history_session_open(cli_session *session, const cli_options *options, char **repository)
{
    *repository = NULL;
    if (options->roots.n > 1) {
        fprintf(stderr, "tasksext %s: give one repository (--root), not %zu\n", options->command,
                options->roots.n);
        return EXIT_USAGE;
    }
    /* History reads what is committed, under the walk's own rules, and
     * counts what progress counts: these two would be silently ignored. */
    if (options->excludes.n || options->count) {
        fprintf(stderr, "tasksext %s: %s does not apply to the history\n", options->command,
                options->excludes.n ? "--exclude" : "--count");
        return EXIT_USAGE;
    }
    if (options->roots.n == 1) {
        *repository = strdup(options->roots.items[0]);
        if (!*repository) return session_fail("out of memory");
    } else {
        *repository = work_tree_top(".");
        if (!*repository)
            return session_fail("%s: the current folder is in no git work tree; give the "
                                "repository with --root",
                                options->command);
    }
    int status = session_open(session, options, 0);
    if (status != EXIT_OK) {
        session_close(session);
        free(*repository);
        *repository = NULL;
        return status;
    }
    /* The session always has a root ("." when nothing was given): the
     * repository takes its place, so the JSON envelope names what was read. */
    session->roots.n = 1;
    session->roots.items[0] = *repository;
    return EXIT_OK;
}

sqlite3_stmt *history_prepare(const cli_session *session, const char *sql, const char *repository,
                              const char *const *names_and_values)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(session->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        session_fail("%s", sqlite3_errmsg(session->db));
        return NULL;
    }
    int index = sqlite3_bind_parameter_index(stmt, ":root");
    if (index > 0) sqlite3_bind_text(stmt, index, repository, -1, SQLITE_STATIC);
    for (const char *const *pair = names_and_values; pair && pair[0]; pair += 2) {
        index = sqlite3_bind_parameter_index(stmt, pair[0]);
        if (index > 0 && pair[1]) sqlite3_bind_text(stmt, index, pair[1], -1, SQLITE_STATIC);
    }
    return stmt;
}

int history_fail(const cli_session *session, const char *repository)
{
    const char *message = session_error_text(session->db);
    /* The history functions name the repository already when the error is
     * about it; other errors get it added. */
    if (strstr(message, repository)) return session_fail("%s", message);
    return session_fail("%s: %s", repository, message);
}

int history_finish(const cli_session *session, sqlite3_stmt *stmt, int rc, const char *repository,
                   int out_of_memory)
{
    int status = EXIT_OK;
    if (rc != SQLITE_DONE)
        status = history_fail(session, repository);
    else if (out_of_memory)
        status = session_fail("out of memory");
    sqlite3_finalize(stmt);
    return status;
}
