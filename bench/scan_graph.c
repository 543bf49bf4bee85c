/* scan_graph.c - the parser core plus the dependency graph (edges, waves,
 * readiness), which tasks() builds for every file since it gained the
 * wave/ready/level columns. With this phase, tasks() minus this row is the
 * SQLite layer alone. */
#include "scan.h"
#include "tasks_deps.h"
#include "tasks_parse.h"

static int graph_step(const char *bytes, size_t size, const char *path, const char *folder,
                      scan_result *result)
{
    task_document doc;
    task_load_input in = {bytes, size, path, folder, NULL, 0};
    if (task_document_load(&in, &doc) != TASKS_PARSE_OK) return 1;
    task_graph graph;
    if (task_graph_build(&doc, &graph) != TASKS_PARSE_OK) {
        task_document_free(&doc);
        return 1;
    }
    result->tasks += doc.n_tasks;
    for (size_t i = 0; i < doc.n_tasks; i++)
        result->done += doc.tasks[i].status == TASK_STATUS_DONE;
    task_graph_free(&graph);
    task_document_free(&doc);
    return 0;
}

int scan_graph(const char *root, scan_result *result)
{
    return scan_tree(root, graph_step, result);
}
