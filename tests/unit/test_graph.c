/* test_graph.c - the dependency graph of small documents, and an audit of the
 * real corpus: every line of every dependency section gives an edge, an
 * issue, or says there is no ordering. */
#include "test_support.h"

#include <stdlib.h>

#include "deps/statement.h"
#include "fs/file_read.h"
#include "fs/path_walk.h"
#include "tasks_deps.h"

typedef struct parsed {
    task_document doc;
    task_graph graph;
} parsed;

static parsed build(const char *text)
{
    parsed p;
    task_load_input in = {text, strlen(text), NULL, "spec", NULL, 0};
    assert_int_equal(task_document_load(&in, &p.doc), TASKS_PARSE_OK);
    assert_int_equal(task_graph_build(&p.doc, &p.graph), TASKS_PARSE_OK);
    return p;
}

static void release(parsed *p)
{
    task_graph_free(&p->graph);
    task_document_free(&p->doc);
}

/* "id>dep:kind" for every edge, space separated. */
static const char *edges(const parsed *p)
{
    static char out[4096];
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < p->graph.n_edges; i++) {
        const task_edge *e = &p->graph.edges[i];
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s>%s:%s", i ? " " : "",
                              p->doc.tasks[e->task].id, p->doc.tasks[e->depends_on].id,
                              task_edge_kind_name(e->kind));
    }
    return out;
}

/* The same for the explicit edges only. */
static const char *explicit_edges(const parsed *p)
{
    static char out[4096];
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < p->graph.n_edges; i++) {
        const task_edge *e = &p->graph.edges[i];
        if (e->kind != EDGE_EXPLICIT) continue;
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s>%s", n ? " " : "",
                              p->doc.tasks[e->task].id, p->doc.tasks[e->depends_on].id);
    }
    return out;
}

/* Two user-story phases, each of two tasks, and a dependency section. */
static parsed stories_with(const char *dependencies)
{
    static char text[2048];
    snprintf(text, sizeof text,
             "## Phase 1: User Story 1 - Login (P1)\n- [ ] T001 [US1] a\n- [ ] T002 [US1] b\n"
             "## Phase 2: User Story 2 - Search (P2, reuses US1 forms)\n- [ ] T003 [US2] c\n"
             "- [ ] T004 [US2] d\n## Dependencies\n%s\n",
             dependencies);
    return build(text);
}

static void brackets_that_remark_do_not_name_the_side(void **state)
{
    (void)state;
    /* a remark with an id in it: the story named before it is the side */
    parsed p = stories_with("- US2 depends on US1 (but its tests via T001 are independent)");
    assert_string_equal(explicit_edges(&p), "T003>T002");
    release(&p);
    /* a bracket of ids only says which tasks the words before it mean */
    p = stories_with("- US2 depends on US1 forms (T001)");
    assert_string_equal(explicit_edges(&p), "T003>T001");
    release(&p);
    /* and so does a remark when nothing outside it names tasks */
    p = stories_with("- US2 depends on the login forms (see T001)");
    assert_string_equal(explicit_edges(&p), "T003>T001");
    release(&p);
}

/* Under a heading that speaks of dependencies, `Label: list` says the
 * label waits for the list. */
static void a_label_and_a_list_under_a_dependencies_heading(void **state)
{
    (void)state;
    parsed p = stories_with("- **US2**: US1 (search builds on the list)");
    assert_string_equal(explicit_edges(&p), "T003>T002");
    release(&p);
    /* what is only recommended is no dependency */
    p = stories_with("- **US2**: US1 recommended");
    assert_string_equal(explicit_edges(&p), "");
    release(&p);
    /* under a heading of parallel work, a list is no order */
    p = build("## Phase 1: User Story 1 - A\n- [ ] T001 [US1] a\n"
              "## Phase 2: User Story 2 - B\n- [ ] T002 [US2] b\n"
              "## Execution Order\n### Parallel Work\n- **US2**: US1\n");
    assert_string_equal(explicit_edges(&p), "");
    release(&p);
}

/* A drawn node that says what it waits for is not ordered by where it is
 * drawn. */
static void a_drawn_node_that_says_what_it_waits_for(void **state)
{
    (void)state;
    parsed p = build("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n"
                     "## Phase 3: C\n- [ ] T003 c\n## Phase 4: D\n- [ ] T004 d\n"
                     "## Dependencies\n```\nPhase 1 (A)\n  \xE2\x86\x93\nPhase 2 (B)\n"
                     "  \xE2\x86\x93\nPhase 3 (C) - Can start after Phase 1\n  \xE2\x86\x93\n"
                     "Phase 4 (D) - can run in parallel with Phase 3\n```\n");
    assert_string_equal(explicit_edges(&p), "T002>T001 T003>T001");
    release(&p);
}

/* A section whose heading only suggests an order states none. */
static void a_recommended_order_is_no_order(void **state)
{
    (void)state;
    parsed p = build("## Phase 1: User Story 1 - A\n- [ ] T001 [US1] a\n"
                     "## Phase 2: User Story 2 - B\n- [ ] T002 [US2] b\n"
                     "### Story Dependency Graph (recommended)\n- US1 \xE2\x86\x92 US2\n"
                     "```\nUS1 \xE2\x86\x92 US2\n```\n");
    assert_string_equal(explicit_edges(&p), "");
    release(&p);
}

/* An arrow needs both its ends written: a note that draws what its task
 * does is no dependency of the task. */
static void an_arrow_without_a_subject_is_no_order(void **state)
{
    (void)state;
    parsed p = build("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n"
                     "  - Merges tasks \xE2\x86\x92 Phase 1 entries\n"
                     "  - Depends on Phase 1\n");
    assert_string_equal(explicit_edges(&p), "T002>T001");
    release(&p);
    p = build("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n"
              "  - Merges tasks \xE2\x86\x92 Phase 1 entries\n");
    assert_string_equal(explicit_edges(&p), "");
    release(&p);
}

/* Numbered groups: steps and stories named side by side, a bracket that
 * only numbers a name, and one that remarks. */
static void steps_and_stories_side_by_side(void **state)
{
    (void)state;
    const char *text = "## Phase 1: Setup\n- [ ] T001 a\n"
                       "## Phase 2: User Story 1 - A\n- [ ] T002 [US1] b\n"
                       "## Phase 3: User Story 2 - B\n- [ ] T003 [US2] c\n"
                       "## Phase 4: Polish\n- [ ] T004 d\n"
                       "## Dependencies\n- Polish (Phase 4) depends on Setup (Phase 1) and US1\n"
                       "- US2 depends on Phase 1 (can run in parallel with Phase 2)\n";
    parsed p = build(text);
    assert_string_equal(explicit_edges(&p), "T003>T001 T004>T001 T004>T002");
    release(&p);
    p = build("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n## Phase 3: C\n"
              "- [ ] T003 c\n## Dependencies\n- Phase 3 requires Phase 1 (A) and Phase 2 (B)\n");
    assert_string_equal(explicit_edges(&p), "T003>T001 T003>T002");
    release(&p);
}

/* A rule for every phase that the written order already says gives
 * neither edges nor issues. */
static void a_rule_that_restates_the_written_order(void **state)
{
    (void)state;
    parsed p = build("## Phase 1: A\n- [ ] T001 a\n## Phase 2: B\n- [ ] T002 b\n"
                     "## Dependencies\n- Each phase depends on prior phase completion\n"
                     "- Do not start a phase until the prior gate is reviewed\n");
    assert_string_equal(explicit_edges(&p), "");
    assert_int_equal(p.graph.n_issues, 0);
    release(&p);
}

static void a_range_of_stories_may_omit_the_second_us(void **state)
{
    (void)state;
    parsed p = build("## Phase 1: User Story 1 - A\n- [ ] T001 [US1] a\n"
                     "## Phase 2: User Story 2 - B\n- [ ] T002 [US2] b\n"
                     "## Phase 3: User Story 3 - C\n- [ ] T003 [US3] c\n"
                     "## Dependencies\n- Core before edge cases (US1-2 before US3)\n");
    assert_string_equal(explicit_edges(&p), "T003>T001 T003>T002");
    release(&p);
}

static void a_story_phase_is_the_story_it_is_named_for(void **state)
{
    (void)state;
    /* `(P2, reuses US1 forms)` in Phase 2's name does not make it US1's */
    parsed p = stories_with("- US2 depends on US1");
    assert_string_equal(explicit_edges(&p), "T003>T002");
    release(&p);
}

static void waves_and_steps(void **state)
{
    (void)state;
    parsed p = build("## Step 1: A\n- [x] T001 a\n- [ ] T002 [P] b\n- [ ] T003 [P] c\n"
                     "- [ ] T004 d\n## Step 2: B\n- [ ] T005 [P] e\n- [ ] T006 [P] f\n");
    assert_string_equal(edges(&p), "T002>T001:sequence T003>T001:sequence T004>T002:sequence "
                                   "T004>T003:sequence T005>T004:step T006>T004:step");
    int waves[] = {1, 2, 2, 3, 1, 1};
    int ready[] = {0, 1, 1, 0, 0, 0};
    int level[] = {0, 1, 1, 2, 3, 3};
    for (int i = 0; i < 6; i++) {
        assert_int_equal(p.graph.wave[i], waves[i]);
        assert_int_equal(p.graph.ready[i], ready[i]);
        assert_int_equal(p.graph.level[i], level[i]);
    }
    assert_int_equal(p.graph.n_issues, 0);
    release(&p);
}

static void subtasks_wait_for_the_parents_predecessors(void **state)
{
    (void)state;
    parsed p = build("- [ ] 1. First\n- [ ] 2. Parent\n  - [ ] 2.1 Child\n  - [ ] 2.2 Child\n");
    assert_string_equal(edges(&p), "2>1:sequence 2>2.1:subtask 2>2.2:subtask 2.1>1:subtask "
                                   "2.2>2.1:sequence");
    assert_int_equal(p.graph.ready[0], 1);
    assert_int_equal(p.graph.ready[2], 0); /* 2.1 waits for 1, as its parent does */
    assert_int_equal(p.graph.wave[2], 2);  /* subtasks share their parent's wave */
    release(&p);
}

static void ready_needs_everything_upstream_closed(void **state)
{
    (void)state;
    /* T002 is done although T001 is not: T003 is still not ready. */
    parsed p = build("- [ ] T001 a\n- [x] T002 b\n- [ ] T003 c\n- [-] T004 cancelled\n"
                     "- [ ] T005 e\n");
    assert_int_equal(p.graph.ready[0], 1);
    assert_int_equal(p.graph.ready[2], 0);
    assert_int_equal(p.graph.ready[4], 0);
    assert_int_equal(p.graph.n_issues, 1);
    assert_int_equal(p.graph.issues[0].code, ISSUE_DONE_BEFORE_DEPENDENCY);
    release(&p);
}

static void cycles_have_no_level(void **state)
{
    (void)state;
    parsed p = build("- [ ] T001 [P] a\n- [ ] T002 [P] b\n- [ ] T003 c\n"
                     "## Dependencies\n- T001 after T002\n- T002 after T001\n");
    assert_int_equal(p.graph.level[0], -1);
    assert_int_equal(p.graph.level[1], -1);
    assert_int_equal(p.graph.level[2], -1); /* after a cycle, no longest chain */
    assert_int_equal(p.graph.ready[0], 0);
    assert_int_equal(p.graph.n_issues, 1);
    assert_string_equal(p.graph.issues[0].message,
                        "dependency cycle of 2 tasks: T001 \xE2\x86\x92 T002 \xE2\x86\x92 T001");
    release(&p);
}

static void ranges_take_every_id_between(void **state)
{
    (void)state;
    parsed p = build("- [ ] T004 [P] a\n- [ ] T005 [P] b\n- [ ] T005a [P] c\n- [ ] T006 [P] d\n"
                     "- [ ] T007 [P] e\n## Dependencies\n- T007 after T004\xE2\x80\x93T006\n");
    assert_string_equal(edges(&p), "T007>T004:explicit T007>T005:explicit T007>T005a:explicit "
                                   "T007>T006:explicit");
    release(&p);
}

static void long_chains_and_deep_nesting_do_not_recurse(void **state)
{
    (void)state;
    enum { N = 20000 };
    char *text = malloc(N * 24);
    size_t n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)sprintf(text + n, "- [ ] T%d t\n", i + 1);
    parsed p = build(text);
    assert_int_equal(p.graph.level[N - 1], N - 1);
    assert_int_equal(p.graph.ready[0], 1);
    release(&p);
    free(text);
}

/* Every dependency-section line of the corpus is accounted for. */
static void corpus_lines_all_accounted_for(void **state)
{
    (void)state;
    NEEDS_SHARED("corpus/real");
    path_walk *walk;
    char *message;
    assert_int_equal(path_walk_open(TASKSEXT_SHARED_DIR "/corpus/real/**/*.md", &walk, &message),
                     0);
    path_entry e;
    size_t lines = 0, with_edges = 0, with_issues = 0, no_order = 0, unaccounted = 0;
    while (path_walk_next(walk, &e) == 1) {
        char *bytes;
        size_t size;
        const char *reason;
        assert_int_equal(file_read_all(e.path, 1 << 26, &bytes, &size, &reason), 0);
        parsed p;
        task_load_input in = {bytes, size, e.path, e.folder, NULL, 0};
        assert_int_equal(task_document_load(&in, &p.doc), TASKS_PARSE_OK);
        assert_int_equal(task_graph_build(&p.doc, &p.graph), TASKS_PARSE_OK);
        for (size_t i = 0; i < p.doc.n_phrases; i++) {
            const task_phrase *ph = &p.doc.phrases[i];
            /* fields, table rows and drawings may name nothing and say so by
             * silence; a file without tasks has nothing to order */
            if (ph->kind != PHRASE_SECTION_LINE || p.doc.n_tasks == 0) continue;
            int edge = p.graph.phrase_edges[i] > 0, issue = 0;
            for (size_t k = 0; k < p.graph.n_issues && !issue; k++)
                issue = p.graph.issues[k].line == ph->line;
            statement st;
            statement_read(ph->text, strlen(ph->text), &st);
            lines++;
            if (edge)
                with_edges++;
            else if (issue)
                with_issues++;
            else if (st.n_clauses == 0)
                no_order++;
            else {
                unaccounted++;
                printf("unaccounted: %s:%u: %s\n", e.path, ph->line, ph->text);
            }
        }
        release(&p);
        free(bytes);
    }
    path_walk_close(walk);
    printf("dependency lines: %zu; with edges %zu, with issues %zu, no ordering %zu\n", lines,
           with_edges, with_issues, no_order);
    assert_true(lines > 500);
    /* A line that restates the written order (`Each phase depends on prior
     * phase completion`) or whose sides resolve to the same tasks (`T031
     * runs after implementation`, T031 being its last task) gives neither;
     * the labelled set (tests/deps_labels) scores the rest. */
    assert_true(unaccounted * 33 < lines);
}

/* `--` and `-.-` between Mermaid nodes are no links (an arrow has a head):
 * no edge, and the reader moves on (it once looped on them for ever). */
static int append_name(const char *name, size_t length, void *context)
{
    char *out = context;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%.*s", n ? "|" : "", (int)length, name);
    return 0;
}

/* The files a task names without every reference built: the same names,
 * in the same order, as task_refs() gives with kind "file". */
static void named_files_as_the_file_refs(void **state)
{
    (void)state;
    parsed p = build("- [x] T001 Write src/a.py, then src/b/ and docs/c.md; again src/a.py\n"
                     "- [ ] T002 Nothing named here\n"
                     "- [x] T003 Touch package.json and `lib/x.c`\n");
    assert_int_equal(task_graph_add_refs(&p.doc, &p.graph), TASKS_PARSE_OK);
    for (size_t t = 0; t < p.doc.n_tasks; t++) {
        char from_refs[256] = "", named[256] = "";
        for (size_t r = 0; r < p.graph.n_refs; r++)
            if (p.graph.refs[r].task == (int)t && strcmp(p.graph.refs[r].kind, "file") == 0)
                append_name(p.graph.refs[r].ref, strlen(p.graph.refs[r].ref), from_refs);
        assert_int_equal(task_named_files_each(&p.doc.tasks[t], append_name, named), 0);
        assert_string_equal(named, from_refs);
    }
    char first[256] = "";
    task_named_files_each(&p.doc.tasks[0], append_name, first);
    assert_string_equal(first, "src/a.py|src/b/|docs/c.md");
    release(&p);
}

static void mermaid_lines_without_arrow_heads_give_nothing(void **state)
{
    (void)state;
    parsed p = build("# Tasks\n\n- [ ] T001 One\n- [ ] T002 Two\n\n## Dependencies\n\n"
                     "```mermaid\ngraph TD\n    T001 -- maybe T002\n    T002 -.- T001\n"
                     "    A[T001] --> B[T002]\n```\n");
    assert_string_equal(explicit_edges(&p), "T002>T001");
    release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(waves_and_steps),
        cmocka_unit_test(mermaid_lines_without_arrow_heads_give_nothing),
        cmocka_unit_test(subtasks_wait_for_the_parents_predecessors),
        cmocka_unit_test(ready_needs_everything_upstream_closed),
        cmocka_unit_test(cycles_have_no_level),
        cmocka_unit_test(ranges_take_every_id_between),
        cmocka_unit_test(brackets_that_remark_do_not_name_the_side),
        cmocka_unit_test(a_story_phase_is_the_story_it_is_named_for),
        cmocka_unit_test(a_range_of_stories_may_omit_the_second_us),
        cmocka_unit_test(a_rule_that_restates_the_written_order),
        cmocka_unit_test(steps_and_stories_side_by_side),
        cmocka_unit_test(an_arrow_without_a_subject_is_no_order),
        cmocka_unit_test(a_recommended_order_is_no_order),
        cmocka_unit_test(a_drawn_node_that_says_what_it_waits_for),
        cmocka_unit_test(a_label_and_a_list_under_a_dependencies_heading),
        cmocka_unit_test(long_chains_and_deep_nesting_do_not_recurse),
        cmocka_unit_test(corpus_lines_all_accounted_for),
        cmocka_unit_test(named_files_as_the_file_refs),
    };
    return RUN_TESTS(tests);
}
