/*
 * rowless_files.h - after a model's one scan of tasks(): the task lists
 * that gave no row, asked for their error.
 *
 * A command that reads the graph lists the files by their names alone (no
 * file parsed) and then reads each once, in its scan of tasks(). A file
 * over the size limit gives no row there, and is an error the command must
 * not pass over; so every file without a row (a task list with no task, one
 * that could not be read, one over the limit) is asked for its error
 * through task_specs(), that one file alone: only it is read again. When a
 * file cannot be found again by the name the walk gave it (a name that is
 * not UTF-8 is shown repaired), or a root has many whose names hold glob
 * characters (each such lookup lists the folders above it), the whole root
 * is read once more instead.
 */
#ifndef CLI_ROWLESS_FILES_H
#define CLI_ROWLESS_FILES_H

#include "session.h"
#include "task_model.h"

/* For the files of root `root`: EXIT_OK, or EXIT_FAILED with the file's
 * error on stderr when one of them is over the size limit (or when out of
 * memory). */
int rowless_files_check(const cli_session *session, const task_model *model, int root);

#endif
