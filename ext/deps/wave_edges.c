/*
 * wave_edges.c - Kiro's dependency graph block, a fenced JSON object:
 *
 *   {"waves": [["1", "2"], ["3"]]}
 *   {"waves": [{"id": 0, "tasks": ["1.1", "2.1"]}, {"id": 1, "tasks": ["1.2"]}]}
 *
 * Every task of wave k waits for every task of wave k-1 (kind `wave`). Only
 * the shapes above are read; anything else in the block becomes an issue.
 */
#include <stdlib.h>
#include <string.h>

#include "../parse/text_scan.h"
#include "graph_builder.h"

typedef struct wave_list {
    int *tasks;
    size_t n, cap;
} wave_list;

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ',')
        p++;
    return p;
}

/* Reads `["a", "b"]` at p into `out`; returns past it, or NULL. */
static const char *read_ids(graph_builder *b, const char *p, uint32_t line, wave_list *out)
{
    if (*p != '[') return NULL;
    p = skip_space(p + 1);
    while (*p == '"') {
        const char *end = strchr(p + 1, '"');
        if (!end) return NULL;
        size_t len = (size_t)(end - p - 1);
        int task = id_index_find(&b->ids, p + 1, len);
        if (task < 0) {
            builder_add_issue(b, line, -1, "unknown-id",
                              "%.*s is not a task in this file: the waves block", (int)len, p + 1);
        } else if (grow_array((void **)&out->tasks, &out->cap, out->n, sizeof(int))) {
            out->tasks[out->n++] = task;
        } else {
            b->failed = 1;
            return NULL;
        }
        p = skip_space(end + 1);
    }
    return *p == ']' ? p + 1 : NULL;
}

/* `{"id": 0, "tasks": [...]}`: the tasks array of one wave object. */
static const char *read_wave_object(graph_builder *b, const char *p, uint32_t line,
                                    wave_list *out)
{
    const char *tasks = strstr(p, "\"tasks\"");
    const char *close = strchr(p, '}');
    if (!tasks || !close || tasks > close) return NULL;
    const char *colon = skip_space(tasks + 7);
    if (*colon != ':') return NULL;
    const char *after = read_ids(b, skip_space(colon + 1), line, out);
    if (!after) return NULL;
    after = strchr(after, '}');
    return after ? after + 1 : NULL;
}

static void link_waves(graph_builder *b, const wave_list *before, const wave_list *wave,
                       uint32_t line, const char *source)
{
    for (size_t i = 0; i < wave->n; i++)
        for (size_t j = 0; j < before->n; j++)
            if (wave->tasks[i] != before->tasks[j])
                builder_add_edge(b, wave->tasks[i], before->tasks[j], EDGE_WAVE, line, source);
}

static void read_block(graph_builder *b, const task_phrase *block)
{
    const char *p = strstr(block->text, "\"waves\"");
    p = p ? skip_space(p + 7) : NULL;
    if (p && *p == ':') p = skip_space(p + 1);
    if (!p || *p != '[') {
        builder_add_issue(b, block->line, -1, "unparsed-dependency",
                          "a \"waves\" block that is not a list of waves");
        return;
    }
    p = skip_space(p + 1);
    wave_list waves[2] = {{0}, {0}};
    int current = 0, any = 0;
    const char *source = "{\"waves\": ...}";
    while (p && *p && *p != ']' && !b->failed) {
        wave_list *wave = &waves[current];
        wave->n = 0;
        p = *p == '[' ? read_ids(b, p, block->line, wave)
                      : *p == '{' ? read_wave_object(b, p, block->line, wave) : NULL;
        if (!p) break;
        if (any) link_waves(b, &waves[!current], wave, block->line, source);
        any = 1;
        current = !current;
        p = skip_space(p);
    }
    if (!p || *p != ']')
        builder_add_issue(b, block->line, -1, "unparsed-dependency",
                          "the \"waves\" block is not [[ids...], ...] or "
                          "[{\"tasks\": [ids...]}, ...] all through");
    free(waves[0].tasks);
    free(waves[1].tasks);
}

void add_wave_edges(graph_builder *b)
{
    for (size_t i = 0; i < b->doc->n_wave_blocks && !b->failed; i++)
        read_block(b, &b->doc->wave_blocks[i]);
}
