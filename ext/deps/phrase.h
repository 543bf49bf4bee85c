/* phrase.h - a line of a dependency section cut into sides and the ordering
 * words between them: `T008 blocks T009, T015`, `Tests (T004-T007) before
 * implementation (T008-T014)`, `T001 → T005 → T004`, `B depends on A`. */
#ifndef TASKS_DEPS_PHRASE_H
#define TASKS_DEPS_PHRASE_H

#include <stddef.h>

#define PHRASE_MAX_SIDES 16

typedef enum phrase_order {
    ORDER_LEFT_FIRST,  /* `A blocks B`, `A before B`, `A → B`: B waits for A */
    ORDER_RIGHT_FIRST  /* `A depends on B`, `A after B`, `A ← B`: A waits for B */
} phrase_order;

typedef struct phrase_side {
    size_t start, len;
} phrase_side;

typedef struct phrase_parts {
    phrase_side sides[PHRASE_MAX_SIDES];
    phrase_order orders[PHRASE_MAX_SIDES - 1]; /* orders[i] stands between sides i and i+1 */
    int n_sides;
    int no_order; /* says there is no ordering: `can run in parallel`, `no dependencies` */
} phrase_parts;

/* Cuts `text`. n_sides is 0 when it holds no ordering word. */
void phrase_split(const char *text, size_t len, phrase_parts *out);

#endif
