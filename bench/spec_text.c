/* spec_text.c - one spec: front matter, H1, an [INSTRUCTIONS] block quote of
 * example boxes, 3-6 `## Step K` sections of 2-8 tasks, a fenced example and a
 * `## Dependencies` section. Sizes are tuned so a spec averages about 1.25 KB,
 * which is what the Catalyst task lists this benchmark stands for weigh. */
#include "spec_text.h"

#include <stdio.h>

#include "prng.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const nouns[] = {
    "user",    "order", "invoice", "session", "report", "search", "billing", "export",
    "profile", "audit", "cart",    "payment", "notice", "token",  "upload",  "webhook",
};
static const char *const authors[] = {"ana", "ben", "chen", "dara", "eli", "fatima"};
static const char *const step_names[] = {
    "Setup", "Tests First", "Core Implementation", "Integration", "Polish", "Documentation",
};
/* Each takes the noun and a number, in that order. */
static const char *const task_texts[] = {
    "Create model in src/models/%s_%u.py",  "Add endpoint in src/api/%s_%u.py",
    "Contract test in tests/test_%s_%u.py", "Wire %s service %u into the app",
    "Document %s in docs/%s%u.md",
};
static const char *const sub_texts[] = {"Write the migration", "Cover the error path",
                                        "Update the fixtures"};

static const char *pick(prng *p, const char *const *list, size_t n)
{
    return list[prng_range(p, 0, (unsigned)n - 1)];
}

/* A box mark: about half open, the rest done in either case. */
static char pick_mark(prng *p)
{
    unsigned r = prng_range(p, 0, 99);
    return r < 50 ? ' ' : r < 85 ? 'x' : 'X';
}

static void count_task(spec_counts *counts, char mark)
{
    counts->tasks++;
    if (mark == 'x' || mark == 'X') counts->done++;
}

static void write_front(text_out *out, prng *p, unsigned index, char *folder)
{
    const char *a = pick(p, nouns, COUNT(nouns));
    const char *b = pick(p, nouns, COUNT(nouns));
    snprintf(folder, SPEC_FOLDER_MAX, "%05u-%s-%s", index, a, b);
    text_out_printf(out, "---\nid: %s\ntitle: %c%s %s\nauthor: %s\n---\n\n", folder, a[0] - 32,
                    a + 1, b, pick(p, authors, COUNT(authors)));
    text_out_printf(out, "# Tasks: %c%s %s\n\n", a[0] - 32, a + 1, b);
}

/* Examples inside a block quote: boxes that are not tasks. */
static void write_instructions(text_out *out, prng *p)
{
    text_out_printf(out, "> [INSTRUCTIONS]\n> Examples here are not tasks:\n>\n");
    unsigned n = prng_range(p, 1, 3);
    for (unsigned i = 0; i < n; i++)
        text_out_printf(out, "> - [%c] T9%02u Example task\n", pick_mark(p), i);
    text_out_printf(out, "\n");
}

/* Two to eight tasks, skewed low (the smallest of three draws, mean about
 * 3.3) to keep the average file near the target size without losing the
 * occasional long section. */
static unsigned tasks_in_step(prng *p)
{
    unsigned n = prng_range(p, 2, 8);
    for (int draw = 0; draw < 2; draw++) {
        unsigned other = prng_range(p, 2, 8);
        if (other < n) n = other;
    }
    return n;
}

static void write_task(text_out *out, prng *p, unsigned id, spec_counts *counts)
{
    char mark = pick_mark(p);
    count_task(counts, mark);
    text_out_printf(out, "- [%c] T%03u:", mark, id);
    if (prng_percent(p, 30)) text_out_printf(out, " [P]");
    if (prng_percent(p, 25)) text_out_printf(out, " [US%u]", prng_range(p, 1, 3));
    const char *noun = pick(p, nouns, COUNT(nouns));
    unsigned which = prng_range(p, 0, (unsigned)COUNT(task_texts) - 1);
    unsigned number = prng_range(p, 1, 99);
    text_out_printf(out, " ");
    if (which == 4) /* the one text that names the noun twice */
        text_out_printf(out, task_texts[which], noun, noun, number);
    else
        text_out_printf(out, task_texts[which], noun, number);
    text_out_printf(out, "\n");
    if (!prng_percent(p, 5)) return; /* occasional subtasks */
    unsigned subs = prng_range(p, 1, 2);
    for (unsigned s = 1; s <= subs; s++) {
        char sub_mark = pick_mark(p);
        count_task(counts, sub_mark);
        text_out_printf(out, "  - [%c] T%03u.%u: %s\n", sub_mark, id, s,
                        pick(p, sub_texts, COUNT(sub_texts)));
    }
}

/* Example boxes in a fence: code, never tasks. */
static void write_fence(text_out *out, unsigned first, unsigned last)
{
    text_out_printf(out,
                    "Parallel example:\n\n```text\n- [ ] T%03u [P] Example\n"
                    "- [x] T%03u Example\n```\n\n",
                    first, last);
}

static void write_dependencies(text_out *out, prng *p, unsigned last_id)
{
    text_out_printf(out, "## Dependencies\n\n");
    unsigned a = prng_range(p, 1, last_id / 2), b = prng_range(p, a + 1, last_id);
    text_out_printf(out, "- T%03u blocks T%03u, T%03u\n", a, b, last_id);
    unsigned mid = last_id / 2;
    if (mid >= 2)
        text_out_printf(out, "- Tests (T001-T%03u) before implementation (T%03u-T%03u)\n", mid,
                        mid + 1, last_id);
}

void spec_text_make(text_out *out, uint64_t seed, unsigned index, char folder[SPEC_FOLDER_MAX],
                    spec_counts *counts)
{
    prng p;
    prng_seed(&p, seed, index);
    text_out_clear(out);
    write_front(out, &p, index, folder);
    write_instructions(out, &p);
    unsigned steps = prng_range(&p, 3, 6);
    unsigned fence_step = prng_range(&p, 1, steps);
    unsigned id = 0;
    for (unsigned k = 1; k <= steps; k++) {
        text_out_printf(out, "## Step %u: %s\n\n", k, step_names[k - 1]);
        unsigned first = id + 1;
        unsigned n = tasks_in_step(&p);
        for (unsigned t = 0; t < n; t++)
            write_task(out, &p, ++id, counts);
        text_out_printf(out, "\n");
        if (k == fence_step) write_fence(out, first, id);
    }
    write_dependencies(out, &p, id);
}
