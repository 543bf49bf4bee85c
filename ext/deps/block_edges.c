/*
 * block_edges.c - edges from the blocks of a dependency section:
 *
 *   - a table whose header names a relation column (`| Task | Blocked by |`,
 *     `| Story | Depends on |`): each row's first cell waits for that cell;
 *     a row whose middle cell is the relation (`| Task 3 | blocked by |
 *     Task 1, 2 |`) is read as the sentence it spells;
 *   - a Mermaid `graph` / `flowchart`: `T002 & T003 --> T005`, chains, and
 *     nodes named by their labels (`A[T001 Setup] --> B[T002 Build]`);
 *   - any other code block is a drawing: each line is read for its own
 *     arrows (`T001 → T005 → T004`), and a node waits for the nodes its
 *     connectors (`│ ▼ ↓ ┌ ┐ ├ ┼ ─ ◄`) lead up to, or left to, column by
 *     column, as a reader follows the lines of the drawing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/array_grow.h"
#include "../parse/text_scan.h"
#include "../parse/utf8.h"
#include "statement_edges.h"

/* ---- tables ------------------------------------------------------------- */

/* Header words of a relation column, and the word a row is read with. */
static const struct {
    const char *header;
    const char *as;
} relation_columns[] = {
    {"blocked by", "depends on"}, {"depends on", "depends on"}, {"dependencies", "depends on"},
    {"dependency", "depends on"}, {"depends", "depends on"},    {"prerequisite", "depends on"},
    {"requires", "depends on"},   {"needs", "depends on"},      {"waits for", "depends on"},
    {"after", "depends on"},      {"unblocks", "blocks"},       {"blocks", "blocks"},
    {"required by", "blocks"},    {"enables", "blocks"},
};

/* The cells of a row (`a | b | c`), as spans of `text`. */
static int split_cells(const char *text, text_part *cells, int max)
{
    int n = 0;
    size_t start = 0, len = strlen(text);
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i == len || (i + 3 <= len && memcmp(text + i, " | ", 3) == 0)) {
            cells[n++] = (text_part){start, i - start};
            start = i + 3;
            if (i < len) i += 2;
        }
    }
    return n;
}

static const char *relation_of(const char *text, text_part cell)
{
    for (size_t k = 0; k < sizeof relation_columns / sizeof relation_columns[0]; k++)
        for (size_t i = cell.start; i < cell.start + cell.len; i++)
            if (prefix_nocase(text, cell.start + cell.len, i, relation_columns[k].header))
                return relation_columns[k].as;
    return NULL;
}

/* `None`, `—`, `-`, `N/A`: a cell that names nothing. */
static int is_nothing(const char *text, text_part cell)
{
    static const char *const words[] = {"none",         "n/a",     "-", "\xE2\x80\x94",
                                        "\xE2\x80\x93", "nothing", "",  NULL};
    size_t start = cell.start, end = cell.start + cell.len;
    while (start < end && (text[start] == ' ' || text[start] == '*' || text[start] == '_'))
        start++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '*' || text[end - 1] == '_'))
        end--;
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == end - start && prefix_nocase(text, end, start, *w) == end - start)
            return 1;
    return 0;
}

static void read_text(graph_builder *b, const task_phrase *ph, const char *text)
{
    statement_context c = {.line = ph->line, .source = ph->text, .task = -1, .flags = SIDE_BY_NAME};
    read_statement(b, &c, text, strlen(text));
}

static void table_edges(graph_builder *b, const task_phrase *rows, size_t n)
{
    enum { MAX_CELLS = 32 };
    text_part head[MAX_CELLS];
    int n_head = 0;
    const char *head_text = NULL;
    for (size_t r = 0; r < n && !b->failed; r++) {
        const task_phrase *ph = &rows[r];
        if (ph->header) {
            head_text = ph->text;
            n_head = split_cells(ph->text, head, MAX_CELLS);
            continue;
        }
        text_part cells[MAX_CELLS];
        int n_cells = split_cells(ph->text, cells, MAX_CELLS);
        for (int k = 1; k < n_cells && k < n_head; k++) {
            const char *as = relation_of(head_text, head[k]);
            if (!as || cells[k].len == 0 || is_nothing(ph->text, cells[k])) continue;
            /* `<first cell>: depends on <this cell>`, or `<first cell>: <this
             * cell>` when the cell says it itself (`Depends on US1, US2`) */
            size_t size = cells[0].len + cells[k].len + 32;
            char *text = malloc(size);
            if (!text) {
                b->failed = 1;
                return;
            }
            statement st;
            statement_read(ph->text + cells[k].start, cells[k].len, &st);
            int says_it = st.ordering_words > 0 || st.label_relation;
            snprintf(text, size, "%.*s: %s %.*s", (int)cells[0].len, ph->text + cells[0].start,
                     says_it ? "" : as, (int)cells[k].len, ph->text + cells[k].start);
            read_text(b, ph, text);
            free(text);
        }
        /* `| Task 3 | blocked by | Task 1, 2 |`: a middle cell is the word
         * (in a table whose header names no relation column) */
        int header_relation = 0;
        for (int k = 1; k < n_head; k++)
            header_relation |= relation_of(head_text, head[k]) != NULL;
        for (int k = 1; k + 1 < n_cells && !header_relation; k++) {
            if (!relation_of(ph->text, cells[k]) || cells[k].len > 16) continue;
            size_t len = strlen(ph->text);
            char *text = malloc(len + 1);
            if (!text) {
                b->failed = 1;
                return;
            }
            size_t out = 0;
            for (size_t i = 0; i < len; i++) {
                if (i + 3 <= len && memcmp(ph->text + i, " | ", 3) == 0) {
                    text[out++] = ' ';
                    i += 2;
                } else {
                    text[out++] = ph->text[i];
                }
            }
            text[out] = '\0';
            read_text(b, ph, text);
            free(text);
            break;
        }
    }
}

/* ---- Mermaid ------------------------------------------------------------ */

static int starts_word(const char *s, const char *word)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(word);
    return strncmp(s, word, n) == 0 && (s[n] == '\0' || s[n] == ' ' || s[n] == ';');
}

static int is_mermaid(const task_phrase *lines, size_t n)
{
    return n > 0 &&
           (starts_word(lines[0].text, "graph") || starts_word(lines[0].text, "flowchart"));
}

static int is_node_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-' || (unsigned char)c >= 0x80;
}

/* The label of node `id` defined anywhere in the block (`A[T001 Setup]`). */
static const char *node_label(const task_phrase *lines, size_t n, const char *node, size_t id_len,
                              size_t *label_len)
{
    /* The id alone, as a string: `node` runs on to the end of its line. */
    char id[64];
    if (id_len == 0 || id_len >= sizeof id) return NULL;
    memcpy(id, node, id_len);
    id[id_len] = '\0';
    for (size_t l = 0; l < n; l++) {
        const char *t = lines[l].text;
        for (const char *p = strstr(t, id); p; p = strstr(p + 1, id)) {
            if (p > t && is_node_char(p[-1])) continue;
            const char *open = p + id_len;
            char close = *open == '[' ? ']' : *open == '(' ? ')' : *open == '{' ? '}' : 0;
            if (!close) continue;
            while (*open == '[' || *open == '(' || *open == '{')
                open++;
            const char *end = strchr(open, close);
            if (!end) continue;
            *label_len = (size_t)(end - open);
            return open;
        }
    }
    return NULL;
}

/* One Mermaid line, rewritten as a sentence: links become `→`, nodes the
 * label they were given where that names tasks, link texts dropped. */
static char *mermaid_sentence(const task_phrase *lines, size_t n, const char *t)
{
    size_t len = strlen(t), cap = len * 4 + 64, out = 0;
    char *s = malloc(cap);
    if (!s) return NULL;
    for (size_t i = 0; i < len && out + 8 < cap;) {
        static const char *const links[] = {"-.->", "--->", "-->", "==>", NULL};
        size_t link = 0;
        for (const char *const *k = links; *k && !link; k++)
            if (strncmp(t + i, *k, strlen(*k)) == 0) link = strlen(*k);
        if (link) {
            memcpy(s + out, " \xE2\x86\x92 ", 5);
            out += 5;
            i += link;
            if (t[i] == '|') { /* -->|label| */
                const char *end = strchr(t + i + 1, '|');
                i = end ? (size_t)(end - t) + 1 : len;
            }
            continue;
        }
        if (is_node_char(t[i]) && (i == 0 || !is_node_char(t[i - 1]))) {
            size_t k = i;
            while (k < len && is_node_char(t[k]) &&
                   !(t[k] == '-' && (t[k + 1] == '-' || t[k + 1] == '.')))
                k++;
            if (k == i) { /* `--` or `-.` that is no link: a character, not a node */
                s[out++] = t[i++];
                continue;
            }
            size_t label_len = 0;
            const char *label = node_label(lines, n, t + i, k - i, &label_len);
            const char *use = t + i;
            size_t use_len = k - i;
            if (label && statement_names_tasks(label, label_len)) {
                use = label;
                use_len = label_len;
            }
            if (out + use_len + 8 >= cap) break;
            memcpy(s + out, use, use_len);
            out += use_len;
            i = k;
            /* skip this node's own label brackets */
            if (i < len && (t[i] == '[' || t[i] == '(' || t[i] == '{')) {
                char close = t[i] == '[' ? ']' : t[i] == '(' ? ')' : '}';
                const char *end = strchr(t + i, close);
                i = end ? (size_t)(end - t) + 1 : len;
                while (i < len && (t[i] == ']' || t[i] == ')' || t[i] == '}'))
                    i++;
            }
            continue;
        }
        s[out++] = t[i++];
    }
    s[out] = '\0';
    return s;
}

static void mermaid_edges(graph_builder *b, const task_phrase *lines, size_t n)
{
    static const char *const skip[] = {"graph",     "flowchart", "subgraph", "end",
                                       "style",     "classDef",  "class",    "click",
                                       "linkStyle", "direction", NULL};
    for (size_t l = 0; l < n && !b->failed; l++) {
        const char *t = lines[l].text;
        int skipped = strstr(t, "%%") != NULL;
        for (const char *const *k = skip; *k && !skipped; k++)
            skipped = starts_word(t, *k);
        if (skipped) continue;
        char *sentence = mermaid_sentence(lines, n, t);
        if (!sentence) {
            b->failed = 1;
            return;
        }
        statement_context c = {.line = lines[l].line,
                               .source = t,
                               .task = -1,
                               .flags = SIDE_BY_NAME,
                               .quiet = 1,
                               .silent = 1};
        read_statement(b, &c, sentence, strlen(sentence));
        free(sentence);
    }
}

/* ---- drawings ----------------------------------------------------------- */

enum { UP = 1, DOWN = 2, LEFT = 4, RIGHT = 8 };

/* Which ways a drawing character connects; 0 for text. */
static int connects(uint32_t cp)
{
    switch (cp) {
    case 0x2502:
    case 0x2503:
    case '|': /* │ ┃ */
    case 0x25BC:
    case 0x2193:
    case 0x2B07: /* ▼ ↓ ⬇ */
        return UP | DOWN;
    case 0x2500:
    case 0x2501:
    case 0x2550: /* ─ ━ ═ */
    case 0x25BA:
    case 0x25B6:
    case 0x2192: /* ► ▶ → */
    case 0x25C4:
    case 0x25C0:
    case 0x2190: /* ◄ ◀ ← */
        return LEFT | RIGHT;
    case 0x250C:
        return DOWN | RIGHT; /* ┌ */
    case 0x2510:
        return DOWN | LEFT; /* ┐ */
    case 0x2514:
        return UP | RIGHT; /* └ */
    case 0x2518:
        return UP | LEFT; /* ┘ */
    case 0x251C:
        return UP | DOWN | RIGHT; /* ├ */
    case 0x2524:
        return UP | DOWN | LEFT; /* ┤ */
    case 0x252C:
        return LEFT | RIGHT | DOWN; /* ┬ */
    case 0x2534:
        return LEFT | RIGHT | UP; /* ┴ */
    case 0x253C:
        return UP | DOWN | LEFT | RIGHT; /* ┼ */
    default:
        return 0;
    }
}

typedef struct grid_line {
    uint32_t *cells; /* code points, one per column */
    int *node;       /* per column: index of the node drawn there, or -1 */
    size_t n;
} grid_line;

typedef struct drawn_node {
    size_t line; /* index into the block's lines */
    side_result side;
    int parallel; /* `Phase 9 - can parallel with Phase 8`: not ordered where drawn */
    int stated;   /* the earliest task of what its own text says it waits for
                   * (`Phase 5 (US3) - Can start after Phase 3`), or -1 */
} drawn_node;

typedef struct drawing {
    grid_line *lines;
    size_t n_lines;
    drawn_node *nodes;
    size_t n_nodes, cap_nodes;
} drawing;

static uint32_t cell_at(const drawing *d, long r, long c)
{
    if (r < 0 || (size_t)r >= d->n_lines || c < 0 || (size_t)c >= d->lines[r].n) return ' ';
    return d->lines[r].cells[c];
}

static int node_at(const drawing *d, long r, long c)
{
    if (r < 0 || (size_t)r >= d->n_lines || c < 0 || (size_t)c >= d->lines[r].n) return -1;
    return d->lines[r].node[c];
}

/* The first task, in document order, of what a node's own text says it
 * waits for (`- Can start after Phase 3`), or -1. */
static int stated_start(graph_builder *b, const statement_context *c, const char *text,
                        const statement *st)
{
    int first = -1;
    for (int k = 0; k < st->n_clauses && !b->failed; k++) {
        const clause *cl = &st->clauses[k];
        if (cl->order != ORDER_RIGHT_FIRST || cl->uncut) continue;
        side_result object = {0};
        resolve_part(b, c, text, cl->object, &object);
        for (size_t i = 0; i < object.set.n; i++)
            if (first < 0 || object.set.tasks[i] < first) first = object.set.tasks[i];
        task_set_free(&object.set);
    }
    return first;
}

/* Cuts line `l` into nodes: runs of text between connectors and wide gaps,
 * each resolved to tasks; text that names none is no node. */
static void find_nodes(graph_builder *b, drawing *d, size_t l, const task_phrase *ph)
{
    grid_line *g = &d->lines[l];
    size_t c = 0;
    while (c < g->n && !b->failed) {
        if (g->cells[c] == ' ' || connects(g->cells[c])) {
            c++;
            continue;
        }
        size_t start = c, end = c;
        while (end < g->n && !connects(g->cells[end]) &&
               !(g->cells[end] == ' ' && (end + 1 >= g->n || g->cells[end + 1] == ' ')))
            end++;
        /* the node's text, as UTF-8 */
        char text[512];
        size_t out = 0;
        for (size_t k = start; k < end && out + 4 < sizeof text; k++) {
            char buf[4];
            uint32_t cp = g->cells[k];
            size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (n == 1)
                buf[0] = (char)cp;
            else if (n == 2)
                buf[0] = (char)(0xC0 | (cp >> 6)), buf[1] = (char)(0x80 | (cp & 0x3F));
            else if (n == 3)
                buf[0] = (char)(0xE0 | (cp >> 12)), buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
                buf[2] = (char)(0x80 | (cp & 0x3F));
            else
                buf[0] = (char)(0xF0 | (cp >> 18)), buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
                buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), buf[3] = (char)(0x80 | (cp & 0x3F));
            memcpy(text + out, buf, n);
            out += n;
        }
        text[out] = '\0';
        drawn_node node = {l, {0}, 0, -1};
        statement_context ctx = {.line = ph->line,
                                 .source = ph->text,
                                 .task = -1,
                                 .flags = SIDE_BY_NAME,
                                 .quiet = 1,
                                 .silent = 1};
        /* `Phase 5 (US3) - Can start after Phase 3`: the node is its head;
         * the rest is a statement, read with the line's arrows below */
        size_t head = statement_head(text, out);
        if (head < out) {
            statement rest;
            statement_read(text + head, out - head, &rest);
            node.parallel = rest.says_no_order;
            node.stated = stated_start(b, &ctx, text + head, &rest);
        }
        if (statement_names_tasks(text, head))
            resolve_part(b, &ctx, text, (text_part){0, head}, &node.side);
        else if (statement_names_tasks(text, out))
            resolve_part(b, &ctx, text, (text_part){0, out}, &node.side);
        if (resolved(&node.side) && node.side.set.n > 0 &&
            grow_array((void **)&d->nodes, &d->cap_nodes, d->n_nodes, sizeof(drawn_node))) {
            for (size_t k = start; k < end; k++)
                g->node[k] = (int)d->n_nodes;
            d->nodes[d->n_nodes++] = node;
        } else {
            task_set_free(&node.side.set);
        }
        c = end;
    }
}

/* Follows connectors from (r, c), never downwards, and marks every node
 * reached in `found` (a node reached is a predecessor). */
static void follow(const drawing *d, long r, long c, unsigned char *seen, size_t width,
                   unsigned char *found, int self)
{
    typedef struct {
        long r, c;
    } cell;
    size_t cap = 64, n = 0;
    cell *stack = malloc(cap * sizeof(cell));
    if (!stack) return;
    stack[n++] = (cell){r, c};
    while (n > 0) {
        cell at = stack[--n];
        if (at.r < 0 || (size_t)at.r >= d->n_lines || at.c < 0 || (size_t)at.c >= width) continue;
        size_t key = (size_t)at.r * width + (size_t)at.c;
        if (seen[key]) continue;
        seen[key] = 1;
        int node = node_at(d, at.r, at.c);
        if (node >= 0) {
            if (node != self) found[node] = 1;
            continue;
        }
        int ways = connects(cell_at(d, at.r, at.c));
        cell next[3];
        int k = 0;
        if (ways & UP) next[k++] = (cell){at.r - 1, at.c};
        if (ways & LEFT) next[k++] = (cell){at.r, at.c - 1};
        if (ways & RIGHT) next[k++] = (cell){at.r, at.c + 1};
        for (int i = 0; i < k; i++) {
            if (!grow_array((void **)&stack, &cap, n, sizeof(cell))) {
                free(stack);
                return;
            }
            stack[n++] = next[i];
        }
    }
    free(stack);
}

/* Where a node is drawn yields to what its text says: `- can parallel with
 * Phase 8` under Phase 8; `Phase 5 (US3) - Can start after Phase 3` drawn
 * under Phase 4, when what it names comes before the node drawn above (the
 * drawing lines phases up; the text says what each needs). What the text
 * adds to its place (`├─> Phase 7 [Phase 4に依存]` under Phase 3) does not. */
static int drawn_order_yields(const drawn_node *node, const drawn_node *above)
{
    if (node->parallel) return 1;
    if (node->stated < 0) return 0;
    for (size_t i = 0; i < above->side.set.n; i++)
        if (above->side.set.tasks[i] <= node->stated) return 0;
    return 1;
}

static void drawing_edges(graph_builder *b, const task_phrase *lines, size_t n)
{
    drawing d = {0};
    d.lines = calloc(n, sizeof(grid_line));
    if (!d.lines) {
        b->failed = 1;
        return;
    }
    d.n_lines = n;
    size_t width = 1;
    for (size_t l = 0; l < n && !b->failed; l++) {
        const char *t = lines[l].text;
        size_t len = strlen(t);
        grid_line *g = &d.lines[l];
        g->cells = malloc((len + 1) * sizeof(uint32_t));
        g->node = malloc((len + 1) * sizeof(int));
        if (!g->cells || !g->node) {
            b->failed = 1;
            break;
        }
        /* `↓ (can run in parallel with P2 stories)`: a connector the
         * drawing itself says is no order is no connector */
        statement st;
        statement_read(t, len, &st);
        int no_order = st.says_no_order && st.n_clauses == 0;
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            size_t k = utf8_decode(t + i, len - i, &cp);
            g->node[g->n] = -1;
            g->cells[g->n++] = cp == '\t' || (no_order && connects(cp)) ? ' ' : cp;
            i += k;
        }
        if (g->n > width) width = g->n;
    }
    for (size_t l = 0; l < n && !b->failed; l++)
        find_nodes(b, &d, l, &lines[l]);
    unsigned char *seen = calloc(n * width, 1);
    unsigned char *found = calloc(d.n_nodes + 1, 1);
    if (!seen || !found) b->failed = 1;
    for (size_t k = 0; k < d.n_nodes && !b->failed; k++) {
        const drawn_node *node = &d.nodes[k];
        long r = (long)node->line;
        memset(seen, 0, n * width);
        memset(found, 0, d.n_nodes);
        const grid_line *g = &d.lines[r];
        long first = -1, last = -1;
        for (size_t c = 0; c < g->n; c++)
            if (g->node[c] == (int)k) {
                if (first < 0) first = (long)c;
                last = (long)c;
            }
        /* Above it, column by column; on its left (`A ──► B`, `├── B`);
         * on its right only where an arrow points at it (`B ◄──┤`). */
        for (long c = first; c <= last; c++)
            if (connects(cell_at(&d, r - 1, c)) & DOWN)
                follow(&d, r - 1, c, seen, width, found, (int)k);
        long left = first - 1;
        while (left >= 0 && cell_at(&d, r, left) == ' ')
            left--;
        if (left >= 0 && (connects(cell_at(&d, r, left)) & RIGHT))
            follow(&d, r, left, seen, width, found, (int)k);
        long right = last + 1;
        while ((size_t)right < g->n && cell_at(&d, r, right) == ' ')
            right++;
        uint32_t arrow = cell_at(&d, r, right);
        if (arrow == 0x25C4 || arrow == 0x25C0 || arrow == 0x2190)
            follow(&d, r, right, seen, width, found, (int)k);
        statement_context c = {.line = lines[r].line,
                               .source = lines[r].text,
                               .task = -1,
                               .flags = SIDE_BY_NAME,
                               .quiet = 1,
                               .silent = 1};
        for (size_t p = 0; p < d.n_nodes && !b->failed; p++)
            if (found[p] && !drawn_order_yields(node, &d.nodes[p]))
                link_sides(b, &c, &node->side, &d.nodes[p].side);
    }
    free(seen);
    free(found);
    for (size_t k = 0; k < d.n_nodes; k++)
        task_set_free(&d.nodes[k].side.set);
    free(d.nodes);
    for (size_t l = 0; l < n; l++) {
        free(d.lines[l].cells);
        free(d.lines[l].node);
    }
    free(d.lines);
    /* And what each line says with arrows along it: `T001 → T005`. A
     * drawing is read for what it shows, and gives no issue rows. */
    for (size_t l = 0; l < n && !b->failed; l++) {
        statement_context c = {.line = lines[l].line,
                               .source = lines[l].text,
                               .task = -1,
                               .flags = SIDE_BY_NAME,
                               .quiet = 1,
                               .silent = 1};
        read_statement(b, &c, lines[l].text, strlen(lines[l].text));
    }
}

void add_block_edges(graph_builder *b)
{
    const task_document *doc = b->doc;
    for (size_t i = 0; i < doc->n_phrases && !b->failed;) {
        const task_phrase *ph = &doc->phrases[i];
        if (ph->kind != PHRASE_TABLE_ROW && ph->kind != PHRASE_CODE_LINE) {
            i++;
            continue;
        }
        size_t n = 1;
        while (i + n < doc->n_phrases && doc->phrases[i + n].kind == ph->kind &&
               doc->phrases[i + n].block == ph->block)
            n++;
        if (heading_only_suggests(doc, ph->heading))
            ; /* a drawing of a recommended order states none */
        else if (ph->kind == PHRASE_TABLE_ROW)
            table_edges(b, ph, n);
        else if (is_mermaid(ph, n))
            mermaid_edges(b, ph, n);
        else
            drawing_edges(b, ph, n);
        i += n;
    }
}
