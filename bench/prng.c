/* prng.c - splitmix64 (Steele, Lea, Flood 2014): one add and a mix per value. */
#include "prng.h"

uint64_t prng_next(prng *p)
{
    uint64_t z = (p->state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void prng_seed(prng *p, uint64_t seed, uint64_t stream)
{
    /* Mixing seed and stream through the generator itself keeps neighbouring
     * streams (spec 1, spec 2) from starting on correlated states. */
    p->state = seed;
    uint64_t mixed = prng_next(p) ^ (stream * 0xD1B54A32D192ED03ULL);
    p->state = mixed;
    (void)prng_next(p);
}

unsigned prng_range(prng *p, unsigned lo, unsigned hi)
{
    /* The modulo bias over a 64-bit value is far below anything a benchmark
     * tree could show. */
    return lo + (unsigned)(prng_next(p) % ((uint64_t)hi - lo + 1));
}

int prng_percent(prng *p, unsigned percent)
{
    return prng_range(p, 0, 99) < percent;
}
