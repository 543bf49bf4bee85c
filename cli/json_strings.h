/*
 * json_strings.h - the JSON arrays of strings tasks() gives, read without a
 * query per task: tasks().files and tasks().tags (`["src/a.py","b.json"]`).
 */
#ifndef CLI_JSON_STRINGS_H
#define CLI_JSON_STRINGS_H

#include <stddef.h>

/* Calls `each` with every string, unescaped and NUL-terminated. Returns
 * the number of strings, or -1 when the text is not such an array or the
 * callback returns non-zero. */
long json_strings_each(const char *json, int (*each)(const char *text, void *context),
                       void *context);

#endif
