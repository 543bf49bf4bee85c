/*
 * main.c - tasksext, the command: finds the subcommand, parses its options,
 * runs it. Exit codes: 0 done, 1 an error named on stderr (or `next` found
 * nothing ready, or `check` found issues), 2 wrong arguments.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "session.h"
#include "tasksext.h"

static int help(int argc, char **argv)
{
    if (argc < 3) {
        program_usage(1);
        return EXIT_OK;
    }
    const command_spec *command = command_find(argv[2]);
    if (!command) {
        fprintf(stderr, "tasksext: no command '%s'\n", argv[2]);
        program_usage(0);
        return EXIT_USAGE;
    }
    command_usage(command, 1);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        program_usage(0);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "help") == 0) return help(argc, argv);
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        program_usage(1);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("tasksext %s (SQLite %s)\n", TASKSEXT_VERSION_STRING, sqlite3_libversion());
        return EXIT_OK;
    }
    const command_spec *command = command_find(name);
    if (!command) {
        fprintf(stderr, "tasksext: no command '%s'\n", name);
        program_usage(0);
        return EXIT_USAGE;
    }
    cli_options options;
    memset(&options, 0, sizeof options);
    options.command = command->name;
    if (options_parse(&options, argc, argv, 2, command->options) != 0) {
        command_usage(command, 0);
        options_free(&options);
        return EXIT_USAGE;
    }
    int status;
    if (options.help) {
        command_usage(command, 1);
        status = EXIT_OK;
    } else {
        status = command->run(&options);
    }
    options_free(&options);
    fflush(stdout);
    if (ferror(stdout)) return EXIT_FAILED;
    return status;
}
