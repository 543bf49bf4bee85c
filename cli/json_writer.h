/*
 * json_writer.h - JSON text into a growing buffer: objects, arrays, strings
 * escaped (invalid UTF-8 becomes U+FFFD, so the output always parses),
 * numbers as numbers, null for nothing. Commas are placed by the writer, so
 * a caller only says what comes next.
 */
#ifndef CLI_JSON_WRITER_H
#define CLI_JSON_WRITER_H

#include <stddef.h>
#include <stdint.h>

/* Every --json output starts with this: bump it when a field changes
 * meaning or goes away (adding a field does not). */
#define CLI_JSON_SCHEMA_VERSION 1

typedef struct json_writer {
    char *text;
    size_t length, capacity;
    int failed;      /* out of memory: everything after is dropped */
    int need_comma;  /* a value was written at this level */
    int after_key;   /* a key was written; its value comes next */
    int depth;
    int pretty;      /* newlines and indents */
} json_writer;

void json_init(json_writer *json, int pretty);
void json_free(json_writer *json);

void json_object_begin(json_writer *json);
void json_object_end(json_writer *json);
void json_array_begin(json_writer *json);
void json_array_end(json_writer *json);

/* A key inside an object; the value follows. */
void json_key(json_writer *json, const char *key);

void json_string(json_writer *json, const char *text); /* NULL writes null */
void json_int(json_writer *json, int64_t value);
void json_real(json_writer *json, double value);
void json_bool(json_writer *json, int value);
void json_null(json_writer *json);
/* Already valid JSON text, written as one value. */
void json_raw(json_writer *json, const char *text);

/* key + value in one call. */
void json_field_string(json_writer *json, const char *key, const char *text);
void json_field_int(json_writer *json, const char *key, int64_t value);
void json_field_bool(json_writer *json, const char *key, int value);

/* The envelope every command's output starts with:
 * {"schema_version": N, "command": NAME, ... (the caller ends the object). */
void json_envelope_begin(json_writer *json, const char *command);

/* Appends the text to stdout with a final newline; 0, or -1 when the
 * writer ran out of memory. */
int json_print(json_writer *json);

#endif
