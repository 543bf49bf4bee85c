/*
 * task_model.c - see task_model.h. For a command that reads the files again
 * afterwards, two queries per root: task_specs(), which parses every file
 * and fills the parse cache, then tasks(), which finds them there
 * (task_specs() alone for the files only). Otherwise (MODEL_GRAPH,
 * MODEL_LAST) one: tasks() parses each file once (building its graph on the
 * same thread when asked), with no cache between, and tells of every file,
 * with rows or without, through its file sink (tasksext.h): the files'
 * names, and the error of one over the size limit. A command that reads the
 * graph takes each task as a C struct, its edges with it
 * (tasks().task_pointer).
 */
#include "task_model.h"

#include "tasksext.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- strings kept for the model's lifetime ------------------------------------ */

const char *model_keep(task_model *model, const char *text)
{
    return string_pool_keep(model->strings, text);
}

/* ---- which tasks belong to which file ------------------------------------------ */

/* A name under a root, hashed (FNV-1a, the root folded in first). */
static uint64_t model_name_hash(int root, const char *name)
{
    uint64_t hash = 1469598103934665603ULL ^ (uint64_t)root;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        hash = (hash ^ *p) * 1099511628211ULL;
    return hash;
}

/* The index in `lines` (a file's task lines, ascending) of `line`, or -1. */
static long line_index(const int *lines, size_t n, int line)
{
    size_t low = 0, high = n;
    while (low < high) {
        size_t middle = (low + high) / 2;
        if (lines[middle] < line)
            low = middle + 1;
        else
            high = middle;
    }
    return low < n && lines[low] == line ? (long)low : -1;
}

/* ---- the queries ------------------------------------------------------------- */

static int has_glob(const char *path)
{
    return strpbrk(path, "*?[") != NULL;
}

static int grow(void **items, size_t *capacity, size_t needed, size_t size)
{
    if (needed <= *capacity) return 0;
    size_t fresh = *capacity ? *capacity * 2 : (needed > 256 ? needed : 256);
    while (fresh < needed)
        fresh *= 2;
    void *grown = realloc(*items, fresh * size);
    if (!grown) return -1;
    *items = grown;
    *capacity = fresh;
    return 0;
}

static const char *column_text(sqlite3_stmt *stmt, int column)
{
    return (const char *)sqlite3_column_text(stmt, column);
}

static int prepare_for_root(const cli_session *session, const char *sql, const char *root,
                            sqlite3_stmt **stmt)
{
    if (sqlite3_prepare_v2(session->db, sql, -1, stmt, NULL) != SQLITE_OK)
        return session_fail("cannot read '%s': %s", root, session_error_text(session->db));
    sqlite3_bind_text(*stmt, 1, root, -1, SQLITE_STATIC);
    return EXIT_OK;
}

static int finish(const cli_session *session, sqlite3_stmt *stmt, int rc, const char *root)
{
    sqlite3_finalize(stmt);
    session_progress_done(session);
    if (rc == SQLITE_DONE) return EXIT_OK;
    if (rc == SQLITE_NOMEM) return session_fail("out of memory reading '%s'", root);
    return session_fail("cannot read '%s': %s", root, session_error_text(session->db));
}

int model_error_stops(const char *error)
{
    /* `PATH: larger than the N-byte limit` (file_loader.c): the end of the
     * text, which a path of any name cannot stand for. */
    static const char lead[] = ": larger than the ", tail[] = "-byte limit";
    if (!error) return 0;
    size_t n = strlen(error), n_tail = sizeof tail - 1;
    if (n < n_tail || strcmp(error + n - n_tail, tail) != 0) return 0;
    size_t digits = n - n_tail;
    while (digits > 0 && error[digits - 1] >= '0' && error[digits - 1] <= '9')
        digits--;
    size_t n_lead = sizeof lead - 1;
    return digits < n - n_tail && digits >= n_lead &&
           strncmp(error + digits - n_lead, lead, n_lead) == 0;
}

/* One file of the root, kept in model->files unless excluded: 1 when
 * kept. */
static int tally_file(model_file_tally *tally, const char *spec, const char *file,
                      const char *error, const char *dialect)
{
    tally->found++;
    if (!file || session_excluded(tally->session, file)) return 0;
    if (model_error_stops(error)) {
        if (!tally->stop && !(tally->stop = strdup(error))) tally->out_of_room = 1;
        return 0;
    }
    task_model *model = tally->model;
    if (grow((void **)&model->files, &model->files_capacity, model->n_files + 1,
             sizeof(model_file))) {
        tally->out_of_room = 1;
        return 0;
    }
    model_file *entry = &model->files[model->n_files++];
    entry->root = tally->root;
    entry->spec = model_keep(model, spec);
    entry->file = model_keep(model, file);
    entry->error = model_keep(model, error);
    entry->dialect = model_keep(model, dialect);
    tally->kept++;
    return 1;
}

/* The root's scan has met what ends it: a file over the size limit, or no
 * memory. */
static int tally_stops(const model_file_tally *tally)
{
    return tally->stop || tally->out_of_room;
}

/* The root's verdict once its walk is over, its errors in the order they
 * are said. */
static int tally_verdict(const model_file_tally *tally)
{
    const char *root = tally->session->roots.items[tally->root];
    int status = EXIT_OK;
    if (tally->out_of_room)
        status = session_fail("out of memory");
    else if (tally->stop)
        status = session_fail("%s", tally->stop);
    else if (tally->found == 0 && has_glob(root))
        status = session_fail("no file matches the glob '%s'", root);
    else if (tally->found == 0)
        status =
            session_fail("no task lists under '%s' (looked for tasks.md and rollout-*.md)", root);
    else if (tally->kept == 0)
        status = session_fail("every task list under '%s' is excluded", root);
    return status;
}

/* The files of a root from task_specs(), which parses each into the cache;
 * *tasks += the tasks it counts. */
static int load_files(const cli_session *session, int root_index, task_model *model, size_t *tasks)
{
    const char *root = session->roots.items[root_index];
    sqlite3_stmt *stmt;
    if (prepare_for_root(session, "SELECT spec, file, error, dialect, tasks FROM task_specs(?1)",
                         root, &stmt))
        return EXIT_FAILED;
    model_file_tally tally;
    model_tally_begin(&tally, session, model, root_index);
    int rc = SQLITE_DONE;
    while (!tally_stops(&tally) && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        if (tally_file(&tally, column_text(stmt, 0), column_text(stmt, 1), column_text(stmt, 2),
                       column_text(stmt, 3)))
            *tasks += (size_t)sqlite3_column_int64(stmt, 4);
    return model_tally_end(&tally,
                           finish(session, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, root));
}

/* A table's file sink (tasksext.h): each file of the scan, as it comes. */
static void file_seen(void *context, const tasksext_file *file)
{
    (void)tally_file(context, file->spec, file->file, file->error, NULL);
}

void model_tally_begin(model_file_tally *tally, const cli_session *session, task_model *model,
                       int root)
{
    *tally = (model_file_tally){session, model, root, 0, 0, NULL, 0, {file_seen, tally}};
}

int model_tally_end(model_file_tally *tally, int status)
{
    if (status == EXIT_OK) status = tally_verdict(tally);
    free(tally->stop);
    tally->stop = NULL;
    return status;
}

typedef struct raw_edge {
    int task, depends_on;
    unsigned char kind;
} raw_edge;

/* A kind as task_deps().kind names it. */
static unsigned char edge_kind(const char *name)
{
    if (!name) return KIND_OTHER;
    if (strcmp(name, "explicit") == 0) return KIND_EXPLICIT;
    if (strcmp(name, "step") == 0) return KIND_STEP;
    if (strcmp(name, "sequence") == 0) return KIND_SEQUENCE;
    return KIND_OTHER;
}

/* The edges as they are read: those of the current file wait for a line
 * (the task it names may come later in the file), and are resolved to task
 * indexes when the file's last row has been read. Rows come task by task,
 * so `edges` is in waiting-task order throughout, which build_adjacency()
 * relies on. */
typedef struct pending_edge {
    size_t task;
    int depends_on_line;
    unsigned char kind;
} pending_edge;

typedef struct edge_reader {
    pending_edge *pending; /* the current file's, unresolved */
    size_t n_pending, pending_capacity;
    size_t file_first; /* the current file's first task */
    size_t task;       /* the task whose waits_for is being read */
    raw_edge *edges;   /* resolved, in waiting-task order */
    size_t n_edges, edges_capacity;
    int *lines; /* the current file's task lines, searched without a task's stride */
    size_t lines_capacity;
} edge_reader;

/* The column query's columns (tasks_query()). */
enum task_column {
    COL_SPEC,
    COL_FILE,
    COL_LINE,
    COL_ID,
    COL_TITLE,
    COL_STATUS,
    COL_MARK,
    COL_DONE,
    COL_STEP,
    COL_STEP_NAME,
    COL_PARALLEL,
    COL_COUNTED,
    COL_OPTIONAL,
    COL_DEPTH,
    COL_LINE_HASH,
    COL_FILES
};

/* The pointer query's. */
enum pointer_column {
    POINTER_COL_TASK,
    POINTER_COL_STEP,
    POINTER_COL_LINE_HASH,
    POINTER_COL_FILES
};

/* The edges of the task just read, kept until its file is complete. */
static int keep_edges(edge_reader *reader, const tasksext_waits *waits)
{
    if (grow((void **)&reader->pending, &reader->pending_capacity, reader->n_pending + waits->n,
             sizeof(pending_edge)))
        return -1;
    /* The kinds are the extension's own few names: one compare for a run. */
    const char *last_name = NULL;
    unsigned char last_kind = KIND_OTHER;
    for (size_t i = 0; i < waits->n; i++) {
        const tasksext_wait *wait = &waits->items[i];
        if (wait->kind != last_name) {
            last_name = wait->kind;
            last_kind = edge_kind(wait->kind);
        }
        reader->pending[reader->n_pending++] = (pending_edge){reader->task, wait->line, last_kind};
    }
    return 0;
}

/* The current file's edges, by task index (tasks file_first .. n_tasks):
 * an edge to a line with no task, or to the task itself, is dropped. */
static int resolve_file_edges(const task_model *model, edge_reader *reader)
{
    size_t first = reader->file_first, n = model->n_tasks - first;
    if (reader->n_pending > 0) {
        if (grow((void **)&reader->edges, &reader->edges_capacity,
                 reader->n_edges + reader->n_pending, sizeof(raw_edge)) ||
            grow((void **)&reader->lines, &reader->lines_capacity, n, sizeof(int)))
            return -1;
        for (size_t t = 0; t < n; t++)
            reader->lines[t] = model->tasks[first + t].line;
    }
    for (size_t e = 0; e < reader->n_pending; e++) {
        const pending_edge *p = &reader->pending[e];
        long at = line_index(reader->lines, n, p->depends_on_line);
        if (at < 0 || first + (size_t)at == p->task) continue;
        reader->edges[reader->n_edges++] =
            (raw_edge){(int)p->task, (int)(first + (size_t)at), p->kind};
    }
    reader->n_pending = 0;
    reader->file_first = model->n_tasks;
    return 0;
}

/* The query for a root's tasks. The columns a command does not use are
 * NULL here, so tasks() never makes them (it fills only the columns a
 * statement reads). The commands that read the graph take each row as a C
 * struct (task_pointer, tasksext.h), with step, and line_hash and files
 * when asked, beside it; the others read columns. */
static void tasks_query(unsigned needs, int by_pointer, int with_sink, char *sql, size_t size)
{
    int counts = (needs & MODEL_COUNTS) != 0, guard = (needs & MODEL_GUARD) != 0;
    const char *line_hash = guard ? "line_hash" : "NULL";
    const char *files = (needs & MODEL_NAMED_FILES) ? "files" : "NULL";
    const char *sink = with_sink ? " WHERE file_sink = ?2" : "";
    if (by_pointer) {
        snprintf(sql, size, "SELECT task_pointer, step, %s, %s FROM tasks(?1)%s", line_hash, files,
                 sink);
        return;
    }
    snprintf(sql, size,
             "SELECT spec, file, line, %s, %s, status, %s, done, step, step_name, %s, counted,"
             " optional, %s, %s, %s FROM tasks(?1)%s",
             counts ? "NULL" : "id", counts ? "NULL" : "title", guard ? "mark" : "NULL",
             counts ? "0" : "parallel", counts ? "0" : "depth", line_hash, files, sink);
}

/* A task from a row of the column query. */
static void task_from_columns(task_model *model, sqlite3_stmt *stmt, model_task *task)
{
    task->line = sqlite3_column_int(stmt, COL_LINE);
    task->id = model_keep(model, column_text(stmt, COL_ID));
    task->title = model_keep(model, column_text(stmt, COL_TITLE));
    task->status = model_keep(model, column_text(stmt, COL_STATUS));
    task->mark = model_keep(model, column_text(stmt, COL_MARK));
    task->done = sqlite3_column_int(stmt, COL_DONE);
    task->step = model_keep(model, column_text(stmt, COL_STEP));
    task->step_name = model_keep(model, column_text(stmt, COL_STEP_NAME));
    task->parallel = sqlite3_column_int(stmt, COL_PARALLEL);
    task->counted = sqlite3_column_int(stmt, COL_COUNTED);
    task->optional = sqlite3_column_int(stmt, COL_OPTIONAL);
    task->depth = sqlite3_column_int(stmt, COL_DEPTH);
    task->line_hash = model_keep(model, column_text(stmt, COL_LINE_HASH));
    task->files = model_keep(model, column_text(stmt, COL_FILES));
}

/* A task from a row of the pointer query. */
static void task_from_pointer(task_model *model, sqlite3_stmt *stmt, unsigned needs,
                              const tasksext_task *row, model_task *task)
{
    task->line = row->line;
    task->id = model_keep(model, row->id);
    task->title = model_keep(model, row->title);
    task->status = model_keep(model, row->status);
    task->mark = (needs & MODEL_GUARD) ? model_keep(model, row->mark) : NULL;
    task->done = row->done;
    task->step = model_keep(model, column_text(stmt, POINTER_COL_STEP));
    task->line_hash = model_keep(model, column_text(stmt, POINTER_COL_LINE_HASH));
    task->files = model_keep(model, column_text(stmt, POINTER_COL_FILES));
    task->ready = row->ready;
    task->wave = row->wave;
    task->level = row->level;
    /* What the column query would give a command that walks the edges. */
    if (!(needs & MODEL_EDGES)) {
        task->step_name = model_keep(model, row->step_name);
        task->parallel = row->parallel;
        task->counted = row->counted;
        task->optional = row->optional;
        task->depth = row->depth;
    }
}

/* The tasks of a root. With `files` (the command reads the tree once), the
 * root's files come in the same scan, through tasks()' file sink, into
 * `files`, whose verdict is the caller's to take. */
static int load_tasks(const cli_session *session, int root_index, unsigned needs, task_model *model,
                      size_t *capacity, edge_reader *reader, model_file_tally *files)
{
    const char *root = session->roots.items[root_index];
    int by_pointer = (needs & MODEL_GRAPH) != 0; /* (MODEL_EDGES implies it: model_load()) */
    char sql[400];
    tasks_query(needs, by_pointer, files != NULL, sql, sizeof sql);
    sqlite3_stmt *stmt;
    if (prepare_for_root(session, sql, root, &stmt)) return EXIT_FAILED;
    if (files) sqlite3_bind_pointer(stmt, 2, &files->sink, TASKSEXT_FILE_SINK_TYPE, NULL);
    int rc;
    const char *last_file = NULL, *last_spec = NULL;
    int last_excluded = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const tasksext_task *row = NULL;
        const char *file, *spec;
        if (by_pointer) {
            row = sqlite3_value_pointer(sqlite3_column_value(stmt, POINTER_COL_TASK),
                                        TASKSEXT_TASK_TYPE);
            if (!row) {
                sqlite3_finalize(stmt);
                return session_fail("cannot read the tasks of '%s'", root);
            }
            file = row->file;
            spec = row->spec;
        } else {
            file = column_text(stmt, COL_FILE);
            spec = column_text(stmt, COL_SPEC);
        }
        if (!file) continue;
        /* Rows come file by file: look each file up once. */
        if (!last_file || strcmp(file, last_file) != 0) {
            if (resolve_file_edges(model, reader) != 0) {
                rc = SQLITE_NOMEM;
                break;
            }
            last_excluded = session_excluded(session, file);
            last_file = last_excluded ? NULL : model_keep(model, file);
            last_spec = last_excluded ? NULL : model_keep(model, spec);
            if (!last_excluded && !last_file) break;
        }
        if (last_excluded) continue;
        if (grow((void **)&model->tasks, capacity, model->n_tasks + 1, sizeof(model_task))) {
            rc = SQLITE_NOMEM;
            break;
        }
        model_task *task = &model->tasks[model->n_tasks++];
        memset(task, 0, sizeof *task);
        task->root = root_index;
        task->spec = last_spec;
        task->file = last_file;
        if (row)
            task_from_pointer(model, stmt, needs, row, task);
        else
            task_from_columns(model, stmt, task);
        task->cancelled = task->status && strcmp(task->status, "cancelled") == 0;
        task->open = !task->done && !task->cancelled;
        if (needs & MODEL_EDGES) {
            /* The edges come with their task, not as a task_deps() row
             * each (a tenth of the cost on a large tree), and as the
             * extension's own array (tasksext.h), not waits_for's JSON:
             * making and reading the JSON was a seventh of `next`. */
            reader->task = model->n_tasks - 1;
            if (keep_edges(reader, &row->waits_for) != 0) {
                rc = SQLITE_NOMEM;
                break;
            }
        }
        if ((model->n_tasks & 4095) == 0) session_progress(session, root, model->n_tasks);
        if (files && tally_stops(files)) { /* its verdict says why */
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc == SQLITE_DONE && resolve_file_edges(model, reader) != 0) rc = SQLITE_NOMEM;
    return finish(session, stmt, rc, root);
}

static int compare_edges(const void *a, const void *b)
{
    const raw_edge *x = a, *y = b;
    if (x->task != y->task) return x->task < y->task ? -1 : 1;
    if (x->depends_on != y->depends_on) return x->depends_on < y->depends_on ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

/* One edge per pair (the strongest kind), then both directions. The edges
 * come in waiting-task order (edge_reader), so each task's few are a run,
 * sorted and deduplicated in place: the cost follows the edges, not edges
 * times their logarithm. */
static void sort_run(raw_edge *edges, size_t n)
{
    if (n > 32) {
        qsort(edges, n, sizeof *edges, compare_edges);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        raw_edge moving = edges[i];
        size_t j = i;
        while (j > 0 && compare_edges(&edges[j - 1], &moving) > 0) {
            edges[j] = edges[j - 1];
            j--;
        }
        edges[j] = moving;
    }
}

static int build_adjacency(task_model *model, raw_edge *edges, size_t n)
{
    size_t tasks = model->n_tasks;
    model->waits_start = calloc(tasks + 1, sizeof(size_t));
    model->waited_start = calloc(tasks + 1, sizeof(size_t));
    if (!model->waits_start || !model->waited_start) return -1;
    size_t kept = 0;
    for (size_t from = 0; from < n;) {
        size_t to = from + 1;
        while (to < n && edges[to].task == edges[from].task)
            to++;
        sort_run(edges + from, to - from);
        for (size_t i = from; i < to; i++)
            if (i == from || edges[i].depends_on != edges[i - 1].depends_on)
                edges[kept++] = edges[i];
        from = to;
    }
    model->n_edges = kept;
    model->waits_for = malloc((kept ? kept : 1) * sizeof(int));
    model->waited_by = malloc((kept ? kept : 1) * sizeof(int));
    model->waits_kind = malloc(kept ? kept : 1);
    size_t *fill = calloc(tasks + 1, sizeof(size_t));
    if (!model->waits_for || !model->waited_by || !model->waits_kind || !fill) {
        free(fill);
        return -1;
    }
    for (size_t i = 0; i < kept; i++) {
        model->waits_start[edges[i].task + 1]++;
        model->waited_start[edges[i].depends_on + 1]++;
    }
    for (size_t t = 0; t < tasks; t++) {
        model->waits_start[t + 1] += model->waits_start[t];
        model->waited_start[t + 1] += model->waited_start[t];
    }
    for (size_t i = 0; i < kept; i++) {
        /* In task order: the waits_for lists fill in order. */
        model->waits_for[i] = edges[i].depends_on;
        model->waits_kind[i] = edges[i].kind;
        size_t at = model->waited_start[edges[i].depends_on] + fill[edges[i].depends_on]++;
        model->waited_by[at] = edges[i].task;
    }
    free(fill);
    return 0;
}

/* Groups the tasks by (root, spec): one spec may span several files
 * (`specs/x` and `.kiro/specs/x`), not always next to each other. */
static int index_specs(task_model *model)
{
    size_t capacity = 64;
    while (capacity < 2 * model->n_tasks + 2)
        capacity *= 2;
    int *slots = malloc(capacity * sizeof *slots);
    if (!slots) return -1;
    memset(slots, -1, capacity * sizeof *slots);
    size_t spec_capacity = 0;
    for (size_t t = 0; t < model->n_tasks; t++) {
        model_task *task = &model->tasks[t];
        /* A file's tasks share its one kept spec name: looked up once. */
        if (t > 0 && task->spec == model->tasks[t - 1].spec &&
            task->root == model->tasks[t - 1].root) {
            task->spec_index = model->tasks[t - 1].spec_index;
            model->specs[task->spec_index].n_tasks++;
            continue;
        }
        const char *name = task->spec ? task->spec : "";
        size_t at = model_name_hash(task->root, name) & (capacity - 1);
        while (slots[at] >= 0 && (model->specs[slots[at]].root != task->root ||
                                  strcmp(model->specs[slots[at]].name, name) != 0))
            at = (at + 1) & (capacity - 1);
        if (slots[at] < 0) {
            if (grow((void **)&model->specs, &spec_capacity, model->n_specs + 1,
                     sizeof(model_spec))) {
                free(slots);
                return -1;
            }
            model->specs[model->n_specs] = (model_spec){task->root, name, NULL, 0};
            slots[at] = (int)model->n_specs++;
        }
        task->spec_index = slots[at];
        model->specs[slots[at]].n_tasks++;
    }
    free(slots);
    if (model->n_specs == 0) return 0; /* (nothing to hold, nothing to free) */
    int *all = malloc(model->n_tasks * sizeof *all);
    if (!all) return -1;
    size_t offset = 0;
    for (size_t s = 0; s < model->n_specs; s++) {
        model->specs[s].tasks = all + offset;
        offset += model->specs[s].n_tasks;
        model->specs[s].n_tasks = 0;
    }
    for (size_t t = 0; t < model->n_tasks; t++) {
        model_spec *spec = &model->specs[model->tasks[t].spec_index];
        spec->tasks[spec->n_tasks++] = (int)t;
    }
    return 0;
}

int model_check_roots(const cli_session *session)
{
    for (size_t r = 0; r < session->roots.n; r++) {
        const char *root = session->roots.items[r];
        struct stat st;
        if (!has_glob(root) && stat(root, &st) != 0)
            return session_fail("no such file or directory: '%s'", root);
    }
    return EXIT_OK;
}

/* No parsed file kept from here on: the next scan parses each file once
 * (with its graph when it reads one) and gives its rows, and the memory
 * goes to the next file. The listings keep their bound. */
int model_parse_each_file_once(const cli_session *session)
{
    if (sqlite3_exec(session->db,
                     "SELECT tasksext_cache_limit(0, json_extract(tasksext_cache_stats(),"
                     " '$.limit'))",
                     NULL, NULL, NULL) == SQLITE_OK)
        return EXIT_OK;
    return session_fail("cannot size the parse cache: %s", session_error_text(session->db));
}

int model_begin(task_model *model)
{
    memset(model, 0, sizeof *model);
    model->strings = calloc(1, sizeof(string_pool));
    return model->strings ? EXIT_OK : session_fail("out of memory");
}

int model_load(const cli_session *session, unsigned needs, task_model *model)
{
    if (model_begin(model) != EXIT_OK) return EXIT_FAILED;
    if (needs & MODEL_EDGES) needs |= MODEL_GRAPH;
    size_t task_capacity = 0, expected_tasks = 0;
    if (model_check_roots(session) != EXIT_OK) return EXIT_FAILED;
    /* Read once (MODEL_GRAPH, MODEL_LAST): each file is parsed in the
     * tasks() scan, which walks the tree on the worker thread while files
     * are parsed and tells of every file through its sink; root by root, so
     * a root's errors come in the roots' order. */
    int one_scan = (needs & (MODEL_GRAPH | MODEL_LAST)) != 0;
    for (size_t r = 0; !one_scan && r < session->roots.n; r++)
        if (load_files(session, (int)r, model, &expected_tasks) != EXIT_OK) return EXIT_FAILED;
    if (needs & MODEL_FILES) return EXIT_OK;
    /* Room for the tasks task_specs() counted (none when read once), at
     * once: no copy as the array grows. */
    if (grow((void **)&model->tasks, &task_capacity, expected_tasks, sizeof(model_task)))
        return session_fail("out of memory");
    if (one_scan && model_parse_each_file_once(session) != EXIT_OK) return EXIT_FAILED;
    edge_reader reader = {0};
    int status = EXIT_OK;
    for (size_t r = 0; status == EXIT_OK && r < session->roots.n; r++) {
        model_file_tally files;
        model_tally_begin(&files, session, model, (int)r);
        status = load_tasks(session, (int)r, needs, model, &task_capacity, &reader,
                            one_scan ? &files : NULL);
        if (one_scan) status = model_tally_end(&files, status);
    }
    free(reader.pending);
    free(reader.lines);
    if (status == EXIT_OK && index_specs(model) != 0) status = session_fail("out of memory");
    if (status == EXIT_OK && (needs & MODEL_EDGES) &&
        build_adjacency(model, reader.edges, reader.n_edges) != 0)
        status = session_fail("out of memory");
    free(reader.edges);
    return status;
}

void model_free(task_model *model)
{
    if (model->strings) {
        string_pool_free(model->strings);
        free(model->strings);
    }
    free(model->tasks);
    if (model->n_specs) free(model->specs[0].tasks);
    free(model->specs);
    free(model->files);
    free(model->waits_start);
    free(model->waited_start);
    free(model->waits_for);
    free(model->waited_by);
    free(model->waits_kind);
    memset(model, 0, sizeof *model);
}

const char *model_task_name(const model_task *task, char *buffer, size_t size)
{
    if (task->id) return task->id;
    snprintf(buffer, size, "%s:%d", task->file, task->line);
    return buffer;
}
