/* vtab_error.c - see vtab_error.h. */
#include "vtab_error.h"

#include <stdarg.h>

SQLITE_EXTENSION_INIT3

void vtab_set_error(sqlite3_vtab *vtab, const char *format, ...)
{
    sqlite3_free(vtab->zErrMsg);
    va_list args;
    va_start(args, format);
    vtab->zErrMsg = sqlite3_vmprintf(format, args);
    va_end(args);
}
