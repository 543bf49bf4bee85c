/*
 * graph_command.c - `tasksext graph`: the dependency graph of some specs as
 * Mermaid or Graphviz DOT (or JSON nodes and edges). Edges that others
 * imply are left out (dependency_walk.c's transitive reduction), so a
 * spec of a hundred tasks draws as a readable picture, not a hairball.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "command_support.h"
#include "commands.h"
#include "dependency_walk.h"
#include "text_width.h"

/* A label's title: cut at a word to this many columns. */
#define GRAPH_TITLE_WIDTH 40

static const char *const kind_names[] = {"explicit", "step", "sequence", "other"};

typedef struct drawing {
    const task_model *model;
    int *tasks; /* the tasks drawn: spec by spec in the specs' order, document order within */
    size_t n_tasks;
    drawn_edges edges;
    const char *unreduced; /* a spec drawn with every edge (over the bound), or NULL */
} drawing;

/* `T004: Query parser in src/search/…` (a task without id: `line 12: ...`). */
static char *node_label(const model_task *task)
{
    char *title = text_fit(task->title ? task->title : "", GRAPH_TITLE_WIDTH);
    if (!title) return NULL;
    size_t n = strlen(title) + (task->id ? strlen(task->id) : 16) + 16;
    char *label = malloc(n);
    if (label) {
        if (task->id)
            snprintf(label, n, "%s: %s", task->id, title);
        else
            snprintf(label, n, "line %d: %s", task->line, title);
    }
    free(title);
    return label;
}

static void print_mermaid_text(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputs("#quot;", stdout);
        else if (*p == '`')
            continue;
        else
            fputc(*p, stdout);
    }
}

static void print_dot_text(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '"' || *p == '\\') fputc('\\', stdout);
        fputc(*p, stdout);
    }
}

static const char *mermaid_arrow(unsigned char kind)
{
    return kind == KIND_EXPLICIT ? " ==> " : kind == KIND_OTHER ? " -.-> " : " --> ";
}

static int print_mermaid(const drawing *d)
{
    const task_model *model = d->model;
    puts("flowchart TD");
    puts("  %% arrows run from a task to the task that waits for it:");
    puts("  %% ==> stated in the text, --> the list's order, -.-> subtasks and waves;");
    puts("  %% an arrow that others imply is left out (transitive reduction)");
    if (d->unreduced) {
        printf("  %%%% %s has over %d tasks: every arrow drawn, none implied left out\n",
               d->unreduced, WALK_REDUCTION_MAX_TASKS);
    }
    for (size_t k = 0; k < d->n_tasks; k++) {
        const model_task *task = &model->tasks[d->tasks[k]];
        if (k == 0 || task->spec_index != model->tasks[d->tasks[k - 1]].spec_index) {
            if (k) puts("  end");
            printf("  subgraph s%d[\"", task->spec_index);
            print_mermaid_text(model->specs[task->spec_index].name);
            puts("\"]");
        }
        char *label = node_label(task);
        if (!label) return -1;
        printf("    n%d[\"", d->tasks[k]);
        print_mermaid_text(label);
        printf("\"]:::%s\n", task_state(task));
        free(label);
    }
    if (d->n_tasks) puts("  end");
    for (size_t e = 0; e < d->edges.n; e++)
        printf("  n%d%sn%d\n", d->edges.items[e].from, mermaid_arrow(d->edges.items[e].kind),
               d->edges.items[e].to);
    puts("  subgraph legend[\"Legend\"]\n"
         "    legend_done[\"done\"]:::done\n"
         "    legend_ready[\"ready\"]:::ready\n"
         "    legend_blocked[\"blocked\"]:::blocked\n"
         "    legend_cancelled[\"cancelled\"]:::cancelled\n"
         "    legend_stated[\"A\"] ==>|stated| legend_waits[\"B waits for A\"]\n"
         "    legend_listed[\"A\"] -->|list order| legend_next[\"B waits for A\"]\n"
         "  end\n"
         "  classDef done fill:#c8e6c9,stroke:#2e7d32\n"
         "  classDef ready fill:#fff59d,stroke:#f9a825\n"
         "  classDef blocked fill:#ffcdd2,stroke:#c62828\n"
         "  classDef cancelled fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray: 4 4");
    return 0;
}

static const char *dot_look(const char *state)
{
    if (strcmp(state, "done") == 0) return "fillcolor=\"#c8e6c9\", color=\"#2e7d32\"";
    if (strcmp(state, "cancelled") == 0)
        return "fillcolor=\"#eeeeee\", color=\"#9e9e9e\", style=\"rounded,filled,dashed\"";
    if (strcmp(state, "ready") == 0) return "fillcolor=\"#fff59d\", color=\"#f9a825\"";
    return "fillcolor=\"#ffcdd2\", color=\"#c62828\"";
}

static const char *dot_edge_style(unsigned char kind)
{
    return kind == KIND_EXPLICIT ? " [style=bold]" : kind == KIND_OTHER ? " [style=dashed]" : "";
}

static int print_dot(const drawing *d)
{
    const task_model *model = d->model;
    puts("digraph tasks {\n"
         "  // arrows run from a task to the task that waits for it: bold, stated in the text;\n"
         "  // plain, the list's order; dashed, subtasks and waves. An arrow that others\n"
         "  // imply is left out (transitive reduction).");
    if (d->unreduced)
        printf("  // %s has over %d tasks: every arrow drawn, none implied left out\n",
               d->unreduced, WALK_REDUCTION_MAX_TASKS);
    puts("  rankdir=TB;\n"
         "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];");
    for (size_t k = 0; k < d->n_tasks; k++) {
        const model_task *task = &model->tasks[d->tasks[k]];
        if (k == 0 || task->spec_index != model->tasks[d->tasks[k - 1]].spec_index) {
            if (k) puts("  }");
            printf("  subgraph cluster_%d {\n    label=\"", task->spec_index);
            print_dot_text(model->specs[task->spec_index].name);
            puts("\";");
        }
        char *label = node_label(task);
        if (!label) return -1;
        printf("    n%d [label=\"", d->tasks[k]);
        print_dot_text(label);
        printf("\", %s];\n", dot_look(task_state(task)));
        free(label);
    }
    if (d->n_tasks) puts("  }");
    for (size_t e = 0; e < d->edges.n; e++)
        printf("  n%d -> n%d%s;\n", d->edges.items[e].from, d->edges.items[e].to,
               dot_edge_style(d->edges.items[e].kind));
    printf("  subgraph cluster_legend {\n    label=\"Legend\";\n");
    const char *states[] = {"done", "ready", "blocked", "cancelled"};
    for (int s = 0; s < 4; s++)
        printf("    legend_%s [label=\"%s\", %s];\n", states[s], states[s], dot_look(states[s]));
    puts("    legend_a [label=\"A\"]; legend_b [label=\"B waits for A\"];\n"
         "    legend_a -> legend_b [style=bold, label=\"stated\"];\n"
         "  }\n"
         "}");
    return 0;
}

static int print_json(const cli_session *session, const drawing *d)
{
    const task_model *model = d->model;
    json_writer json;
    json_init(&json, 1);
    session_json_begin(session, &json);
    json_field_bool(&json, "reduced", d->unreduced == NULL);
    json_key(&json, "nodes");
    json_array_begin(&json);
    char key[32];
    for (size_t k = 0; k < d->n_tasks; k++) {
        const model_task *task = &model->tasks[d->tasks[k]];
        json_object_begin(&json);
        snprintf(key, sizeof key, "n%d", d->tasks[k]);
        json_field_string(&json, "node", key);
        json_field_string(&json, "spec", task->spec);
        json_field_string(&json, "file", task->file);
        json_field_int(&json, "line", task->line);
        json_field_string(&json, "id", task->id);
        json_field_string(&json, "title", task->title);
        json_field_string(&json, "state", task_state(task));
        json_key(&json, "level");
        if (task->level < 0)
            json_null(&json);
        else
            json_int(&json, task->level);
        json_object_end(&json);
    }
    json_array_end(&json);
    json_key(&json, "edges");
    json_array_begin(&json);
    for (size_t e = 0; e < d->edges.n; e++) {
        json_object_begin(&json);
        snprintf(key, sizeof key, "n%d", d->edges.items[e].from);
        json_field_string(&json, "from", key);
        snprintf(key, sizeof key, "n%d", d->edges.items[e].to);
        json_field_string(&json, "to", key);
        json_field_string(&json, "kind", kind_names[d->edges.items[e].kind]);
        json_object_end(&json);
    }
    json_array_end(&json);
    json_object_end(&json);
    int failed = json_print(&json);
    json_free(&json);
    return failed ? session_fail("out of memory") : EXIT_OK;
}

/* `graph examples`: a folder where a spec's name goes. */
static int check_spec_name(const cli_session *session, const task_model *model, const char *name)
{
    struct stat st;
    int is_spec = 0;
    for (size_t s = 0; s < model->n_specs && !is_spec; s++)
        is_spec = strcmp(model->specs[s].name, name) == 0;
    if (!is_spec && stat(name, &st) == 0)
        return session_fail("'%s' is a path, not a spec: tasksext graph --root %s [SPEC...]", name,
                            name);
    return check_spec(session, model, name);
}

static int wanted(const cli_options *options, const char *spec)
{
    if (options->positionals.n == 0) return 1;
    for (size_t i = 0; i < options->positionals.n; i++)
        if (strcmp(options->positionals.items[i], "all") == 0 ||
            strcmp(options->positionals.items[i], spec) == 0)
            return 1;
    return 0;
}

static int compare_edges(const void *a, const void *b)
{
    const drawn_edge *x = a, *y = b;
    if (x->from != y->from) return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

/* Spec by spec: its tasks, and its edges reduced (then in document order). */
static int collect(const cli_options *options, const task_model *model, const int *order,
                   drawing *d)
{
    d->tasks = malloc((model->n_tasks ? model->n_tasks : 1) * sizeof *d->tasks);
    if (!d->tasks || drawn_edges_init(&d->edges, model) != 0) return -1;
    for (size_t i = 0; i < model->n_specs; i++) {
        const model_spec *spec = &model->specs[order[i]];
        if (!wanted(options, spec->name)) continue;
        memcpy(d->tasks + d->n_tasks, spec->tasks, spec->n_tasks * sizeof *spec->tasks);
        int reduced = walk_reduced_edges(model, spec->tasks, spec->n_tasks, &d->edges);
        if (reduced < 0) return -1;
        if (!reduced) d->unreduced = spec->name;
        d->n_tasks += spec->n_tasks;
    }
    if (d->edges.n > 1) qsort(d->edges.items, d->edges.n, sizeof *d->edges.items, compare_edges);
    return 0;
}

int run_graph(const cli_options *options)
{
    const char *format = options->format ? options->format : "mermaid";
    if (strcmp(format, "mermaid") != 0 && strcmp(format, "dot") != 0) {
        fprintf(stderr, "tasksext graph: --format is mermaid or dot, not '%s'\n", format);
        command_usage(command_find("graph"), 0);
        return EXIT_USAGE;
    }
    cli_session session;
    task_model model;
    int status = open_model(&session, &model, options, 0, MODEL_EDGES);
    if (status != EXIT_OK) return status;
    for (size_t i = 0; i < options->positionals.n && status == EXIT_OK; i++)
        if (strcmp(options->positionals.items[i], "all") != 0)
            status = check_spec_name(&session, &model, options->positionals.items[i]);
    drawing d;
    memset(&d, 0, sizeof d);
    d.model = &model;
    int *order = status == EXIT_OK ? specs_in_order(&model) : NULL;
    if (status == EXIT_OK && (!order || collect(options, &model, order, &d) != 0))
        status = session_fail("out of memory");
    if (status == EXIT_OK) {
        int failed = options->output == OUTPUT_JSON ? print_json(&session, &d)
                     : strcmp(format, "dot") == 0   ? print_dot(&d)
                                                    : print_mermaid(&d);
        if (failed) status = session_fail("out of memory");
    }
    free(order);
    free(d.tasks);
    drawn_edges_free(&d.edges);
    close_model(&session, &model);
    return status;
}
