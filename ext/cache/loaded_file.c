/* loaded_file.c - documents and graphs as immutable cache entries. */
#include "loaded_file.h"

#include <stdlib.h>
#include <string.h>

#include "../parse/arena.h"

static void release_shared(shared_document *shared)
{
    if (shared && __atomic_sub_fetch(&shared->refs, 1, __ATOMIC_ACQ_REL) == 0) {
        task_document_free(&shared->doc);
        free(shared);
    }
}

static void destroy(cache_entry *entry)
{
    loaded_file *f = (loaded_file *)entry;
    if (f->graph) {
        task_graph_free(f->graph);
        free(f->graph);
    }
    release_shared(f->shared);
    free(f);
}

static size_t document_bytes(const task_document *doc)
{
    return tasks_arena_bytes(doc->arena) + doc->n_tasks * sizeof(task_record) +
           doc->n_phrases * sizeof(task_phrase) + doc->n_steps * sizeof(task_step) +
           doc->n_headings * sizeof(task_heading) + doc->n_notes * sizeof(task_note);
}

static size_t graph_bytes(const task_document *doc, const task_graph *g)
{
    if (!g) return 0;
    return sizeof(*g) + tasks_arena_bytes(g->arena) + g->n_edges * sizeof(task_edge) +
           g->n_issues * sizeof(task_issue) + doc->n_tasks * 3 * sizeof(int) +
           doc->n_phrases * sizeof(size_t) + g->n_refs * sizeof(task_ref) +
           (g->has_paths ? doc->n_tasks * 3 * sizeof(int) + g->n_blocked_by * sizeof(task_blocker)
                         : 0);
}

static void account(loaded_file *f)
{
    f->entry.bytes = sizeof(*f) + (f->entry.key ? strlen(f->entry.key) + 1 : 0) + f->shared->bytes +
                     graph_bytes(&f->shared->doc, f->graph);
}

/* Builds the parts asked for into a new graph: 0, or -1 out of memory. */
static int build_graph(loaded_file *f, int parts)
{
    if (!parts) return 0;
    if (f->shared->doc.omitted) return -1; /* the graph reads the whole document */
    f->graph = calloc(1, sizeof(task_graph));
    if (!f->graph || task_graph_build(&f->shared->doc, f->graph) != TASKS_PARSE_OK) {
        free(f->graph);
        f->graph = NULL;
        return -1;
    }
    f->graph_parts = GRAPH_EDGES;
    if ((parts & GRAPH_REFS) && task_graph_add_refs(&f->shared->doc, f->graph) == TASKS_PARSE_OK)
        f->graph_parts |= GRAPH_REFS;
    if ((parts & GRAPH_PATHS) && task_graph_add_paths(&f->shared->doc, f->graph) == TASKS_PARSE_OK)
        f->graph_parts |= GRAPH_PATHS;
    if ((parts & ~f->graph_parts) != 0) return -1; /* out of memory */
    return 0;
}

int loaded_file_load(const task_load_input *in, const struct stat *st, int graph_parts,
                     loaded_file **out)
{
    *out = NULL;
    loaded_file *f = calloc(1, sizeof(loaded_file));
    shared_document *shared = calloc(1, sizeof(shared_document));
    if (!f || !shared || cache_entry_init(&f->entry, st, 1, in->spec, destroy) < 0) {
        free(f);
        free(shared);
        return -1;
    }
    /* The graph reads the whole document. */
    task_load_input whole = *in;
    if (graph_parts) whole.omit = 0;
    int rc = task_document_load(&whole, &shared->doc);
    if (rc != TASKS_PARSE_OK) {
        free(shared);
        free(f->entry.key);
        free(f);
        return rc == TASKS_PARSE_TOO_BIG ? TASKS_PARSE_TOO_BIG : -1;
    }
    shared->refs = 1;
    shared->bytes = sizeof(*shared) + document_bytes(&shared->doc);
    f->shared = shared;
    if (build_graph(f, graph_parts) < 0) {
        cache_entry_release(&f->entry);
        return -1;
    }
    account(f);
    *out = f;
    return 0;
}

loaded_file *loaded_file_with_graph(const loaded_file *from, int graph_parts)
{
    loaded_file *f = calloc(1, sizeof(loaded_file));
    if (!f || cache_entry_init_like(&f->entry, &from->entry, destroy) < 0) {
        free(f);
        return NULL;
    }
    __atomic_add_fetch(&from->shared->refs, 1, __ATOMIC_RELAXED);
    f->shared = from->shared;
    if (build_graph(f, graph_parts | from->graph_parts) < 0) {
        cache_entry_release(&f->entry);
        return NULL;
    }
    account(f);
    return f;
}

void loaded_file_release(loaded_file *file)
{
    if (file) cache_entry_release(&file->entry);
}
