/* file_replace.h - rewrite one file in place, atomically and under a lock,
 * for a guarded edit (a box ticked from SQL or the command line).
 *
 * The file is followed through symlinks to its target. While an exclusive
 * advisory lock (flock) is held on it, its bytes are read and handed to
 * edit(), which returns the new bytes or refuses; the new bytes go to a
 * temporary file in the same folder, which is fsync'd, given the file's mode
 * (and owner, where allowed), renamed over the file, and the folder fsync'd.
 * A crash at any moment leaves the old file or the new one, never a mix; at
 * worst a temporary `.NAME.tasksext-XXXXXX` stays beside it. Two writers
 * never lose each other's change: the second waits for the lock, and reads
 * the file the first one wrote.
 *
 * Refused, with nothing written: a path that is not a regular file (a
 * directory, a FIFO, a device), a symlink loop, a missing file, a file with
 * several hard links (the rename would cut the others off), one we may not
 * write, a folder we may not create the temporary file in. Nothing here
 * knows markdown. */
#ifndef TASKS_FILE_REPLACE_H
#define TASKS_FILE_REPLACE_H

#include <stddef.h>

/* Given the file's bytes, sets *out (malloc'd; the caller of file_replace
 * frees nothing) and *out_size, and returns 0; or returns a nonzero errno
 * value with *reason (a string that outlives the call) to refuse. Setting
 * *out to NULL with 0 means "nothing to change": nothing is written. */
typedef int (*file_edit)(void *ctx, const char *bytes, size_t size, char **out, size_t *out_size,
                         const char **reason);

/* 0, or an errno value with *reason set (the edit's own refusal, or what
 * went wrong). */
int file_replace(const char *path, size_t max_bytes, file_edit edit, void *ctx,
                 const char **reason);

#endif
