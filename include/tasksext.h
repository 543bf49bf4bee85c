/* tasksext.h - the SQLite extension's entry point.
 *
 * Loaded at run time (`.load tasksext`, sqlite3_load_extension) SQLite finds
 * sqlite3_tasksext_init by itself. Linked statically, call it yourself or
 * hand it to sqlite3_auto_extension(). */
#ifndef TASKSEXT_H
#define TASKSEXT_H

#include "sqlite3ext.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define TASKSEXT_API __declspec(dllexport)
#else
#define TASKSEXT_API __attribute__((visibility("default")))
#endif

TASKSEXT_API int sqlite3_tasksext_init(sqlite3 *db, char **error, const sqlite3_api_routines *api);

#ifdef __cplusplus
}
#endif

#endif
