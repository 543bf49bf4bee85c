/*
 * next_command.c - `tasksext next`: one ready task and why. The order: a
 * task nobody has started (not in progress) first; then on
 * its spec's critical path (the chain that decides when the spec can
 * be finished), then the task that unblocks the most open tasks, then the
 * lowest level, then document order. When nothing is ready it exits 1,
 * saying whether everything is done or what holds the rest up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"
#include "commands.h"
#include "dependency_walk.h"
#include "string_builder.h"

typedef struct choice {
    int task; /* -1: none */
    int position, path_length; /* on the critical path: place and length; 0 off it */
    size_t unblocks;
    size_t n_ready;
} choice;

/* A task someone has started (in progress) is theirs to finish: the next
 * task to take is one nobody has started, when there is one. */
static int started(const task_model *model, const choice *c)
{
    return strcmp(model->tasks[c->task].status, "in_progress") == 0;
}

/* 1 when a is the better choice. */
static int better(const task_model *model, const choice *a, const choice *b)
{
    if (started(model, a) != started(model, b)) return !started(model, a);
    if ((a->position > 0) != (b->position > 0)) return a->position > 0;
    if (a->unblocks != b->unblocks) return a->unblocks > b->unblocks;
    int level_a = model->tasks[a->task].level, level_b = model->tasks[b->task].level;
    if (level_a != level_b) return level_a < level_b;
    return a->task < b->task;
}

static int choose(const task_model *model, const char *spec, choice *best)
{
    critical_path *paths;
    size_t n_paths;
    int *position = malloc((model->n_tasks ? model->n_tasks : 1) * sizeof *position);
    int *length_of_spec = calloc(model->n_specs ? model->n_specs : 1, sizeof *length_of_spec);
    walk_scratch scratch;
    if (!position || !length_of_spec || walk_scratch_init(&scratch, model) != 0 ||
        critical_paths(model, &paths, &n_paths, position) != 0) {
        free(position);
        free(length_of_spec);
        return -1;
    }
    for (size_t p = 0; p < n_paths; p++)
        length_of_spec[paths[p].spec] = (int)paths[p].length;
    best->task = -1;
    best->n_ready = 0;
    for (size_t t = 0; t < model->n_tasks; t++) {
        const model_task *task = &model->tasks[t];
        if (!task->ready || !in_spec(model, task, spec)) continue;
        best->n_ready++;
        choice candidate = {(int)t, position[t], length_of_spec[task->spec_index], 0, 0};
        candidate.unblocks = walk_unblocks(model, &scratch, (int)t);
        if (best->task < 0 || better(model, &candidate, best)) {
            candidate.n_ready = best->n_ready;
            *best = candidate;
        }
    }
    walk_scratch_free(&scratch);
    critical_paths_free(paths, n_paths);
    free(position);
    free(length_of_spec);
    return 0;
}

static void explain(const task_model *model, const choice *chosen, string_builder *why)
{
    const model_task *task = &model->tasks[chosen->task];
    if (chosen->position > 0)
        builder_printf(why, "on the critical path of %s (task %d of %d); ", task->spec,
                       chosen->position, chosen->path_length);
    builder_printf(why, "unblocks %zu open task%s; ", chosen->unblocks,
                   chosen->unblocks == 1 ? "" : "s");
    if (task->level >= 0) builder_printf(why, "level %d; ", task->level);
    builder_printf(why, "%zu task%s ready", chosen->n_ready, chosen->n_ready == 1 ? "" : "s");
}

enum { C_SPEC, C_ID, C_TITLE, C_STATUS, C_FILE, C_LINE, C_STEP, C_LEVEL, C_CRITICAL, C_UNBLOCKS,
       C_WHY };

static const report_column next_columns[] = {
    {"spec", "SPEC", 0},      {"id", "ID", 0},         {"title", "TITLE", 0},
    {"status", "STATUS", 0},  {"file", "FILE", 0},     {"line", "LINE", 0},
    {"step", "STEP", 0},      {"level", "LEVEL", 0},   {"critical_path", "CRITICAL", 0},
    {"unblocks", "UNBLOCKS", 0}, {"why", "WHY", 0},
};

static int print_found(const cli_session *session, const task_model *model, const choice *chosen)
{
    const model_task *task = &model->tasks[chosen->task];
    string_builder why = {0};
    explain(model, chosen, &why);
    if (why.failed) return session_fail("out of memory");
    int status = EXIT_OK;
    if (session->options->output == OUTPUT_JSON) {
        json_writer json;
        json_init(&json, 1);
        session_json_begin(session, &json);
        json_field_string(&json, "state", "ready");
        json_key(&json, "task");
        write_task_json(&json, task, 1);
        json_key(&json, "why");
        json_object_begin(&json);
        json_field_bool(&json, "critical_path", chosen->position > 0);
        json_key(&json, "critical_path_position");
        chosen->position > 0 ? json_int(&json, chosen->position) : json_null(&json);
        json_key(&json, "critical_path_length");
        chosen->position > 0 ? json_int(&json, chosen->path_length) : json_null(&json);
        json_field_int(&json, "unblocks", (int64_t)chosen->unblocks);
        json_key(&json, "level");
        task->level >= 0 ? json_int(&json, task->level) : json_null(&json);
        json_field_string(&json, "text", builder_text(&why));
        json_object_end(&json);
        json_field_int(&json, "ready", (int64_t)chosen->n_ready);
        json_object_end(&json);
        if (json_print(&json) != 0) status = session_fail("out of memory");
        json_free(&json);
    } else if (session->options->output == OUTPUT_CSV) {
        report_table table;
        report_init(&table, next_columns, sizeof next_columns / sizeof next_columns[0]);
        report_add_row(&table);
        report_set_kept_text(&table, C_SPEC, task->spec);
        report_set_kept_text(&table, C_ID, task->id);
        report_set_kept_text(&table, C_TITLE, task->title);
        report_set_kept_text(&table, C_STATUS, task->status);
        report_set_kept_text(&table, C_FILE, task->file);
        report_set_int(&table, C_LINE, task->line);
        report_set_kept_text(&table, C_STEP, task->step);
        if (task->level >= 0) report_set_int(&table, C_LEVEL, task->level);
        report_set_int(&table, C_CRITICAL, chosen->position > 0);
        report_set_int(&table, C_UNBLOCKS, (int64_t)chosen->unblocks);
        report_set_text(&table, C_WHY, builder_text(&why));
        if (report_print_csv(&table) != 0) status = session_fail("out of memory");
        report_free(&table);
    } else {
        char where[4200];
        if (session->colour) fputs("\033[1m", stdout);
        printf("%s  %s", task->id ? task->id : "-", task->title ? task->title : "");
        if (session->colour) fputs("\033[0m", stdout);
        printf("\n  spec %s, %s\n  why: %s\n", task->spec, task_location(task, where, sizeof where),
               builder_text(&why));
    }
    builder_free(&why);
    return status;
}

/* Nothing ready: the open tasks that hold the rest up without waiting on
 * another open task themselves (a `blocked` status, a wait through a cycle),
 * and the cycles task_issues() reports. */
static int print_stuck(const cli_session *session, const task_model *model, const char *spec)
{
    size_t open = 0, total = 0;
    for (size_t t = 0; t < model->n_tasks; t++) {
        if (!in_spec(model, &model->tasks[t], spec)) continue;
        total++;
        open += model->tasks[t].open;
    }
    walk_scratch scratch;
    if (walk_scratch_init(&scratch, model) != 0) return session_fail("out of memory");
    json_writer json;
    json_init(&json, 1);
    session_json_begin(session, &json);
    json_field_string(&json, "state", open ? "blocked" : "done");
    json_key(&json, "task");
    json_null(&json);
    json_field_int(&json, "open", (int64_t)open);
    json_field_int(&json, "total", (int64_t)total);
    json_key(&json, "held_by");
    json_array_begin(&json);
    string_builder text = {0};
    size_t held = 0;
    for (size_t t = 0; t < model->n_tasks && open; t++) {
        const model_task *task = &model->tasks[t];
        if (!task->open || !in_spec(model, task, spec)) continue;
        blocker *blockers;
        long n = walk_blockers(model, &scratch, (int)t, 0, &blockers);
        free(blockers);
        if (n != 0) continue;
        const char *reason = task->level < 0 ? "waits through a cycle" : "its status";
        json_object_begin(&json);
        json_field_string(&json, "spec", task->spec);
        json_field_string(&json, "file", task->file);
        json_field_int(&json, "line", task->line);
        json_field_string(&json, "id", task->id);
        json_field_string(&json, "title", task->title);
        json_field_string(&json, "status", task->status);
        json_field_string(&json, "reason", reason);
        json_object_end(&json);
        char name[4200], where[4200];
        builder_printf(&text, "%s%s (%s, %s: %s)", held++ ? "; " : "",
                       model_task_name(task, name, sizeof name),
                       task_location(task, where, sizeof where), reason, task->status);
    }
    json_array_end(&json);
    walk_scratch_free(&scratch);
    int status = EXIT_FAILED;
    if (session->options->output == OUTPUT_JSON) {
        json_object_end(&json);
        if (json_print(&json) != 0) status = session_fail("out of memory");
    } else if (!open) {
        fprintf(stderr, "tasksext: nothing is ready: all %zu tasks are done or cancelled\n", total);
    } else if (held) {
        fprintf(stderr, "tasksext: nothing is ready: %zu open task%s held up by %s\n", open,
                open == 1 ? "" : "s", builder_text(&text));
    } else {
        fprintf(stderr,
                "tasksext: nothing is ready: %zu open task%s wait on each other in a cycle "
                "(tasksext issues lists it)\n",
                open, open == 1 ? "" : "s");
    }
    json_free(&json);
    builder_free(&text);
    return status;
}

int run_next(const cli_options *options)
{
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 1, MODEL_EDGES);
    if (status != EXIT_OK) return status;
    status = check_spec(&session, &model, options->spec);
    choice chosen = {-1, 0, 0, 0, 0};
    if (status == EXIT_OK && choose(&model, options->spec, &chosen) != 0)
        status = session_fail("out of memory");
    if (status == EXIT_OK)
        status = chosen.task >= 0 ? print_found(&session, &model, &chosen)
                                  : print_stuck(&session, &model, options->spec);
    close_model(&session, &model);
    return status;
}
