/*
 * command_support.c - see command_support.h.
 */
#define _GNU_SOURCE /* qsort_r */
#include "command_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int open_model(cli_session *session, task_model *model, const cli_options *options,
               int positionals_are_roots, unsigned needs)
{
    memset(model, 0, sizeof *model);
    int status = session_open(session, options, positionals_are_roots);
    if (status == EXIT_OK) status = model_load(session, needs, model);
    if (status != EXIT_OK) close_model(session, model);
    return status;
}

void close_model(cli_session *session, task_model *model)
{
    model_free(model);
    session_leave(session);
}

int in_spec(const task_model *model, const model_task *task, const char *spec)
{
    (void)model;
    return !spec || (task->spec && strcmp(task->spec, spec) == 0);
}

int check_spec(const cli_session *session, const task_model *model, const char *spec)
{
    if (!spec) return EXIT_OK;
    for (size_t s = 0; s < model->n_specs; s++)
        if (strcmp(model->specs[s].name, spec) == 0) return EXIT_OK;
    for (size_t f = 0; f < model->n_files; f++)
        if (model->files[f].spec && strcmp(model->files[f].spec, spec) == 0) return EXIT_OK;
    /* The specs there are, named once each, as far as a line allows. */
    char list[600] = "";
    size_t listed = 0;
    for (size_t f = 0; f < model->n_files; f++) {
        const char *name = model->files[f].spec;
        int seen = 0;
        for (size_t g = 0; g < f && !seen; g++)
            seen = model->files[g].spec && name && strcmp(model->files[g].spec, name) == 0;
        if (seen || !name) continue;
        if (strlen(list) + strlen(name) + 8 >= sizeof list) {
            strcat(list, ", …");
            break;
        }
        if (listed++) strcat(list, ", ");
        strcat(list, name);
    }
    return session_fail("no spec '%s' under %s (specs: %s)", spec,
                        session->roots.n == 1 ? session->roots.items[0] : "the roots", list);
}

const char *task_state(const model_task *task)
{
    if (task->done) return "done";
    if (task->cancelled) return "cancelled";
    return task->ready ? "ready" : "blocked";
}

int state_colour(const char *state)
{
    if (strcmp(state, "done") == 0) return 32;
    if (strcmp(state, "cancelled") == 0) return 90;
    if (strcmp(state, "ready") == 0) return 33;
    return 31;
}

void write_task_json(json_writer *json, const model_task *task, int with_graph)
{
    json_object_begin(json);
    json_field_string(json, "spec", task->spec);
    json_field_string(json, "file", task->file);
    json_field_int(json, "line", task->line);
    json_field_string(json, "id", task->id);
    json_field_string(json, "title", task->title);
    json_field_string(json, "status", task->status);
    json_field_string(json, "step", task->step);
    if (with_graph) {
        json_field_bool(json, "ready", task->ready);
        json_field_int(json, "wave", task->wave);
        json_key(json, "level");
        if (task->level < 0)
            json_null(json);
        else
            json_int(json, task->level);
    }
    json_object_end(json);
}

const char *task_location(const model_task *task, char *buffer, size_t size)
{
    snprintf(buffer, size, "%s:%d", task->file, task->line);
    return buffer;
}

static int compare_specs(const void *a, const void *b, void *context)
{
    const task_model *model = context;
    const model_spec *x = &model->specs[*(const int *)a];
    const model_spec *y = &model->specs[*(const int *)b];
    if (x->root != y->root) return x->root - y->root;
    return strcmp(x->name, y->name);
}

int *specs_in_order(const task_model *model)
{
    int *order = malloc((model->n_specs ? model->n_specs : 1) * sizeof *order);
    if (!order) return NULL;
    for (size_t s = 0; s < model->n_specs; s++)
        order[s] = (int)s;
    qsort_r(order, model->n_specs, sizeof *order, compare_specs, (void *)model);
    return order;
}

void literal_root(const char *path, string_builder *out)
{
    builder_clear(out);
    for (const char *p = path; *p; p++) {
        if (*p == '*' || *p == '?' || *p == '[') {
            char class[4] = {'[', *p, ']', '\0'};
            builder_append(out, class);
        } else {
            builder_append_n(out, p, 1);
        }
    }
}
