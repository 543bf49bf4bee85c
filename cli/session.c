/*
 * session.c - see session.h.
 */
#include "session.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "tasksext.h"

/* Parsed files stay cached for the whole run, so the queries after the
 * first (tasks() after task_specs(), task_issues()) only stat the files. The
 * extension's default (2 MiB) suits a long-lived connection, not one run. */
#define SESSION_CACHE_BYTES (1LL << 30)

static double seconds_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* The progress line: one per process, as stderr is. */
static double progress_started = 0;
static int progress_shown = 0;

/* Not a terminal: a fixed width, so piped output is the same everywhere. */
#define SESSION_DEFAULT_WIDTH 100

int session_fail(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("tasksext: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    return EXIT_FAILED;
}

const char *session_error_text(sqlite3 *db)
{
    const char *message = sqlite3_errmsg(db);
    /* "tasks(): no such file..." -> "no such file..." */
    const char *paren = strstr(message, "(): ");
    if (paren && paren - message < 24) message = paren + 4;
    return message;
}

static int wants_colour(colour_mode mode)
{
    if (mode == COLOUR_ALWAYS) return 1;
    if (mode == COLOUR_NEVER) return 0;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color) return 0;
    return isatty(STDOUT_FILENO);
}

static size_t line_width(long asked)
{
    if (asked > 0) return (size_t)asked;
    struct winsize size;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20)
        return size.ws_col;
    return SESSION_DEFAULT_WIDTH;
}

static int run_statement(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* MARK=STATUS or MARK=STATUS@DIALECT, through tasksext_status(). */
static int apply_status_rule(sqlite3 *db, const char *rule)
{
    char copy[256];
    if (strlen(rule) >= sizeof copy) return session_fail("--status '%s': too long", rule);
    strcpy(copy, rule);
    char *equals = strchr(copy, '=');
    if (!equals) return session_fail("--status '%s': MARK=STATUS[@DIALECT]", rule);
    *equals = '\0';
    char *status = equals + 1;
    char *at = strrchr(status, '@');
    if (at) *at = '\0';
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(db, "SELECT tasksext_status(?1, ?2, ?3)", -1, &stmt, NULL) != SQLITE_OK)
        return session_fail("cannot set a status rule: %s", session_error_text(db));
    sqlite3_bind_text(stmt, 1, copy, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, at ? at + 1 : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return session_fail("status rule '%s': one mark character, a status word under 32 bytes, "
                            "and a dialect among catalyst, speckit, kiro, rollout, generic",
                            rule);
    return EXIT_OK;
}

static int copy_names(name_list *to, const name_list *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (name_list_add(to, from->items[i]) != 0) return -1;
    return 0;
}

int session_open(cli_session *session, const cli_options *options, int positionals_are_roots)
{
    memset(session, 0, sizeof *session);
    session->options = options;
    if (!options->no_config && config_load(options->config, &session->config) != 0)
        return EXIT_FAILED;
    if ((positionals_are_roots && copy_names(&session->roots, &options->positionals)) ||
        copy_names(&session->roots, &options->roots))
        return session_fail("out of memory");
    if (session->roots.n == 0 &&
        (session->config.roots.n ? copy_names(&session->roots, &session->config.roots)
                                 : name_list_add(&session->roots, ".")))
        return session_fail("out of memory");
    if (copy_names(&session->excludes, &session->config.excludes) ||
        copy_names(&session->excludes, &options->excludes))
        return session_fail("out of memory");
    const char *count = options->count ? options->count : session->config.count;
    session->count_all = count && strcmp(count, "all") == 0;
    session->colour = wants_colour(options->colour);
    session->width = line_width(options->width);
    session->show_progress = isatty(STDERR_FILENO);
    progress_started = seconds_now();

    /* One thread uses the connection (the read-ahead workers parse files and
     * never touch it), so it takes no mutex: sqlite3_column_*() would lock
     * one for every cell. */
    if (sqlite3_open_v2(":memory:", &session->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK)
        return session_fail("cannot open an in-memory database");
    char *error = NULL;
    if (sqlite3_tasksext_init(session->db, &error, NULL) != SQLITE_OK) {
        int status = session_fail("cannot register tasksext: %s", error ? error : "unknown error");
        sqlite3_free(error);
        return status;
    }
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT tasksext_cache_limit(%lld)", SESSION_CACHE_BYTES);
    if (run_statement(session->db, sql) != 0) return session_fail("cannot size the parse cache");
    /* The read-ahead thread parses the next files while a command reads
     * rows (README: Speed). PRAGMA threads is the most workers allowed (the
     * cores, at most 8); 0 on one core, where reading ahead only adds a switch. */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    snprintf(sql, sizeof sql, "PRAGMA threads = %ld", cores > 1 ? (cores > 8 ? 8 : cores) : 0);
    if (run_statement(session->db, sql) != 0) return session_fail("cannot start the read-ahead");
    for (size_t i = 0; i < session->config.statuses.n; i++)
        if (apply_status_rule(session->db, session->config.statuses.items[i]) != EXIT_OK)
            return EXIT_FAILED;
    for (size_t i = 0; i < options->statuses.n; i++)
        if (apply_status_rule(session->db, options->statuses.items[i]) != EXIT_OK)
            return EXIT_FAILED;
    return EXIT_OK;
}

void session_leave(cli_session *session)
{
    /* Freeing the cache took a twentieth of `tasksext next` on 10,000
     * specs, on one thread, after the output was written. */
    const char *free_at_exit = getenv("TASKSEXT_FREE_AT_EXIT");
    int sanitized = 0; /* a sanitizer's leak check runs at every exit */
#if defined(__SANITIZE_ADDRESS__)
    sanitized = 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    sanitized = 1;
#endif
#endif
    if (sanitized || (free_at_exit && strcmp(free_at_exit, "1") == 0)) {
        session_close(session);
        return;
    }
    session->db = NULL;
    session_close(session);
}

void session_close(cli_session *session)
{
    if (session->db) sqlite3_close(session->db);
    free((void *)session->roots.items);
    free((void *)session->excludes.items);
    config_free(&session->config);
    memset(session, 0, sizeof *session);
}

int session_excluded(const cli_session *session, const char *file)
{
    if (session->excludes.n == 0) return 0;
    char prefix[4096];
    size_t length = strlen(file);
    if (length >= sizeof prefix) length = sizeof prefix - 1;
    for (size_t end = 1; end <= length; end++) {
        if (end < length && file[end] != '/') continue;
        memcpy(prefix, file, end);
        prefix[end] = '\0';
        for (size_t i = 0; i < session->excludes.n; i++)
            if (fnmatch(session->excludes.items[i], prefix, 0) == 0) return 1;
    }
    return 0;
}

void session_json_begin(const cli_session *session, json_writer *json)
{
    json_envelope_begin(json, session->options->command);
    json_key(json, "roots");
    json_array_begin(json);
    for (size_t i = 0; i < session->roots.n; i++)
        json_string(json, session->roots.items[i]);
    json_array_end(json);
}

int session_print_report(const cli_session *session, const report_table *table,
                         const char *rows_key, json_extra_fn extra, void *context)
{
    int failed;
    if (session->options->output == OUTPUT_CSV) {
        failed = report_print_csv(table);
    } else if (session->options->output == OUTPUT_JSON) {
        json_writer json;
        json_init(&json, 1);
        session_json_begin(session, &json);
        json_key(&json, rows_key);
        report_write_json_rows(table, &json);
        if (extra) extra(&json, context);
        json_object_end(&json);
        failed = json_print(&json);
        json_free(&json);
    } else {
        table_style style = {session->width, session->colour};
        failed = report_print_table(table, &style);
    }
    return failed ? session_fail("out of memory") : EXIT_OK;
}


void session_progress(const cli_session *session, const char *what, size_t rows)
{
    if (!session->show_progress) return;
    double now = seconds_now();
    if (now - progress_started < 1.0) return;
    fprintf(stderr, "\r\033[Ktasksext: reading %s: %zu rows, %.0f s", what, rows,
            now - progress_started);
    progress_shown = 1;
}

void session_progress_done(const cli_session *session)
{
    if (progress_shown) fputs("\r\033[K", stderr);
    progress_shown = 0;
}
