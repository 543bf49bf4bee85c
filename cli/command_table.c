/*
 * command_table.c - every subcommand's name, usage text and options, in
 * one table: `tasksext help`, `--help` and usage errors all print from it.
 */
#include "commands.h"

#include <stdio.h>
#include <string.h>

#define COMMON_HELP                                                                                \
    "\nRoots: directories, task files or globs (default: the settings file's roots, else .).\n"   \
    "Common options:\n"                                                                            \
    "  --root DIR            a root (again for more; same as a positional root)\n" COMMON_OPTIONS

/* The history commands read one repository, not roots, and what is
 * committed: --exclude and --count have no meaning there. */
#define HISTORY_COMMON_HELP "\nCommon options:\n" SETTINGS_OPTIONS

#define COMMON_OPTIONS                                                                             \
    "  --exclude GLOB        leave out files matching GLOB, or under a folder matching it\n"      \
    "  --count counted|all   what progress counts (default counted: tasks().counted)\n"          \
    SETTINGS_OPTIONS

#define SETTINGS_OPTIONS                                                                           \
    "  --status MARK=STATUS[@DIALECT]  map a box's mark to a status (as tasksext_status())\n"    \
    "  --config FILE         the settings file (default: .tasksext.yaml, found upward)\n"        \
    "  --no-config           read no settings file\n"                                             \
    "  --color auto|always|never, --no-color   colour (NO_COLOR is honoured)\n"                  \
    "  --width N             the table's width (default: the terminal's, else 100)\n"            \
    "  -h, --help            this text\n"

#define OUTPUT_HELP "  --json, --csv         for scripts (JSON: see cli/tasksext.schema.json)\n"

static const command_spec commands[] = {
    {"progress", "how far each spec and step has come, with a bar",
     "usage: tasksext progress [ROOT...] [--json|--csv]\n"
     "\nPer spec, then per step: done of the counted tasks, cancelled ones left out of the\n"
     "total; Kiro's optional tasks apart. The bar is full only at 100%.\n"
     "Options:\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_COMMON, run_progress},
    {"ready", "tasks that can be started now",
     "usage: tasksext ready [ROOT...] [--spec SPEC] [--json|--csv]\n"
     "\nOpen tasks whose dependencies are all done or cancelled, in document order.\n"
     "Options:\n"
     "  --spec SPEC           one spec only\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_COMMON, run_ready},
    {"blocked", "open tasks that wait, and what they wait for",
     "usage: tasksext blocked [ROOT...] [--spec SPEC] [--transitive] [--json|--csv]\n"
     "\nEvery open task that is not ready, with the open tasks that hold it up: the\n"
     "nearest ones (a done task that still waits passes its wait on), or with\n"
     "--transitive every open task it waits for, directly or not, with the depth.\n"
     "Options:\n"
     "  --spec SPEC           one spec only\n"
     "  --transitive          every blocker, not only the nearest\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_TRANSITIVE | OPT_COMMON, run_blocked},
    {"critical-path", "the longest chain of open tasks in each spec",
     "usage: tasksext critical-path [ROOT...] [--spec SPEC] [--json|--csv]\n"
     "\nPer spec, the longest chain of open tasks through the dependencies between\n"
     "open tasks, first to do first. Open tasks on or after a cycle are left out\n"
     "of every chain, and counted.\n"
     "Options:\n"
     "  --spec SPEC           one spec only\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_COMMON, run_critical_path},
    {"conflicts", "open tasks that may be worked on together and name one file",
     "usage: tasksext conflicts [ROOT...] [--json|--csv]\n"
     "\nPairs of open tasks naming the same file that are both ready, or in one\n"
     "parallel wave of a step; within a spec and across specs.\n"
     "Options:\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_COMMON, run_conflicts},
    {"issues", "what is wrong in the task lists (task_issues())",
     "usage: tasksext issues [ROOT...] [--json|--csv]\n"
     "\nEvery issue row: duplicate ids, cycles, statements that could not be read...\n"
     "(README: task_issues). Exits 0 whatever it finds; `check` is the CI gate.\n"
     "Options:\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_COMMON, run_issues},
    {"graph", "the dependency graph as Mermaid or Graphviz DOT",
     "usage: tasksext graph [SPEC...] [--root ROOT] [--format mermaid|dot] [--json]\n"
     "\nThe graph of the named specs (default: every spec), an arrow from a task to\n"
     "the task that waits for it, without the edges that others imply (the\n"
     "transitive reduction), with a legend. --json gives the nodes and edges.\n"
     "Options:\n"
     "  --root ROOT           where the specs are (again for more; default .)\n"
     "  --format FORMAT       mermaid (default) or dot\n"
     "  --json                nodes and edges\n" COMMON_HELP,
     OPT_ROOT | OPT_FORMAT | OPT_JSON_ONLY | OPT_COMMON, run_graph},
    {"next", "one task to do next, and why",
     "usage: tasksext next [ROOT...] [--spec SPEC] [--json|--csv]\n"
     "\nOne ready task: on a critical path first, then the one that unblocks the most\n"
     "open tasks, then the lowest level, then the first in document order.\n"
     "Exits 1 when nothing is ready, saying whether everything is done or what\n"
     "holds the rest up.\n"
     "Options:\n"
     "  --spec SPEC           one spec only\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_COMMON, run_next},
    {"mark", "set a task's status in its file",
     "usage: tasksext mark ID STATUS [--spec SPEC] [--root ROOT] [--json|--csv]\n"
     "\nChanges the box of task ID to STATUS (done, todo, in_progress, cancelled, a\n"
     "word of the status map, or a mark character) and nothing else in the file;\n"
     "refuses when the line changed since it was read. Prints the task's new row.\n"
     "An id found in several specs, or in none, is an error listing the candidates.\n"
     "Options:\n"
     "  --spec SPEC           the spec the task is in\n"
     "  --root ROOT           where to look (again for more; default .)\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_COMMON, run_mark},
    {"check", "the CI gate: exit 1 on issues at or above a severity",
     "usage: tasksext check [ROOT...] [--fail-on error|warning|info] [--format text|github]\n"
     "                      [--summary FILE] [--json|--csv]\n"
     "\nPrints every issue and exits 1 when one is at or above --fail-on (default\n"
     "error). --format github prints workflow annotations (::error file=...).\n"
     "--summary FILE appends a Markdown summary (progress per spec, the issues):\n"
     "give it $GITHUB_STEP_SUMMARY.\n"
     "Options:\n"
     "  --fail-on SEVERITY    error (default), warning or info\n"
     "  --format FORMAT       text (default) or github\n"
     "  --summary FILE        append a Markdown summary to FILE\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_FAIL_ON | OPT_FORMAT | OPT_SUMMARY | OPT_COMMON, run_check},
    {"badge", "a shields.io endpoint badge of the progress",
     "usage: tasksext badge [ROOT...] [--label TEXT]\n"
     "\nPrints {\"schemaVersion\": 1, \"label\": \"tasks\", \"message\": \"42/80\", \"color\": ...}\n"
     "for https://shields.io/badges/endpoint-badge (done of the counted tasks).\n"
     "Options:\n"
     "  --label TEXT          the badge's label (default tasks)\n" COMMON_HELP,
     OPT_ROOT | OPT_LABEL | OPT_JSON_ONLY | OPT_COMMON, run_badge},
    {"burndown", "the burn-down of a repository's specs, from its git history",
     "usage: tasksext burndown [SPEC|all] [--root REPOSITORY] [--svg|--json|--csv]\n"
     "\nPer day whose counts changed, the tasks, done, cancelled and open of the spec\n"
     "(default: all specs, added up) with a bar of what is open, then a forecast: the\n"
     "rate tasks were closed over the last 14 days and the day open reaches zero at it.\n"
     "--svg draws it (dates on the x axis, scope, open, the forecast line).\n"
     "The repository is --root, else the git work tree the current folder is in.\n"
     "Options:\n"
     "  --root REPOSITORY     the top of a work tree, its .git folder, or a bare repository\n"
     "  --svg                 the chart as SVG on stdout\n" OUTPUT_HELP HISTORY_COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SVG | OPT_COMMON, run_burndown},
    {"done", "tasks completed since a time, by whom, in which commit (git history)",
     "usage: tasksext done [--since WHEN] [--spec SPEC] [--root REPOSITORY] [--json|--csv]\n"
     "\nEach task whose box became done in a commit since WHEN, oldest first, with the\n"
     "commit's author, id and message; a task done, reopened and done again shows twice.\n"
     "The repository is --root, else the git work tree the current folder is in.\n"
     "Options:\n"
     "  --since WHEN          7d (default), 2w, 12h, a date (2026-03-08), a time (UTC:\n"
     "                        2026-03-08 12:00, or 09:30 today) or a modifier of now\n"
     "                        ('-1 month', 'start of month')\n"
     "  --spec SPEC           one spec only\n"
     "  --root REPOSITORY     the top of a work tree, its .git folder, or a bare repository\n"
     OUTPUT_HELP HISTORY_COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_SINCE | OPT_COMMON, run_done},
    {"sql", "run a query, or a .sql file, with tasksext registered",
     "usage: tasksext sql QUERY|FILE.sql [--root ROOT] [--spec SPEC] [--task ID] [--json|--csv]\n"
     "\nRuns each statement and prints its rows. :root, :spec and :task are bound\n"
     "to --root (default .), --spec and --task, so the reports in sql/ run as they\n"
     "are: tasksext sql sql/progress.sql --root examples.\n"
     "Options:\n"
     "  --root ROOT           :root\n"
     "  --spec SPEC           :spec\n"
     "  --task ID             :task\n" OUTPUT_HELP COMMON_HELP,
     OPT_ROOT | OPT_OUTPUT | OPT_SPEC | OPT_TASK | OPT_COMMON, run_sql},
};

const command_spec *command_find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

const command_spec *command_list(size_t *n)
{
    *n = sizeof commands / sizeof commands[0];
    return commands;
}

void command_usage(const command_spec *command, int to_stdout)
{
    fputs(command->usage, to_stdout ? stdout : stderr);
}

void program_usage(int to_stdout)
{
    FILE *out = to_stdout ? stdout : stderr;
    fputs("usage: tasksext COMMAND [ROOT...] [OPTIONS]\n"
          "\nTask lists of spec-driven projects (tasks.md of spec-kit, Kiro, Catalyst,\n"
          "cc-sdd, OpenSpec; Catalyst rollouts), read as tables.\n\nCommands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fputs("  help [COMMAND]  this text, or a command's\n"
          "\nExit codes: 0 done; 1 an error named on stderr, `next` found nothing ready,\n"
          "or `check` found issues; 2 wrong arguments (the usage is printed).\n"
          "tasksext --version prints the version.\n",
          out);
}
