/* statement.h - one line of dependency prose read as sentences.
 *
 * A line is cut into a label and clauses before anything is resolved:
 *
 *   Foundational (Phase 2): Depends on Setup completion - BLOCKS all user stories
 *   `--------label--------`  `------clause 1-------`     `------clause 2------`
 *
 *   T014 depends on T010–T012; T015 depends on T014
 *   `-------clause 1--------`  `-----clause 2-----`
 *
 * Each clause has a subject, an ordering word and an object. A subject left
 * empty (`Depends on Setup`, `and blocks every user story`) is the label's,
 * or the clause before's, or the task's the line belongs to: resolving it is
 * the caller's. Segments that say there is no order (`can run in parallel`,
 * `No dependencies on other stories`) or only suggest one (`recommended`,
 * `ideally`) give no clause. Nothing here knows tasks: see side_resolve.h. */
#ifndef TASKS_DEPS_STATEMENT_H
#define TASKS_DEPS_STATEMENT_H

#include <stddef.h>

#define STATEMENT_MAX_CLAUSES 16

typedef enum phrase_order {
    ORDER_LEFT_FIRST, /* `A blocks B`, `A before B`, `A → B`: B waits for A */
    ORDER_RIGHT_FIRST /* `A depends on B`, `A after B`, `A ← B`: A waits for B */
} phrase_order;

typedef struct text_part {
    size_t start, len; /* len 0: none (for a subject: inherited) */
} text_part;

typedef struct clause {
    text_part subject;
    text_part object;
    phrase_order order;
    int uncut;      /* two ordering words with nothing to tell their sides apart */
    int arrow;      /* the ordering word is an arrow (`→`, `->`) */
    text_part lead; /* what the segment before said without an ordering word
                     * (`Phase 5 (US3) - Can start after Phase 3`): what a
                     * subject that only carries the sentence is about */
} clause;

typedef struct statement {
    text_part label;    /* what stands before a colon, when it is no clause itself */
    text_part rest;     /* what stands after that colon */
    int label_relation; /* the label is `Depends on:`, `Blocked by:`: what follows is its object */
    phrase_order label_order;
    clause clauses[STATEMENT_MAX_CLAUSES];
    int n_clauses;
    int ordering_words; /* ordering words seen outside parentheses */
    int says_no_order;  /* a segment says there is none */
    int hedged;         /* a segment only suggests an order */
    int start_said;     /* a clause said when something can start */
} statement;

/* Reads `text` (plain text, markup flattened). */
void statement_read(const char *text, size_t len, statement *out);

/* 0 when statement_read() would find no clause in the text: it opens with no
 * relation label (`Depends on:`) and holds no ordering word. Much cheaper
 * than reading it; 1 says only that it may hold one. */
int statement_may_order(const char *text, size_t len);

/* 1 when the text only suggests (`recommended`, `ideally`, `optional`):
 * `### User Story Dependency Graph (recommended)`. */
int statement_only_suggests(const char *text, size_t len);

/* How long the head of the text is: what stands before its first segment
 * break or ordering word (`Phase 5 (US3)` of `Phase 5 (US3) - Can start
 * after Phase 3`); `len` when there is neither. */
size_t statement_head(const char *text, size_t len);

/* The items of a list (`Phase 2 + US1/US2`, `Phase 2 完了、最低 US1 完了`,
 * `Extends US2 task model - recommend completing US2 first`): cut at `,`,
 * `、`, ` + `, `;`, ` - `, leaving out those that only suggest (`US1
 * 推奨`) or say there is no order. Returns how many, at most `max`. */
int statement_list_items(const char *text, size_t len, text_part *items, int max);

/* 1 when the text opens with an ordering word or a relation label
 * (`depends on T012`, `after T003`, `Blocked by: 2`), or holds a postfix one
 * (`2.1の完了後`): a bracket on a task's line that states its order. */
int statement_opens_with_order(const char *text, size_t len);

/* 1 when the text names something a task list orders: an id (`T004`,
 * `1.2`), a phase, step, story or task word. Such a side that resolves to
 * nothing is a statement not understood; other text (`ai-provider`, `Node
 * 20`) names something outside the file. */
int statement_names_tasks(const char *text, size_t len);

#endif
