/* spec_text.h - the text of one generated Catalyst-style tasks.md.
 *
 * The generator is the oracle of the benchmark: it counts the real tasks it
 * writes (list items with a box, outside block quotes and code fences), so
 * tasks() can be checked without running another parser over the tree. */
#ifndef BENCH_SPEC_TEXT_H
#define BENCH_SPEC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "text_out.h"

typedef struct spec_counts {
    unsigned long long tasks; /* real tasks, nested subtasks included */
    unsigned long long done;  /* of those, [x] or [X] */
} spec_counts;

/* Longest folder name spec_text_make writes, NUL included. */
#define SPEC_FOLDER_MAX 64

/* Writes spec number `index` of the tree seeded with `seed` into `out`
 * (cleared first), its folder name (`00042-billing-export`) into `folder`,
 * and adds its tasks to *counts. The same seed and index always give the
 * same bytes. */
void spec_text_make(text_out *out, uint64_t seed, unsigned index, char folder[SPEC_FOLDER_MAX],
                    spec_counts *counts);

#endif
