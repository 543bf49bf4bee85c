/*
 * progress_tally.c - see progress_tally.h.
 */
#include "progress_tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "command_support.h"

static void count_task(progress_counts *counts, const model_task *task, int count_all)
{
    int counted = count_all ? 1 : task->counted;
    if (counted) {
        counts->total++;
        if (task->done) counts->done++;
        if (task->cancelled) counts->cancelled++;
    } else if (task->optional) {
        counts->optional++;
        if (task->done) counts->optional_done++;
    }
}

static int same_step(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int progress_tally_build(const task_model *model, int count_all, progress_tally *tally)
{
    memset(tally, 0, sizeof *tally);
    int *order = specs_in_order(model);
    tally->specs = calloc(model->n_specs ? model->n_specs : 1, sizeof *tally->specs);
    if (!order || !tally->specs) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < model->n_specs; i++) {
        const model_spec *source = &model->specs[order[i]];
        spec_progress *spec = &tally->specs[tally->n_specs++];
        spec->root = source->root;
        spec->name = source->name;
        spec->steps = calloc(source->n_tasks ? source->n_tasks : 1, sizeof *spec->steps);
        if (!spec->steps) {
            free(order);
            return -1;
        }
        for (size_t k = 0; k < source->n_tasks; k++) {
            const model_task *task = &model->tasks[source->tasks[k]];
            count_task(&spec->counts, task, count_all);
            count_task(&tally->total, task, count_all);
            /* Tasks come step by step: the last step is nearly always it. */
            size_t s = spec->n_steps > 0 && same_step(spec->steps[spec->n_steps - 1].step, task->step)
                           ? spec->n_steps - 1
                           : 0;
            while (s < spec->n_steps && !same_step(spec->steps[s].step, task->step))
                s++;
            if (s == spec->n_steps) {
                spec->steps[s].step = task->step;
                spec->steps[s].name = task->step_name;
                spec->n_steps++;
            }
            count_task(&spec->steps[s].counts, task, count_all);
        }
    }
    free(order);
    return 0;
}

void progress_tally_free(progress_tally *tally)
{
    for (size_t s = 0; s < tally->n_specs; s++)
        free(tally->specs[s].steps);
    free(tally->specs);
    memset(tally, 0, sizeof *tally);
}

long progress_open(const progress_counts *counts)
{
    return counts->total - counts->done - counts->cancelled;
}

int progress_percent(const progress_counts *counts)
{
    long counted = counts->total - counts->cancelled;
    if (counted <= 0 || counts->done >= counted) return 100;
    long percent = lround(100.0 * (double)counts->done / (double)counted);
    return percent > 99 ? 99 : (int)percent;
}

void progress_bar(int percent, char *out, size_t size)
{
    int full = percent / 10;
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < 10 && used + 4 < size; i++) {
        memcpy(out + used, i < full ? "\xE2\x96\x88" : "\xE2\x96\x91", 3); /* █ ░ */
        used += 3;
    }
    out[used] = '\0';
}

int progress_tally_open(cli_session *session, task_model *model, const cli_options *options,
                        progress_tally *tally)
{
    /* (progress and badge read nothing after the model) */
    int status = open_model(session, model, options, 1, MODEL_COUNTS | MODEL_LAST);
    if (status != EXIT_OK) return status;
    if (progress_tally_build(model, session->count_all, tally) != 0) {
        close_model(session, model);
        return session_fail("out of memory");
    }
    return EXIT_OK;
}
