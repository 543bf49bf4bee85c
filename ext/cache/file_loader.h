/*
 * file_loader.h - "load this path": what one walked file becomes, on whichever
 * thread asks. For a file the walk found: one stat to find it in the cache,
 * or its bytes read, task_document_load(), the dependency graph when asked
 * for, and an offer to the cache. A cached file that lacks the graph parts
 * asked for is replaced in the cache by one that has them (loaded_file.h).
 *
 * A file_loader is one scan's: the read-ahead ring calls it through
 * file_loader_client(), and its items are scan_items. Nothing here knows
 * SQLite.
 */
#ifndef TASKS_FILE_LOADER_H
#define TASKS_FILE_LOADER_H

#include <stddef.h>

#include "file_cache.h"
#include "loaded_file.h"
#include "prefetch.h"

/* 2 MiB by default, so that a scan of any tree stays within a small, flat
 * memory bound (a parsed spec of ~1.3 KB takes ~5.6 KB here, ~9 KB with its
 * graph); directory listings get an eighth of the bound besides. Raise it
 * with tasksext_cache_limit() for repeated queries over large trees. */
#define FILE_LOADER_DEFAULT_LIMIT ((size_t)2 << 20)
#define FILE_LOADER_LISTINGS_SHARE 8

typedef struct file_loader_options {
    size_t max_bytes;                /* larger files are an error */
    int graph_parts;                 /* enum graph_part bits to build for each file */
    file_cache *documents;           /* may be NULL */
    const task_status_map *statuses; /* copied at open; may be NULL */
    /* task_document_part bits no reader of this scan needs (with graph parts
     * loaded_file_load() ignores them: the graph reads it all): left out of the files the cache has
     * no room for, which are then not offered to it (what it keeps it keeps whole, for any later
     * query). */
    unsigned omit;
    /* Only the walk's names are wanted (spec, path): nothing is stat'ed,
     * read or parsed, and items carry no file. */
    int walk_only;
} file_loader_options;

/* One walked entry, loaded. */
typedef struct scan_item {
    const char *path;        /* as the walk found it */
    const char *spec;        /* the spec key (parse/spec_key.h) */
    const char *spec_path;   /* the relative path the key came from */
    int error;               /* 0, or an errno value: nothing was read */
    const char *skipped;     /* the walk left this folder or file out, and why (a
                              * static string); nothing was read */
    char reason[128];        /* what went wrong, when error is set */
    const loaded_file *file; /* the document, when error is 0, not skipped, not walk_only */
    const task_graph *graph; /* its graph when parts were asked for, else NULL */
} scan_item;

typedef struct file_loader file_loader;

file_loader *file_loader_new(const file_loader_options *options); /* NULL: out of memory */
void file_loader_free(file_loader *loader);

/* The ring's client: items are scan_items (the first member of each). */
prefetch_client file_loader_client(file_loader *loader);

/* Markdown given as a value, loaded as the file `name` would be: its spec
 * key and dialect come from the name as from a file argument's path (the
 * folder from the name alone: nothing is looked up), and `name` is the
 * item's path. With `name` NULL there is no path and no spec. The item a
 * walk over that one file gives, without reading anything; never cached.
 * Valid until the next call or file_loader_free(). 0, or -1 when out of
 * memory. */
int file_loader_text(file_loader *loader, const char *bytes, size_t size, const char *name,
                     const scan_item **out);

#endif
