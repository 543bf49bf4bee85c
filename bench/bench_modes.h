/* bench_modes.h - the two ways tasks_bench measures; each prints its table
 * and returns the process exit code (0, or 1 when a count is off or a phase
 * failed). */
#ifndef BENCH_MODES_H
#define BENCH_MODES_H

#include "bench_options.h"
#include "spec_tree.h"

/* Floor, parser core and tasks() via SQL, all inside this process. */
int bench_in_process(const bench_options *options, const spec_tree *tree);

/* The sqlite3 shell loading tasksext against the tasks_floor program. */
int bench_processes(const bench_options *options, const spec_tree *tree);

#endif
