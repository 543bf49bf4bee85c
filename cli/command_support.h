/*
 * command_support.h - what several commands share: opening the session and
 * the model in one call, --spec checked against the specs found, how a
 * task's state is named and coloured, and a task as a JSON object.
 */
#ifndef CLI_COMMAND_SUPPORT_H
#define CLI_COMMAND_SUPPORT_H

#include "json_writer.h"
#include "session.h"
#include "string_builder.h"
#include "task_model.h"

/* Opens the session and loads the model; on failure everything is closed
 * and the exit code returned. */
int open_model(cli_session *session, task_model *model, const cli_options *options,
               int positionals_are_roots, unsigned needs);
/* Frees the model and leaves the session (session_leave): for the end of
 * a run. */
void close_model(cli_session *session, task_model *model);

/* EXIT_OK when spec is NULL or names a spec of the model; else an error
 * listing the specs there are. */
int check_spec(const cli_session *session, const task_model *model, const char *spec);

/* 1 when the task is in the spec (always, for a NULL spec). */
int in_spec(const task_model *model, const model_task *task, const char *spec);

/* done, cancelled, ready, blocked (open and not ready), or open (no graph). */
const char *task_state(const model_task *task);

/* ANSI colour of a state: green, grey, yellow, red. */
int state_colour(const char *state);

/* {"spec", "file", "line", "id", "title", "status", "step", ...}: the
 * fields every task object in the JSON output has. */
void write_task_json(json_writer *json, const model_task *task, int with_graph);

/* `file:line` in a buffer. */
const char *task_location(const model_task *task, char *buffer, size_t size);

/* Specs in (root, name) order: an array of spec indexes, malloc'd. */
int *specs_in_order(const task_model *model);

/* `path` as a root that names that one file: the glob characters a folder's
 * name may hold (`[draft]`) each as a class of one (`[[]draft]`), so that a
 * path argument does not take it for a glob. Into `out`, cleared first. */
void literal_root(const char *path, string_builder *out);

#endif
