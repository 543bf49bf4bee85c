/*
 * progress_tally.h - the progress numbers, per spec, per step and in all:
 * the tasks progress counts (tasks().counted, or every task with
 * `--count all`), how many are done or cancelled, and Kiro's optional ones
 * apart. Shared by progress, badge and check --summary.
 */
#ifndef CLI_PROGRESS_TALLY_H
#define CLI_PROGRESS_TALLY_H

#include <stddef.h>

#include "task_model.h"

typedef struct progress_counts {
    long total, done, cancelled, optional, optional_done;
} progress_counts;

typedef struct step_progress {
    const char *step; /* NULL: tasks outside any numbered step */
    const char *name;
    progress_counts counts;
} step_progress;

typedef struct spec_progress {
    int root;
    const char *name;
    progress_counts counts;
    step_progress *steps; /* in the order they come */
    size_t n_steps;
} spec_progress;

typedef struct progress_tally {
    spec_progress *specs; /* in (root, name) order */
    size_t n_specs;
    progress_counts total;
} progress_tally;

int progress_tally_build(const task_model *model, int count_all, progress_tally *tally);

/* What progress and badge start from: the session and the model opened with
 * the columns a count needs (MODEL_COUNTS), tallied. Returns EXIT_OK, or the
 * exit code with everything closed; the caller ends with
 * progress_tally_free() and close_model() (the tally names the model's
 * specs). */
int progress_tally_open(cli_session *session, task_model *model, const cli_options *options,
                        progress_tally *tally);
void progress_tally_free(progress_tally *tally);

long progress_open(const progress_counts *counts);

/* done of (total - cancelled), rounded, but 99 until every task is done;
 * 100 when nothing is left to count. */
int progress_percent(const progress_counts *counts);

/* Ten cells, a cell per whole tenth: full only at 100%. */
void progress_bar(int percent, char *out, size_t size);

#endif
