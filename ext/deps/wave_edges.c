/*
 * wave_edges.c - edges from Kiro's dependency graph block, read by the parser
 * (parse/wave_block_read.c): every task of wave k waits for every task of
 * wave k-1 (kind `wave`). An id that names no task, and a block that is not
 * of the expected shape, become issues.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "../parse/text_scan.h"
#include "graph_builder.h"

typedef struct wave_list {
    int *tasks;
    size_t n, cap;
} wave_list;

/* The tasks one wave names, in `out`; unknown ids are reported. */
static int resolve_wave(graph_builder *b, const task_wave_block *block, const task_wave *wave,
                        wave_list *out)
{
    out->n = 0;
    for (size_t i = 0; i < wave->n_ids; i++) {
        const char *id = wave->ids[i];
        int task = id_index_find(&b->ids, id, strlen(id));
        if (task < 0) {
            builder_add_issue(b, block->line, -1, ISSUE_UNKNOWN_ID,
                              "%s is not a task in this file: the waves block", id);
            continue;
        }
        if (!grow_array((void **)&out->tasks, &out->cap, out->n, sizeof(int))) return -1;
        out->tasks[out->n++] = task;
    }
    return 0;
}

static void link_waves(graph_builder *b, const wave_list *before, const wave_list *wave,
                       uint32_t line, const char *source)
{
    for (size_t i = 0; i < wave->n; i++)
        for (size_t j = 0; j < before->n; j++)
            if (wave->tasks[i] != before->tasks[j])
                builder_add_edge(b, wave->tasks[i], before->tasks[j], EDGE_WAVE, line, source);
}

static void read_block(graph_builder *b, const task_wave_block *block)
{
    wave_list lists[2] = {{0}, {0}};
    const char *source = "{\"waves\": ...}";
    for (size_t k = 0; k < block->n_waves && !b->failed; k++) {
        wave_list *wave = &lists[k % 2];
        if (resolve_wave(b, block, &block->waves[k], wave) < 0) {
            b->failed = 1;
            break;
        }
        if (k > 0) link_waves(b, &lists[(k + 1) % 2], wave, block->line, source);
    }
    if (block->error)
        builder_add_issue(b, block->line, -1, ISSUE_UNPARSED_DEPENDENCY, "%s", block->error);
    free(lists[0].tasks);
    free(lists[1].tasks);
}

void add_wave_edges(graph_builder *b)
{
    for (size_t i = 0; i < b->doc->n_wave_blocks && !b->failed; i++)
        read_block(b, &b->doc->wave_blocks[i]);
}
