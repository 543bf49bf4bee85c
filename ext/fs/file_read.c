/* file_read.c - open non-blocking, check it is a regular file, read to EOF. */
#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(int error, const char *why, const char **reason)
{
    *reason = why ? why : strerror(error);
    return error;
}

/* The one reading loop: from an open regular file `st` describes. */
int file_read_fd(int fd, const struct stat *st, size_t max_bytes, char **buffer, size_t *capacity,
                 size_t *size, const char **reason)
{
    *size = 0;
    *reason = NULL;
    if ((unsigned long long)st->st_size > max_bytes)
        return fail(EFBIG, "file is larger than the size limit", reason);
    /* The file may grow while it is read: read to EOF, within the bound.
     * One byte more than its size, so that EOF shows without a regrow. */
    size_t wanted = (size_t)st->st_size + 1;
    if (*capacity < wanted) {
        char *grown = realloc(*buffer, wanted);
        if (!grown) return fail(ENOMEM, NULL, reason);
        *buffer = grown;
        *capacity = wanted;
    }
    size_t used = 0;
    for (;;) {
        if (used == *capacity) {
            if (*capacity > max_bytes)
                return fail(EFBIG, "file is larger than the size limit", reason);
            size_t next = *capacity * 2 > max_bytes + 1 ? max_bytes + 1 : *capacity * 2;
            char *grown = realloc(*buffer, next);
            if (!grown) return fail(ENOMEM, NULL, reason);
            *buffer = grown;
            *capacity = next;
        }
        ssize_t n = read(fd, *buffer + used, *capacity - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(errno, NULL, reason);
        if (n == 0) break;
        used += (size_t)n;
    }
    if (used > max_bytes) return fail(EFBIG, "file is larger than the size limit", reason);
    *size = used;
    return 0;
}

int file_read_reuse(const char *path, size_t max_bytes, char **buffer, size_t *capacity,
                    size_t *size, const char **reason, struct stat *out_st)
{
    *size = 0;
    *reason = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return fail(errno, errno == ENOENT ? "no such file" : NULL, reason);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int error = errno;
        close(fd);
        return fail(error, NULL, reason);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(EINVAL, "not a regular file", reason);
    }
    int error = file_read_fd(fd, &st, max_bytes, buffer, capacity, size, reason);
    close(fd);
    if (!error) *out_st = st;
    return error;
}

int file_read_all(const char *path, size_t max_bytes, char **bytes, size_t *size,
                  const char **reason)
{
    char *buffer = NULL;
    size_t capacity = 0;
    struct stat st;
    int error = file_read_reuse(path, max_bytes, &buffer, &capacity, size, reason, &st);
    if (error) {
        free(buffer);
        buffer = NULL;
        *size = 0;
    }
    *bytes = buffer;
    return error;
}
