/* spec_key.h - which spec a file belongs to, from its path alone.
 *
 * The key is the file's folder path relative to the path argument, with the
 * folders that only hold specs dropped (`specs/`, `.kiro/specs/`,
 * `.xe/features/`, ...), so `pkgA/specs/001-auth/tasks.md` is `pkgA/001-auth`
 * and `.kiro/specs/notifications/tasks.md` is `notifications`. A plan file
 * not named `tasks.md` (a rollout) is a spec of its own, named after the
 * file: `.xe/rollouts/rollout-x.md` is `rollout-x`. It depends on nothing
 * but that relative path, so it is the same whatever else the scan meets. */
#ifndef TASKS_SPEC_KEY_H
#define TASKS_SPEC_KEY_H

#include "text_buffer.h"

/* `relative`: the file's path relative to the argument (for a file argument,
 * its name); `folder`: the name of the folder that holds the file, used when
 * the file lies directly in the argument's folder. Appends the key to `key`
 * and the path it came from (the relative folder, or the relative file for a
 * plan not named tasks.md) to `path`, both NUL-terminated. */
void spec_key_build(const char *relative, const char *folder, text_buffer *key, text_buffer *path);

#endif
