/* prng.h - splitmix64: a tiny PRNG of our own, so the generated tree is the
 * same on every libc and every run (rand() is neither portable nor seedable
 * per spec). */
#ifndef BENCH_PRNG_H
#define BENCH_PRNG_H

#include <stdint.h>

typedef struct prng {
    uint64_t state;
} prng;

/* Seeds from a run seed and a stream number (the spec's index), so spec i is
 * the same whether the tree holds 1,000 or 100,000 specs. */
void prng_seed(prng *p, uint64_t seed, uint64_t stream);

uint64_t prng_next(prng *p);

/* A value in [lo, hi], both included. */
unsigned prng_range(prng *p, unsigned lo, unsigned hi);

/* 1 with probability percent/100. */
int prng_percent(prng *p, unsigned percent);

#endif
