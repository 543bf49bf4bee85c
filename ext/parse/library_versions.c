/* library_versions.c - the versions of the parser's libraries. */
#include "library_versions.h"

#include <yaml.h>

#ifndef TASKSEXT_MD4C_VERSION
#define TASKSEXT_MD4C_VERSION "unknown"
#endif

const char *parse_md4c_version(void)
{
    return TASKSEXT_MD4C_VERSION;
}

const char *parse_yaml_version(void)
{
    return yaml_get_version_string();
}
