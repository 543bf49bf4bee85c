/* file_read.h - reads one task file whole, safely for a host process. */
#ifndef TASKS_FILE_READ_H
#define TASKS_FILE_READ_H

#include <stddef.h>
#include <sys/stat.h>

/* Default bound on one file; the SQLite layer lowers it to SQLITE_LIMIT_LENGTH. */
#define FILE_READ_DEFAULT_MAX_BYTES ((size_t)64 << 20)

/* Reads the file at `path` into a malloc'd buffer (*bytes, *size; the caller
 * frees it). Opens without blocking, so a FIFO or a device never hangs the
 * caller, and refuses anything that is not a regular file. Returns 0, or an
 * errno value with *reason saying what went wrong (EFBIG: over max_bytes). */
int file_read_all(const char *path, size_t max_bytes, char **bytes, size_t *size,
                  const char **reason);

/* The same into a buffer the caller keeps from file to file (*buffer of
 * *capacity bytes, grown as needed; the caller frees it in the end), so a
 * scan does not allocate per file, and *st describes the file that was read
 * (for cache keys). On an error *size is 0 and the buffer is kept. */
int file_read_reuse(const char *path, size_t max_bytes, char **buffer, size_t *capacity,
                    size_t *size, const char **reason, struct stat *st);

/* The same from an open regular file that `st` describes (fstat'd), read
 * from its current offset to EOF; the caller closes it. */
int file_read_fd(int fd, const struct stat *st, size_t max_bytes, char **buffer, size_t *capacity,
                 size_t *size, const char **reason);

#endif
