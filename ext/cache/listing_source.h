/* listing_source.h - the walk's directory listings kept in a file_cache, so
 * that a repeated query over an unchanged tree lists no directory again.
 *
 * A listing is used while its directory's device, inode, mtime and ctime
 * are what they were: adding, removing or renaming a name changes them. One
 * listing_source serves one walk; many may share a cache. */
#ifndef TASKS_LISTING_SOURCE_H
#define TASKS_LISTING_SOURCE_H

#include "../fs/path_walk.h"
#include "cache_lookups.h"
#include "file_cache.h"

typedef struct listing_source {
    file_cache *cache; /* may be NULL: then the walk lists every directory */
    cache_lookups lookups;
} listing_source;

/* The callbacks a walk takes (path_walk_open_with), reading and filling
 * `source->cache`. */
walk_listings listing_source_callbacks(listing_source *source);

#endif
