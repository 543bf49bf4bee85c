/*
 * config_file.h - the per-repository settings file, `.tasksext.yaml` (or
 * `.tasksext.yml`), found by walking up from the current directory:
 *
 *   roots: [specs, .kiro/specs]      # what to read when no root is given
 *   exclude: ["specs/old-*"]         # files left out: globs on a file or its folders
 *   statuses:                        # marks -> statuses, as tasksext_status()
 *     "~": blocked
 *     kiro:                          # rules for one dialect
 *       "-": cancelled
 *   progress: counted                # or all: what progress counts
 *
 * Roots are relative to the file's folder. Every setting has a command-line
 * option, which wins (--root, --exclude, --status, --count).
 */
#ifndef CLI_CONFIG_FILE_H
#define CLI_CONFIG_FILE_H

#include "options.h"

typedef struct cli_config {
    char *path;      /* the file read, or NULL when there is none */
    name_list roots; /* joined with the file's folder; owned */
    name_list excludes;
    name_list statuses; /* MARK=STATUS or MARK=STATUS@DIALECT; owned */
    char *count;        /* counted | all, or NULL */
} cli_config;

/* Finds the file (walking up from the current directory) unless `explicit`
 * names one, and reads it. Returns 0 (also when there is none), or -1 after
 * printing `tasksext: FILE:LINE: what is wrong`. */
int config_load(const char *explicit, cli_config *config);

void config_free(cli_config *config);

#endif
