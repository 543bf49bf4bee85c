/* scan.h - one pass over a tree: walk it, read every tasks.md, and hand the
 * bytes to a step that does the phase's work. The floor and the parse phase
 * share the walk and the read, so the only difference between them is what
 * is done with the bytes. */
#ifndef BENCH_SCAN_H
#define BENCH_SCAN_H

#include <stddef.h>

typedef struct scan_result {
    unsigned long long files;
    unsigned long long bytes;
    unsigned long long tasks; /* parse and SQL phases only */
    unsigned long long done;
} scan_result;

/* What a phase does with one file's bytes; nonzero stops the walk. */
/* `path` is the file's path, `folder` the name of the folder that holds it. */
typedef int (*scan_step)(const char *bytes, size_t size, const char *path, const char *folder,
                         scan_result *result);

/* Walks `root` with path_walk and reads each file with file_read_all. Returns
 * 0, or -1 after printing what failed (a walk or read error, or a step's). */
int scan_tree(const char *root, scan_step step, scan_result *result);

/* The floor: md4c's md_parse with callbacks that do nothing. */
int scan_floor(const char *root, scan_result *result);

/* The floor's work on one file's bytes. */
int scan_floor_step(const char *bytes, size_t size, const char *path, const char *folder,
                    scan_result *result);

/* The floor plus libyaml's events over each file's front matter. */
int scan_floor_yaml(const char *root, scan_result *result);

/* The parser core without SQL: task_document_load per file. */
int scan_parse(const char *root, scan_result *result);

/* The parser core and task_graph_build: everything tasks() does but SQL. */
int scan_graph(const char *root, scan_result *result);

#endif
