/* markdown_walk.c - the md4c callbacks.
 *
 * md4c decides the block structure; this file only listens. A list item is a
 * task when md4c says so ([ ], [x], [X]) or, for the other marks md4c does not
 * know ([/], [-], [✅]), when the item's very first inline content is text that
 * starts, in the source bytes, with a one-code-point box. Anything under a
 * block quote is an example, never a task; code, HTML blocks and tables never
 * contain list items at all.
 */
#define _GNU_SOURCE /* memmem */
#include "markdown_walk.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json_array.h"
#include "line_counter.h"
#include "step_heading.h"
#include "task_files.h"
#include "task_line.h"
#include "text_buffer.h"
#include "utf8.h"
#include "text_scan.h"
#include "wave_block.h"
#include "../base/array_grow.h"

/* Whether a list item is a task is known only once its first content shows:
 * a box md4c found still needs a paragraph after it (`- [x]` over `===` is a
 * heading), and a box md4c does not know needs the item's first text. */
typedef enum pending_kind { PENDING_NONE, PENDING_TEXT, PENDING_BOX } pending_kind;

typedef struct li_frame {
    int task; /* index of the task this item is, or -1 */
    pending_kind pending;
    size_t box_mark;    /* PENDING_BOX: offset of md4c's mark */
    int parallel_group; /* this item is `Execute in parallel:` (its number), or 0 */
} li_frame;

typedef enum capture_kind {
    CAPTURE_NONE,
    CAPTURE_TASK,
    CAPTURE_PHRASE,
    CAPTURE_NOTE,
    CAPTURE_FIELD, /* a line outside tasks, kept when it is `Dependencies: ...` */
    CAPTURE_ROW,   /* a table row of a dependency section */
    CAPTURE_CODE   /* a code block: a {"waves": ...} graph, or lines of a dependency section */
} capture_kind;

typedef struct walker {
    const char *bytes;
    size_t size;
    size_t body_start; /* where the bytes handed to md4c begin */
    line_counter lines;
    task_document *doc;
    tasks_arena *arena;
    int failed;
    int prose;   /* keep the lines the dependency reader reads (TASK_PART_PROSE) */
    int details; /* make tags_json and files_json (TASK_PART_DETAILS) */

    int quote_depth;
    int table_depth;
    int verbatim_depth; /* code and HTML blocks */
    li_frame *li;
    int li_depth;
    size_t li_cap;

    int in_heading, heading_level;
    uint32_t heading_line;
    text_buffer heading;

    const char *section, *h2, *step_number, *step_name;
    int step_level, step_index, dep_level;
    int want_h1;

    capture_kind capture;
    int capture_task;
    int capture_has_text;
    size_t box_end;
    size_t capture_end; /* just past the last source byte of captured text */
    uint32_t capture_line, capture_last_line;
    text_buffer text;

    int note_task;       /* CAPTURE_NOTE: the task the note belongs to */
    int parallel_groups; /* `Execute in parallel:` items so far */
    int heading_at[7];   /* per level, the index of the latest heading, or -1 */
    int heading_index;   /* the closest heading above, or -1 */
    int blocks;          /* tables and code blocks of dependency sections so far */
    int code_in_deps;    /* the code block being captured is in a dependency section */
    int row_is_header;   /* the table row being captured is in the header */
    int row_cells;       /* cells of that row so far */
    size_t cap_tasks, cap_phrases, cap_steps, cap_notes, cap_wave_blocks, cap_headings;
} walker;

static const char *arena_repaired(walker *w, const char *bytes, size_t len)
{
    while (len && (bytes[len - 1] == ' ' || bytes[len - 1] == '\t'))
        len--;
    while (len && (*bytes == ' ' || *bytes == '\t')) {
        bytes++;
        len--;
    }
    const char *copy = utf8_arena_repaired(w->arena, bytes, len);
    if (!copy) w->failed = 1;
    return copy;
}

static size_t offset_of(const walker *w, const char *p)
{
    if (p >= w->bytes && p <= w->bytes + w->size) return (size_t)(p - w->bytes);
    return (size_t)-1;
}

/* ---- tasks ---------------------------------------------------------------- */

static const char *tags_json(walker *w, const char *text, const task_markers *m)
{
    const char *starts[TASK_LINE_MAX_TAGS];
    size_t lens[TASK_LINE_MAX_TAGS];
    for (int i = 0; i < m->n_tags; i++) {
        starts[i] = text + m->tags[i].start;
        lens[i] = m->tags[i].len;
    }
    const char *json = json_string_array(w->arena, starts, lens, m->n_tags);
    if (!json) w->failed = 1;
    return json;
}

/* Obsidian Tasks names a task with `🆔 abc` anywhere on its line. */
static void obsidian_id(walker *w, task_record *t, const char *text)
{
    const char *mark = strstr(text, "\xF0\x9F\x86\x94");
    if (!mark) return;
    const char *id = mark + 4;
    while (*id == ' ')
        id++;
    size_t n = strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
    if (n == 0) return;
    t->id = tasks_arena_strndup(w->arena, id, n);
    if (!t->id) w->failed = 1;
}

static void finish_task(walker *w)
{
    task_record *t = &w->doc->tasks[w->capture_task];
    const char *text = arena_repaired(w, w->text.data ? w->text.data : "", w->text.len);
    if (!text) return;
    t->text = text;
    t->end_line = w->capture_has_text ? w->capture_last_line : t->line;
    task_markers m;
    size_t len = strlen(text);
    task_markers_parse(text, len, &m);
    if (m.id.len) {
        t->id = tasks_arena_strndup(w->arena, text + m.id.start, m.id.len);
        if (!t->id) w->failed = 1;
    } else {
        obsidian_id(w, t, text);
    }
    t->parallel = m.parallel;
    t->optional |= m.optional;
    t->title = text + m.title_start;
    if (m.title_end < len) { /* a trailing `(P)` is a marker, not title */
        t->title = tasks_arena_strndup(w->arena, text + m.title_start, m.title_end - m.title_start);
        if (!t->title) w->failed = 1;
    }
    if (w->details) {
        size_t raw_end = w->capture_end > w->box_end ? w->capture_end : w->box_end;
        t->files_json = task_files_json(w->arena, w->bytes + w->box_end, raw_end - w->box_end);
        if (!t->files_json) w->failed = 1;
        t->tags_json = tags_json(w, text, &m);
    }
    if (m.story_tag >= 0) {
        text_span s = m.tags[m.story_tag];
        t->story = tasks_arena_strndup(w->arena, text + s.start, s.len);
        if (!t->story) w->failed = 1;
    }
}

static task_status status_of_mark(uint32_t mark)
{
    switch (mark) {
    case ' ':
        return TASK_STATUS_TODO;
    case 'x':
    case 'X':
        return TASK_STATUS_DONE;
    case '/':
        return TASK_STATUS_IN_PROGRESS;
    case '-':
        return TASK_STATUS_CANCELLED;
    default:
        return TASK_STATUS_OTHER;
    }
}

/* Records a task whose box's mark starts at `mark_offset`; `box_end` is where
 * its text starts in the source. */
static void start_task(walker *w, size_t mark_offset, size_t box_end, int optional)
{
    task_document *doc = w->doc;
    if (!grow_array((void **)&doc->tasks, &w->cap_tasks, doc->n_tasks, sizeof(task_record))) {
        w->failed = 1;
        return;
    }
    task_record *t = &doc->tasks[doc->n_tasks];
    memset(t, 0, sizeof(*t));
    /* The task's line is its list marker's: back from the box over blanks. */
    size_t marker = mark_offset - 1;
    while (marker > w->body_start && strchr(" \t\r\n", w->bytes[marker - 1]))
        marker--;
    t->line = line_counter_line_at(&w->lines, marker > w->body_start ? marker - 1 : marker);
    uint32_t cp;
    size_t n = utf8_decode(w->bytes + mark_offset, w->size - mark_offset, &cp);
    if (cp == '\t') cp = ' '; /* GFM reads any blank in the box as open */
    memcpy(t->mark, cp == ' ' ? " " : w->bytes + mark_offset, cp == ' ' ? 1 : n);
    t->status = status_of_mark(cp);
    t->optional = optional;
    t->step = w->step_number;
    t->step_name = w->step_number ? w->step_name : w->h2;
    t->step_index = w->step_number ? w->step_index : 0;
    t->section = w->section;
    t->heading = w->heading_index;
    t->parent = -1;
    /* A task directly under `Execute in parallel:` is in that group's wave. */
    if (w->li_depth >= 2) t->parallel_group = w->li[w->li_depth - 2].parallel_group;
    for (int i = w->li_depth - 2; i >= 0; i--) {
        if (w->li[i].task < 0) continue;
        if (t->parent < 0) t->parent = w->li[i].task;
        t->depth++;
    }
    t->tags_json = t->files_json = w->details ? "[]" : NULL;
    t->title = t->text = "";
    w->li[w->li_depth - 1].task = (int)doc->n_tasks;
    w->capture = CAPTURE_TASK;
    w->capture_task = (int)doc->n_tasks;
    w->capture_has_text = 0;
    w->box_end = box_end;
    w->capture_end = box_end;
    text_buffer_clear(&w->text);
    doc->n_tasks++;
}

/* The box of an item md4c did not take for a task: `[c]` with one code point
 * that is not a letter or digit, then a blank, the end, or Kiro's `*`. */
static int box_at(const walker *w, size_t offset, size_t *box_end, int *optional)
{
    const char *s = w->bytes;
    size_t size = w->size;
    if (offset >= size || s[offset] != '[') return 0;
    if (offset > 0 && s[offset - 1] == '\\') return 0; /* `\[x]` is literal text */
    uint32_t cp;
    size_t n = utf8_decode(s + offset + 1, size - offset - 1, &cp);
    if (n == 0 || (cp == UTF8_REPLACEMENT && n == 1)) return 0;
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F || cp == '[' || cp == ']') return 0;
    if (utf8_is_letter_or_digit(cp) && cp != 'x' && cp != 'X') return 0;
    size_t close = offset + 1 + n;
    if (close >= size || s[close] != ']') return 0;
    size_t after = close + 1;
    *optional = 0;
    if (after < size && s[after] == '*') {
        *optional = 1;
        after++;
    }
    if (after < size && s[after] != ' ' && s[after] != '\t' && s[after] != '\n' && s[after] != '\r')
        return 0;
    *box_end = after;
    return 1;
}

/* Settles the innermost item when something other than its first text comes:
 * content (a span, a nested list, the item's end) keeps md4c's box, a block
 * that is not a paragraph (a setext heading, a fence) means no task. */
static void settle_pending(walker *w, int content_follows)
{
    if (w->li_depth == 0) return;
    li_frame *f = &w->li[w->li_depth - 1];
    pending_kind kind = f->pending;
    f->pending = PENDING_NONE;
    if (kind == PENDING_BOX && content_follows) start_task(w, f->box_mark, f->box_mark + 2, 0);
}

/* ---- captured text ------------------------------------------------------- */

/* The captured text as an arena string, NULL when there is none (or on
 * failure, which sets w->failed). */
static const char *captured_text(walker *w)
{
    if (!w->capture_has_text) return NULL;
    const char *text = arena_repaired(w, w->text.data ? w->text.data : "", w->text.len);
    return text && *text ? text : NULL;
}

/* Appends one item to a realloc'd array of the document. */
static void *append_item(walker *w, void **array, size_t *cap, size_t *count, size_t item)
{
    if (!grow_array(array, cap, *count, item)) {
        w->failed = 1;
        return NULL;
    }
    return (char *)*array + (*count)++ * item;
}

static void add_phrase(walker *w, const char *text, uint32_t line, task_phrase_kind kind, int block)
{
    task_document *doc = w->doc;
    task_phrase *phrase = append_item(w, (void **)&doc->phrases, &w->cap_phrases, &doc->n_phrases,
                                      sizeof(task_phrase));
    if (phrase)
        *phrase = (task_phrase){line,  text,
                                kind,  w->heading_index,
                                block, kind == PHRASE_TABLE_ROW && w->row_is_header};
}

static void finish_phrase(walker *w, task_phrase_kind kind)
{
    const char *text = captured_text(w);
    if (!text) return;
    /* A line outside any task is kept only when its label speaks of order:
     * `**Dependencies**: US1`, `Prerequisites: Phase 2`. */
    if (kind == PHRASE_FIELD && !is_dependency_label(text, strlen(text))) return;
    add_phrase(w, text, w->capture_line, kind, kind == PHRASE_TABLE_ROW ? w->blocks : 0);
}

static void finish_note(walker *w)
{
    const char *text = captured_text(w);
    task_document *doc = w->doc;
    task_note *note =
        text ? append_item(w, (void **)&doc->notes, &w->cap_notes, &doc->n_notes, sizeof(task_note))
             : NULL;
    if (note) *note = (task_note){w->note_task, w->capture_line, text};
}

/* Each line of a code block in a dependency section, as written (its
 * columns matter to a drawn tree). */
static void code_lines(walker *w)
{
    const char *p = w->text.data, *end = w->text.data + w->text.len;
    uint32_t line = w->capture_line;
    w->blocks++;
    while (p < end && !w->failed) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t len = (size_t)(stop - p);
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\r'))
            len--;
        if (len) {
            const char *text = utf8_arena_repaired(w->arena, p, len);
            if (!text)
                w->failed = 1;
            else
                add_phrase(w, text, line, PHRASE_CODE_LINE, w->blocks);
        }
        line++;
        p = nl ? nl + 1 : end;
    }
}

static void finish_code(walker *w)
{
    if (!w->capture_has_text) return;
    if (w->code_in_deps) code_lines(w);
    if (!memmem(w->text.data, w->text.len, "\"waves\"", 7)) return;
    task_document *doc = w->doc;
    task_wave_block *block = append_item(w, (void **)&doc->wave_blocks, &w->cap_wave_blocks,
                                         &doc->n_wave_blocks, sizeof(task_wave_block));
    if (block && wave_block_read(w->text.data, w->text.len, w->capture_line, w->arena, block) < 0)
        w->failed = 1;
}

static void end_capture(walker *w)
{
    if (w->capture == CAPTURE_CODE)
        finish_code(w);
    else if (w->capture == CAPTURE_TASK)
        finish_task(w);
    else if (w->capture == CAPTURE_PHRASE)
        finish_phrase(w, PHRASE_SECTION_LINE);
    else if (w->capture == CAPTURE_FIELD)
        finish_phrase(w, PHRASE_FIELD);
    else if (w->capture == CAPTURE_ROW)
        finish_phrase(w, PHRASE_TABLE_ROW);
    else if (w->capture == CAPTURE_NOTE)
        finish_note(w);
    w->capture = CAPTURE_NONE;
}

/* The task whose item we are inside, or -1. */
static int enclosing_task(const walker *w)
{
    for (int i = w->li_depth - 1; i >= 0; i--)
        if (w->li[i].task >= 0) return w->li[i].task;
    return -1;
}

static void start_phrase(walker *w, capture_kind kind)
{
    w->capture = kind;
    w->capture_has_text = 0;
    w->box_end = 0;
    text_buffer_clear(&w->text);
}

static void append_entity(text_buffer *out, const char *s, size_t n)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {{"&amp;", "&"},   {"&lt;", "<"},    {"&gt;", ">"},    {"&quot;", "\""},
                 {"&apos;", "'"},  {"&nbsp;", " "},  {"&rarr;", "→"},  {"&larr;", "←"},
                 {"&mdash;", "—"}, {"&ndash;", "–"}, {"&check;", "✓"}, {NULL, NULL}};
    if (n > 3 && s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        uint32_t cp = (uint32_t)strtoul(s + 2 + hex, NULL, hex ? 16 : 10);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = UTF8_REPLACEMENT;
        text_buffer_append_codepoint(out, cp);
        return;
    }
    for (int i = 0; named[i].name; i++) {
        if (strlen(named[i].name) == n && memcmp(named[i].name, s, n) == 0) {
            text_buffer_append(out, named[i].text, strlen(named[i].text));
            return;
        }
    }
    text_buffer_append(out, s, n);
}

static void append_text(walker *w, text_buffer *out, MD_TEXTTYPE type, const char *text,
                        size_t size)
{
    switch (type) {
    case MD_TEXT_NULLCHAR:
        text_buffer_append_codepoint(out, UTF8_REPLACEMENT);
        break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
        text_buffer_append_char(out, ' ');
        break;
    case MD_TEXT_ENTITY:
        append_entity(out, text, size);
        break;
    case MD_TEXT_HTML:
        break; /* inline tags are markup, not text */
    default:
        text_buffer_append(out, text, size);
        break;
    }
    (void)w;
}

/* ---- headings -------------------------------------------------------------- */

static void finish_heading(walker *w)
{
    const char *text = arena_repaired(w, w->heading.data ? w->heading.data : "", w->heading.len);
    if (!text) return;
    size_t len = strlen(text);
    int level = w->heading_level;
    if (level == 1) {
        w->h2 = NULL;
        if (w->want_h1 && !w->doc->title && *text) w->doc->title = text;
    }
    w->section = text;
    if (level == 2) w->h2 = text;
    if (w->dep_level && level <= w->dep_level) w->dep_level = 0;
    task_document *hdoc = w->doc;
    if (!grow_array((void **)&hdoc->headings, &w->cap_headings, hdoc->n_headings,
                    sizeof(task_heading))) {
        w->failed = 1;
        return;
    }
    int parent = -1;
    for (int l = level - 1; l >= 1 && parent < 0; l--)
        parent = w->heading_at[l];
    hdoc->headings[hdoc->n_headings] = (task_heading){text, w->heading_line, level, parent};
    w->heading_index = (int)hdoc->n_headings++;
    w->heading_at[level] = w->heading_index;
    for (int l = level + 1; l <= 6; l++)
        w->heading_at[l] = -1;
    text_span number, name;
    if (step_heading_parse(text, len, &number, &name)) {
        task_document *doc = w->doc;
        w->step_number = tasks_arena_strndup(w->arena, text + number.start, number.len);
        w->step_name = text + name.start;
        w->step_level = level;
        if (!w->step_number ||
            !grow_array((void **)&doc->steps, &w->cap_steps, doc->n_steps, sizeof(task_step))) {
            w->failed = 1;
            return;
        }
        doc->steps[doc->n_steps++] =
            (task_step){w->step_number, w->step_name, text, w->heading_line};
        w->step_index = (int)doc->n_steps;
    } else {
        if (w->step_level && level <= w->step_level) {
            w->step_number = w->step_name = NULL;
            w->step_level = 0;
        }
        /* An H1 that mentions dependencies titles the whole file. */
        if (level >= 2 && !w->dep_level && is_dependency_heading(text, len)) w->dep_level = level;
    }
}

/* ---- md4c callbacks --------------------------------------------------------- */

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    walker *w = userdata;
    if (type == MD_BLOCK_DOC) return 0;
    if (type == MD_BLOCK_P) {
        /* The first paragraph of a task item is its text; a later one is not. */
        if (w->capture == CAPTURE_TASK && w->capture_has_text) end_capture(w);
        return w->failed;
    }
    if (type == MD_BLOCK_UL || type == MD_BLOCK_OL)
        settle_pending(w, 1);
    else if (type != MD_BLOCK_LI)
        settle_pending(w, 0);
    /* A row's cells are one line of the row. */
    if (!(w->capture == CAPTURE_ROW && (type == MD_BLOCK_TH || type == MD_BLOCK_TD)))
        end_capture(w);
    switch (type) {
    case MD_BLOCK_QUOTE:
        w->quote_depth++;
        break;
    case MD_BLOCK_TABLE:
        w->table_depth++;
        if (w->dep_level) w->blocks++;
        break;
    case MD_BLOCK_H:
        if (w->quote_depth == 0) {
            w->in_heading = 1;
            w->heading_level = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
            text_buffer_clear(&w->heading);
            w->heading_line = 0;
        }
        break;
    case MD_BLOCK_CODE:
        w->verbatim_depth++;
        w->code_in_deps = w->dep_level != 0;
        if (w->quote_depth == 0 && w->prose) start_phrase(w, CAPTURE_CODE);
        break;
    case MD_BLOCK_THEAD:
        w->row_is_header = 1;
        break;
    case MD_BLOCK_TBODY:
        w->row_is_header = 0;
        break;
    case MD_BLOCK_TR:
        if (w->dep_level && w->quote_depth == 0 && w->prose) {
            start_phrase(w, CAPTURE_ROW);
            w->row_cells = 0;
        }
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        /* cells of a row are joined by ` | `; the row is one line */
        if (w->capture == CAPTURE_ROW && w->row_cells++ > 0) text_buffer_append(&w->text, " | ", 3);
        break;
    case MD_BLOCK_HTML:
        w->verbatim_depth++;
        break;
    case MD_BLOCK_LI: {
        if (!grow_array((void **)&w->li, &w->li_cap, (size_t)w->li_depth, sizeof(li_frame))) {
            w->failed = 1;
            break;
        }
        li_frame *f = &w->li[w->li_depth++];
        f->task = -1;
        f->pending = PENDING_NONE;
        f->parallel_group = 0;
        if (w->quote_depth > 0 || w->table_depth > 0) break;
        MD_BLOCK_LI_DETAIL *li = detail;
        /* md4c's offset counts from the start of what it was given. */
        size_t mark = w->body_start + li->task_mark_offset;
        if (li->is_task && mark < w->size) {
            f->pending = PENDING_BOX;
            f->box_mark = mark;
        } else {
            f->pending = PENDING_TEXT;
        }
        break;
    }
    default:
        break;
    }
    return w->failed;
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    walker *w = userdata;
    (void)detail;
    switch (type) {
    case MD_BLOCK_P:
        end_capture(w);
        break;
    case MD_BLOCK_QUOTE:
        end_capture(w);
        w->quote_depth--;
        break;
    case MD_BLOCK_TABLE:
        w->table_depth--;
        break;
    case MD_BLOCK_TR:
        if (w->capture == CAPTURE_ROW) end_capture(w);
        break;
    case MD_BLOCK_CODE:
        end_capture(w);
        w->verbatim_depth--;
        break;
    case MD_BLOCK_HTML:
        w->verbatim_depth--;
        break;
    case MD_BLOCK_H:
        if (w->in_heading) {
            w->in_heading = 0;
            finish_heading(w);
        }
        break;
    case MD_BLOCK_LI:
        settle_pending(w, 1); /* `- [ ]` with nothing after is an empty task */
        end_capture(w);
        if (w->li_depth > 0) w->li_depth--;
        break;
    default:
        break;
    }
    return w->failed;
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    walker *w = userdata;
    (void)type;
    (void)detail;
    if (w->li_depth > 0 && w->li[w->li_depth - 1].pending == PENDING_TEXT)
        settle_pending(w, 0); /* `- **[x]**` or a link: the box is not first */
    else
        settle_pending(w, 1);
    return w->failed;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static void decide_pending(walker *w, MD_TEXTTYPE type, const char *text, size_t size)
{
    li_frame *f = &w->li[w->li_depth - 1];
    if (f->pending == PENDING_BOX) {
        settle_pending(w, 1);
        return;
    }
    f->pending = PENDING_NONE;
    size_t offset = offset_of(w, text);
    size_t box_end;
    int optional;
    if (type == MD_TEXT_NORMAL && offset != (size_t)-1 && box_at(w, offset, &box_end, &optional))
        start_task(w, offset + 1, box_end, optional);
    else if (type == MD_TEXT_NORMAL && memmem(text, size, "Execute in ", 11)) {
        /* a rollout's `- 🔀 Execute in parallel:` or `- 🔗 Execute in sequence:` */
        w->doc->n_execute_groups++;
        if (memmem(text, size, "Execute in parallel", 19)) f->parallel_group = ++w->parallel_groups;
    }
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    walker *w = userdata;
    if (w->in_heading) {
        if (w->heading_line == 0) {
            size_t offset = offset_of(w, text);
            if (offset != (size_t)-1) w->heading_line = line_counter_line_at(&w->lines, offset);
        }
        append_text(w, &w->heading, type, text, size);
        return 0;
    }
    if (w->li_depth > 0 && w->li[w->li_depth - 1].pending) decide_pending(w, type, text, size);
    if (w->capture == CAPTURE_NONE) {
        if (w->quote_depth || w->table_depth || w->verbatim_depth) return w->failed;
        if (w->dep_level) {
            if (!w->prose) return w->failed;
            start_phrase(w, CAPTURE_PHRASE);
        } else if ((w->note_task = enclosing_task(w)) >= 0) {
            start_phrase(w, CAPTURE_NOTE);
        } else {
            if (!w->prose) return w->failed;
            start_phrase(w, CAPTURE_FIELD); /* kept if it is `Dependencies: ...` */
        }
    }
    if ((w->capture == CAPTURE_PHRASE || w->capture == CAPTURE_NOTE ||
         w->capture == CAPTURE_FIELD) &&
        (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)) {
        /* Each source line of a dependency section, or under a task, is a
         * line of its own. */
        capture_kind kind = w->capture;
        end_capture(w);
        start_phrase(w, kind);
        return w->failed;
    }
    size_t offset = offset_of(w, text);
    if (offset != (size_t)-1 && w->box_end > offset) {
        size_t skip = w->box_end - offset;
        if (skip >= size) return 0;
        text += skip;
        size -= (MD_SIZE)skip;
        offset += skip;
    }
    if (offset != (size_t)-1 && type != MD_TEXT_SOFTBR && type != MD_TEXT_BR) {
        uint32_t line = line_counter_line_at(&w->lines, offset);
        /* Line breaks md4c gave before this (a code block's blank first
         * lines come as text with no place in the file) are lines of the
         * capture too: it starts that many lines earlier. */
        if (!w->capture_has_text) {
            uint32_t before = 0;
            for (size_t i = 0; i < w->text.len; i++)
                before += w->text.data[i] == '\n';
            w->capture_line = line > before ? line - before : 1;
        }
        w->capture_last_line = line;
        if (offset + size > w->capture_end && offset + size <= w->size)
            w->capture_end = offset + size;
        w->capture_has_text = 1;
    }
    append_text(w, &w->text, type, text, size);
    if (w->text.failed) w->failed = 1;
    return w->failed;
}

int markdown_walk(const char *bytes, size_t size, size_t body_start, int want_h1,
                  task_document *doc)
{
    walker w;
    memset(&w, 0, sizeof w);
    w.bytes = bytes;
    w.size = size;
    w.body_start = body_start;
    w.doc = doc;
    w.arena = doc->arena;
    w.want_h1 = want_h1;
    w.prose = !(doc->omitted & TASK_PART_PROSE);
    w.details = !(doc->omitted & TASK_PART_DETAILS);
    line_counter_init(&w.lines, bytes, size);
    w.heading_index = -1;
    for (int l = 0; l <= 6; l++)
        w.heading_at[l] = -1;
    text_buffer_init(&w.heading);
    text_buffer_init(&w.text);

    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.flags = MARKDOWN_WALK_MD4C_FLAGS;
    parser.enter_block = on_enter_block;
    parser.leave_block = on_leave_block;
    parser.enter_span = on_enter_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;
    int rc = md_parse(bytes + body_start, (MD_SIZE)(size - body_start), &parser, &w);
    end_capture(&w);
    /* The arrays doubled as they filled; a document that is kept (cached, or
     * held by a join's index) keeps only what it uses. */
    array_fit((void **)&doc->tasks, doc->n_tasks, sizeof(task_record));
    array_fit((void **)&doc->phrases, doc->n_phrases, sizeof(task_phrase));
    array_fit((void **)&doc->notes, doc->n_notes, sizeof(task_note));
    array_fit((void **)&doc->wave_blocks, doc->n_wave_blocks, sizeof(task_wave_block));
    array_fit((void **)&doc->steps, doc->n_steps, sizeof(task_step));
    array_fit((void **)&doc->headings, doc->n_headings, sizeof(task_heading));
    free(w.li);
    text_buffer_free(&w.heading);
    text_buffer_free(&w.text);
    if (rc != 0 || w.failed || w.heading.failed) return TASKS_PARSE_NOMEM;
    return TASKS_PARSE_OK;
}
