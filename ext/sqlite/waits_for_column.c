/* waits_for_column.c - see waits_for_column.h.
 *
 * The JSON is written by hand into one buffer (on the stack when it fits):
 * a query may read it for every task of a tree, and the parse core's
 * text_buffer JSON writer made it 88 M instructions per 1,000 specs instead
 * of 24 M. Ids are ASCII (task_id_scan()), so escaping is all they need.
 * The pointer form makes no text at all: one allocation per task that
 * waits for something. */
#include "waits_for_column.h"

#include "tasksext.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* The graph's edges come grouped by task, in task order: the first of
 * `task`'s, or where they would be. */
static size_t first_edge(const task_graph *graph, size_t task)
{
    size_t low = 0, high = graph->n_edges;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if ((size_t)graph->edges[middle].task < task)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* A string literal's bytes, without a strlen. */
#define PUT_LITERAL(at, literal)                                                                   \
    (memcpy((at), (literal), sizeof(literal) - 1), (at) + sizeof(literal) - 1)

static char *put(char *at, const char *text)
{
    size_t n = strlen(text);
    memcpy(at, text, n);
    return at + n;
}

static char *put_number(char *at, unsigned value)
{
    char digits[12];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    while (n > 0)
        *at++ = digits[--n];
    return at;
}

/* A JSON string: quotes, backslashes and control characters escaped (at most
 * six bytes for one). */
static char *put_string(char *at, const char *text)
{
    static const char hex[] = "0123456789abcdef";
    *at++ = '"';
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\') {
            *at++ = '\\';
            *at++ = (char)*p;
        } else if (*p < 0x20) {
            at = PUT_LITERAL(at, "\\u00");
            *at++ = hex[*p >> 4];
            *at++ = hex[*p & 15];
        } else {
            *at++ = (char)*p;
        }
    }
    *at++ = '"';
    return at;
}

void waits_for_json_result(sqlite3_context *ctx, const task_document *doc, const task_graph *graph,
                           size_t task)
{
    size_t first = first_edge(graph, task), end = first;
    size_t bound = 3; /* `[]` and a NUL */
    for (; end < graph->n_edges && (size_t)graph->edges[end].task == task; end++) {
        const char *id = doc->tasks[graph->edges[end].depends_on].id;
        bound += 64 + (id ? 6 * strlen(id) : 0);
    }
    if (first == end) {
        sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC);
        return;
    }
    /* Most arrays fit on the stack, and SQLite copies them into the
     * register it reuses from row to row: no malloc per task. */
    char small[2048];
    char *json = bound <= sizeof small ? small : sqlite3_malloc64(bound);
    if (!json) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    char *at = json;
    *at++ = '[';
    for (size_t e = first; e < end; e++) {
        const task_edge *edge = &graph->edges[e];
        const task_record *other = &doc->tasks[edge->depends_on];
        if (e > first) *at++ = ',';
        at = PUT_LITERAL(at, "{\"line\":");
        at = put_number(at, (unsigned)other->line);
        at = PUT_LITERAL(at, ",\"id\":");
        at = other->id ? put_string(at, other->id) : PUT_LITERAL(at, "null");
        at = PUT_LITERAL(at, ",\"kind\":\"");
        at = put(at, task_edge_kind_name(edge->kind));
        at = PUT_LITERAL(at, "\"}");
    }
    *at++ = ']';
    sqlite3_result_text64(ctx, json, (sqlite3_uint64)(at - json),
                          json == small ? SQLITE_TRANSIENT : sqlite3_free, SQLITE_UTF8);
}

size_t waits_for_range(const task_graph *graph, size_t task, size_t *first)
{
    size_t end = *first = first_edge(graph, task);
    while (end < graph->n_edges && (size_t)graph->edges[end].task == task)
        end++;
    return end - *first;
}

size_t waits_for_text_bytes(const task_document *doc, const task_graph *graph, size_t first,
                            size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += pointer_text_bytes(doc->tasks[graph->edges[first + i].depends_on].id);
    return bytes;
}

void waits_for_fill(const task_document *doc, const task_graph *graph, size_t first, size_t n,
                    tasksext_wait *items, char **texts)
{
    for (size_t i = 0; i < n; i++) {
        const task_edge *edge = &graph->edges[first + i];
        const task_record *other = &doc->tasks[edge->depends_on];
        /* The kinds' names are the extension's own constants. */
        items[i] = (tasksext_wait){(int)other->line, pointer_text_copy(texts, other->id),
                                   task_edge_kind_name(edge->kind)};
    }
}

void waits_for_pointer_result(sqlite3_context *ctx, const task_document *doc,
                              const task_graph *graph, size_t task)
{
    /* Shared by every task that waits for nothing; SQLite never writes
     * through a pointer it is given. */
    static const tasksext_waits none = {0, NULL};
    size_t first, n = waits_for_range(graph, task, &first);
    if (n == 0) {
        sqlite3_result_pointer(ctx, (void *)&none, TASKSEXT_WAITS_TYPE, NULL);
        return;
    }
    /* The list, its items and their ids in one allocation, freed by SQLite
     * when it lets the value go: the ids are copied, since SQLite may keep
     * the value past the row (a bare column beside max()), when the parsed
     * file may be gone. */
    tasksext_waits *waits = sqlite3_malloc64(sizeof *waits + n * sizeof(tasksext_wait) +
                                             waits_for_text_bytes(doc, graph, first, n));
    if (!waits) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    tasksext_wait *items = (tasksext_wait *)(waits + 1);
    char *texts = (char *)(items + n);
    waits_for_fill(doc, graph, first, n, items, &texts);
    waits->n = n;
    waits->items = items;
    sqlite3_result_pointer(ctx, waits, TASKSEXT_WAITS_TYPE, sqlite3_free);
}
