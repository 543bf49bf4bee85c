/* front_matter_read.c - YAML front matter to JSON with libyaml's event parser.
 *
 * The event parser is used rather than the document loader because the loader
 * keeps aliases as shared nodes that a naive walk expands without bound; here
 * every alias is copied into the output under FRONT_MATTER_MAX_JSON_BYTES, so
 * an alias bomb stops with an error after a megabyte. Scalars are typed the
 * YAML 1.2 core-schema way (null, booleans, numbers) only when plain. */
#include "front_matter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text_buffer.h"
#include "utf8.h"

#include "../base/array_grow.h"

typedef struct json_frame {
    int is_map;
    int want_key;
    size_t count;
    const char *anchor; /* owned by the event that started the frame: copied */
    size_t start;
    char key[16]; /* the pending top-level key, when it is one we keep */
} json_frame;

typedef struct anchor_entry {
    char *name;
    size_t start, end;
} anchor_entry;

typedef struct yaml_reader {
    text_buffer json;
    json_frame frames[FRONT_MATTER_MAX_DEPTH + 1];
    int depth;
    anchor_entry *anchors;
    size_t n_anchors, cap_anchors;
    tasks_arena *arena;
    front_matter *out;
    uint32_t first_line;
    char top_keys[64][16]; /* top-level keys we keep, to report duplicates */
    int n_top_keys;
} yaml_reader;

static void reader_error(yaml_reader *r, uint32_t line, const char *problem, const char *context)
{
    if (r->out->error) return;
    char message[512];
    if (context && *context)
        snprintf(message, sizeof message, "front matter: %s %s", context, problem);
    else
        snprintf(message, sizeof message, "front matter: %s", problem);
    text_buffer repaired;
    text_buffer_init(&repaired);
    utf8_append_repaired(&repaired, message, strlen(message));
    r->out->error = repaired.failed ? "front matter: out of memory"
                                    : tasks_arena_strndup(r->arena, repaired.data, repaired.len);
    text_buffer_free(&repaired);
    r->out->error_line = line;
}

static int is_json_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-') i++;
    if (i >= n) return 0;
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return 0;
    }
    if (i < n && s[i] == '.') {
        size_t digits = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == digits) return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        size_t digits = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == digits) return 0;
    }
    return i == n;
}

static int word_is(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == n && memcmp(*words, s, n) == 0) return 1;
    return 0;
}

static void append_scalar(yaml_reader *r, const yaml_event_t *e)
{
    static const char *const nulls[] = {"~", "null", "Null", "NULL", NULL};
    static const char *const trues[] = {"true", "True", "TRUE", NULL};
    static const char *const falses[] = {"false", "False", "FALSE", NULL};
    const char *v = (const char *)e->data.scalar.value;
    size_t n = e->data.scalar.length;
    if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        if (n == 0 || word_is(v, n, nulls)) {
            text_buffer_append(&r->json, "null", 4);
            return;
        }
        if (word_is(v, n, trues)) {
            text_buffer_append(&r->json, "true", 4);
            return;
        }
        if (word_is(v, n, falses)) {
            text_buffer_append(&r->json, "false", 5);
            return;
        }
        if (is_json_number(v, n)) {
            text_buffer_append(&r->json, v, n);
            return;
        }
    }
    utf8_append_json_repaired(&r->json, v, n);
}

static const char *copy_repaired(yaml_reader *r, const char *v, size_t n)
{
    return utf8_arena_repaired(r->arena, v, n);
}

/* A placeholder left from a template: `{x}`, `<x>`, `[x]` (when quoted). */
static int is_placeholder(const char *v, size_t n)
{
    if (n < 2) return 0;
    return (v[0] == '{' && v[n - 1] == '}') || (v[0] == '<' && v[n - 1] == '>') ||
           (v[0] == '[' && v[n - 1] == ']');
}

static void keep_top_level_scalar(yaml_reader *r, const char *key, const yaml_event_t *e)
{
    const char *v = (const char *)e->data.scalar.value;
    size_t n = e->data.scalar.length;
    const char **slot = NULL;
    if (strcmp(key, "id") == 0) {
        if (n == 0 || is_placeholder(v, n)) return;
        slot = &r->out->id;
    } else if (strcmp(key, "title") == 0) {
        slot = &r->out->title;
    } else if (strcmp(key, "author") == 0) {
        slot = &r->out->author;
    } else if (strcmp(key, "description") == 0) {
        slot = &r->out->description;
    }
    if (slot && !*slot && n > 0) *slot = copy_repaired(r, v, n);
}

static const anchor_entry *find_anchor(const yaml_reader *r, const char *name)
{
    for (size_t i = r->n_anchors; i-- > 0;)
        if (strcmp(r->anchors[i].name, name) == 0) return &r->anchors[i];
    return NULL;
}

static int remember_anchor(yaml_reader *r, const char *name, size_t start, size_t end)
{
    /* Aliases look anchors up one by one: a bound keeps that linear in
     * practice (a hostile file could otherwise make it quadratic). */
    if (r->n_anchors >= FRONT_MATTER_MAX_ANCHORS) {
        reader_error(r, r->first_line, "more than 1024 anchors", NULL);
        return -2;
    }
    if (!grow_array((void **)&r->anchors, &r->cap_anchors, r->n_anchors, sizeof(anchor_entry)))
        return -1;
    char *copy = strdup(name);
    if (!copy) return -1;
    r->anchors[r->n_anchors++] = (anchor_entry){copy, start, end};
    return 0;
}

static uint32_t event_line(const yaml_reader *r, const yaml_event_t *e)
{
    return r->first_line + (uint32_t)e->start_mark.line;
}

/* Called before any value. Returns 1 when the value is a mapping key that was
 * already handled (scalars only), 0 to go on, -1 to stop. */
static int before_value(yaml_reader *r, const yaml_event_t *e, const char *key_text, size_t key_len)
{
    if (r->depth == 0) return 0;
    json_frame *f = &r->frames[r->depth - 1];
    if (f->is_map && f->want_key) {
        if (!key_text) {
            reader_error(r, event_line(r, e), "a mapping key that is not a scalar", NULL);
            return -1;
        }
        if (f->count) text_buffer_append_char(&r->json, ',');
        utf8_append_json_repaired(&r->json, key_text, key_len);
        text_buffer_append_char(&r->json, ':');
        f->want_key = 0;
        f->key[0] = '\0';
        if (r->depth == 1 && key_len < sizeof f->key) {
            memcpy(f->key, key_text, key_len);
            f->key[key_len] = '\0';
            for (int i = 0; i < r->n_top_keys; i++) {
                if (strcmp(r->top_keys[i], f->key) == 0) {
                    char problem[64];
                    snprintf(problem, sizeof problem, "duplicate key '%s'", f->key);
                    reader_error(r, event_line(r, e), problem, NULL);
                    f->key[0] = '\0'; /* the first value stands */
                    return 1;
                }
            }
            if (r->n_top_keys < 64) strcpy(r->top_keys[r->n_top_keys++], f->key);
        }
        return 1;
    }
    if (!f->is_map && f->count) text_buffer_append_char(&r->json, ',');
    return 0;
}

static void after_value(yaml_reader *r)
{
    if (r->depth == 0) return;
    json_frame *f = &r->frames[r->depth - 1];
    f->count++;
    if (f->is_map) f->want_key = 1;
}

static int on_scalar(yaml_reader *r, const yaml_event_t *e)
{
    int handled = before_value(r, e, (const char *)e->data.scalar.value, e->data.scalar.length);
    if (handled < 0) return -1;
    if (handled) return 0;
    if (r->depth == 1 && r->frames[0].is_map && r->frames[0].key[0])
        keep_top_level_scalar(r, r->frames[0].key, e);
    size_t start = r->json.len;
    append_scalar(r, e);
    if (e->data.scalar.anchor &&
        remember_anchor(r, (const char *)e->data.scalar.anchor, start, r->json.len) < 0)
        return -1;
    after_value(r);
    return 0;
}

static int on_alias(yaml_reader *r, const yaml_event_t *e)
{
    const anchor_entry *a = find_anchor(r, (const char *)e->data.alias.anchor);
    if (!a) {
        reader_error(r, event_line(r, e), "an alias to an unknown anchor", NULL);
        return -1;
    }
    size_t start = a->start, len = a->end - a->start;
    json_frame *f = r->depth ? &r->frames[r->depth - 1] : NULL;
    if (f && f->is_map && f->want_key) {
        /* An alias used as a key: only a string can be one in JSON. */
        if (len < 2 || r->json.data[start] != '"') {
            reader_error(r, event_line(r, e), "a mapping key that is not a scalar", NULL);
            return -1;
        }
        if (f->count) text_buffer_append_char(&r->json, ',');
        /* The anchor's text is in the buffer that may move as it grows. */
        char *key = malloc(len);
        if (!key) return -1;
        memcpy(key, r->json.data + start, len);
        text_buffer_append(&r->json, key, len);
        free(key);
        text_buffer_append_char(&r->json, ':');
        f->want_key = 0;
        f->key[0] = '\0';
        return 0;
    }
    before_value(r, e, NULL, 0);
    if (r->json.len + len > FRONT_MATTER_MAX_JSON_BYTES) {
        reader_error(r, event_line(r, e), "aliases expand beyond the 1 MiB limit", NULL);
        return -1;
    }
    /* The source moves when the buffer grows: copy it out first. */
    char *copy = malloc(len ? len : 1);
    if (!copy) return -1;
    memcpy(copy, r->json.data + start, len);
    text_buffer_append(&r->json, copy, len);
    free(copy);
    after_value(r);
    return 0;
}

static int on_container_start(yaml_reader *r, const yaml_event_t *e, int is_map,
                              const yaml_char_t *anchor)
{
    if (before_value(r, e, NULL, 0) < 0) return -1;
    if (r->depth >= FRONT_MATTER_MAX_DEPTH) {
        reader_error(r, event_line(r, e), "nesting deeper than 64 levels", NULL);
        return -1;
    }
    json_frame *f = &r->frames[r->depth++];
    memset(f, 0, sizeof(*f));
    f->is_map = is_map;
    f->want_key = is_map;
    f->anchor = anchor ? strdup((const char *)anchor) : NULL;
    if (anchor && !f->anchor) return -1;
    text_buffer_append_char(&r->json, is_map ? '{' : '[');
    f->start = r->json.len - 1;
    return 0;
}

static int on_container_end(yaml_reader *r)
{
    json_frame *f = &r->frames[--r->depth];
    text_buffer_append_char(&r->json, f->is_map ? '}' : ']');
    int rc = 0;
    if (f->anchor) {
        rc = remember_anchor(r, f->anchor, f->start, r->json.len);
        free((void *)f->anchor);
        f->anchor = NULL;
    }
    after_value(r);
    return rc;
}

static int on_event(yaml_reader *r, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_SCALAR_EVENT:
        return on_scalar(r, e);
    case YAML_ALIAS_EVENT:
        return on_alias(r, e);
    case YAML_SEQUENCE_START_EVENT:
        return on_container_start(r, e, 0, e->data.sequence_start.anchor);
    case YAML_MAPPING_START_EVENT:
        return on_container_start(r, e, 1, e->data.mapping_start.anchor);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_container_end(r);
    default:
        return 0;
    }
}

static void reader_release(yaml_reader *r)
{
    for (size_t i = 0; i < r->n_anchors; i++)
        free(r->anchors[i].name);
    free(r->anchors);
    for (int i = 0; i < r->depth; i++)
        free((void *)r->frames[i].anchor);
    text_buffer_free(&r->json);
}

int front_matter_read(const char *yaml, size_t len, uint32_t first_line, tasks_arena *arena,
                      front_matter *out)
{
    memset(out, 0, sizeof(*out));
    yaml_reader r;
    memset(&r, 0, sizeof r);
    text_buffer_init(&r.json);
    r.arena = arena;
    r.out = out;
    r.first_line = first_line;

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return -1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    int rc = 0, documents = 0, done = 0, complete = 0;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            if (parser.error == YAML_MEMORY_ERROR) {
                rc = -1;
            } else {
                reader_error(&r, first_line + (uint32_t)parser.problem_mark.line,
                             parser.problem ? parser.problem : "unreadable YAML", parser.context);
            }
            break;
        }
        if ((event.type == YAML_DOCUMENT_START_EVENT && ++documents > 1) ||
            event.type == YAML_STREAM_END_EVENT) {
            done = complete = 1; /* only the first document is front matter */
        } else if (on_event(&r, &event) < 0) {
            if (!out->error) rc = -1;
            done = 1;
        } else if (r.json.len > FRONT_MATTER_MAX_JSON_BYTES) {
            reader_error(&r, event_line(&r, &event), "larger than the 1 MiB limit as JSON", NULL);
            done = 1;
        }
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);

    if (rc == 0 && r.json.failed) rc = -1;
    /* A duplicate key or a top level that is not a mapping still reads to the
     * end; only then is the JSON worth keeping. */
    if (rc == 0 && complete) {
        if (r.json.len == 0) {
            out->json = "{}";
        } else {
            out->json = tasks_arena_strndup(arena, r.json.data, r.json.len);
            if (!out->json) rc = -1;
            if (r.json.data[0] != '{')
                reader_error(&r, first_line, "is not a mapping of keys to values", NULL);
        }
    }
    reader_release(&r);
    return rc;
}
