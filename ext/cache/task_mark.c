/* task_mark.c - the edit a guarded mark makes, inside file_replace(). */
#include "task_mark.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../fs/file_replace.h"

typedef struct mark_edit {
    const task_mark_request *r;
    task_mark_result *out;
    char why[400]; /* the refusal, without the path */
} mark_edit;

static int refuse(mark_edit *e, int error, const char **reason, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static int refuse(mark_edit *e, int error, const char **reason, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(e->why, sizeof e->why, format, args);
    va_end(args);
    *reason = e->why;
    return error;
}

/* One UTF-8 code point, not a bracket or a control character: a mark. */
static int is_one_mark(const char *text)
{
    unsigned char lead = (unsigned char)text[0];
    size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    return n && strlen(text) == n;
}

static int usable_mark(const char *mark)
{
    unsigned char c = (unsigned char)mark[0];
    return c >= 0x20 && c != 0x7F && c != '[' && c != ']';
}

static const task_record *task_on_line(const task_document *doc, uint32_t line)
{
    for (size_t t = 0; t < doc->n_tasks; t++)
        if (doc->tasks[t].line == line) return &doc->tasks[t];
    return NULL;
}

static int load(const mark_edit *e, const char *bytes, size_t size, task_document *doc)
{
    task_load_input in = {bytes, size, e->r->path, NULL, e->r->statuses, 0};
    return task_document_load(&in, doc);
}

static int edit(void *ctx, const char *bytes, size_t size, char **out, size_t *out_size,
                const char **reason)
{
    mark_edit *e = ctx;
    const task_mark_request *r = e->r;
    task_document doc;
    int rc = load(e, bytes, size, &doc);
    if (rc == TASKS_PARSE_TOO_BIG)
        return refuse(e, EFBIG, reason, "larger than the parser's limit");
    if (rc != TASKS_PARSE_OK) return refuse(e, ENOMEM, reason, "out of memory");
    const task_record *task = task_on_line(&doc, r->line);
    size_t start, end, box_start, box_end;
    int error = 0;
    if (!task) {
        error = refuse(e, EINVAL, reason, "no task on this line");
    } else if (!task_line_span(bytes, size, r->line, &start, &end)) {
        error = refuse(e, EINVAL, reason, "no such line");
    } else {
        char now[17];
        task_line_hash_text(task_line_hash(bytes + start, end - start), now);
        if (strcasecmp(now, r->line_hash) != 0)
            error = refuse(e, ESTALE, reason,
                           "the line changed since it was read (line_hash %s, now %s): read "
                           "it again",
                           r->line_hash, now);
        else if (!task_box_find(bytes + start, end - start, &box_start, &box_end))
            error = refuse(e, EINVAL, reason, "no box found on the task's line");
    }
    char mark[8] = "";
    if (!error) {
        if (is_one_mark(r->mark_or_status))
            snprintf(mark, sizeof mark, "%s", r->mark_or_status);
        else if (!task_status_mark(doc.dialect, r->statuses, r->mark_or_status, mark))
            error = refuse(e, EINVAL, reason,
                           "no mark means '%s' in %s files (map one with tasksext_status())",
                           r->mark_or_status, task_dialect_name(doc.dialect));
        if (!error && !usable_mark(mark))
            error = refuse(e, EINVAL, reason, "'%s' cannot stand in a box", mark);
    }
    task_dialect dialect = doc.dialect;
    task_document_free(&doc);
    if (error) return error;
    snprintf(e->out->mark, sizeof e->out->mark, "%s", mark);
    box_start += start;
    box_end += start;
    size_t mark_len = strlen(mark);
    if (box_end - box_start == mark_len && memcmp(bytes + box_start, mark, mark_len) == 0) {
        task_line_hash_text(task_line_hash(bytes + start, end - start), e->out->line_hash);
        *out = NULL; /* it holds that mark already */
        return 0;
    }
    size_t new_size = size - (box_end - box_start) + mark_len;
    char *changed = malloc(new_size ? new_size : 1);
    if (!changed) return refuse(e, ENOMEM, reason, "out of memory");
    memcpy(changed, bytes, box_start);
    memcpy(changed + box_start, mark, mark_len);
    memcpy(changed + box_start + mark_len, bytes + box_end, size - box_end);
    /* Read it back as tasks() would: the same line must hold the task, now
     * with the new mark, in the same dialect. */
    rc = load(e, changed, new_size, &doc);
    const task_record *again = rc == TASKS_PARSE_OK ? task_on_line(&doc, r->line) : NULL;
    int reads_back = again && strcmp(again->mark, mark) == 0 && doc.dialect == dialect;
    if (rc == TASKS_PARSE_OK) task_document_free(&doc);
    if (!reads_back) {
        free(changed);
        return refuse(e, EINVAL, reason,
                      "with '%s' in its box the line would no longer read "
                      "as the same task",
                      mark);
    }
    size_t new_end = end - (box_end - box_start) + mark_len;
    task_line_hash_text(task_line_hash(changed + start, new_end - start), e->out->line_hash);
    e->out->changed = 1;
    *out = changed;
    *out_size = new_size;
    return 0;
}

int task_mark(const task_mark_request *request, task_mark_result *out)
{
    memset(out, 0, sizeof(*out));
    mark_edit e = {request, out, ""};
    const char *reason = NULL;
    if (!request->mark_or_status || !*request->mark_or_status || !request->line_hash) {
        snprintf(out->message, sizeof out->message,
                 "%s:%u: give a mark or a status, and the "
                 "line_hash tasks() showed",
                 request->path, (unsigned)request->line);
        return EINVAL;
    }
    int error = file_replace(request->path, request->max_bytes, edit, &e, &reason);
    if (error) {
        out->changed = 0;
        snprintf(out->message, sizeof out->message, "%s:%u: %s", request->path,
                 (unsigned)request->line, reason ? reason : strerror(error));
    }
    return error;
}
