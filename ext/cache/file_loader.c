/* file_loader.c - stat, cache lookup, read, load, graph, offer. */
#include "file_loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fs/file_read.h"
#include "../parse/arena.h"
#include "../parse/spec_key.h"
#include "../parse/text_buffer.h"
#include "cache_lookups.h"

/* An item keeps its read buffer for the next file up to this size, and a
 * parse up to this size may wait for the thread that made it to free it;
 * past it, memory goes back at once. */
#define LOADER_KEEP_BYTES ((size_t)1 << 20)

/* A parsed file takes about this many times its own size in the cache, and
 * this much more (~5.6 KB for a spec of ~1.3 KB, 2.8 KB for one of 200
 * bytes): the guess, before a file is parsed, of whether the cache will
 * keep it. */
#define LOADER_BYTES_PER_BYTE 4
#define LOADER_BYTES_PER_FILE 2048

/* A scan_item and the buffers it keeps from file to file, so an item
 * allocates only while they grow. */
typedef struct load_slot {
    scan_item item; /* first */
    loaded_file *file;
    int shared; /* the cache holds `file` too */
    char *buffer;
    size_t buffer_capacity;
    text_buffer path, spec, spec_path;
} load_slot;

struct file_loader {
    file_loader_options o;
    task_status_map statuses; /* a copy: the caller's may change mid-scan */
    cache_lookups lookups;    /* both threads look up and offer */
    load_slot text;           /* file_loader_text()'s item */
};

file_loader *file_loader_new(const file_loader_options *options)
{
    file_loader *loader = calloc(1, sizeof(file_loader));
    if (!loader) return NULL;
    loader->o = *options;
    const task_status_map *statuses = options->statuses;
    if (statuses && statuses->n_rules) {
        size_t bytes = statuses->n_rules * sizeof(task_status_rule);
        loader->statuses.rules = malloc(bytes);
        if (!loader->statuses.rules) {
            free(loader);
            return NULL;
        }
        memcpy(loader->statuses.rules, statuses->rules, bytes);
        loader->statuses.n_rules = statuses->n_rules;
    }
    loader->o.statuses = &loader->statuses;
    return loader;
}

static void release(void *ctx, void *item);
static void destroy(void *ctx, void *item);

void file_loader_free(file_loader *loader)
{
    if (!loader) return;
    release(loader, &loader->text);
    destroy(loader, &loader->text);
    free(loader->statuses.rules);
    free(loader);
}

/* The scan looks files up and offers them while the cache is on and the
 * lookups have not given up (a full cache that keeps missing). */
static int using_cache(file_loader *loader)
{
    return file_cache_enabled(loader->o.documents) && cache_lookups_worth(&loader->lookups);
}

static void fail(scan_item *item, int error, const char *reason)
{
    item->error = error;
    snprintf(item->reason, sizeof item->reason, "%s", reason);
}

static int set_text(text_buffer *buf, const char *text, const char **out)
{
    text_buffer_clear(buf);
    text_buffer_append(buf, text, strlen(text) + 1); /* with its NUL, so never empty */
    *out = buf->data;
    return buf->failed ? -1 : 0;
}

/* The cached file for `st`, with the graph parts asked for (built and put
 * back in the cache when it lacked them); NULL when there is none. -1 when
 * out of memory. */
static int from_cache(file_loader *loader, load_slot *s, const struct stat *st)
{
    cache_entry *entry = file_cache_find(loader->o.documents, st, 1, s->item.spec);
    loaded_file *file = (loaded_file *)entry;
    /* (Only whole documents are offered to the cache; were one kept that
     * left out what this scan needs, it would be read again and replace
     * it.) */
    if (file && (loaded_file_document(file)->omitted & ~loader->o.omit)) {
        loaded_file_release(file);
        file = NULL;
    }
    cache_lookups_note(&loader->lookups, file != NULL);
    if (!file) return 0;
    int missing = loader->o.graph_parts & ~file->graph_parts;
    if (missing) {
        loaded_file *fuller = loaded_file_with_graph(file, loader->o.graph_parts);
        loaded_file_release(file);
        if (!fuller) return -1;
        s->file = fuller;
        s->shared = file_cache_offer(loader->o.documents, &fuller->entry);
        return 1;
    }
    s->file = file;
    s->shared = 1;
    return 1;
}

/* The one step from bytes to what SQL shows: 0 (with s->file, or the item
 * failed when the parser refuses the size), or -1 when out of memory. */
static int load_bytes(file_loader *loader, load_slot *s, const char *bytes, size_t size,
                      const struct stat *st)
{
    /* What the cache keeps, it keeps whole, for whichever query comes next
     * (a lean copy would be parsed again by the first that reads more);
     * what it will not keep is parsed for this scan's needs alone. A
     * lean one is never offered to the cache. */
    unsigned omit = loader->o.omit;
    if (omit && st && using_cache(loader) &&
        file_cache_has_room(loader->o.documents,
                            LOADER_BYTES_PER_BYTE * size + LOADER_BYTES_PER_FILE))
        omit = 0;
    task_load_input in = {bytes, size, s->item.path, s->item.spec, &loader->statuses, omit};
    int rc = loaded_file_load(&in, st, loader->o.graph_parts, &s->file);
    if (rc == TASKS_PARSE_TOO_BIG) {
        fail(&s->item, EFBIG, "larger than the parser's limit");
        return 0;
    }
    return rc == 0 ? 0 : -1;
}

static int read_and_load(file_loader *loader, load_slot *s)
{
    size_t size;
    const char *reason;
    struct stat st;
    int err = file_read_reuse(s->item.path, loader->o.max_bytes, &s->buffer, &s->buffer_capacity,
                              &size, &reason, &st);
    if (err == EFBIG) {
        snprintf(s->item.reason, sizeof s->item.reason, "larger than the %llu-byte limit",
                 (unsigned long long)loader->o.max_bytes);
        s->item.error = EFBIG;
        return 0;
    }
    if (err) {
        fail(&s->item, err, reason);
        return 0;
    }
    int rc = load_bytes(loader, s, s->buffer, size, &st);
    /* A file too large for an item to keep its buffer for the next one. */
    if (s->buffer_capacity > LOADER_KEEP_BYTES) {
        free(s->buffer);
        s->buffer = NULL;
        s->buffer_capacity = 0;
    }
    if (rc != 0 || !s->file) return rc;
    if (using_cache(loader)) {
        /* A lean document was parsed so because the cache had no room: an
         * offer it would have refused, and counted as such. */
        int kept = !loaded_file_document(s->file)->omitted &&
                   file_cache_offer(loader->o.documents, &s->file->entry);
        cache_lookups_note(&loader->lookups, kept);
        s->shared = kept;
    }
    return 0;
}

static int load(void *ctx, const path_entry *entry, void *item)
{
    file_loader *loader = ctx;
    load_slot *s = item;
    if (set_text(&s->path, entry->path, &s->item.path) < 0) return -1;
    text_buffer_clear(&s->spec);
    text_buffer_clear(&s->spec_path);
    spec_key_build(entry->relative, entry->folder, &s->spec, &s->spec_path);
    if (s->spec.failed || s->spec_path.failed) return -1;
    s->item.spec = s->spec.data;
    s->item.spec_path = s->spec_path.data;
    if (entry->skipped) {
        s->item.skipped = entry->skipped;
        return 0;
    }
    if (entry->error) {
        fail(&s->item, entry->error, entry->reason);
        return 0;
    }
    if (loader->o.walk_only) return 0;
    /* One stat to find the file in the cache; no stat at all without one. */
    struct stat st;
    int found = 0;
    if (using_cache(loader) && stat(entry->path, &st) == 0) found = from_cache(loader, s, &st);
    if (found < 0) return -1;
    if (!found && read_and_load(loader, s) < 0) return -1;
    s->item.file = s->file;
    if (s->file && loader->o.graph_parts) s->item.graph = s->file->graph;
    return 0;
}

static void release(void *ctx, void *item)
{
    (void)ctx;
    load_slot *s = item;
    loaded_file_release(s->file);
    s->file = NULL;
    s->shared = 0;
    memset(&s->item, 0, sizeof(s->item));
}

static void destroy(void *ctx, void *item)
{
    (void)ctx;
    load_slot *s = item;
    free(s->buffer);
    text_buffer_free(&s->path);
    text_buffer_free(&s->spec);
    text_buffer_free(&s->spec_path);
}

/* A parse the cache also holds frees nothing when released; a small one of
 * this scan's alone frees little. */
static int light(void *ctx, const void *item)
{
    (void)ctx;
    const load_slot *s = item;
    return !s->file || s->shared ||
           tasks_arena_bytes(loaded_file_document(s->file)->arena) <= LOADER_KEEP_BYTES;
}

prefetch_client file_loader_client(file_loader *loader)
{
    prefetch_client client = {loader, sizeof(load_slot), load, release, destroy, light};
    return client;
}

/* A name's last folder, as the walk would give it for a file argument,
 * without asking the file system (`.` and `..` give none). */
static void name_parts(const char *name, text_buffer *folder, const char **base)
{
    const char *slash = strrchr(name, '/');
    *base = slash ? slash + 1 : name;
    if (!slash || slash == name) return;
    const char *start = slash;
    while (start > name && start[-1] != '/')
        start--;
    size_t n = (size_t)(slash - start);
    if ((n == 1 && start[0] == '.') || (n == 2 && start[0] == '.' && start[1] == '.')) return;
    text_buffer_append(folder, start, n);
}

int file_loader_text(file_loader *loader, const char *bytes, size_t size, const char *name,
                     const scan_item **out)
{
    load_slot *s = &loader->text;
    release(loader, s);
    *out = &s->item;
    if (name) {
        text_buffer folder;
        text_buffer_init(&folder);
        const char *base;
        name_parts(name, &folder, &base);
        text_buffer_append(&folder, "", 1);
        int rc = set_text(&s->path, name, &s->item.path);
        text_buffer_clear(&s->spec);
        text_buffer_clear(&s->spec_path);
        if (!folder.failed) spec_key_build(base, folder.data, &s->spec, &s->spec_path);
        int failed = rc < 0 || folder.failed || s->spec.failed || s->spec_path.failed;
        text_buffer_free(&folder);
        if (failed) return -1;
        s->item.spec = s->spec.data;
        s->item.spec_path = s->spec_path.data;
    }
    if (load_bytes(loader, s, bytes, size, NULL) < 0) return -1;
    s->item.file = s->file;
    if (s->file && loader->o.graph_parts) s->item.graph = s->file->graph;
    return 0;
}
