/* file_replace.c - lock, read, edit, write a temporary file, rename. */
#define _GNU_SOURCE /* mkostemp */
#include "file_replace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_read.h"

/* How often to start again when the file is replaced while we wait for its
 * lock (each time, another writer finished): past this, give up. */
#define REPLACE_ATTEMPTS 1000

static int fail(int error, const char *why, const char **reason)
{
    *reason = why ? why : strerror(error);
    return error;
}

static int write_all(int fd, const char *bytes, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, bytes, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        bytes += n;
        size -= (size_t)n;
    }
    return 0;
}

/* The new bytes into a temporary file beside `target`, then renamed over it;
 * the folder fsync'd so that the rename is on disk too. */
static int write_beside(const char *target, const struct stat *st, const char *bytes, size_t size,
                        const char **reason)
{
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) : 0;
    const char *base = slash ? slash + 1 : target;
    char temp[PATH_MAX], dir[PATH_MAX];
    if ((size_t)snprintf(dir, sizeof dir, "%.*s", (int)(dir_len ? dir_len : 1),
                         dir_len ? target : (slash ? "/" : ".")) >= sizeof dir ||
        (size_t)snprintf(temp, sizeof temp, "%s/.%s.tasksext-XXXXXX", dir, base) >= sizeof temp)
        return fail(ENAMETOOLONG, NULL, reason);
    int fd = mkostemp(temp, O_CLOEXEC);
    if (fd < 0) {
        int error = errno;
        return fail(error, error == EACCES ? "its folder is not writable" : NULL, reason);
    }
    int error = 0;
    if (fchmod(fd, st->st_mode & 07777) != 0) error = errno;
    /* The owner is kept where we may (our own file, or as root); another's
     * file we may write becomes ours, as with any editor's save. */
    int owner_kept = !error && fchown(fd, st->st_uid, st->st_gid) == 0;
    (void)owner_kept;
    if (!error) error = write_all(fd, bytes, size);
    if (!error && fsync(fd) != 0) error = errno;
    if (close(fd) != 0 && !error) error = errno;
    if (!error && rename(temp, target) != 0) error = errno;
    if (error) {
        unlink(temp);
        return fail(error, NULL, reason);
    }
    int dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        fsync(dir_fd);
        close(dir_fd);
    }
    return 0;
}

/* Opens `target` and takes its lock, starting again while other writers
 * replace it: the fd of the file now at `target`, locked, with *st. */
static int open_locked(const char *target, struct stat *st, int *out, const char **reason)
{
    for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
        int fd = open(target, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            int error = errno;
            return fail(error, error == ENOENT ? "no such file" : NULL, reason);
        }
        if (fstat(fd, st) != 0) {
            int error = errno;
            close(fd);
            return fail(error, NULL, reason);
        }
        if (!S_ISREG(st->st_mode)) {
            close(fd);
            return fail(S_ISDIR(st->st_mode) ? EISDIR : EINVAL,
                        S_ISDIR(st->st_mode) ? "a directory, not a file" : "not a regular file",
                        reason);
        }
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
        if (rc != 0) {
            int error = errno;
            close(fd);
            return fail(error, NULL, reason);
        }
        /* Another writer may have renamed a new file over this one while we
         * waited: then this is the old one, and we start again. */
        struct stat now;
        if (stat(target, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino &&
            fstat(fd, st) == 0) {
            *out = fd;
            return 0;
        }
        close(fd);
    }
    return fail(EAGAIN, "the file kept being replaced while we waited for it", reason);
}

int file_replace(const char *path, size_t max_bytes, file_edit edit, void *ctx, const char **reason)
{
    *reason = NULL;
    char *target = realpath(path, NULL);
    if (!target) {
        int error = errno;
        return fail(error,
                    error == ENOENT    ? "no such file"
                    : error == ELOOP   ? "a symlink loop"
                    : error == ENOTDIR ? "a folder on the way is a file"
                                       : NULL,
                    reason);
    }
    struct stat st;
    int fd = -1;
    int error = open_locked(target, &st, &fd, reason);
    if (error) {
        free(target);
        return error;
    }
    char *bytes = NULL, *out = NULL;
    size_t capacity = 0, size = 0, out_size = 0;
    if (st.st_nlink > 1)
        error = fail(EMLINK, "it has other hard links, which rewriting it would cut off", reason);
    else if (access(target, W_OK) != 0)
        error = fail(EACCES, "it is read-only", reason);
    else
        error = file_read_fd(fd, &st, max_bytes, &bytes, &capacity, &size, reason);
    if (!error) error = edit(ctx, bytes, size, &out, &out_size, reason);
    if (!error && out) error = write_beside(target, &st, out, out_size, reason);
    close(fd); /* the lock goes with it, after the rename */
    free(out);
    free(bytes);
    free(target);
    return error;
}
