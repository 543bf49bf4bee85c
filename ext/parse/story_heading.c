/* story_heading.c - the user story a task belongs to when its line carries
 * no `[USn]` tag but a heading above it names one: spec-kit writes
 * `## Phase 3: User Story 1 - Browse events (Priority: P1)` and often tags
 * only some of the tasks under it. The tag wins where there is one. */
#include <stdio.h>
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

int task_document_stories_from_headings(task_document *doc)
{
    for (size_t t = 0; t < doc->n_tasks; t++) {
        task_record *task = &doc->tasks[t];
        if (task->story) continue;
        for (int h = task->heading; h >= 0; h = doc->headings[h].parent) {
            unsigned long n = story_named(doc->headings[h].text);
            if (!n) continue;
            char story[24];
            int len = snprintf(story, sizeof story, "US%lu", n);
            task->story = tasks_arena_strndup(doc->arena, story, (size_t)len);
            if (!task->story) return TASKS_PARSE_NOMEM;
            break;
        }
    }
    return TASKS_PARSE_OK;
}
