/*
 * history_vtab.c - the eponymous virtual table behind every function that
 * reads a repository's history:
 *
 *   SELECT * FROM task_history('.');                 -- HEAD, first parents
 *   SELECT * FROM task_burndown('.', 'v1.0..main');  -- a range
 *
 * They read the repository's objects, so they connect with
 * SQLITE_VTAB_DIRECTONLY, as the file readers do (file_scan.c): a view or
 * trigger in a database someone else wrote cannot make them read your
 * repositories. Reading runs no hook and writes nothing (fs/git_history.h).
 *
 * xBestIndex / xFilter protocol:
 *
 *   bit     meaning
 *   ------  -----------------------------------------------------------
 *     1     the hidden `repo` column is constrained by `=`: argv[0]
 *           (idxNum 0: no `repo` constraint, xFilter fails with a message)
 *     2     the hidden `range` column is constrained by `=`: argv[1]
 *
 * A `repo` or `range` constraint that is present but not usable gives
 * SQLITE_CONSTRAINT, so SQLite picks a plan that can supply it. Constraints
 * on other columns are left to SQLite. A cursor keeps the history it read for
 * as long as xFilter is called with the same arguments (the inner side of a
 * join reads the repository once).
 */
#include "history_vtab.h"

#include <stdlib.h>
#include <string.h>

#include "vtab_error.h"

SQLITE_EXTENSION_INIT3

typedef struct history_vtab {
    sqlite3_vtab base;
    const history_table *table;
    tasks_connection *conn;
} history_vtab;

typedef struct history_cursor {
    sqlite3_vtab_cursor base;
    history_scan *scan;
    char *repo, *range; /* what `scan` was read for (sqlite3_malloc'd) */
    size_t row, rows;
} history_cursor;

static int history_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                           sqlite3_vtab **out, char **error)
{
    (void)argc;
    (void)argv;
    const history_table_aux *client = aux;
    int rc = sqlite3_declare_vtab(db, client->table->schema);
    if (rc != SQLITE_OK) {
        *error = sqlite3_mprintf("%s: %s", client->table->name, sqlite3_errmsg(db));
        return rc;
    }
    history_vtab *vtab = sqlite3_malloc(sizeof(history_vtab));
    if (!vtab) return SQLITE_NOMEM;
    memset(vtab, 0, sizeof(*vtab));
    vtab->table = client->table;
    vtab->conn = client->conn;
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    *out = &vtab->base;
    return SQLITE_OK;
}

static int history_disconnect(sqlite3_vtab *vtab)
{
    sqlite3_free(vtab->zErrMsg);
    sqlite3_free(vtab);
    return SQLITE_OK;
}

static int history_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    const history_table *table = ((history_vtab *)base)->table;
    int usable[2] = {-1, -1};
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        int k = c->iColumn - table->repo_column;
        if (k != 0 && k != 1) continue;
        if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
        usable[k] = i;
    }
    info->idxNum = 0;
    if (usable[0] < 0) {
        /* No repository: a plan SQLite will not want; xFilter says why. */
        info->estimatedCost = 1e300;
        info->estimatedRows = 1000000000;
        return SQLITE_OK;
    }
    for (int k = 0; k < 2; k++) {
        if (usable[k] < 0) continue;
        info->aConstraintUsage[usable[k]].argvIndex = k + 1;
        info->aConstraintUsage[usable[k]].omit = 1;
        info->idxNum |= 1 << k;
    }
    info->estimatedCost = 100000.0;
    info->estimatedRows = 10000;
    return SQLITE_OK;
}

static int history_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
    (void)vtab;
    history_cursor *cur = sqlite3_malloc(sizeof(history_cursor));
    if (!cur) return SQLITE_NOMEM;
    memset(cur, 0, sizeof(*cur));
    *out = &cur->base;
    return SQLITE_OK;
}

static void forget(history_cursor *cur)
{
    history_scan_free(cur->scan);
    cur->scan = NULL;
    sqlite3_free(cur->repo);
    sqlite3_free(cur->range);
    cur->repo = cur->range = NULL;
    cur->row = cur->rows = 0;
}

static int history_close(sqlite3_vtab_cursor *base)
{
    forget((history_cursor *)base);
    sqlite3_free(base);
    return SQLITE_OK;
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int history_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                          sqlite3_value **argv)
{
    (void)idx_str;
    history_cursor *cur = (history_cursor *)base;
    history_vtab *vtab = (history_vtab *)base->pVtab;
    const char *name = vtab->table->name;
    cur->row = cur->rows = 0;
    if (!(idx_num & 1) || argc < 1) {
        vtab_set_error(base->pVtab,
                  "%s(): a repository argument is required, as in SELECT * FROM %s('.')", name,
                  name);
        return SQLITE_ERROR;
    }
    const char *repo = (const char *)sqlite3_value_text(argv[0]);
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || (repo && !*repo)) {
        vtab_set_error(base->pVtab, "%s(): the repository is %s; give the top of a work tree", name,
                  repo ? "empty" : "NULL");
        return SQLITE_ERROR;
    }
    if (!repo) return SQLITE_NOMEM;
    const char *range = NULL;
    if ((idx_num & 2) && argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
        range = (const char *)sqlite3_value_text(argv[1]);
        if (!range) return SQLITE_NOMEM;
    }
    if (cur->scan && same_text(cur->repo, repo) && same_text(cur->range, range)) {
        cur->rows = vtab->table->row_count(cur->scan);
        return SQLITE_OK;
    }
    forget(cur);
    history_options options = {repo, range, &vtab->conn->statuses, vtab->table->lints};
    char *message = NULL;
    if (history_scan_run(&options, &cur->scan, &message) < 0) {
        if (!message) return SQLITE_NOMEM;
        vtab_set_error(base->pVtab, "%s(): %s", name, message);
        free(message);
        return SQLITE_ERROR;
    }
    cur->repo = sqlite3_mprintf("%s", repo);
    cur->range = range ? sqlite3_mprintf("%s", range) : NULL;
    if (!cur->repo || (range && !cur->range)) {
        forget(cur);
        return SQLITE_NOMEM;
    }
    cur->rows = vtab->table->row_count(cur->scan);
    return SQLITE_OK;
}

static int history_next(sqlite3_vtab_cursor *base)
{
    ((history_cursor *)base)->row++;
    return SQLITE_OK;
}

static int history_eof(sqlite3_vtab_cursor *base)
{
    const history_cursor *cur = (const history_cursor *)base;
    return cur->row >= cur->rows;
}

static int history_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int column)
{
    history_cursor *cur = (history_cursor *)base;
    const history_table *table = ((history_vtab *)base->pVtab)->table;
    if (column >= table->repo_column) return SQLITE_OK; /* arguments only: NULL */
    table->column(ctx, cur->scan, cur->row, column);
    return SQLITE_OK;
}

static int history_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
{
    *rowid = (sqlite3_int64)((history_cursor *)base)->row + 1;
    return SQLITE_OK;
}

void history_result_commit(sqlite3_context *ctx, const history_commit *commit, int time)
{
    if (time)
        sqlite3_result_int64(ctx, commit->time);
    else
        sqlite3_result_text(ctx, commit->id, -1, SQLITE_TRANSIENT);
}

const sqlite3_module history_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only */
    .xConnect = history_connect,
    .xBestIndex = history_best_index,
    .xDisconnect = history_disconnect,
    .xDestroy = history_disconnect,
    .xOpen = history_open,
    .xClose = history_close,
    .xFilter = history_filter,
    .xNext = history_next,
    .xEof = history_eof,
    .xColumn = history_column,
    .xRowid = history_rowid,
};
