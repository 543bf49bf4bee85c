/* git_ignore.c - libgit2's ignore rules for the paths a walk meets. */
#include "git_ignore.h"

#include <git2.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/array_grow.h"

struct git_ignore {
    git_repository *repo;
    char *prefix; /* the folder, relative to the work tree ("" at its top) */
    char *path;   /* a buffer for prefix/relative */
    size_t path_cap;
};

/* `dir` below `top` (both absolute, resolved): the rest, or NULL. */
static const char *below(const char *dir, const char *top)
{
    size_t n = strlen(top);
    while (n > 1 && top[n - 1] == '/')
        n--;
    if (strncmp(dir, top, n) != 0 || (dir[n] != '/' && dir[n] != '\0')) return NULL;
    dir += n;
    while (*dir == '/')
        dir++;
    return dir;
}

/* libgit2 keeps per-thread state (its last error) under a thread-local key
 * that it deletes when its last user shuts it down; a walk's worker thread
 * that ends after that leaks its state. So the first use takes one
 * reference that is never given back, and each use its own pair besides. */
static int held_libgit2;

static int start_libgit2(void)
{
    int *held = &held_libgit2;
    if (!__atomic_exchange_n(held, 1, __ATOMIC_ACQ_REL) && git_libgit2_init() < 0)
        __atomic_store_n(held, 0, __ATOMIC_RELEASE);
    return git_libgit2_init();
}

/* The held reference goes back when this code is unloaded (the module's
 * dlclose, or the program's end). By then every scan has ended and joined
 * its worker, so no thread needs libgit2 any more; without it, a sqlite3
 * shell that unloads the module unloads libgit2 with its global state still
 * allocated, which valgrind reports as lost. */
__attribute__((destructor)) static void stop_libgit2(void)
{
    if (__atomic_exchange_n(&held_libgit2, 0, __ATOMIC_ACQ_REL)) git_libgit2_shutdown();
}

/* 1 when `.git` (a folder, or the file a linked work tree or a submodule
 * has) is in `absolute` or, with search_up, in a folder above it. Only then
 * can libgit2 find a work tree there, so a folder outside every repository
 * never starts libgit2: its start parses the system's TLS certificates, a
 * fifth of a 1,000-spec scan's instructions. */
static int git_entry_at_or_above(const char *absolute, int search_up)
{
    size_t length = strlen(absolute);
    char *path = malloc(length + sizeof "/.git");
    if (!path) return 1; /* let libgit2 decide */
    memcpy(path, absolute, length + 1);
    int found = 0;
    for (;;) {
        size_t end = strlen(path);
        memcpy(path + (end > 1 ? end : 0), "/.git", sizeof "/.git");
        struct stat st;
        /* stat, not lstat: a `.git` that is a symlink to the repository is
         * one git accepts, and libgit2 follows it too. */
        found = stat(path, &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
        path[end] = '\0';
        if (found || !search_up || end <= 1) break;
        char *slash = strrchr(path, '/');
        if (slash == path)
            path[1] = '\0';
        else
            *slash = '\0';
    }
    free(path);
    return found;
}

git_ignore *git_ignore_open(const char *dir, int search_up, const char **note)
{
    *note = NULL;
    char *absolute = realpath(dir, NULL);
    if (!absolute) return NULL;
    if (!git_entry_at_or_above(absolute, search_up) || start_libgit2() < 0) {
        free(absolute);
        return NULL;
    }
    git_repository *repo = NULL;
    unsigned flags = search_up ? 0 : GIT_REPOSITORY_OPEN_NO_SEARCH;
    int rc = git_repository_open_ext(&repo, absolute, flags, NULL);
    const char *workdir = rc == 0 ? git_repository_workdir(repo) : NULL;
    char *top = workdir ? realpath(workdir, NULL) : NULL;
    const char *prefix = top ? below(absolute, top) : NULL;
    git_ignore *rules = prefix ? calloc(1, sizeof(git_ignore)) : NULL;
    if (rules) {
        rules->repo = repo;
        rules->prefix = strdup(prefix);
    }
    /* A folder git ignores, named as the argument: the user asked for it. */
    if (rules && rules->prefix && *prefix && git_ignore_check(rules, "", 1)) {
        free(rules->prefix);
        rules->prefix = NULL;
    }
    if (rc == GIT_EOWNER)
        *note = "the repository is owned by another user, so its ignore rules "
                "were not read (git's safe.directory)";
    free(absolute);
    free(top);
    if (!rules || !rules->prefix) {
        if (rules) free(rules->path);
        free(rules);
        if (repo) git_repository_free(repo);
        git_libgit2_shutdown();
        return NULL;
    }
    return rules;
}

int git_ignore_check(git_ignore *rules, const char *relative, int is_dir)
{
    size_t p = strlen(rules->prefix), r = strlen(relative);
    size_t need = p + r + 3;
    /* Out of memory: walk it rather than lose it. */
    if (!array_reserve((void **)&rules->path, &rules->path_cap, need, 1)) return 0;
    char *out = rules->path;
    size_t n = 0;
    if (p) {
        memcpy(out, rules->prefix, p);
        n = p;
        if (r) out[n++] = '/';
    }
    memcpy(out + n, relative, r);
    n += r;
    /* A trailing slash says "folder", so `build/` rules match it. */
    if (is_dir) out[n++] = '/';
    out[n] = '\0';
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, rules->repo, out) < 0) return 0;
    return ignored == 1;
}

void git_ignore_close(git_ignore *rules)
{
    if (!rules) return;
    git_repository_free(rules->repo);
    free(rules->prefix);
    free(rules->path);
    free(rules);
    git_libgit2_shutdown();
}

const char *git_ignore_library_version(void)
{
    static char text[32];
    int major, minor, revision;
    git_libgit2_version(&major, &minor, &revision);
    snprintf(text, sizeof text, "%d.%d.%d", major, minor, revision);
    return text;
}

char *git_work_tree_top(const char *dir)
{
    char *absolute = realpath(dir, NULL);
    if (!absolute || !git_entry_at_or_above(absolute, 1) || start_libgit2() < 0) {
        free(absolute);
        return NULL;
    }
    git_repository *repo = NULL;
    char *top = NULL;
    if (git_repository_open_ext(&repo, absolute, 0, NULL) == 0) {
        const char *workdir = git_repository_workdir(repo);
        top = workdir ? realpath(workdir, NULL) : NULL;
        git_repository_free(repo);
    }
    git_libgit2_shutdown();
    free(absolute);
    return top;
}
