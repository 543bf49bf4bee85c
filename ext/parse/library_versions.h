/* library_versions.h - which md4c and libyaml the parser reads with, for
 * tasksext_debug(): the SQL layer may not include their headers. */
#ifndef TASKS_LIBRARY_VERSIONS_H
#define TASKS_LIBRARY_VERSIONS_H

/* md4c has no version call: the version pkg-config gave when this was built. */
const char *parse_md4c_version(void);

/* The libyaml that runs (yaml_get_version_string). */
const char *parse_yaml_version(void);

#endif
