/*
 * options.h - the command line, parsed: the subcommand, its positional
 * arguments and every option, checked against what that subcommand takes.
 * Options may come before or after the positional arguments; `--` ends them.
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stddef.h>

typedef enum output_format { OUTPUT_TABLE, OUTPUT_CSV, OUTPUT_JSON } output_format;
typedef enum colour_mode { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER } colour_mode;

/* Each option is one bit, so a command says in one mask what it takes. */
enum option_bit {
    OPT_ROOT = 1 << 0,       /* --root DIR (again for more) */
    OPT_OUTPUT = 1 << 1,     /* --json, --csv */
    OPT_SPEC = 1 << 2,       /* --spec NAME */
    OPT_TASK = 1 << 3,       /* --task ID */
    OPT_TRANSITIVE = 1 << 4, /* --transitive */
    OPT_FORMAT = 1 << 5,     /* --format NAME */
    OPT_FAIL_ON = 1 << 6,    /* --fail-on error|warning|info */
    OPT_SUMMARY = 1 << 7,    /* --summary FILE */
    OPT_LABEL = 1 << 8,      /* --label TEXT */
    OPT_JSON_ONLY = 1 << 9,  /* --json (no --csv) */
    OPT_COMMON =
        1 << 10,        /* --config, --no-config, --exclude, --status, --count, --color, --width */
    OPT_SVG = 1 << 11,  /* --svg */
    OPT_SINCE = 1 << 12 /* --since WHEN */
};

typedef struct name_list {
    const char **items;
    size_t n;
} name_list;

typedef struct cli_options {
    const char *command;
    name_list positionals;
    name_list roots;    /* --root */
    name_list excludes; /* --exclude GLOB */
    name_list statuses; /* --status MARK=STATUS[@DIALECT] */
    const char *config; /* --config FILE */
    int no_config;
    output_format output;
    colour_mode colour;
    long width; /* 0: the terminal's */
    const char *spec;
    const char *task;
    int transitive;
    const char *format;
    const char *fail_on;
    const char *summary;
    const char *label;
    const char *count; /* counted | all */
    int svg;
    const char *since;
    int help;
    int version;
} cli_options;

/* Parses argv[first..argc) for a command that takes `allowed` options.
 * Returns 0, or -1 after printing what is wrong (the caller then prints
 * the command's usage and exits 2). */
int options_parse(cli_options *options, int argc, char **argv, int first, unsigned allowed);

void options_free(cli_options *options);

/* Appends to a list; 0, or -1 when out of memory. */
int name_list_add(name_list *list, const char *name);

#endif
