/*
 * options.c - see options.h. One table of options; each names the bit a
 * command must allow, so `tasksext ready --transitive` is a usage error
 * that names the option, not a flag silently ignored.
 */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int name_list_add(name_list *list, const char *name)
{
    const char **grown = realloc((void *)list->items, (list->n + 1) * sizeof *grown);
    if (!grown) return -1;
    grown[list->n++] = name;
    list->items = grown;
    return 0;
}

void options_free(cli_options *options)
{
    free((void *)options->positionals.items);
    free((void *)options->roots.items);
    free((void *)options->excludes.items);
    free((void *)options->statuses.items);
    memset(options, 0, sizeof *options);
}

typedef enum option_id {
    ID_ROOT,
    ID_JSON,
    ID_CSV,
    ID_SPEC,
    ID_TASK,
    ID_TRANSITIVE,
    ID_FORMAT,
    ID_FAIL_ON,
    ID_SUMMARY,
    ID_LABEL,
    ID_CONFIG,
    ID_NO_CONFIG,
    ID_EXCLUDE,
    ID_STATUS,
    ID_COUNT,
    ID_COLOR,
    ID_NO_COLOR,
    ID_WIDTH,
    ID_SVG,
    ID_SINCE,
    ID_HELP,
    ID_VERSION
} option_id;

typedef struct option_spec {
    const char *name;
    option_id id;
    int takes_value;
    unsigned bit; /* 0: every command */
} option_spec;

static const option_spec option_specs[] = {
    {"--root", ID_ROOT, 1, OPT_ROOT},
    {"--json", ID_JSON, 0, OPT_OUTPUT | OPT_JSON_ONLY},
    {"--csv", ID_CSV, 0, OPT_OUTPUT},
    {"--spec", ID_SPEC, 1, OPT_SPEC},
    {"--task", ID_TASK, 1, OPT_TASK},
    {"--transitive", ID_TRANSITIVE, 0, OPT_TRANSITIVE},
    {"--format", ID_FORMAT, 1, OPT_FORMAT},
    {"--fail-on", ID_FAIL_ON, 1, OPT_FAIL_ON},
    {"--summary", ID_SUMMARY, 1, OPT_SUMMARY},
    {"--label", ID_LABEL, 1, OPT_LABEL},
    {"--config", ID_CONFIG, 1, OPT_COMMON},
    {"--no-config", ID_NO_CONFIG, 0, OPT_COMMON},
    {"--exclude", ID_EXCLUDE, 1, OPT_COMMON},
    {"--status", ID_STATUS, 1, OPT_COMMON},
    {"--count", ID_COUNT, 1, OPT_COMMON},
    {"--color", ID_COLOR, 1, OPT_COMMON},
    {"--colour", ID_COLOR, 1, OPT_COMMON},
    {"--no-color", ID_NO_COLOR, 0, OPT_COMMON},
    {"--width", ID_WIDTH, 1, OPT_COMMON},
    {"--svg", ID_SVG, 0, OPT_SVG},
    {"--since", ID_SINCE, 1, OPT_SINCE},
    {"--help", ID_HELP, 0, 0},
    {"-h", ID_HELP, 0, 0},
    {"--version", ID_VERSION, 0, 0},
};

static const option_spec *find_option(const char *name, size_t length)
{
    for (size_t i = 0; i < sizeof option_specs / sizeof option_specs[0]; i++)
        if (strlen(option_specs[i].name) == length &&
            memcmp(option_specs[i].name, name, length) == 0)
            return &option_specs[i];
    return NULL;
}

static int set_value(cli_options *options, const option_spec *spec, const char *value)
{
    char *end;
    switch (spec->id) {
    case ID_ROOT:
        return name_list_add(&options->roots, value);
    case ID_SPEC:
        options->spec = value;
        return 0;
    case ID_TASK:
        options->task = value;
        return 0;
    case ID_FORMAT:
        options->format = value;
        return 0;
    case ID_FAIL_ON:
        if (strcmp(value, "error") && strcmp(value, "warning") && strcmp(value, "info")) {
            fprintf(stderr, "tasksext: --fail-on takes error, warning or info, not '%s'\n", value);
            return -1;
        }
        options->fail_on = value;
        return 0;
    case ID_SUMMARY:
        options->summary = value;
        return 0;
    case ID_SINCE:
        options->since = value;
        return 0;
    case ID_LABEL:
        options->label = value;
        return 0;
    case ID_CONFIG:
        options->config = value;
        return 0;
    case ID_EXCLUDE:
        return name_list_add(&options->excludes, value);
    case ID_STATUS:
        if (!strchr(value, '=') || value[0] == '=') {
            fprintf(stderr,
                    "tasksext: --status takes MARK=STATUS or MARK=STATUS@DIALECT, not '%s'\n",
                    value);
            return -1;
        }
        return name_list_add(&options->statuses, value);
    case ID_COUNT:
        if (strcmp(value, "counted") && strcmp(value, "all")) {
            fprintf(stderr, "tasksext: --count takes counted or all, not '%s'\n", value);
            return -1;
        }
        options->count = value;
        return 0;
    case ID_COLOR:
        if (!strcmp(value, "auto"))
            options->colour = COLOUR_AUTO;
        else if (!strcmp(value, "always"))
            options->colour = COLOUR_ALWAYS;
        else if (!strcmp(value, "never"))
            options->colour = COLOUR_NEVER;
        else {
            fprintf(stderr, "tasksext: --color takes auto, always or never, not '%s'\n", value);
            return -1;
        }
        return 0;
    case ID_WIDTH:
        options->width = strtol(value, &end, 10);
        if (*end || options->width < 20 || options->width > 100000) {
            fprintf(stderr, "tasksext: --width takes a number of columns from 20, not '%s'\n",
                    value);
            return -1;
        }
        return 0;
    default:
        return 0;
    }
}

static void set_flag(cli_options *options, option_id id)
{
    switch (id) {
    case ID_JSON:
        options->output = OUTPUT_JSON;
        break;
    case ID_CSV:
        options->output = OUTPUT_CSV;
        break;
    case ID_TRANSITIVE:
        options->transitive = 1;
        break;
    case ID_SVG:
        options->svg = 1;
        break;
    case ID_NO_CONFIG:
        options->no_config = 1;
        break;
    case ID_NO_COLOR:
        options->colour = COLOUR_NEVER;
        break;
    case ID_HELP:
        options->help = 1;
        break;
    case ID_VERSION:
        options->version = 1;
        break;
    default:
        break;
    }
}

static int allowed_here(const option_spec *spec, unsigned allowed)
{
    if (spec->bit == 0) return 1;
    if (spec->id == ID_CSV) return (allowed & OPT_OUTPUT) != 0;
    return (spec->bit & allowed) != 0;
}

int options_parse(cli_options *options, int argc, char **argv, int first, unsigned allowed)
{
    int only_positionals = 0;
    for (int i = first; i < argc; i++) {
        const char *arg = argv[i];
        if (only_positionals || arg[0] != '-' || arg[1] == '\0') {
            if (name_list_add(&options->positionals, arg) != 0) return -1;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_positionals = 1;
            continue;
        }
        const char *equals = strchr(arg, '=');
        size_t name_length = equals && arg[1] == '-' ? (size_t)(equals - arg) : strlen(arg);
        const option_spec *spec = find_option(arg, name_length);
        if (!spec || !allowed_here(spec, allowed)) {
            fprintf(stderr, "tasksext %s: unknown option %.*s\n", options->command,
                    (int)name_length, arg);
            return -1;
        }
        if (!spec->takes_value) {
            if (equals && arg[1] == '-') {
                fprintf(stderr, "tasksext %s: %s takes no value\n", options->command, spec->name);
                return -1;
            }
            set_flag(options, spec->id);
            continue;
        }
        const char *value;
        if (equals && arg[1] == '-')
            value = equals + 1;
        else if (i + 1 < argc)
            value = argv[++i];
        else {
            fprintf(stderr, "tasksext %s: %s needs a value\n", options->command, spec->name);
            return -1;
        }
        if (set_value(options, spec, value) != 0) return -1;
    }
    return 0;
}
