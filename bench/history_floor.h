/* history_floor.h - the least a reader of a repository's task-list history
 * built on libgit2 and md4c must do. */
#ifndef BENCH_HISTORY_FLOOR_H
#define BENCH_HISTORY_FLOOR_H

typedef struct history_floor_result {
    unsigned long long commits;
    unsigned long long blobs; /* distinct task-list blobs parsed */
} history_floor_result;

/* Walks the first parents of HEAD in `dir`, diffs each commit against its
 * parent, and md_parses each distinct tasks.md blob once. 0, or -1 after
 * printing what failed. */
int history_floor(const char *dir, history_floor_result *result);

#endif
