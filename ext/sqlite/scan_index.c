/* scan_index.c - kept files, and (key, file, row) hash tables built on
 * first use for each key column. */
#include "scan_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "../base/text_hash.h"

SQLITE_EXTENSION_INIT3

typedef struct kept_file {
    scan_file view;        /* what the tables read; its strings point below */
    loaded_file *loaded;   /* a reference, or NULL */
    int pinned;            /* `loaded` is pinned in the index's file_cache */
    scan_missing *missing; /* a copy of view.missing, its names after it in the same block
                            * (the cursor's buffer of names is reused file after file) */
    char *path, *spec, *spec_path, *error;
    size_t rows;        /* the rows the scan gave for it (file_scan.c file_rows()) */
    uint64_t first_row; /* rows of the files before it: its rows' rowids follow */
} kept_file;

/* A row under one key: one column's text, or two (spec and id: the key a
 * join on (spec, id) looks up, where an id alone repeats in every spec). */
typedef struct keyed_row {
    const char *key, *key2;
    uint32_t file, row;
    uint32_t hash; /* the key's hash, its low 32 bits */
    uint32_t next; /* 1 + the next row in the same bucket, in (file, row) order; 0: none */
} keyed_row;       /* 32 bytes: a join's index of 10,000 specs holds 840,000 */

enum key_kind { KEY_ID, KEY_SPEC, KEY_FILE, KEY_SPEC_ID, KEY_FILE_ID, KEY_KINDS };

/* The rows with a key, in (file, row) order, chained by bucket: a lookup
 * walks one chain, and gives the rows of a key in (file, row) order. */
typedef struct key_array {
    int built;
    keyed_row *rows;
    size_t n;
    uint32_t *heads; /* per bucket, 1 + its first row; 0: empty */
    size_t mask;     /* buckets - 1 (a power of two) */
} key_array;

struct scan_index {
    char *path;
    file_cache *documents; /* where the kept files are pinned, or NULL */
    int plan; /* what the rows were read with (file_scan.c index_plan()) */
    kept_file *files;
    size_t n_files, cap_files;
    uint64_t n_rows; /* of every file kept */
    key_array keys[KEY_KINDS];
    scan_match *matches;
    size_t cap_matches;
};

scan_index *scan_index_new(const char *path, int plan, file_cache *documents)
{
    scan_index *x = calloc(1, sizeof(scan_index));
    if (!x) return NULL;
    x->path = strdup(path);
    if (!x->path) {
        free(x);
        return NULL;
    }
    x->plan = plan;
    x->documents = documents;
    return x;
}

int scan_index_serves(const scan_index *x, const char *path, int plan)
{
    return x && x->plan == plan && strcmp(x->path, path) == 0;
}

static int copy_text(const char *text, char **out)
{
    *out = NULL;
    if (!text) return 0;
    *out = strdup(text);
    return *out ? 0 : -1;
}

int scan_index_add(scan_index *x, const scan_file *file, size_t rows, const loaded_file *loaded)
{
    if (!grow_array((void **)&x->files, &x->cap_files, x->n_files, sizeof(kept_file)))
        return SQLITE_NOMEM;
    kept_file *k = &x->files[x->n_files];
    memset(k, 0, sizeof(*k));
    if (copy_text(file->path, &k->path) < 0 || copy_text(file->spec, &k->spec) < 0 ||
        copy_text(file->spec_path, &k->spec_path) < 0 || copy_text(file->error, &k->error) < 0) {
        free(k->path);
        free(k->spec);
        free(k->spec_path);
        free(k->error);
        return SQLITE_NOMEM;
    }
    if (file->n_missing) {
        size_t names = 0;
        for (size_t i = 0; i < file->n_missing; i++)
            names += strlen(file->missing[i].name) + 1;
        k->missing = malloc(file->n_missing * sizeof(scan_missing) + names);
        if (!k->missing) {
            free(k->path);
            free(k->spec);
            free(k->spec_path);
            free(k->error);
            return SQLITE_NOMEM;
        }
        char *name = (char *)(k->missing + file->n_missing);
        for (size_t i = 0; i < file->n_missing; i++) {
            size_t n = strlen(file->missing[i].name) + 1;
            k->missing[i] = file->missing[i];
            k->missing[i].name = memcpy(name, file->missing[i].name, n);
            name += n;
        }
    }
    k->rows = rows;
    k->first_row = x->n_rows;
    x->n_rows += rows;
    k->view = *file;
    k->view.missing = k->missing;
    k->view.path = k->path;
    k->view.spec = k->spec;
    k->view.spec_path = k->spec_path;
    k->view.error = k->error;
    if (loaded) {
        cache_entry_retain((cache_entry *)&loaded->entry);
        k->loaded = (loaded_file *)loaded;
        k->pinned = x->documents && file_cache_enabled(x->documents) &&
                    file_cache_pin(x->documents, &k->loaded->entry);
    }
    x->n_files++;
    return SQLITE_OK;
}

const scan_file *scan_index_file(const scan_index *x, size_t i)
{
    return &x->files[i].view;
}

uint64_t scan_index_first_row(const scan_index *x, size_t i)
{
    return x->files[i].first_row;
}

/* The first key's part of a hash, ended by a byte no text holds when a
 * second key follows. */
static uint64_t key_hash_first(const char *key, int second_follows)
{
    uint64_t h = text_hash_add(TEXT_HASH_START, key);
    return second_follows ? text_hash_byte(h, 0xFF) : h;
}

/* The key, and the second key after it. */
static uint64_t key_hash(const char *key, const char *key2)
{
    uint64_t h = key_hash_first(key, key2 != NULL);
    return key2 ? text_hash_add(h, key2) : h;
}

/* The row's key of `kind`: 1 with *key (and *key2 for two columns), 0 when
 * a column of it is NULL (such a row is never `=` to anything). */
static int row_key(const scan_table *table, const scan_file *file, size_t row, enum key_kind kind,
                   const char **key, const char **key2)
{
    const char *id = NULL;
    if (kind == KEY_ID || kind == KEY_SPEC_ID || kind == KEY_FILE_ID) {
        id = table->row_id ? table->row_id(file, row) : NULL;
        if (!id) return 0;
    }
    *key2 = NULL;
    switch (kind) {
    case KEY_SPEC:
        *key = file->spec;
        break;
    case KEY_FILE:
        *key = file->path;
        break;
    case KEY_ID:
        *key = id;
        break;
    case KEY_SPEC_ID:
        *key = file->spec;
        *key2 = id;
        break;
    default:
        *key = file->path;
        *key2 = id;
        break;
    }
    return *key != NULL;
}

/* The rows of every kept file with a key of `kind`, in their buckets. */
static int build_keys(scan_index *x, const scan_table *table, enum key_kind kind)
{
    key_array *keys = &x->keys[kind];
    if (keys->built) return SQLITE_OK;
    keys->n = 0; /* (a build that ran out of memory starts again) */
    /* Room for every row at once: no array doubling (and copying) as it fills. */
    uint64_t total = x->n_rows;
    if (total >= UINT32_MAX || x->n_files >= UINT32_MAX) return SQLITE_NOMEM;
    if (total) {
        keyed_row *rows = realloc(keys->rows, (size_t)total * sizeof(keyed_row));
        if (!rows) return SQLITE_NOMEM;
        keys->rows = rows;
    }
    for (size_t f = 0; f < x->n_files; f++) {
        const scan_file *file = &x->files[f].view;
        size_t rows = x->files[f].rows;
        /* The file's spec or path starts the hash of each of its rows: hashed
         * once per file, not once per row. */
        uint64_t file_part = 0;
        int file_part_known = 0;
        for (size_t r = 0; r < rows; r++) {
            const char *key, *key2;
            if (!row_key(table, file, r, kind, &key, &key2)) continue;
            uint64_t hash;
            if (kind == KEY_ID) {
                hash = key_hash(key, NULL);
            } else {
                if (!file_part_known) {
                    file_part = key_hash_first(key, key2 != NULL);
                    file_part_known = 1;
                }
                hash = key2 ? text_hash_add(file_part, key2) : file_part;
            }
            keys->rows[keys->n++] =
                (keyed_row){key, key2, (uint32_t)f, (uint32_t)r, (uint32_t)hash, 0};
        }
    }
    size_t buckets = 16;
    while (buckets < keys->n && buckets <= SIZE_MAX / 4)
        buckets *= 2;
    keys->heads = calloc(buckets, sizeof(uint32_t));
    uint32_t *tails = calloc(buckets, sizeof(uint32_t));
    if (!keys->heads || !tails) {
        free(tails);
        free(keys->heads);
        keys->heads = NULL;
        return SQLITE_NOMEM;
    }
    keys->mask = buckets - 1;
    /* Appended in (file, row) order, so each chain keeps that order. */
    for (size_t i = 0; i < keys->n; i++) {
        size_t b = keys->rows[i].hash & keys->mask;
        if (tails[b])
            keys->rows[tails[b] - 1].next = (uint32_t)(i + 1);
        else
            keys->heads[b] = (uint32_t)(i + 1);
        tails[b] = (uint32_t)(i + 1);
    }
    free(tails);
    keys->built = 1;
    return SQLITE_OK;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

int scan_index_find(scan_index *x, const scan_table *table, const char *spec, const char *id,
                    const char *file, const scan_match **out, size_t *n)
{
    *out = x->matches;
    *n = 0;
    /* The most selective key the values give leads; the others filter. */
    enum key_kind kind;
    const char *key, *key2 = NULL;
    if (id && spec) {
        kind = KEY_SPEC_ID, key = spec, key2 = id;
    } else if (id && file) {
        kind = KEY_FILE_ID, key = file, key2 = id;
    } else if (id) {
        kind = KEY_ID, key = id;
    } else if (spec) {
        kind = KEY_SPEC, key = spec;
    } else {
        kind = KEY_FILE, key = file;
    }
    if (!key) return SQLITE_OK;
    int rc = build_keys(x, table, kind);
    if (rc != SQLITE_OK) return rc;
    const key_array *keys = &x->keys[kind];
    size_t found = 0;
    uint32_t hash = (uint32_t)key_hash(key, key2);
    /* The rows of one key are neighbours with the same key pointers (a
     * file's spec, a task's id): compared as text once per run of them. */
    const char *equal_key = NULL, *equal_key2 = NULL;
    for (uint32_t i = keys->heads[hash & keys->mask]; i; i = keys->rows[i - 1].next) {
        const keyed_row *r = &keys->rows[i - 1];
        if (r->hash != hash) continue;
        if (r->key != equal_key || r->key2 != equal_key2) {
            if (strcmp(r->key, key) != 0 || (key2 && strcmp(r->key2, key2) != 0)) continue;
            equal_key = r->key;
            equal_key2 = r->key2;
        }
        const scan_file *f = &x->files[r->file].view;
        if (spec && kind != KEY_SPEC && kind != KEY_SPEC_ID && !same(f->spec, spec)) continue;
        if (file && kind != KEY_FILE && kind != KEY_FILE_ID && !same(f->path, file)) continue;
        if (!grow_array((void **)&x->matches, &x->cap_matches, found, sizeof(scan_match)))
            return SQLITE_NOMEM;
        x->matches[found++] = (scan_match){r->file, r->row};
    }
    *out = x->matches;
    *n = found;
    return SQLITE_OK;
}

void scan_index_free(scan_index *x)
{
    if (!x) return;
    for (size_t f = 0; f < x->n_files; f++) {
        kept_file *k = &x->files[f];
        if (k->pinned) file_cache_unpin(x->documents, &k->loaded->entry);
        loaded_file_release(k->loaded);
        free(k->missing);
        free(k->path);
        free(k->spec);
        free(k->spec_path);
        free(k->error);
    }
    for (int k = 0; k < KEY_KINDS; k++) {
        free(x->keys[k].rows);
        free(x->keys[k].heads);
    }
    free(x->files);
    free(x->matches);
    free(x->path);
    free(x);
}
