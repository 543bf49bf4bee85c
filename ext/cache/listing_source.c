/* listing_source.c - directory listings as cache entries. */
#include "listing_source.h"

#include <stdlib.h>
#include <string.h>

typedef struct cached_listing {
    cache_entry entry; /* first: the cache keeps listings as entries */
    dir_item *items;
    size_t n;
} cached_listing;

static void free_items(dir_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i].name);
    free(items);
}

static void destroy(cache_entry *entry)
{
    cached_listing *l = (cached_listing *)entry;
    free_items(l->items, l->n);
    free(l);
}

static void lend(cached_listing *l, walk_listing *out)
{
    out->items = l->items;
    out->n = l->n;
    out->handle = l;
}

static int find(void *ctx, const char *dir, struct stat *st, int *looked, walk_listing *out)
{
    listing_source *source = ctx;
    *looked = 0;
    /* A cache turned off, or one that keeps missing, is not worth a stat. */
    if (!file_cache_enabled(source->cache) || !cache_lookups_worth(&source->lookups)) return 0;
    if (stat(dir, st) != 0) return 0;
    cache_entry *found = file_cache_find(source->cache, st, 0, NULL);
    if (!found) {
        *looked = 1;
        return 0;
    }
    cache_lookups_note(&source->lookups, 1);
    lend((cached_listing *)found, out);
    return 1;
}

static int keep(void *ctx, const struct stat *st, dir_item *items, size_t n, walk_listing *out)
{
    listing_source *source = ctx;
    cached_listing *l = calloc(1, sizeof(cached_listing));
    if (!l || cache_entry_init(&l->entry, st, 0, NULL, destroy) < 0) {
        free(l);
        return -1;
    }
    l->items = items;
    l->n = n;
    size_t bytes = sizeof(*l) + n * sizeof(dir_item);
    for (size_t i = 0; i < n; i++)
        bytes += strlen(items[i].name) + 1;
    l->entry.bytes = bytes;
    int kept = file_cache_offer(source->cache, &l->entry);
    cache_lookups_note(&source->lookups, kept);
    if (!kept) {
        /* The items stay the walk's. */
        l->items = NULL;
        l->n = 0;
        cache_entry_release(&l->entry);
        return -1;
    }
    lend(l, out);
    return 0;
}

static void release(void *ctx, walk_listing *listing)
{
    (void)ctx;
    cache_entry_release(&((cached_listing *)listing->handle)->entry);
    memset(listing, 0, sizeof(*listing));
}

walk_listings listing_source_callbacks(listing_source *source)
{
    walk_listings callbacks = {source, find, keep, release};
    return callbacks;
}
