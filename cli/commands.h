/*
 * commands.h - the subcommands: each is a function from the parsed options
 * to an exit code (session.h), with its usage text and the options it takes.
 */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include "options.h"

typedef int (*command_fn)(const cli_options *options);

typedef struct command_spec {
    const char *name;
    const char *summary; /* one line for `tasksext help` */
    const char *usage;   /* the whole text for `tasksext help NAME` */
    unsigned options;    /* the option bits it takes (options.h) */
    command_fn run;
} command_spec;

/* NULL when there is no such command. */
const command_spec *command_find(const char *name);
const command_spec *command_list(size_t *n);

int run_progress(const cli_options *options);
int run_ready(const cli_options *options);
int run_blocked(const cli_options *options);
int run_critical_path(const cli_options *options);
int run_conflicts(const cli_options *options);
int run_issues(const cli_options *options);
int run_check(const cli_options *options);
int run_graph(const cli_options *options);
int run_next(const cli_options *options);
int run_mark(const cli_options *options);
int run_badge(const cli_options *options);
int run_sql(const cli_options *options);
int run_burndown(const cli_options *options);
int run_done(const cli_options *options);

/* Prints the command's usage on stderr (to_stdout: on stdout, for --help). */
void command_usage(const command_spec *command, int to_stdout);

/* The program's own usage: every command with its summary. */
void program_usage(int to_stdout);

#endif
