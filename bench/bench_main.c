/* bench_main.c - tasks_bench: make (or find) the tree, then measure.
 *
 *   tasks_bench [--specs N] [--runs R] [--dir DIR] [--sqlite3-shell]
 *
 * See bench/README.md for what each line of the output means. */
#include <stdio.h>

#include "bench_modes.h"
#include "bench_options.h"
#include "measure.h"
#include "spec_tree.h"

int main(int argc, char **argv)
{
    bench_options options;
    int rc = bench_options_parse(argc, argv, &options);
    if (rc != 0) return rc > 0 ? 0 : 2;

    spec_tree tree = {.dir = options.dir, .specs = options.specs, .seed = options.seed};
    double start = measure_now();
    if (spec_tree_ensure(&tree) != 0) return 2;
    printf("tree: %s, %u specs, %.1f MB (%.0f bytes/spec), seed %llu, %s in %.2f s\n", tree.dir,
           tree.specs, (double)tree.bytes / 1e6, (double)tree.bytes / tree.specs,
           (unsigned long long)tree.seed, tree.generated ? "generated" : "reused",
           measure_now() - start);
    printf("runs: %u per phase, median shown\n", options.runs);
    fflush(stdout);

    return options.shell_mode ? bench_processes(&options, &tree)
                              : bench_in_process(&options, &tree);
}
