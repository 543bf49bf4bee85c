/* fuzz_parse.c - raw bytes through task_document_load(), then every record
 * walked: each string touched and checked as UTF-8, JSON checked as JSON,
 * lines, parents and depths checked against each other. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "tasks_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_json(const char *what, const char *json, int must_be_array)
{
    size_t len = fuzz_check_string(what, json, 1);
    if (!json) return;
    size_t where = 0;
    FUZZ_CHECK(fuzz_json_valid(json, len, &where), "%s is not valid JSON at byte %zu: %.200s", what,
               where, json);
    if (must_be_array) FUZZ_CHECK(json[0] == '[', "%s is not an array: %.200s", what, json);
}

static void check_task(const task_document *doc, size_t index, uint32_t last_line)
{
    const task_record *t = &doc->tasks[index];
    FUZZ_CHECK(t->line >= 1, "task %zu: line %u", index, t->line);
    FUZZ_CHECK(t->line <= last_line, "task %zu: line %u past the last line %u", index, t->line,
               last_line);
    FUZZ_CHECK(t->end_line >= t->line && t->end_line <= last_line,
               "task %zu: end_line %u for line %u (last line %u)", index, t->end_line, t->line,
               last_line);

    size_t id_len = fuzz_check_string("task id", t->id, 1);
    if (t->id) FUZZ_CHECK(id_len > 0, "task %zu: empty id", index);
    size_t title_len = fuzz_check_string("task title", t->title, 0);
    size_t text_len = fuzz_check_string("task text", t->text, 0);
    /* The title is carved out of the text: it must lie inside it. */
    if (t->title >= t->text && t->title <= t->text + text_len)
        FUZZ_CHECK(t->title + title_len == t->text + text_len,
                   "task %zu: title does not end where the text does", index);
    fuzz_check_string("task story", t->story, 1);
    check_json("task tags_json", t->tags_json, 1);
    fuzz_check_string("task step", t->step, 1);
    fuzz_check_string("task step_name", t->step_name, 1);
    fuzz_check_string("task section", t->section, 1);

    /* The mark: one code point, NUL-terminated inside its 8 bytes. */
    size_t mark_len = strnlen(t->mark, sizeof t->mark);
    FUZZ_CHECK(mark_len >= 1 && mark_len <= 4, "task %zu: mark of %zu bytes", index, mark_len);
    FUZZ_CHECK(fuzz_utf8_bad_offset(t->mark, mark_len) == mark_len, "task %zu: mark not UTF-8",
               index);
    FUZZ_CHECK((unsigned)t->status <= (unsigned)TASK_STATUS_OTHER, "task %zu: status %d", index,
               (int)t->status);
    FUZZ_CHECK(fuzz_check_string("status name", task_status_name(t->status), 0) > 0,
               "task %zu: empty status name", index);
    FUZZ_CHECK(t->parallel == 0 || t->parallel == 1, "task %zu: parallel %d", index, t->parallel);
    FUZZ_CHECK(t->optional == 0 || t->optional == 1, "task %zu: optional %d", index, t->optional);
    FUZZ_CHECK(t->step_index >= 0, "task %zu: step_index %d", index, t->step_index);
    FUZZ_CHECK((t->step_index > 0) == (t->step != NULL), "task %zu: step_index %d, step %s", index,
               t->step_index, t->step ? t->step : "(null)");

    FUZZ_CHECK(t->parent >= -1 && t->parent < (int)index, "task %zu: parent %d", index, t->parent);
    if (t->parent == -1) {
        FUZZ_CHECK(t->depth == 0, "task %zu: depth %d without a parent", index, t->depth);
    } else {
        const task_record *p = &doc->tasks[t->parent];
        FUZZ_CHECK(t->depth == p->depth + 1, "task %zu: depth %d under parent %d of depth %d",
                   index, t->depth, t->parent, p->depth);
        FUZZ_CHECK(p->line <= t->line, "task %zu: line %u before its parent's %u", index, t->line,
                   p->line);
    }
    if (index > 0)
        FUZZ_CHECK(doc->tasks[index - 1].line <= t->line, "task %zu: line %u before task %zu's %u",
                   index, t->line, index - 1, doc->tasks[index - 1].line);
}

static int same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* A load that leaves the prose and the details out has the same tasks, each
 * the same but for what it left out. */
static void check_lean_load(const task_load_input *whole_in, const task_document *whole)
{
    task_load_input in = *whole_in;
    in.omit = TASK_PART_PROSE | TASK_PART_DETAILS;
    task_document lean;
    if (task_document_load(&in, &lean) != TASKS_PARSE_OK) return; /* out of memory */
    FUZZ_CHECK(lean.n_phrases == 0 && lean.n_wave_blocks == 0, "a lean load kept prose");
    FUZZ_CHECK(lean.n_tasks == whole->n_tasks, "lean %zu tasks, whole %zu", lean.n_tasks,
               whole->n_tasks);
    FUZZ_CHECK(lean.dialect == whole->dialect, "lean dialect %d, whole %d", lean.dialect,
               whole->dialect);
    FUZZ_CHECK(lean.n_notes == whole->n_notes, "lean %zu notes, whole %zu", lean.n_notes,
               whole->n_notes);
    FUZZ_CHECK(lean.n_headings == whole->n_headings && lean.n_steps == whole->n_steps &&
                   lean.n_execute_groups == whole->n_execute_groups &&
                   same_text(lean.title, whole->title) &&
                   same_text(lean.meta_json, whole->meta_json),
               "the document's own fields differ between the lean and the whole load");
    for (size_t i = 0; i < lean.n_tasks; i++) {
        const task_record *a = &lean.tasks[i], *b = &whole->tasks[i];
        FUZZ_CHECK(a->line == b->line && a->end_line == b->end_line && a->status == b->status &&
                       a->parent == b->parent && a->depth == b->depth && a->counted == b->counted &&
                       strcmp(a->mark, b->mark) == 0 && same_text(a->id, b->id) &&
                       same_text(a->title, b->title) && same_text(a->step, b->step) &&
                       same_text(a->section, b->section) && same_text(a->text, b->text) &&
                       same_text(a->step_name, b->step_name) && a->parallel == b->parallel &&
                       a->optional == b->optional && a->heading == b->heading &&
                       a->has_subtasks == b->has_subtasks &&
                       a->parallel_group == b->parallel_group && a->step_index == b->step_index,
                   "task %zu differs between the lean and the whole load", i);
    }
    task_document_free(&lean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    task_document doc;
    task_load_input in = {(const char *)data, size, NULL, "fuzz-spec", NULL, 0};
    int rc = task_document_load(&in, &doc);
    if (rc != TASKS_PARSE_OK) {
        /* Only running out of memory can fail at these sizes; the document
         * must then be empty. */
        FUZZ_CHECK(rc == TASKS_PARSE_NOMEM, "task_document_load returned %d", rc);
        FUZZ_CHECK(doc.arena == NULL && doc.tasks == NULL && doc.n_tasks == 0,
                   "failed parse left a document behind");
        return 0;
    }
    uint32_t last_line = fuzz_count_lines(data, size);

    fuzz_check_string("spec", doc.spec, 0);
    fuzz_check_string("title", doc.title, 1);
    fuzz_check_string("author", doc.author, 1);
    fuzz_check_string("description", doc.description, 1);
    check_json("meta_json", doc.meta_json, 0);
    if (doc.meta_json) FUZZ_CHECK(doc.meta_json[0] == '{' || doc.error, "meta_json not a map");
    fuzz_check_string("error", doc.error, 1);
    if (!doc.error)
        FUZZ_CHECK(doc.error_line == 0, "error_line %u without an error", doc.error_line);
    if (doc.error)
        FUZZ_CHECK(doc.error_line >= 1 && doc.error_line <= last_line,
                   "error_line %u (last line %u): %s", doc.error_line, last_line, doc.error);

    FUZZ_CHECK(doc.n_tasks == 0 || doc.tasks != NULL, "tasks NULL with %zu of them", doc.n_tasks);
    for (size_t i = 0; i < doc.n_tasks; i++)
        check_task(&doc, i, last_line);

    for (size_t i = 0; i < doc.n_phrases; i++) {
        const task_phrase *p = &doc.phrases[i];
        FUZZ_CHECK(p->line >= 1 && p->line <= last_line, "phrase %zu: line %u (last %u)", i,
                   p->line, last_line);
        fuzz_check_string("phrase text", p->text, 0);
    }
    for (size_t i = 0; i < doc.n_steps; i++) {
        const task_step *s = &doc.steps[i];
        FUZZ_CHECK(s->line >= 1 && s->line <= last_line, "step %zu: line %u (last %u)", i, s->line,
                   last_line);
        size_t n = fuzz_check_string("step number", s->number, 0);
        FUZZ_CHECK(n > 0, "step %zu: empty number", i);
        fuzz_check_string("step name", s->name, 1);
    }

    check_lean_load(&in, &doc);
    task_document_free(&doc);
    FUZZ_CHECK(doc.arena == NULL && doc.tasks == NULL, "free left pointers behind");
    return 0;
}
