/* file_key.h - what a cache keys a file or directory by: its device and
 * inode (hashed to a bucket), and its times to the nanosecond. */
#ifndef TASKS_FILE_KEY_H
#define TASKS_FILE_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

static inline int64_t timespec_ns(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* A bucket in a table of n_buckets (a power of two). */
static inline size_t file_key_bucket(dev_t dev, ino_t ino, size_t n_buckets)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15ull ^ (uint64_t)dev;
    return (size_t)(h >> 17) & (n_buckets - 1);
}

#endif
