/* document_load.c - task_document_load(): the steps in their order. */
#include "document.h"

int task_document_load(const task_load_input *in, task_document *doc)
{
    int rc = task_document_parse(in->bytes, in->size, in->spec, in->omit, doc);
    if (rc != TASKS_PARSE_OK) return rc;
    int details = !(doc->omitted & TASK_PART_DETAILS);
    doc->dialect = task_document_detect_dialect(doc, in->path);
    rc = task_document_map_statuses(doc, in->statuses);
    if (rc == TASKS_PARSE_OK && details) rc = task_document_stories_from_headings(doc);
    if (rc == TASKS_PARSE_OK && doc->dialect == DIALECT_ROLLOUT)
        rc = task_document_number_tasks(doc);
    if (rc == TASKS_PARSE_OK) {
        task_document_count_progress(doc);
        if (details) task_document_hash_lines(doc, in->bytes, in->size);
    }
    if (rc != TASKS_PARSE_OK) task_document_free(doc);
    return rc;
}
