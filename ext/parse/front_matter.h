/* front_matter.h - YAML front matter: where it is, and what it says.
 * md4c does not know front matter (it reads `---` as a thematic break), so
 * the parser finds it first and hands md4c only the rest of the buffer. */
#ifndef TASKS_FRONT_MATTER_H
#define TASKS_FRONT_MATTER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Bounds that keep a hostile front matter (an alias bomb) from eating the
 * host process: the JSON it expands to, and how deep it nests. */
#define FRONT_MATTER_MAX_JSON_BYTES (1u << 20)
#define FRONT_MATTER_MAX_DEPTH 64
#define FRONT_MATTER_MAX_ANCHORS 1024

typedef struct front_matter_span {
    int present;        /* the file starts (after a BOM) with a `---` line */
    int closed;         /* a closing `---` or `...` line was found */
    size_t yaml_start;  /* offset of the first YAML byte */
    size_t yaml_end;    /* offset just past the last YAML byte */
    size_t body_start;  /* offset where markdown begins */
    uint32_t yaml_line; /* file line of yaml_start */
} front_matter_span;

/* Looks for front matter at `start` (0, or 3 after a UTF-8 BOM). */
void front_matter_locate(const char *bytes, size_t size, size_t start, front_matter_span *span);

typedef struct front_matter {
    const char *json; /* the whole front matter as JSON, or NULL */
    const char *id;   /* top-level scalars, or NULL */
    const char *title;
    const char *author;
    const char *description;
    const char *error;   /* what is wrong, or NULL */
    uint32_t error_line; /* file line of the problem */
} front_matter;

/* Reads `len` bytes of YAML whose first line is file line `first_line`.
 * Returns 0, or -1 when out of memory. A YAML problem is not a failure: it
 * sets `error` and `error_line` and leaves what could not be read NULL. */
int front_matter_read(const char *yaml, size_t len, uint32_t first_line, tasks_arena *arena,
                      front_matter *out);

#endif
