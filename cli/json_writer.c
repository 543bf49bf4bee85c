/*
 * json_writer.c - see json_writer.h. Strings are escaped here once, for
 * every command, so no command builds JSON by hand.
 */
#include "json_writer.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal_text.h"
#include "text_width.h"

void json_init(json_writer *json, int pretty)
{
    memset(json, 0, sizeof *json);
    json->pretty = pretty;
}

void json_free(json_writer *json)
{
    free(json->text);
    memset(json, 0, sizeof *json);
}

static void append(json_writer *json, const char *bytes, size_t n)
{
    if (json->failed) return;
    if (json->length + n + 1 > json->capacity) {
        size_t capacity = json->capacity ? json->capacity : 4096;
        while (json->length + n + 1 > capacity)
            capacity *= 2;
        char *grown = realloc(json->text, capacity);
        if (!grown) {
            json->failed = 1;
            return;
        }
        json->text = grown;
        json->capacity = capacity;
    }
    memcpy(json->text + json->length, bytes, n);
    json->length += n;
    json->text[json->length] = '\0';
}

static void append_text(json_writer *json, const char *text)
{
    append(json, text, strlen(text));
}

static void newline(json_writer *json)
{
    if (!json->pretty) return;
    append(json, "\n", 1);
    for (int i = 0; i < json->depth; i++)
        append(json, "  ", 2);
}

/* Before a value in an array, or a key in an object. */
static void before_item(json_writer *json)
{
    if (json->need_comma) append(json, ",", 1);
    if (json->depth > 0) newline(json);
}

/* A value after a key needs no comma of its own. */
static void before_value(json_writer *json)
{
    if (json->after_key) {
        json->after_key = 0;
        return;
    }
    before_item(json);
}

static void opened(json_writer *json, const char *bracket)
{
    before_value(json);
    append_text(json, bracket);
    json->depth++;
    json->need_comma = 0;
}

static void closed(json_writer *json, const char *bracket)
{
    json->depth--;
    if (json->need_comma) newline(json);
    append_text(json, bracket);
    json->need_comma = 1;
}

void json_object_begin(json_writer *json) { opened(json, "{"); }
void json_object_end(json_writer *json) { closed(json, "}"); }
void json_array_begin(json_writer *json) { opened(json, "["); }
void json_array_end(json_writer *json) { closed(json, "]"); }

static void quoted(json_writer *json, const char *text)
{
    append(json, "\"", 1);
    size_t length = strlen(text);
    for (size_t at = 0; at < length;) {
        /* A run of printable ASCII needs no escape: one append for it all. */
        size_t run = at;
        while (run < length && (unsigned char)text[run] >= 0x20 &&
               (unsigned char)text[run] < 0x80 && text[run] != '"' && text[run] != '\\')
            run++;
        if (run > at) {
            append(json, text + at, run - at);
            at = run;
            continue;
        }
        unsigned codepoint;
        size_t n = utf8_next(text + at, length - at, &codepoint);
        char escape[8];
        if (codepoint == '"' || codepoint == '\\') {
            escape[0] = '\\', escape[1] = (char)codepoint;
            append(json, escape, 2);
        } else if (codepoint == '\n') {
            append(json, "\\n", 2);
        } else if (codepoint == '\t') {
            append(json, "\\t", 2);
        } else if (codepoint == '\r') {
            append(json, "\\r", 2);
        } else if (codepoint < 0x20) {
            snprintf(escape, sizeof escape, "\\u%04x", codepoint);
            append(json, escape, 6);
        } else if (codepoint == 0xFFFD && n == 1) {
            append(json, "\xEF\xBF\xBD", 3); /* an invalid byte */
        } else {
            append(json, text + at, n);
        }
        at += n;
    }
    append(json, "\"", 1);
}

void json_key(json_writer *json, const char *key)
{
    before_item(json);
    quoted(json, key);
    append(json, json->pretty ? ": " : ":", json->pretty ? 2 : 1);
    json->after_key = 1;
    json->need_comma = 1;
}

void json_string(json_writer *json, const char *text)
{
    if (!text) {
        json_null(json);
        return;
    }
    before_value(json);
    quoted(json, text);
    json->need_comma = 1;
}

void json_int(json_writer *json, int64_t value)
{
    char number[DECIMAL_TEXT_SIZE];
    json_raw(json, decimal_text(value, number));
}

void json_real(json_writer *json, double value)
{
    if (!isfinite(value)) {
        json_null(json);
        return;
    }
    char number[40];
    snprintf(number, sizeof number, "%.15g", value);
    json_raw(json, number);
}

void json_bool(json_writer *json, int value) { json_raw(json, value ? "true" : "false"); }
void json_null(json_writer *json) { json_raw(json, "null"); }

void json_raw(json_writer *json, const char *text)
{
    before_value(json);
    append_text(json, text);
    json->need_comma = 1;
}

void json_field_string(json_writer *json, const char *key, const char *text)
{
    json_key(json, key);
    json_string(json, text);
}

void json_field_int(json_writer *json, const char *key, int64_t value)
{
    json_key(json, key);
    json_int(json, value);
}

void json_field_bool(json_writer *json, const char *key, int value)
{
    json_key(json, key);
    json_bool(json, value);
}

void json_envelope_begin(json_writer *json, const char *command)
{
    json_object_begin(json);
    json_field_int(json, "schema_version", CLI_JSON_SCHEMA_VERSION);
    json_field_string(json, "command", command);
}

int json_print(json_writer *json)
{
    if (json->failed) return -1;
    if (json->text) fputs(json->text, stdout);
    fputc('\n', stdout);
    return 0;
}
