/* wave_block_read.c - Kiro's {"waves": ...} block with libyaml's event
 * parser: the shape is checked event by event, so an unexpected node is
 * reported with its line instead of silently giving no order. */
#include "wave_block.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text_scan.h"
#include "utf8.h"
#include "../base/array_grow.h"

typedef struct wave_reader {
    yaml_parser_t parser;
    yaml_event_t event;
    int have_event;
    uint32_t first_line;
    tasks_arena *arena;
    task_wave_block *out;
    size_t cap_waves;
    const char **ids; /* the wave being read */
    size_t n_ids, cap_ids;
    int failed; /* out of memory */
} wave_reader;

static const char *event_name(yaml_event_type_t type)
{
    switch (type) {
    case YAML_SCALAR_EVENT:
        return "a value";
    case YAML_SEQUENCE_START_EVENT:
        return "a list";
    case YAML_SEQUENCE_END_EVENT:
        return "the end of a list";
    case YAML_MAPPING_START_EVENT:
        return "an object";
    case YAML_MAPPING_END_EVENT:
        return "the end of an object";
    default:
        return "the end of the block";
    }
}

static uint32_t event_line(const wave_reader *r)
{
    return r->first_line + (uint32_t)r->event.start_mark.line;
}

static void set_error(wave_reader *r, uint32_t line, const char *what)
{
    if (r->out->error) return;
    char message[256];
    snprintf(message, sizeof message, "the \"waves\" block, line %u: %s", line, what);
    r->out->error = utf8_arena_repaired(r->arena, message, strlen(message));
    if (!r->out->error) r->failed = 1;
}

/* Takes the next event into r->event; 0 on a YAML syntax error (reported). */
static int next_event(wave_reader *r)
{
    if (r->have_event) yaml_event_delete(&r->event);
    r->have_event = 0;
    if (!yaml_parser_parse(&r->parser, &r->event)) {
        char what[200];
        snprintf(what, sizeof what, "not valid JSON: %s",
                 r->parser.problem ? r->parser.problem : "syntax error");
        set_error(r, r->first_line + (uint32_t)r->parser.problem_mark.line, what);
        return 0;
    }
    r->have_event = 1;
    return 1;
}

static int expected(wave_reader *r, const char *what)
{
    char message[160];
    snprintf(message, sizeof message, "expected %s, found %s", what, event_name(r->event.type));
    set_error(r, event_line(r), message);
    return 0;
}

/* Skips the node whose first event is r->event (a scalar, or a whole list
 * or object). */
static int skip_node(wave_reader *r)
{
    int depth = 0;
    for (;;) {
        yaml_event_type_t t = r->event.type;
        if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT) depth++;
        if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) depth--;
        if (t == YAML_STREAM_END_EVENT) return 0;
        if (depth <= 0) return 1;
        if (!next_event(r)) return 0;
    }
}

static int scalar_is(const wave_reader *r, const char *text)
{
    return r->event.type == YAML_SCALAR_EVENT && r->event.data.scalar.length == strlen(text) &&
           memcmp(r->event.data.scalar.value, text, strlen(text)) == 0;
}

/* `["1.1", 2]` as the current wave's ids; r->event is the list's start. */
static int read_id_list(wave_reader *r)
{
    if (r->event.type != YAML_SEQUENCE_START_EVENT) return expected(r, "a list of task ids");
    for (;;) {
        if (!next_event(r)) return 0;
        if (r->event.type == YAML_SEQUENCE_END_EVENT) return 1;
        if (r->event.type != YAML_SCALAR_EVENT)
            return expected(r, "a task id (a string or a number)");
        const char *id = utf8_arena_repaired(r->arena, (const char *)r->event.data.scalar.value,
                                             r->event.data.scalar.length);
        if (!id || !grow_array((void **)&r->ids, &r->cap_ids, r->n_ids, sizeof(char *))) {
            r->failed = 1;
            return 0;
        }
        r->ids[r->n_ids++] = id;
    }
}

/* `{"id": 0, "tasks": [...]}`; r->event is the object's start. */
static int read_wave_object(wave_reader *r)
{
    int found = 0;
    uint32_t line = event_line(r);
    for (;;) {
        if (!next_event(r)) return 0;
        if (r->event.type == YAML_MAPPING_END_EVENT) break;
        int is_tasks = scalar_is(r, "tasks");
        if (!skip_node(r) || !next_event(r)) return 0; /* the key, then its value */
        if (is_tasks) {
            if (!read_id_list(r)) return 0;
            found = 1;
        } else if (!skip_node(r)) {
            return 0;
        }
    }
    if (!found) set_error(r, line, "a wave object without a \"tasks\" list");
    return found;
}

static int keep_wave(wave_reader *r)
{
    task_wave_block *out = r->out;
    if (!grow_array((void **)&out->waves, &r->cap_waves, out->n_waves, sizeof(task_wave))) {
        r->failed = 1;
        return 0;
    }
    const char **ids = r->n_ids ? tasks_arena_alloc(r->arena, r->n_ids * sizeof(char *)) : NULL;
    if (r->n_ids && !ids) {
        r->failed = 1;
        return 0;
    }
    if (r->n_ids) memcpy(ids, r->ids, r->n_ids * sizeof(char *));
    out->waves[out->n_waves++] = (task_wave){ids, r->n_ids};
    r->n_ids = 0;
    return 1;
}

/* The list of waves; r->event is its start. */
static int read_waves(wave_reader *r)
{
    if (r->event.type != YAML_SEQUENCE_START_EVENT) return expected(r, "a list of waves");
    for (;;) {
        if (!next_event(r)) return 0;
        if (r->event.type == YAML_SEQUENCE_END_EVENT) return 1;
        int ok = r->event.type == YAML_SEQUENCE_START_EVENT ? read_id_list(r)
                 : r->event.type == YAML_MAPPING_START_EVENT
                     ? read_wave_object(r)
                     : expected(r, "a wave: a list of task ids or an object with \"tasks\"");
        if (!ok || !keep_wave(r)) return 0;
    }
}

static void read_document(wave_reader *r)
{
    while (next_event(r) && r->event.type != YAML_MAPPING_START_EVENT) {
        if (r->event.type != YAML_STREAM_START_EVENT &&
            r->event.type != YAML_DOCUMENT_START_EVENT) {
            expected(r, "an object with \"waves\"");
            return;
        }
    }
    if (!r->have_event) return;
    for (;;) {
        if (!next_event(r)) return;
        if (r->event.type == YAML_MAPPING_END_EVENT) break;
        int is_waves = scalar_is(r, "waves");
        if (!skip_node(r) || !next_event(r)) return;
        if (is_waves) {
            read_waves(r);
            return;
        }
        if (!skip_node(r)) return;
    }
    set_error(r, r->first_line, "no \"waves\" key in the object");
}

int wave_block_read(const char *text, size_t len, uint32_t first_line, tasks_arena *arena,
                    task_wave_block *out)
{
    memset(out, 0, sizeof(*out));
    out->line = first_line;
    wave_reader r;
    memset(&r, 0, sizeof r);
    r.first_line = first_line;
    r.arena = arena;
    r.out = out;
    if (!yaml_parser_initialize(&r.parser)) return -1;
    yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
    read_document(&r);
    if (r.have_event) yaml_event_delete(&r.event);
    yaml_parser_delete(&r.parser);
    free(r.ids);
    /* The waves array moves into the arena, so the document frees it whole. */
    if (!r.failed && out->n_waves) {
        task_wave *kept = tasks_arena_alloc(arena, out->n_waves * sizeof(task_wave));
        if (kept)
            memcpy(kept, out->waves, out->n_waves * sizeof(task_wave));
        else
            r.failed = 1;
        free(out->waves);
        out->waves = kept;
    } else {
        free(out->waves);
        out->waves = NULL;
        if (r.failed) out->n_waves = 0;
    }
    return r.failed ? -1 : 0;
}
