/* scan_parse.c - the parser core alone: what tasks() costs before SQLite
 * sees a row (front matter, md4c with real callbacks, task records). */
#include "scan.h"
#include "tasks_parse.h"

static int parse_step(const char *bytes, size_t size, const char *path, const char *folder,
                      scan_result *result)
{
    task_document doc;
    task_load_input in = {bytes, size, path, folder, NULL, 0};
    if (task_document_load(&in, &doc) != TASKS_PARSE_OK) return 1;
    result->tasks += doc.n_tasks;
    for (size_t i = 0; i < doc.n_tasks; i++)
        result->done += doc.tasks[i].status == TASK_STATUS_DONE;
    task_document_free(&doc);
    return 0;
}

int scan_parse(const char *root, scan_result *result)
{
    return scan_tree(root, parse_step, result);
}
