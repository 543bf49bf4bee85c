/*
 * tasks_parse.h - the tasksext parser core: bytes of one markdown task list in,
 * task records and spec metadata out.
 *
 * The core knows nothing of SQLite or of the file system: callers hand it a
 * buffer and the file's spec key (computed from its path, see spec_key.h). Every string it returns
 * is valid UTF-8 (bad bytes become U+FFFD), NUL-terminated, and owned by the document.
 */
#ifndef TASKS_PARSE_H
#define TASKS_PARSE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Largest input the parser accepts: md4c sizes are 32-bit. */
#define TASKS_PARSE_MAX_BYTES ((size_t)0x7fffffff)

/* What a task's box says, mapped from its mark. */
typedef enum task_status {
    TASK_STATUS_TODO,        /* [ ] */
    TASK_STATUS_DONE,        /* [x] [X] */
    TASK_STATUS_IN_PROGRESS, /* [/] */
    TASK_STATUS_CANCELLED,   /* [-] */
    TASK_STATUS_OTHER,       /* any other non-alphanumeric mark */
    /* Only through a status map (task_load_input.statuses): */
    TASK_STATUS_BLOCKED, /* open, and never ready */
    TASK_STATUS_DEFERRED /* open, and never ready */
} task_status;

typedef struct task_record {
    uint32_t line;     /* 1-based line of the box in the file as stored */
    uint32_t end_line; /* last line of the task's own text */
    const char *id;    /* T001, 1.1, ...; NULL when the task has none */
    const char *title; /* plain text without box, id, markers and leading tags */
    const char *text;  /* plain text of the task's first paragraph, markers kept */
    char mark[8];      /* the box's code point as UTF-8 (" ", "x", "✅", ...) */
    task_status status;
    const char *status_word; /* a user's own status word from a status map, else NULL */
    int parallel;            /* [P] or (P) among the leading markers */
    const char *story;       /* first [USn] tag, else `USn` for the story a heading above
                              * names (`Phase 3: User Story 1 - ...`), or NULL */
    const char *tags_json;   /* JSON array of all leading bracket tags; "[]" when none */
    const char *files_json;  /* JSON array of the file paths the task names; "[]" when none */
    const char *step;        /* "3" or "3.2" from the closest step/phase heading, or NULL */
    const char *step_name;   /* the rest of that heading, else the closest H2, or NULL */
    const char *section;     /* the closest heading of any level, or NULL */
    int step_index;          /* ordinal of the step heading in the file (0: none) */
    int depth;               /* 0 for a top-level task */
    int parent;              /* index of the enclosing task in the document, or -1 */
    int optional;            /* Kiro's "- [ ]*", cc-sdd's `7.9*` */
    int has_subtasks;        /* some task has this one as its parent */
    int counted;             /* progress counts it (task_document_count_progress) */
    int parallel_group; /* under a rollout's `- 🔀 Execute in parallel:` item (1, 2, ...), or 0 */
    int heading;        /* index into doc->headings of the closest heading above, or -1 */
    uint64_t line_hash; /* task_line_hash() of the box's line as stored: a writer's guard */
} task_record;

/* A heading, for what stands under it: a statement in a heading (`### Layer
 * 2 (depends on Layer 1)`) or under it (`**Dependencies**: US1`) is about
 * the tasks under that heading. */
typedef struct task_heading {
    const char *text;
    uint32_t line;
    int level;  /* 1 to 6 */
    int parent; /* index of the closest heading above of a lower level, or -1 */
} task_heading;

/* Where a line of prose that may state dependencies comes from. */
typedef enum task_phrase_kind {
    PHRASE_SECTION_LINE, /* a line of a section whose heading speaks of dependencies or order */
    PHRASE_FIELD,        /* `Dependencies: ...` (a label about order) under any heading */
    PHRASE_TABLE_ROW,    /* a table row in such a section: its cells joined by " | " */
    PHRASE_CODE_LINE     /* a line of a code block in such a section (a tree, a Mermaid graph) */
} task_phrase_kind;

/* A line of prose that may state dependencies. The deps layer reads these. */
typedef struct task_phrase {
    uint32_t line;
    const char *text; /* plain text, inline markup flattened */
    task_phrase_kind kind;
    int heading; /* index into doc->headings of the heading it stands under, or -1 */
    int block;   /* table and code lines: which table or block (1, 2, ...) */
    int header;  /* a table's header row */
} task_phrase;

/* A line under a task that is not a task itself: a nested bullet or a
 * paragraph of the item (`_Requirements: 1.1, 2.3_`, `_Depends: 1, 2_`,
 * `Dependencies: a, b`). The deps layer reads references from these. */
typedef struct task_note {
    int task; /* index of the task it belongs to */
    uint32_t line;
    const char *text;
} task_note;

/* One wave of Kiro's dependency graph block: the ids it lists, as written. */
typedef struct task_wave {
    const char **ids;
    size_t n_ids;
} task_wave;

/* A fenced `{"waves": [...]}` block: every task of wave k waits for every
 * task of wave k-1. */
typedef struct task_wave_block {
    uint32_t line; /* the block's first line */
    task_wave *waves;
    size_t n_waves;
    const char *error; /* what in the block was not of that shape (with its line), or NULL */
} task_wave_block;

/* A heading that names a numbered step or phase. */
typedef struct task_step {
    const char *number;  /* "3", "3.2" */
    const char *name;    /* "Core Implementation" */
    const char *heading; /* the whole heading: "Step 3: Core Implementation" */
    uint32_t line;
} task_step;

/* The tool family a file is written for. */
typedef enum task_dialect {
    DIALECT_GENERIC,
    DIALECT_CATALYST, /* .xe/specs, .xe/features: `## Step N` */
    DIALECT_SPECKIT,  /* specs/NNN-name: `## Phase N`, [USn] */
    DIALECT_KIRO,     /* .kiro/specs, cc-sdd: `- [ ] 1.1`, `_Requirements:_` */
    DIALECT_ROLLOUT,  /* Catalyst's .xe/rollouts/rollout-*.md */
    DIALECT_COUNT
} task_dialect;

typedef struct task_document {
    /* Spec metadata. */
    const char *spec;        /* the spec key the caller gave, or NULL */
    const char *title;       /* front matter title, else the first H1, or NULL */
    const char *author;      /* front matter author, or NULL */
    const char *description; /* front matter description, or NULL */
    const char *meta_json;   /* all front matter as JSON, or NULL when there is none */
    const char *error;       /* what is wrong with the file as a whole, or NULL */
    const char *error_code;  /* "bad-front-matter" or "bad-encoding", NULL with error */
    uint32_t error_line;     /* line of that problem (0: none) */

    task_record *tasks;
    size_t n_tasks;
    task_phrase *phrases;
    size_t n_phrases;
    task_note *notes;
    size_t n_notes;
    task_wave_block *wave_blocks; /* code blocks holding Kiro's {"waves": ...} graph */
    size_t n_wave_blocks;
    task_step *steps;
    size_t n_steps;
    task_heading *headings;
    size_t n_headings;

    int n_execute_groups; /* rollout `- 🔀 Execute in parallel:` / `in sequence:` items */
    unsigned omitted;     /* task_document_part bits left out (task_load_input.omit) */
    task_dialect dialect;

    struct tasks_arena *arena; /* owns every string above */
} task_document;

/* Result codes. */
#define TASKS_PARSE_OK 0
#define TASKS_PARSE_NOMEM 1
#define TASKS_PARSE_TOO_BIG 2

/* A mark -> status rule: for one dialect, or for all when dialect is "". */
typedef struct task_status_rule {
    char mark[8];
    char dialect[16]; /* a task_dialect_name(), or "" */
    char status[32];  /* a built-in name, or a user's own word */
} task_status_rule;

typedef struct task_status_map {
    task_status_rule *rules; /* later rules win */
    size_t n_rules;
} task_status_map;

/* Parts of a document a caller may leave out when it reads only tasks'
 * places, ids and statuses (a count of what is done): they cost a fifth of a
 * parse. A document records what it left out (task_document.omitted); one
 * that left out a part cannot stand in for one that has it. */
enum task_document_part {
    /* doc->phrases and doc->wave_blocks (the lines the dependency reader
     * reads): empty, so no dependency graph can be built from the document.
     * Notes stay: the dialect is read from them. */
    TASK_PART_PROSE = 1,
    /* Each task's tags_json and files_json (NULL), line_hash (0), and the
     * story a heading above names (a `[USn]` tag still gives one). */
    TASK_PART_DETAILS = 2
};

/* What task_document_load() reads. */
typedef struct task_load_input {
    const char *bytes; /* the file's bytes: need not be NUL-terminated, may hold any bytes */
    size_t size;
    const char *path; /* the file's path as found, for its dialect (`.kiro/...`); may be NULL */
    const char *spec; /* the file's spec key (see spec_key.h), stored as doc->spec; may be NULL */
    const task_status_map *statuses; /* the user's mark -> status rules; may be NULL */
    unsigned omit; /* task_document_part bits the caller will not read; 0: everything */
} task_load_input;

/*
 * task_document_load() - the one way a file becomes a document: what the unit
 * tests, the fuzzers, the benchmark and every SQL function see is this.
 *
 * In order: the BOM and front matter are read (a malformed or unclosed front
 * matter is reported in doc->error and the whole file read as markdown, so no
 * task is lost); md4c walks the markdown into tasks, steps, headings and
 * dependency lines; numbered subtasks nest under their parents; the dialect is
 * decided (front matter `dialect:`, then the path, then the content) and kept
 * in doc->dialect; marks are mapped to statuses, by the dialect's defaults and
 * `statuses`; in rollout files tasks without an id get their ordinal path
 * (`S.k`); each task's `counted` says whether progress counts it; and each
 * task's `line_hash` is the hash of its line's bytes, the guard a writer
 * checks before it changes the line (task_line_hash()).
 *
 * Every string in *doc is valid UTF-8 (bad bytes and NULs become U+FFFD),
 * NUL-terminated, and owned by the document; line numbers are 1-based lines
 * of the bytes as given (LF, CRLF and lone CR end a line).
 *
 * Returns TASKS_PARSE_OK with *doc filled (release it with
 * task_document_free()); TASKS_PARSE_TOO_BIG when size is over
 * TASKS_PARSE_MAX_BYTES; TASKS_PARSE_NOMEM when out of memory. On failure
 * *doc is left empty and needs no free. Reads no file and keeps no state: it
 * may run on any thread, on as many documents at once as there are threads.
 */
int task_document_load(const task_load_input *in, task_document *doc);

void task_document_free(task_document *doc);

/* "todo", "done", "in_progress", "cancelled", "other", "blocked", "deferred". */
const char *task_status_name(task_status status);

/* The status a task shows: its status word when a map gave one. */
const char *task_record_status(const task_record *task);

/* "generic", "catalyst", "speckit", "kiro", "rollout"; NULL past the last. */
const char *task_dialect_name(task_dialect dialect);

/* The dialect with that name, or -1. */
int task_dialect_from_name(const char *name);

/* ---- writing a box: what a guarded mark needs ----------------------------- */

/* A 64-bit hash of a line's bytes, without its line ending (the length and
 * each 8-byte little-endian word mixed in by multiply and shift; the same on
 * every machine and in every version): the guard of task_record.line_hash.
 * Shown as 16 lowercase hex digits. */
uint64_t task_line_hash(const char *bytes, size_t len);

/* The hash as it is shown: 16 lowercase hex digits and a NUL. */
void task_line_hash_text(uint64_t hash, char text[17]);

/* The bytes of 1-based line `line` of `bytes` (LF, CRLF or a lone CR ends a
 * line, as task_document_load() counts): 1 with [*start, *end), the ending
 * left out; 0 when there is no such line. */
int task_line_span(const char *bytes, size_t size, uint32_t line, size_t *start, size_t *end);

/* Where the box of the task list item on `line` (its bytes, without the
 * ending) is: after indentation, `>` quote markers, a bullet (`-`, `*`,
 * `+`) or an ordered marker (`1.`, `1)`), and white space, a `[`, one code
 * point (the mark), and a `]`. 1 with the mark's bytes at [*start, *end);
 * 0 when the line has no box there. */
int task_box_find(const char *line, size_t len, size_t *start, size_t *end);

/* The mark that means `status` in files of `dialect`, under the user's rules
 * `map` (may be NULL) and the defaults: the first mark, the user's rules
 * first (the latest first), whose meaning in that dialect is `status`.
 * 1 with the mark (UTF-8, NUL-terminated) in mark[8]; 0 when no mark means it. */
int task_status_mark(task_dialect dialect, const task_status_map *map, const char *status,
                     char mark[8]);

#ifdef __cplusplus
}
#endif

#endif
