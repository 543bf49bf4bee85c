/* loaded_file.h - one file as the SQL functions read it: its document and,
 * when a query asks for it, its dependency graph, kept in a file_cache.
 *
 * A loaded_file never changes once made. A file that gains its graph (or
 * its references) becomes a new loaded_file sharing the same document, which
 * replaces the old one in the cache; a scan still reading the old one is not
 * disturbed. Nothing here knows SQLite. */
#ifndef TASKS_LOADED_FILE_H
#define TASKS_LOADED_FILE_H

#include <sys/stat.h>

#include "file_cache.h"
#include "tasks_deps.h"
#include "tasks_parse.h"

/* Parts of a file's dependency graph, built on demand. */
enum graph_part {
    GRAPH_EDGES = 1, /* task_graph_build: edges, issues, wave, ready, level */
    GRAPH_REFS = 2,  /* task_graph_add_refs: what each task refers to */
    GRAPH_PATHS = 4  /* task_graph_add_paths: blockers, critical path, task_blocked_by */
};

/* A document shared by the loaded_files made from it. */
typedef struct shared_document {
    task_document doc;
    int refs; /* atomic */
    size_t bytes;
} shared_document;

typedef struct loaded_file {
    cache_entry entry; /* first: the cache keeps loaded_files as entries */
    shared_document *shared;
    task_graph *graph; /* NULL without one */
    int graph_parts;   /* enum graph_part bits of `graph` */
} loaded_file;

static inline const task_document *loaded_file_document(const loaded_file *f)
{
    return &f->shared->doc;
}

/* Loads `in` (the bytes of the file `st` describes, `in->spec` the extra
 * key; `st` NULL for bytes that are no file's) and builds the graph parts
 * asked for (with graph parts, in->omit is ignored: the graph reads the
 * whole document). 0 with *out (one reference), -1 when out of memory,
 * TASKS_PARSE_TOO_BIG when the file is too large. */
int loaded_file_load(const task_load_input *in, const struct stat *st, int graph_parts,
                     loaded_file **out);

/* `from` with the graph parts it lacks: a new loaded_file sharing its
 * document (one reference), or NULL when out of memory. `from`'s document
 * must have left nothing out (omitted 0). */
loaded_file *loaded_file_with_graph(const loaded_file *from, int graph_parts);

void loaded_file_release(loaded_file *file);

#endif
