/*
 * burndown_command.c - `tasksext burndown [SPEC|all]`: the burn-down of a
 * repository's specs from its git history (sql/burndown.sql, one row per
 * day whose counts changed), as a table with a bar of what is open and the
 * forecast under it, as CSV or JSON, or drawn as SVG (burndown_svg.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "burndown_svg.h"
#include "command_support.h"
#include "commands.h"
#include "history_source.h"

enum { C_DAY, C_TASKS, C_DONE, C_CANCELLED, C_OPEN, C_CHART };

static const report_column burndown_columns[] = {
    {"day", "DAY", 0},
    {"tasks", "TASKS", COLUMN_RIGHT},
    {"done", "DONE", COLUMN_RIGHT},
    {"cancelled", "CANCELLED", COLUMN_RIGHT},
    {"open", "OPEN", COLUMN_RIGHT},
    {"chart", "", COLUMN_NO_JSON},
};

#define SECONDS_PER_DAY 86400

/* `YYYY-MM-DD` (what sql/burndown.sql gives) as midnight UTC; -1 if not. */
static int64_t day_time(const char *day)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!day || sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (int64_t)timegm(&tm);
}

typedef struct burndown_series {
    burndown_point *points;
    size_t n, capacity;
} burndown_series;

static int series_add(burndown_series *series, burndown_point point)
{
    if (series->n == series->capacity) {
        size_t capacity = series->capacity ? series->capacity * 2 : 64;
        burndown_point *grown = realloc(series->points, capacity * sizeof *grown);
        if (!grown) return -1;
        series->points = grown;
        series->capacity = capacity;
    }
    series->points[series->n++] = point;
    return 0;
}

/* Runs sql/burndown.sql into the table and the series. */
static int read_series(const cli_session *session, const char *repository, const char *spec,
                       report_table *table, burndown_series *series)
{
    const char *const binds[] = {":spec", spec, NULL};
    sqlite3_stmt *stmt = history_prepare(session, burndown_sql, repository, binds);
    if (!stmt) return EXIT_FAILED;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *day = (const char *)sqlite3_column_text(stmt, 0);
        report_add_row(table);
        report_set_text(table, C_DAY, day);
        for (int c = C_TASKS; c <= C_OPEN; c++)
            report_set_int(table, (size_t)c, sqlite3_column_int64(stmt, c));
        report_set_text(table, C_CHART, (const char *)sqlite3_column_text(stmt, C_CHART));
        burndown_point point = {day_time(day), sqlite3_column_int64(stmt, C_TASKS),
                                sqlite3_column_int64(stmt, C_OPEN)};
        if (series_add(series, point) != 0) table->failed = 1;
    }
    return history_finish(session, stmt, rc, repository, table->failed);
}

typedef struct forecast_view {
    const char *repository;
    const char *spec;
    const burndown_series *series;
    burndown_forecast forecast;
    int window;
} forecast_view;

static void write_forecast_json(json_writer *json, void *context)
{
    const forecast_view *view = context;
    json_field_string(json, "spec", view->spec);
    json_key(json, "forecast");
    if (view->series->n == 0) {
        json_null(json);
        return;
    }
    json_object_begin(json);
    json_field_int(json, "window_days", view->window);
    json_key(json, "closed_per_day");
    json_real(json, view->forecast.per_day > 0 ? view->forecast.per_day : 0);
    char finish[16];
    burndown_day_text(view->forecast.finish, finish);
    json_field_string(json, "finish", view->forecast.finish ? finish : NULL);
    json_object_end(json);
}

/* The line under the table: the rate, and the day open reaches zero. */
static void print_forecast(const forecast_view *view)
{
    const burndown_series *series = view->series;
    if (series->n == 0) {
        printf("\nNo task list in the history of %s.\n", view->repository);
        return;
    }
    const burndown_point *last = &series->points[series->n - 1];
    char last_day[16], finish[16];
    burndown_day_text(last->time, last_day);
    burndown_day_text(view->forecast.finish, finish);
    if (last->open == 0)
        printf("\nEverything was done or cancelled on %s.\n", last_day);
    else if (view->forecast.per_day > 0)
        printf("\n%.2f tasks closed a day over the %d days to %s: at that rate the %lld open are "
               "done about %s.\n",
               view->forecast.per_day, view->window, last_day, (long long)last->open, finish);
    else
        printf("\nNo task was closed over the %d days to %s, so there is no forecast for the %lld "
               "open.\n",
               view->window, last_day, (long long)last->open);
}

static int print_svg(const char *repository, const char *spec, const burndown_series *series)
{
    char title[4200];
    snprintf(title, sizeof title, "Burn-down of %s, %s", repository,
             strcmp(spec, "all") == 0 ? "all specs" : spec);
    burndown_svg_options svg_options = {title, 0, 0, 0};
    char *svg = NULL;
    if (burndown_svg(series->points, series->n, &svg_options, &svg) != 0)
        return session_fail("out of memory");
    fputs(svg, stdout);
    free(svg);
    return EXIT_OK;
}

int run_burndown(const cli_options *options)
{
    if (options->positionals.n > 1) {
        fprintf(stderr, "tasksext burndown: give one spec, or all\n");
        command_usage(command_find("burndown"), 0);
        return EXIT_USAGE;
    }
    if (options->svg && options->output != OUTPUT_TABLE) {
        fprintf(stderr,
                "tasksext burndown: --svg is a format of its own: not with --json or --csv\n");
        command_usage(command_find("burndown"), 0);
        return EXIT_USAGE;
    }
    const char *spec = options->positionals.n ? options->positionals.items[0] : "all";
    cli_session session;
    char *repository;
    int status = history_session_open(&session, options, &repository);
    if (status != EXIT_OK) {
        if (status == EXIT_USAGE) command_usage(command_find("burndown"), 0);
        return status;
    }
    report_table table;
    report_init(&table, burndown_columns, sizeof burndown_columns / sizeof burndown_columns[0]);
    burndown_series series = {0};
    status = read_series(&session, repository, spec, &table, &series);
    if (status == EXIT_OK && series.n == 0 && strcmp(spec, "all") != 0)
        status = session_fail("no spec '%s' in the history of %s", spec, repository);
    if (status == EXIT_OK && options->svg) {
        status = print_svg(repository, spec, &series);
    } else if (status == EXIT_OK) {
        forecast_view view = {repository, spec, &series, {0, 0}, 14};
        burndown_svg_options window = {NULL, 0, 0, view.window};
        if (series.n) view.forecast = burndown_forecast_of(series.points, series.n, &window);
        status = session_print_report(&session, &table, "days", write_forecast_json, &view);
        if (status == EXIT_OK && options->output == OUTPUT_TABLE) print_forecast(&view);
    }
    report_free(&table);
    free(series.points);
    session_close(&session);
    free(repository);
    return status;
}
