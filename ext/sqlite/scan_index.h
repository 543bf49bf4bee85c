/* scan_index.h - the rows of one path argument, kept by a cursor across the
 * xFilter calls of one statement, so that a function on the inner side of a
 * join on (spec, id) or file costs one scan in all, not one per outer row.
 *
 * The first xFilter with an `=` on spec, id or file scans the path as usual,
 * keeping every file it meets (a reference to its document and graph); each
 * xFilter after it, with the same path, finds the rows through a hash table
 * of the constrained column (built on its first use, the rows of a key in
 * the order the scan gave them) instead of scanning again.
 *
 * While it lives, the files it keeps are pinned in the connection's parse
 * cache, so the join's other side finds them there instead of parsing each
 * file a second time, even when the cache has no room left. */
#ifndef TASKS_SCAN_INDEX_H
#define TASKS_SCAN_INDEX_H

#include "../cache/loaded_file.h"
#include "file_scan.h"

typedef struct scan_match {
    size_t file, row;
} scan_match;

typedef struct scan_index scan_index;

/* An empty index for `path` scanned with `plan` (the graph parts and the
 * parts left out, as the cursor encodes them), pinning what it keeps in
 * `documents` (NULL, or a cache turned off: nowhere); NULL when out of
 * memory. */
scan_index *scan_index_new(const char *path, int plan, file_cache *documents);

/* 1 when the index holds the rows of `path` read with `plan`. */
int scan_index_serves(const scan_index *x, const char *path, int plan);

/* Keeps a copy of `file` as the tables read it, the number of rows the
 * scan gave for it, and a reference to `loaded` (NULL for a file that was
 * not read). SQLITE_OK or SQLITE_NOMEM. */
int scan_index_add(scan_index *x, const scan_file *file, size_t rows, const loaded_file *loaded);

/* The i-th file kept, as the tables read it. */
const scan_file *scan_index_file(const scan_index *x, size_t i);

/* The rows of the files kept before the i-th: a row's rowid is this, plus
 * its row in the file, plus 1, as in a scan without the index. */
uint64_t scan_index_first_row(const scan_index *x, size_t i);

/* The rows of `table` whose spec, id and file equal the texts given (NULL:
 * any), in scan order. *out is valid until the next call. SQLITE_OK or
 * SQLITE_NOMEM. */
int scan_index_find(scan_index *x, const scan_table *table, const char *spec, const char *id,
                    const char *file, const scan_match **out, size_t *n);

void scan_index_free(scan_index *x);

#endif
