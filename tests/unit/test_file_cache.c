/* test_file_cache.c - the cache module on its own: keys and staleness, the
 * byte bound, reference counts, replacement of immutable entries, directory
 * listings through a walk, the read-ahead ring with and without its worker,
 * and many threads at once (scripts/test runs this under ThreadSanitizer). */
#include "test_support.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/file_cache.h"
#include "cache/file_loader.h"
#include "cache/listing_source.h"
#include "cache/loaded_file.h"
#include "cache/prefetch.h"

/* An entry that counts its destruction. */
typedef struct counted {
    cache_entry entry;
    int *destroyed;
    int value;
} counted;

static void destroy_counted(cache_entry *entry)
{
    counted *c = (counted *)entry;
    if (c->destroyed) __atomic_add_fetch(c->destroyed, 1, __ATOMIC_RELAXED);
    free(c);
}

static struct stat file_stat(ino_t ino, off_t size, time_t mtime)
{
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_dev = 7;
    st.st_ino = ino;
    st.st_size = size;
    st.st_mtim.tv_sec = mtime;
    st.st_ctim.tv_sec = mtime;
    return st;
}

static counted *make(const struct stat *st, const char *key, size_t bytes, int *destroyed)
{
    counted *c = calloc(1, sizeof(counted));
    assert_non_null(c);
    assert_int_equal(cache_entry_init(&c->entry, st, 1, key, destroy_counted), 0);
    c->entry.bytes = bytes;
    c->destroyed = destroyed;
    return c;
}

static void found_while_unchanged_and_dropped_when_not(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(1 << 20);
    int destroyed = 0;
    struct stat st = file_stat(1, 100, 1000);
    counted *c = make(&st, "spec-a", 100, &destroyed);
    assert_int_equal(file_cache_offer(cache, &c->entry), 1);
    cache_entry_release(&c->entry);

    cache_entry *hit = file_cache_find(cache, &st, 1, "spec-a");
    assert_ptr_equal(hit, &c->entry);
    cache_entry_release(hit);
    /* Read under another spec key, the file is another parse: a miss, and
     * the entry dropped (a file is kept under one key at a time). */
    assert_null(file_cache_find(cache, &st, 1, "spec-b"));
    assert_int_equal(destroyed, 1);
    assert_null(file_cache_find(cache, &st, 1, NULL));
    /* A new size, mtime or ctime: a miss, and the stale entry dropped. */
    c = make(&st, "spec-a", 100, &destroyed);
    file_cache_offer(cache, &c->entry);
    cache_entry_release(&c->entry);
    struct stat grown = file_stat(1, 101, 1000);
    assert_null(file_cache_find(cache, &grown, 1, "spec-a"));
    assert_int_equal(destroyed, 2);
    assert_int_equal(file_cache_get_stats(cache).entries, 0);

    c = make(&st, NULL, 10, &destroyed);
    file_cache_offer(cache, &c->entry);
    cache_entry_release(&c->entry);
    struct stat touched = st;
    touched.st_ctim.tv_nsec = 1;
    assert_null(file_cache_find(cache, &touched, 1, NULL));
    assert_int_equal(destroyed, 3);
    /* Directories are keyed without their size. */
    c = make(&st, NULL, 10, &destroyed);
    c->entry.size = -1;
    file_cache_offer(cache, &c->entry);
    cache_entry_release(&c->entry);
    assert_non_null(hit = file_cache_find(cache, &grown, 0, NULL));
    cache_entry_release(hit);

    file_cache_stats stats = file_cache_get_stats(cache);
    assert_int_equal(stats.hits, 2);
    assert_int_equal(stats.misses, 4);
    file_cache_free(cache);
    assert_int_equal(destroyed, 4);
}

static void bounded_in_bytes_admitting_nothing_new_when_full(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(1000);
    int destroyed = 0;
    for (ino_t i = 1; i <= 20; i++) {
        struct stat st = file_stat(i, 1, 1);
        counted *c = make(&st, NULL, 100, &destroyed);
        assert_int_equal(file_cache_offer(cache, &c->entry), i <= 10);
        cache_entry_release(&c->entry);
    }
    file_cache_stats stats = file_cache_get_stats(cache);
    assert_int_equal(stats.entries, 10);
    assert_int_equal(stats.bytes, 1000);
    assert_int_equal(destroyed, 10); /* the ten refused, freed by their last release */
    /* The first ten stay: a tree larger than the cache keeps its first files. */
    struct stat first = file_stat(1, 1, 1), last = file_stat(20, 1, 1);
    cache_entry *e = file_cache_find(cache, &first, 1, NULL);
    assert_non_null(e);
    cache_entry_release(e);
    assert_null(file_cache_find(cache, &last, 1, NULL));

    /* A lower limit than what is held empties it; 0 turns it off. */
    file_cache_set_limit(cache, 500);
    assert_int_equal(file_cache_get_stats(cache).entries, 0);
    assert_int_equal(destroyed, 20);
    assert_int_equal(file_cache_enabled(cache), 1);
    file_cache_set_limit(cache, 0);
    assert_int_equal(file_cache_enabled(cache), 0);
    counted *c = make(&first, NULL, 1, &destroyed);
    assert_int_equal(file_cache_offer(cache, &c->entry), 0);
    cache_entry_release(&c->entry);
    assert_int_equal(file_cache_enabled(NULL), 0);
    assert_null(file_cache_find(NULL, &first, 1, NULL));

    file_cache_set_limit(cache, 1000);
    for (ino_t i = 1; i <= 3; i++) {
        struct stat st = file_stat(i, 1, 1);
        c = make(&st, NULL, 100, &destroyed);
        file_cache_offer(cache, &c->entry);
        cache_entry_release(&c->entry);
    }
    assert_int_equal(file_cache_clear(cache), 3);
    assert_int_equal(file_cache_get_stats(cache).bytes, 0);
    file_cache_free(cache);
    assert_int_equal(destroyed, 24);
}

static void a_held_entry_outlives_its_removal(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(1 << 20);
    int destroyed = 0;
    struct stat st = file_stat(5, 10, 10);
    counted *c = make(&st, NULL, 10, &destroyed);
    c->value = 42;
    file_cache_offer(cache, &c->entry);
    cache_entry_release(&c->entry);
    counted *held = (counted *)file_cache_find(cache, &st, 1, NULL);
    assert_non_null(held);
    file_cache_clear(cache);
    assert_int_equal(destroyed, 0);
    assert_int_equal(held->value, 42);
    cache_entry_release(&held->entry);
    assert_int_equal(destroyed, 1);
    file_cache_free(cache);
}

static void a_newer_entry_replaces_the_old_one_which_its_readers_keep(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(1 << 20);
    int destroyed = 0;
    struct stat st = file_stat(9, 10, 10);
    counted *old = make(&st, "k", 10, &destroyed);
    old->value = 1;
    file_cache_offer(cache, &old->entry);
    counted *fresh = calloc(1, sizeof(counted));
    assert_int_equal(cache_entry_init_like(&fresh->entry, &old->entry, destroy_counted), 0);
    fresh->entry.bytes = 30;
    fresh->destroyed = &destroyed;
    fresh->value = 2;
    assert_int_equal(file_cache_offer(cache, &fresh->entry), 1);
    cache_entry_release(&fresh->entry);
    assert_int_equal(destroyed, 0); /* `old` is still held here */
    assert_int_equal(old->value, 1);
    file_cache_stats stats = file_cache_get_stats(cache);
    assert_int_equal(stats.entries, 1);
    assert_int_equal(stats.bytes, 30);
    counted *now = (counted *)file_cache_find(cache, &st, 1, "k");
    assert_ptr_equal(now, fresh);
    cache_entry_release(&now->entry);
    cache_entry_release(&old->entry);
    assert_int_equal(destroyed, 1);
    file_cache_free(cache);
    assert_int_equal(destroyed, 2);
}

static const char sample[] = "# Tasks\n\n"
                             "## Phase 1: Setup\n\n"
                             "- [ ] T001 Create the project\n"
                             "- [x] T002 Add the linter\n\n"
                             "## Phase 2: Build\n\n"
                             "- [ ] T003 Build it (depends on T001)\n";

static void a_file_that_gains_its_graph_is_a_new_entry_sharing_the_document(void **state)
{
    (void)state;
    struct stat st = file_stat(3, sizeof sample - 1, 3);
    task_load_input in = {sample, sizeof sample - 1, "specs/x/tasks.md", "x", NULL, 0};
    loaded_file *bare;
    assert_int_equal(loaded_file_load(&in, &st, 0, &bare), 0);
    assert_null(bare->graph);
    assert_int_equal(loaded_file_document(bare)->n_tasks, 3);
    file_cache *cache = file_cache_new(1 << 20);
    file_cache_offer(cache, &bare->entry);

    loaded_file *full = loaded_file_with_graph(bare, GRAPH_EDGES | GRAPH_REFS);
    assert_non_null(full);
    assert_ptr_equal(loaded_file_document(full), loaded_file_document(bare));
    assert_non_null(full->graph);
    assert_int_equal(full->graph_parts, GRAPH_EDGES | GRAPH_REFS);
    assert_true(full->entry.bytes > bare->entry.bytes);
    assert_null(bare->graph); /* the old entry never changes */
    assert_int_equal(file_cache_offer(cache, &full->entry), 1);
    loaded_file_release(bare); /* the document lives on in `full` */
    loaded_file *found = (loaded_file *)file_cache_find(cache, &st, 1, "x");
    assert_ptr_equal(found, full);
    int explicit_edge = 0;
    for (size_t i = 0; i < found->graph->n_edges; i++)
        explicit_edge |= found->graph->edges[i].kind == EDGE_EXPLICIT;
    assert_true(explicit_edge);
    loaded_file_release(found);
    loaded_file_release(full);
    file_cache_free(cache);
}

/* ---- many threads at once ------------------------------------------------ */

typedef struct hammer {
    file_cache *cache;
    int *destroyed;
    unsigned seed;
} hammer;

/* A pinned entry is found while pinned, whether or not the cache has room,
 * and only in its own version; unpinned, it is its holder's alone. */
static void a_pinned_entry_is_found_outside_the_limit_until_unpinned(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(10);
    int destroyed = 0;
    struct stat st = file_stat(3, 100, 1000);
    counted *big = make(&st, "spec", 100, &destroyed);
    assert_int_equal(file_cache_offer(cache, &big->entry), 0); /* no room */
    assert_null(file_cache_find(cache, &st, 1, "spec"));
    assert_int_equal(file_cache_pin(cache, &big->entry), 1);
    assert_int_equal(file_cache_pin(cache, &big->entry), 1); /* pins nest */
    cache_entry *hit = file_cache_find(cache, &st, 1, "spec");
    assert_ptr_equal(hit, &big->entry);
    cache_entry_release(hit);
    /* Another version, or another key: passed over, and left pinned. */
    struct stat changed = file_stat(3, 100, 1001);
    assert_null(file_cache_find(cache, &changed, 1, "spec"));
    assert_null(file_cache_find(cache, &st, 1, "other"));
    assert_ptr_equal(hit = file_cache_find(cache, &st, 1, "spec"), &big->entry);
    cache_entry_release(hit);
    assert_int_equal(file_cache_get_stats(cache).bytes, 0); /* outside the limit */
    /* Many pinned files, and one unpinned among them. */
    counted *others[3000];
    for (int i = 0; i < 3000; i++) {
        struct stat other = file_stat((ino_t)(10 + i), 50, 1000);
        others[i] = make(&other, "spec", 50, &destroyed);
        assert_int_equal(file_cache_pin(cache, &others[i]->entry), 1);
    }
    file_cache_unpin(cache, &others[1500]->entry);
    for (int i = 0; i < 3000; i++) {
        struct stat other = file_stat((ino_t)(10 + i), 50, 1000);
        hit = file_cache_find(cache, &other, 1, "spec");
        assert_ptr_equal(hit, i == 1500 ? NULL : &others[i]->entry);
        if (hit) cache_entry_release(hit);
    }
    file_cache_unpin(cache, &big->entry);
    assert_ptr_equal(hit = file_cache_find(cache, &st, 1, "spec"), &big->entry);
    cache_entry_release(hit);
    /* A clear hides what was pinned before it (parsed under other rules,
     * say), though its holder still has it and unpins it later. */
    file_cache_clear(cache);
    assert_null(file_cache_find(cache, &st, 1, "spec"));
    file_cache_unpin(cache, &big->entry);
    assert_null(file_cache_find(cache, &st, 1, "spec"));
    /* Pinned again after the clear: found again. */
    assert_int_equal(file_cache_pin(cache, &big->entry), 1);
    assert_ptr_equal(hit = file_cache_find(cache, &st, 1, "spec"), &big->entry);
    cache_entry_release(hit);
    file_cache_unpin(cache, &big->entry);
    assert_null(file_cache_find(cache, &st, 1, "spec"));
    assert_int_equal(destroyed, 0); /* the holder still has it */
    cache_entry_release(&big->entry);
    assert_int_equal(destroyed, 1);
    for (int i = 0; i < 3000; i++)
        cache_entry_release(&others[i]->entry);
    assert_int_equal(destroyed, 2); /* others[1500]; the rest are pinned still */
    file_cache_free(cache);         /* drops the pins left over */
    assert_int_equal(destroyed, 3001);
}

static void *hammer_cache(void *arg)
{
    hammer *h = arg;
    for (int i = 0; i < 20000; i++) {
        unsigned r = rand_r(&h->seed);
        struct stat st = file_stat(r % 64, 1 + (r >> 8) % 2, 1);
        switch ((r >> 12) % 8) {
        case 0: {
            if ((r >> 16) % 64 == 0) file_cache_clear(h->cache);
            break;
        }
        case 1:
        case 2: {
            counted *c = make(&st, NULL, 16, h->destroyed);
            c->value = (int)st.st_ino;
            file_cache_offer(h->cache, &c->entry);
            cache_entry_release(&c->entry);
            break;
        }
        case 3: {
            /* Held, pinned and found by the others a while, then let go. */
            counted *c = make(&st, NULL, 16, h->destroyed);
            c->value = (int)st.st_ino;
            int pinned = file_cache_pin(h->cache, &c->entry);
            for (int k = 0; k < 4; k++) {
                counted *found = (counted *)file_cache_find(h->cache, &st, 1, NULL);
                if (found) {
                    assert_int_equal(found->value, (int)st.st_ino);
                    cache_entry_release(&found->entry);
                }
            }
            if (pinned) file_cache_unpin(h->cache, &c->entry);
            cache_entry_release(&c->entry);
            break;
        }
        default: {
            counted *c = (counted *)file_cache_find(h->cache, &st, 1, NULL);
            if (c) {
                assert_int_equal(c->value, (int)st.st_ino); /* still whole */
                cache_entry_release(&c->entry);
            }
        }
        }
    }
    return NULL;
}

static void many_threads_share_one_cache(void **state)
{
    (void)state;
    file_cache *cache = file_cache_new(16 * 40); /* room for 40 of 128 versions */
    int destroyed = 0;
    pthread_t threads[4];
    hammer h[4];
    for (int t = 0; t < 4; t++) {
        h[t] = (hammer){cache, &destroyed, (unsigned)t * 7919u + 1};
        assert_int_equal(pthread_create(&threads[t], NULL, hammer_cache, &h[t]), 0);
    }
    for (int t = 0; t < 4; t++)
        pthread_join(threads[t], NULL);
    file_cache_stats stats = file_cache_get_stats(cache);
    assert_true(stats.entries <= 40);
    assert_int_equal(stats.bytes, stats.entries * 16);
    assert_true(stats.hits > 0);
    file_cache_free(cache);
}

/* ---- listings and the ring, on a real tree --------------------------------- */

static char tree[] = "/tmp/test_file_cache.XXXXXX";

static void write_file(const char *relative, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tree, relative);
    for (char *slash = strchr(path + strlen(tree) + 1, '/'); slash;
         slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0755);
        *slash = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int make_tree(void **state)
{
    (void)state;
    if (!mkdtemp(tree)) return -1;
    char relative[64];
    for (int i = 0; i < 70; i++) {
        snprintf(relative, sizeof relative, "specs/%03d-feature/tasks.md", i);
        write_file(relative, sample);
    }
    write_file("specs/000-feature/notes.md", "not a task list\n");
    write_file("rollout-1.md", "- [ ] one\n");
    return 0;
}

static int remove_tree(void **state)
{
    (void)state;
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", tree);
    return system(command) == 0 ? 0 : -1;
}

/* Runs a scan of `root` with `options`, handing each item to on_item(). */
static void scan_each(const char *root, const file_loader_options *options, file_cache *listings,
                      int threads, void (*on_item)(const scan_item *item, void *ctx), void *ctx)
{
    file_loader *loader = file_loader_new(options);
    listing_source source = {listings, {0}};
    walk_listings callbacks = listing_source_callbacks(&source);
    prefetch_client client = file_loader_client(loader);
    prefetch *p;
    char *message;
    assert_int_equal(prefetch_open(root, &callbacks, &client, threads, &p, &message), 0);
    void *next;
    int rc;
    while ((rc = prefetch_next(p, &next)) == 1)
        on_item(next, ctx);
    assert_int_equal(rc, 0);
    prefetch_close(p);
    file_loader_free(loader);
}

typedef struct scan_text {
    const char *root;
    char *out;
    size_t len, cap;
} scan_text;

static void add_line(const scan_item *item, void *ctx)
{
    scan_text *t = ctx;
    char line[600];
    if (item->file)
        snprintf(line, sizeof line, "%s|%s|%zu|%zd\n", item->path + strlen(t->root), item->spec,
                 loaded_file_document(item->file)->n_tasks,
                 item->graph ? (ssize_t)item->graph->n_edges : (ssize_t)-1);
    else
        snprintf(line, sizeof line, "%s|%s|%d\n", item->path + strlen(t->root), item->spec,
                 item->error);
    size_t n = strlen(line);
    while (t->len + n + 1 > t->cap)
        t->out = realloc(t->out, t->cap *= 2);
    memcpy(t->out + t->len, line, n + 1);
    t->len += n;
}

/* One line per item: path, spec, tasks, edges (or the error). */
static char *scan(const char *root, file_cache *documents, file_cache *listings, int threads,
                  int graph_parts)
{
    file_loader_options options = {1 << 20, graph_parts, documents, NULL, 0, 0};
    scan_text t = {root, malloc(1 << 14), 0, 1 << 14};
    t.out[0] = '\0';
    scan_each(root, &options, listings, threads, add_line, &t);
    return t.out;
}

static void the_ring_gives_the_same_items_with_or_without_its_worker(void **state)
{
    (void)state;
    char *alone = scan(tree, NULL, NULL, 0, 0);
    char *with_worker = scan(tree, NULL, NULL, 1, 0);
    assert_string_equal(alone, with_worker);
    assert_non_null(strstr(alone, "/specs/069-feature/tasks.md|069-feature|3|-1\n"));
    assert_non_null(strstr(alone, "/rollout-1.md|"));
    free(with_worker);
    with_worker = scan(tree, NULL, NULL, 1, GRAPH_EDGES);
    char *graph_alone = scan(tree, NULL, NULL, 0, GRAPH_EDGES);
    assert_string_equal(graph_alone, with_worker);
    assert_null(strstr(graph_alone, "|-1\n"));
    free(alone);
    free(with_worker);
    free(graph_alone);
}

static void a_second_scan_reads_from_the_cache_and_sees_changes(void **state)
{
    (void)state;
    file_cache *documents = file_cache_new(1 << 20), *listings = file_cache_new(1 << 17);
    char *cold = scan(tree, documents, listings, 1, 0);
    file_cache_stats first = file_cache_get_stats(documents);
    assert_int_equal(first.hits, 0);
    assert_int_equal(first.entries, 71);
    assert_true(file_cache_get_stats(listings).entries >= 72); /* the root, specs/, 70 specs */
    /* Warm, and asking for the graph: every file comes from the cache, and
     * is replaced there by one with its graph. */
    char *warm = scan(tree, documents, listings, 1, GRAPH_EDGES);
    file_cache_stats second = file_cache_get_stats(documents);
    assert_int_equal(second.hits, 71);
    assert_int_equal(second.entries, 71);
    assert_true(second.bytes > first.bytes);
    assert_true(file_cache_get_stats(listings).hits >= 72);
    char *uncached = scan(tree, NULL, NULL, 0, GRAPH_EDGES);
    assert_string_equal(warm, uncached);
    /* A changed file and a new folder are seen. */
    sleep(0); /* mtimes are to the nanosecond; the size changes anyway */
    write_file("specs/005-feature/tasks.md", "- [ ] T001 only one\n");
    write_file("specs/100-new/tasks.md", sample);
    char *changed = scan(tree, documents, listings, 0, GRAPH_EDGES);
    assert_non_null(strstr(changed, "/specs/005-feature/tasks.md|005-feature|1|"));
    assert_non_null(strstr(changed, "/specs/100-new/tasks.md|100-new|3|"));
    char *fresh = scan(tree, NULL, NULL, 0, GRAPH_EDGES);
    assert_string_equal(changed, fresh);
    write_file("specs/005-feature/tasks.md", sample); /* as the other tests expect */
    free(cold);
    free(warm);
    free(uncached);
    free(changed);
    free(fresh);
    file_cache_free(documents);
    file_cache_free(listings);
}

/* Two scans sharing one cache at once, each with its worker. */
typedef struct scan_job {
    file_cache *documents, *listings;
    int graph_parts;
    char *rows;
} scan_job;

static void *run_scan(void *arg)
{
    scan_job *job = arg;
    job->rows = scan(tree, job->documents, job->listings, 1, job->graph_parts);
    return NULL;
}

static void concurrent_scans_share_the_caches(void **state)
{
    (void)state;
    file_cache *documents = file_cache_new(1 << 20), *listings = file_cache_new(1 << 17);
    char *expected_bare = scan(tree, NULL, NULL, 0, 0);
    char *expected_graph = scan(tree, NULL, NULL, 0, GRAPH_EDGES | GRAPH_REFS);
    for (int round = 0; round < 3; round++) {
        scan_job jobs[3] = {{documents, listings, 0, NULL},
                            {documents, listings, GRAPH_EDGES | GRAPH_REFS, NULL},
                            {documents, listings, 0, NULL}};
        pthread_t threads[3];
        for (int t = 0; t < 3; t++)
            pthread_create(&threads[t], NULL, run_scan, &jobs[t]);
        if (round == 1) file_cache_clear(documents);
        for (int t = 0; t < 3; t++)
            pthread_join(threads[t], NULL);
        assert_string_equal(jobs[0].rows, expected_bare);
        assert_string_equal(jobs[1].rows, expected_graph);
        assert_string_equal(jobs[2].rows, expected_bare);
        for (int t = 0; t < 3; t++)
            free(jobs[t].rows);
    }
    free(expected_bare);
    free(expected_graph);
    file_cache_free(documents);
    file_cache_free(listings);
}

typedef struct lean_count {
    size_t items, lean;
} lean_count;

static void count_lean(const scan_item *item, void *ctx)
{
    lean_count *c = ctx;
    if (!item->file) return;
    c->items++;
    c->lean += loaded_file_document(item->file)->omitted != 0;
}

/* Items of a lean scan (the prose and details left out where they may be)
 * whose document left something out. */
static size_t lean_items(const char *root, file_cache *documents, size_t *items)
{
    file_loader_options options = {1 << 20, 0, documents, NULL, TASK_PART_PROSE | TASK_PART_DETAILS,
                                   0};
    lean_count c = {0, 0};
    scan_each(root, &options, NULL, 0, count_lean, &c);
    *items = c.items;
    return c.lean;
}

static void a_lean_scan_keeps_whole_what_the_cache_keeps(void **state)
{
    (void)state;
    size_t items;
    /* no cache: every file is read lean */
    size_t lean = lean_items(tree, NULL, &items);
    size_t all = items; /* (other tests add files) */
    assert_true(all >= 71);
    assert_int_equal(lean, all);
    /* room for all: every file is read whole, and kept */
    file_cache *roomy = file_cache_new(1 << 20);
    assert_int_equal(lean_items(tree, roomy, &items), 0);
    assert_int_equal(file_cache_get_stats(roomy).entries, all);
    /* a later lean scan reads them from the cache */
    assert_int_equal(lean_items(tree, roomy, &items), 0);
    assert_int_equal(file_cache_get_stats(roomy).hits, all);
    file_cache_free(roomy);
    /* room for some: the files it keeps are read whole (the guess of what
     * it will keep is only a guess: a few more may be), the rest lean, and
     * a lean one is not kept */
    file_cache *small = file_cache_new(16 << 10);
    lean = lean_items(tree, small, &items);
    file_cache_stats stats = file_cache_get_stats(small);
    assert_true(stats.entries > 0 && stats.entries < all);
    assert_true(lean > 0 && stats.entries <= all - lean && all - lean <= stats.entries + 2);
    /* and a second scan finds those whole, and reads the rest lean */
    lean = lean_items(tree, small, &items);
    assert_int_equal(file_cache_get_stats(small).hits, stats.entries);
    assert_int_equal(file_cache_get_stats(small).entries, stats.entries);
    assert_true(lean > 0 && lean <= all - stats.entries);
    file_cache_free(small);
}

/* The walk's names alone: the same files and specs as a scan that parses
 * them, with no file read, parsed or cached. */
static void a_walk_only_scan_names_the_files_and_reads_none(void **state)
{
    (void)state;
    file_cache *documents = file_cache_new(1 << 20), *listings = file_cache_new(1 << 17);
    file_loader_options walk = {1 << 20, 0, documents, NULL, 0, 1};
    scan_text t = {tree, malloc(1 << 14), 0, 1 << 14};
    t.out[0] = '\0';
    scan_each(tree, &walk, listings, 0, add_line, &t);
    /* (the SQL layer runs it so; with a worker the items are the same) */
    scan_text threaded = {tree, malloc(1 << 14), 0, 1 << 14};
    threaded.out[0] = '\0';
    scan_each(tree, &walk, listings, 1, add_line, &threaded);
    assert_string_equal(t.out, threaded.out);
    free(threaded.out);
    assert_int_equal(file_cache_get_stats(documents).entries, 0);
    assert_int_equal(file_cache_get_stats(documents).misses, 0);
    assert_true(file_cache_get_stats(listings).entries > 0);
    /* Each line is the parsing scan's line with `|0` (no error) where the
     * counts were. */
    char *parsed = scan(tree, NULL, NULL, 0, 0);
    size_t lines = 0;
    for (char *line = parsed, *end; (end = strchr(line, '\n')); line = end + 1, lines++) {
        char *counts = memchr(line, '|', (size_t)(end - line));
        counts = counts ? memchr(counts + 1, '|', (size_t)(end - counts - 1)) : NULL;
        assert_non_null(counts);
        char expected[600];
        snprintf(expected, sizeof expected, "%.*s|0\n", (int)(counts - line), line);
        assert_non_null(strstr(t.out, expected));
    }
    assert_true(lines >= 71);
    size_t walked = 0;
    for (const char *c = t.out; (c = strchr(c, '\n')); c++)
        walked++;
    assert_int_equal(walked, lines);
    free(parsed);
    free(t.out);
    file_cache_free(documents);
    file_cache_free(listings);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(found_while_unchanged_and_dropped_when_not),
        cmocka_unit_test(bounded_in_bytes_admitting_nothing_new_when_full),
        cmocka_unit_test(a_held_entry_outlives_its_removal),
        cmocka_unit_test(a_newer_entry_replaces_the_old_one_which_its_readers_keep),
        cmocka_unit_test(a_file_that_gains_its_graph_is_a_new_entry_sharing_the_document),
        cmocka_unit_test(a_pinned_entry_is_found_outside_the_limit_until_unpinned),
        cmocka_unit_test(many_threads_share_one_cache),
        cmocka_unit_test(the_ring_gives_the_same_items_with_or_without_its_worker),
        cmocka_unit_test(a_second_scan_reads_from_the_cache_and_sees_changes),
        cmocka_unit_test(concurrent_scans_share_the_caches),
        cmocka_unit_test(a_lean_scan_keeps_whole_what_the_cache_keeps),
        cmocka_unit_test(a_walk_only_scan_names_the_files_and_reads_none),
    };
    return cmocka_run_group_tests(tests, make_tree, remove_tree);
}
