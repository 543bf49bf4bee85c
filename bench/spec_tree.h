/* spec_tree.h - the generated tree on disk: DIR/NNNNN-name/tasks.md for N
 * specs, made once per seed and size and reused afterwards. */
#ifndef BENCH_SPEC_TREE_H
#define BENCH_SPEC_TREE_H

#include <stdint.h>

#include "spec_text.h"

typedef struct spec_tree {
    const char *dir;
    unsigned specs;
    uint64_t seed;
    spec_counts expected;     /* what the generator wrote, examples excluded */
    unsigned long long bytes; /* total size of the task files */
    int generated;            /* 1: written by this run; 0: found and reused */
} spec_tree;

/* Makes sure tree->dir holds the tree for tree->seed and tree->specs, writing
 * it when its marker file is missing, and fills the counts either way (the
 * generator runs in memory when the files are reused, so the expectation
 * never comes from a file someone may have edited). Refuses a directory that
 * holds anything else. Returns 0, or -1 after printing why. */
int spec_tree_ensure(spec_tree *tree);

#endif
