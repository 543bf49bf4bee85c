/*
 * check_command.c - `tasksext check`, the CI gate: prints every issue (as
 * text, or as GitHub workflow annotations), can append a Markdown summary
 * for the job page, and exits 1 when an issue is at or above --fail-on.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "command_support.h"
#include "decimal_text.h"
#include "commands.h"
#include "issue_rows.h"
#include "progress_tally.h"

static const char *const severity_names[] = {"error", "warning", "info"};

static const char *cell(const report_table *table, size_t row, size_t column)
{
    const report_cell *c = &table->cells[row * table->n_columns + column];
    return c->kind == CELL_TEXT ? c->text : NULL;
}

static long cell_int(const report_table *table, size_t row, size_t column)
{
    const report_cell *c = &table->cells[row * table->n_columns + column];
    return c->kind == CELL_INT ? (long)c->integer : -1;
}

/* GitHub's workflow-command escaping: the message escapes %, CR and LF; a
 * property also : and ,. */
static void print_escaped(const char *text, int property)
{
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '%')
            fputs("%25", stdout);
        else if (*p == '\r')
            fputs("%0D", stdout);
        else if (*p == '\n')
            fputs("%0A", stdout);
        else if (property && *p == ':')
            fputs("%3A", stdout);
        else if (property && *p == ',')
            fputs("%2C", stdout);
        else
            fputc(*p, stdout);
    }
}

static void print_github(const report_table *table)
{
    for (size_t r = 0; r < table->n_rows; r++) {
        issue_severity severity = issue_severity_of(cell(table, r, I_SEVERITY));
        fputs(severity == SEVERITY_ERROR     ? "::error file="
              : severity == SEVERITY_WARNING ? "::warning file="
                                             : "::notice file=",
              stdout);
        print_escaped(cell(table, r, I_FILE), 1);
        long line = cell_int(table, r, I_LINE);
        char number[DECIMAL_TEXT_SIZE];
        if (line > 0) {
            fputs(",line=", stdout);
            fputs(decimal_text(line, number), stdout);
        }
        fputs(",title=", stdout);
        print_escaped(cell(table, r, I_CODE), 1);
        fputs("::", stdout);
        print_escaped(cell(table, r, I_MESSAGE), 0);
        fputc('\n', stdout);
    }
}

/* fputs, not printf: a report of a large tree prints a line per issue. */
static void put_text(const char *text)
{
    if (text) fputs(text, stdout);
}

static void print_text(const report_table *table)
{
    for (size_t r = 0; r < table->n_rows; r++) {
        long line = cell_int(table, r, I_LINE);
        put_text(cell(table, r, I_FILE));
        char number[DECIMAL_TEXT_SIZE];
        if (line > 0) {
            fputc(':', stdout);
            fputs(decimal_text(line, number), stdout);
        }
        fputs(": ", stdout);
        put_text(cell(table, r, I_SEVERITY));
        fputs(": ", stdout);
        put_text(cell(table, r, I_MESSAGE));
        fputs(" [", stdout);
        put_text(cell(table, r, I_CODE));
        fputs("]\n", stdout);
    }
}

static void counts_line(FILE *out, const long *counts)
{
    fprintf(out, "%ld error%s, %ld warning%s, %ld info", counts[0], counts[0] == 1 ? "" : "s",
            counts[1], counts[1] == 1 ? "" : "s", counts[2]);
}

/* A Markdown table cell: no line breaks, no bare pipes. */
static void markdown_cell(FILE *out, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '|')
            fputs("\\|", out);
        else if (*p == '\n' || *p == '\r')
            fputc(' ', out);
        else
            fputc(*p, out);
    }
}

static int write_summary(const char *path, const task_model *model, int count_all,
                         const issue_rows *rows, issue_severity fail_on, int passed)
{
    FILE *out = fopen(path, "a");
    if (!out) return session_fail("%s: %s", path, strerror(errno));
    progress_tally tally;
    if (progress_tally_build(model, count_all, &tally) != 0) {
        fclose(out);
        return session_fail("out of memory");
    }
    fputs("## Task lists\n\n| spec | done | total | progress |\n|---|---:|---:|---:|\n", out);
    for (size_t s = 0; s < tally.n_specs; s++) {
        fputs("| ", out);
        markdown_cell(out, tally.specs[s].name);
        fprintf(out, " | %ld | %ld | %d%% |\n", tally.specs[s].counts.done,
                tally.specs[s].counts.total - tally.specs[s].counts.cancelled,
                progress_percent(&tally.specs[s].counts));
    }
    fprintf(out, "| **all** | **%ld** | **%ld** | **%d%%** |\n\n", tally.total.done,
            tally.total.total - tally.total.cancelled, progress_percent(&tally.total));
    fputs("**Issues:** ", out);
    counts_line(out, rows->counts);
    fprintf(out, " — %s (fails on %s and above)\n\n", passed ? "passed" : "**failed**",
            severity_names[fail_on]);
    const report_table *table = &rows->table;
    if (table->n_rows) fputs("| severity | code | where | message |\n|---|---|---|---|\n", out);
    for (size_t r = 0; r < table->n_rows; r++) {
        fputs("| ", out);
        markdown_cell(out, cell(table, r, I_SEVERITY));
        fputs(" | ", out);
        markdown_cell(out, cell(table, r, I_CODE));
        fputs(" | `", out);
        markdown_cell(out, cell(table, r, I_WHERE));
        fputs("` | ", out);
        markdown_cell(out, cell(table, r, I_MESSAGE));
        fputs(" |\n", out);
    }
    fputc('\n', out);
    progress_tally_free(&tally);
    int failed = ferror(out);
    if (fclose(out) != 0 || failed) return session_fail("%s: could not write the summary", path);
    return EXIT_OK;
}

typedef struct check_result {
    issue_severity fail_on;
    int passed;
    const long *counts;
} check_result;

static void json_extra(json_writer *json, void *context)
{
    const check_result *result = context;
    json_field_string(json, "fail_on", severity_names[result->fail_on]);
    json_field_bool(json, "passed", result->passed);
    json_key(json, "counts");
    json_object_begin(json);
    for (int s = 0; s < 3; s++)
        json_field_int(json, severity_names[s], result->counts[s]);
    json_object_end(json);
}

int run_check(const cli_options *options)
{
    const char *format = options->format ? options->format : "text";
    if (strcmp(format, "text") != 0 && strcmp(format, "github") != 0) {
        fprintf(stderr, "tasksext check: --format is text or github, not '%s'\n", format);
        command_usage(command_find("check"), 0);
        return EXIT_USAGE;
    }
    cli_session session;
    task_model model;
    issue_rows rows;
    int status = issue_rows_open(&session, &model, options,
                                 options->summary ? MODEL_COUNTS : MODEL_FILES, &rows);
    if (status != EXIT_OK) return status;
    issue_severity fail_on = issue_severity_of(options->fail_on ? options->fail_on : "error");
    int failing = 0;
    for (int s = 0; s <= (int)fail_on; s++)
        failing += rows.counts[s] > 0;
    check_result result = {fail_on, failing == 0, rows.counts};
    if (status == EXIT_OK) {
        if (options->output != OUTPUT_TABLE)
            status = session_print_report(&session, &rows.table, "issues", json_extra, &result);
        else if (strcmp(format, "github") == 0)
            print_github(&rows.table);
        else
            print_text(&rows.table);
    }
    if (status == EXIT_OK && options->summary)
        status = write_summary(options->summary, &model, session.count_all, &rows, fail_on,
                               result.passed);
    if (status == EXIT_OK && options->output == OUTPUT_TABLE) {
        FILE *out = stdout;
        fputs("tasksext check: ", out);
        counts_line(out, rows.counts);
        fprintf(out, ": %s (fails on %s and above)\n", result.passed ? "passed" : "failed",
                severity_names[fail_on]);
    }
    issue_rows_free(&rows);
    close_model(&session, &model);
    if (status != EXIT_OK) return status;
    return result.passed ? EXIT_OK : EXIT_FAILED;
}
