/* story_heading.c - the user story a task belongs to when its line carries
 * no `[USn]` tag but a heading above it names one: spec-kit writes
 * `## Phase 3: User Story 1 - Browse events (Priority: P1)` and often tags
 * only some of the tasks under it. The tag wins where there is one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "document.h"
#include "text_scan.h"

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number after `User Story`, `Story` or `US` standing as words; 0 when
 * the heading names no one story (`User Stories 1-3` names several). */
static unsigned long story_named(const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]))) continue;
        size_t at = 0;
        if (prefix_nocase(text, len, i, "user story "))
            at = i + 11;
        else if (prefix_nocase(text, len, i, "story "))
            at = i + 6;
        else if (i + 2 < len && text[i] == 'U' && text[i + 1] == 'S')
            at = i + 2 + (text[i + 2] == ' ' ? 1 : 0);
        if (!at || at >= len || !is_digit(text[at])) continue;
        unsigned long n = 0;
        size_t j = at;
        while (j < len && is_digit(text[j]) && n < 100000)
            n = n * 10 + (unsigned long)(text[j++] - '0');
        /* `Story 1-3`, `US1/US2`, `Story 12a`: not one story. */
        if (j < len && (is_letter(text[j]) || text[j] == '-' || text[j] == '/' || text[j] == '.' ||
                        text[j] == ',' || text[j] == '&'))
            continue;
        return n;
    }
    return 0;
}

/* The story heading h names, or an ancestor of it: the story text in the
 * arena, NULL for none. Memoised per heading (most tasks share theirs). */
static const char *heading_story(task_document *doc, int h, const char **memo, char *known,
                                 int *failed)
{
    if (h < 0) return NULL;
    if (known[h]) return memo[h];
    const char *story = NULL;
    unsigned long n = story_named(doc->headings[h].text);
    if (n) {
        char text[24];
        int len = snprintf(text, sizeof text, "US%lu", n);
        story = tasks_arena_strndup(doc->arena, text, (size_t)len);
        if (!story) *failed = 1;
    } else {
        story = heading_story(doc, doc->headings[h].parent, memo, known, failed);
    }
    known[h] = 1;
    memo[h] = story;
    return story;
}

int task_document_stories_from_headings(task_document *doc)
{
    if (doc->n_headings == 0) return TASKS_PARSE_OK;
    const char **memo = calloc(doc->n_headings, sizeof(char *));
    char *known = calloc(doc->n_headings, 1);
    int failed = !memo || !known;
    for (size_t t = 0; t < doc->n_tasks && !failed; t++) {
        task_record *task = &doc->tasks[t];
        if (!task->story) task->story = heading_story(doc, task->heading, memo, known, &failed);
    }
    free(memo);
    free(known);
    return failed ? TASKS_PARSE_NOMEM : TASKS_PARSE_OK;
}
