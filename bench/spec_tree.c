/* spec_tree.c - write the tree, or recognise it by its marker and reuse it.
 *
 * The marker is written last, so a run cut short leaves a directory without
 * one, which the next run refuses rather than benchmarking half a tree. */
#include "spec_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text_out.h"

#define MARKER_NAME ".tasks_bench-tree"
/* Bump when spec_text.c changes what it writes, so old trees are not reused. */
#define GENERATOR_VERSION 1

static void marker_text(const spec_tree *tree, char *text, size_t cap)
{
    snprintf(text, cap, "tasks_bench tree v%d seed=%llu specs=%u\n", GENERATOR_VERSION,
             (unsigned long long)tree->seed, tree->specs);
}

/* 1: the marker says this very tree; 0: no marker; -1: another tree's. */
static int marker_state(const spec_tree *tree)
{
    char path[PATH_MAX], want[128], have[128] = {0};
    snprintf(path, sizeof path, "%s/%s", tree->dir, MARKER_NAME);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(have, 1, sizeof have - 1, f);
    fclose(f);
    have[n] = '\0';
    marker_text(tree, want, sizeof want);
    return strcmp(want, have) == 0 ? 1 : -1;
}

/* 1 when the directory has no entries (or does not exist yet). */
static int dir_is_empty(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return errno == ENOENT;
    struct dirent *e;
    int empty = 1;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            empty = 0;
            break;
        }
    }
    closedir(d);
    return empty;
}

/* mkdir -p: --dir may name a directory whose parents do not exist yet. */
static int make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) return ENAMETOOLONG;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) return errno;
        *p = '/';
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST) return errno;
    return 0;
}

static int write_file(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return errno;
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int error = errno;
            close(fd);
            return error;
        }
        data += n;
        len -= (size_t)n;
    }
    return close(fd) == 0 ? 0 : errno;
}

/* Runs the generator over every spec; writes the files when `write` is set. */
static int generate(spec_tree *tree, int write)
{
    text_out out = {0};
    char folder[SPEC_FOLDER_MAX], path[PATH_MAX];
    memset(&tree->expected, 0, sizeof tree->expected);
    tree->bytes = 0;
    int error = 0;
    for (unsigned i = 0; i < tree->specs && !error; i++) {
        spec_text_make(&out, tree->seed, i, folder, &tree->expected);
        tree->bytes += out.len;
        if (!write) continue;
        snprintf(path, sizeof path, "%s/%s", tree->dir, folder);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            error = errno;
            break;
        }
        snprintf(path, sizeof path, "%s/%s/tasks.md", tree->dir, folder);
        error = write_file(path, out.data, out.len);
    }
    text_out_free(&out);
    if (error) fprintf(stderr, "tasks_bench: cannot write %s: %s\n", path, strerror(error));
    return error ? -1 : 0;
}

int spec_tree_ensure(spec_tree *tree)
{
    int state = marker_state(tree);
    if (state == 1) {
        tree->generated = 0;
        return generate(tree, 0);
    }
    if (state < 0 || !dir_is_empty(tree->dir)) {
        fprintf(stderr,
                "tasks_bench: %s is not empty and holds no tree for seed %llu and %u specs;"
                " remove it or pick another --dir\n",
                tree->dir, (unsigned long long)tree->seed, tree->specs);
        return -1;
    }
    int error = make_dirs(tree->dir);
    if (error) {
        fprintf(stderr, "tasks_bench: cannot create %s: %s\n", tree->dir, strerror(error));
        return -1;
    }
    if (generate(tree, 1) != 0) return -1;
    char path[PATH_MAX], text[128];
    snprintf(path, sizeof path, "%s/%s", tree->dir, MARKER_NAME);
    marker_text(tree, text, sizeof text);
    error = write_file(path, text, strlen(text));
    if (error) {
        fprintf(stderr, "tasks_bench: cannot write %s: %s\n", path, strerror(error));
        return -1;
    }
    tree->generated = 1;
    return 0;
}
