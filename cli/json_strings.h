/*
 * json_strings.h - the JSON arrays tasks() gives, read without a query per
 * task: the strings of tasks().files and tasks().tags
 * (`["src/a.py","b.json"]`), and the objects of tasks().waits_for.
 */
#ifndef CLI_JSON_STRINGS_H
#define CLI_JSON_STRINGS_H

#include <stddef.h>

/* Calls `each` with every string, unescaped and NUL-terminated. Returns
 * the number of strings, or -1 when the text is not such an array or the
 * callback returns non-zero. */
long json_strings_each(const char *json, int (*each)(const char *text, void *context),
                       void *context);

/* One object of tasks().waits_for: the line of the task waited for, and
 * the kind of dependency. */
typedef struct json_edge {
    long line;     /* 0 when the object has none */
    char kind[16]; /* "" when it has none, or a longer one */
} json_edge;

/* Calls `each` with every object of an array like tasks().waits_for's
 * (`[{"line":12,"id":"T001","kind":"step"}]`), `length` bytes and a NUL;
 * in any key order and spacing, keys other than "line" and "kind" read
 * past when their values are numbers, strings, true, false or null (an
 * object or array as a value is refused). Returns the number of
 * objects, or -1 when the text is not such an array or the callback
 * returns non-zero. */
long json_edges_each(const char *json, size_t length,
                     int (*each)(const json_edge *edge, void *context), void *context);

#endif
