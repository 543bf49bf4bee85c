/* test_document.c - task_document_parse() end to end: what is a task, where
 * it is, what it is called, and the spec it belongs to. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>

#include "tasks_parse.h"

static task_document parse(const char *text, size_t len, const char *folder)
{
    task_document doc;
    task_load_input in = {text, len, NULL, folder, NULL, 0};
    assert_int_equal(task_document_load(&in, &doc), TASKS_PARSE_OK);
    return doc;
}

static task_document parse_str(const char *text)
{
    return parse(text, strlen(text), "001-demo");
}

static void marks_map_to_statuses(void **state)
{
    (void)state;
    task_document doc = parse_str("- [ ] a\n- [x] b\n- [X] c\n- [/] d\n- [-] e\n- [~] f\n"
                                  "- [\xE2\x9C\x85] g\n- [P] legend\n- [] empty\n- [ab] two\n"
                                  "- [!] h\n- [ ]no-space\n* [ ] star\n+ [ ] plus\n1. [ ] one\n"
                                  "2) [x] two\n");
    static const struct {
        const char *mark;
        task_status status;
        const char *title;
    } want[] = {{" ", TASK_STATUS_TODO, "a"},
                {"x", TASK_STATUS_DONE, "b"},
                {"X", TASK_STATUS_DONE, "c"},
                {"/", TASK_STATUS_IN_PROGRESS, "d"},
                {"-", TASK_STATUS_CANCELLED, "e"},
                {"~", TASK_STATUS_OTHER, "f"},
                {"\xE2\x9C\x85", TASK_STATUS_OTHER, "g"},
                {"!", TASK_STATUS_OTHER, "h"},
                {" ", TASK_STATUS_TODO, "star"},
                {" ", TASK_STATUS_TODO, "plus"},
                {" ", TASK_STATUS_TODO, "one"},
                {"x", TASK_STATUS_DONE, "two"}};
    assert_int_equal(doc.n_tasks, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < doc.n_tasks; i++) {
        assert_string_equal(doc.tasks[i].mark, want[i].mark);
        assert_int_equal(doc.tasks[i].status, want[i].status);
        assert_string_equal(doc.tasks[i].title, want[i].title);
    }
    assert_string_equal(task_status_name(TASK_STATUS_IN_PROGRESS), "in_progress");
    task_document_free(&doc);
}

static void a_heading_names_the_story_of_untagged_tasks(void **state)
{
    (void)state;
    task_document doc = parse_str("# Tasks\n\n"
                                  "## Phase 3: User Story 1 - Browse events (Priority: P1)\n\n"
                                  "### Implementation\n\n"
                                  "- [ ] T010 Build the list\n"
                                  "- [ ] T011 [US2] Tagged for another story\n\n"
                                  "## Phase 4: User Stories 2-3 together\n\n"
                                  "- [ ] T012 Several stories: none of them\n\n"
                                  "## Phase 5: US4 — Filter\n\n"
                                  "- [ ] T013 Filter by city\n\n"
                                  "## Phase 6: Polish\n\n"
                                  "- [ ] T014 No story\n");
    assert_int_equal(doc.n_tasks, 5);
    assert_string_equal(doc.tasks[0].story, "US1"); /* through `### Implementation` */
    assert_string_equal(doc.tasks[1].story, "US2"); /* the tag wins */
    assert_null(doc.tasks[2].story);
    assert_string_equal(doc.tasks[3].story, "US4");
    assert_null(doc.tasks[4].story);
    task_document_free(&doc);
}

static void examples_are_not_tasks(void **state)
{
    (void)state;
    task_document doc = parse_str("> - [ ] T001 quoted\n>\n> > - [x] T002 deeper\n\n"
                                  "```markdown\n- [ ] T003 fenced\n```\n\n"
                                  "~~~\n- [ ] T004 tilde fence\n~~~\n\n"
                                  "Para\n\n    - [ ] T005 indented code\n\n"
                                  "<!--\n- [ ] T006 in a comment\n-->\n\n"
                                  "<div>\n- [ ] T007 in html\n</div>\n\n"
                                  "| a | b |\n|---|---|\n| - [ ] T008 | cell |\n\n"
                                  "- [ ] T009 real\n");
    assert_int_equal(doc.n_tasks, 1);
    assert_string_equal(doc.tasks[0].id, "T009");
    assert_int_equal(doc.tasks[0].line, 29);
    task_document_free(&doc);
}

static void template_examples_give_no_tasks(void **state)
{
    (void)state;
    NEEDS_SHARED("format/catalyst-tasks-template.md");
    FILE *f = fopen(TASKSEXT_SHARED_DIR "/format/catalyst-tasks-template.md", "rb");
    assert_non_null(f);
    char *bytes = malloc(1 << 20);
    size_t n = fread(bytes, 1, 1 << 20, f);
    fclose(f);
    task_document doc = parse(bytes, n, "templates");
    assert_int_equal(doc.n_tasks, 0);
    assert_string_equal(doc.spec, "templates"); /* id: [feature-id] is a placeholder */
    /* title: [feature-name] is a YAML list, so the H1 stands in */
    assert_string_equal(doc.title, "Tasks: {feature-name}");
    assert_null(doc.error);
    task_document_free(&doc);
    free(bytes);
}

static void gfm_edge_cases(void **state)
{
    (void)state;
    task_document doc = parse_str("- \\[x] escaped\n- \\[/] escaped\n\n"
                                  "- [x] setext\n  ===\n\n- [ ] setext\n  ---\n\n"
                                  "- [\t] tab box\n- [ ]\n-\n  [x] box on the next line\n"
                                  "- **[x]** bold box\n- [x](link) link\n");
    assert_int_equal(doc.n_tasks, 3);
    assert_string_equal(doc.tasks[0].mark, " ");
    assert_string_equal(doc.tasks[0].title, "tab box");
    assert_int_equal(doc.tasks[0].line, 10);
    assert_string_equal(doc.tasks[1].title, ""); /* `- [ ]` alone */
    assert_int_equal(doc.tasks[1].line, 11);
    assert_string_equal(doc.tasks[2].mark, "x");
    assert_int_equal(doc.tasks[2].line, 12); /* the list marker's line */
    task_document_free(&doc);
}

static void lines_count_every_line_ending(void **state)
{
    (void)state;
    const char *lf = "---\nid: x\n---\n\n- [ ] T001 a\n- [ ] T002 b\n";
    const char *crlf = "---\r\nid: x\r\n---\r\n\r\n- [ ] T001 a\r\n- [ ] T002 b\r\n";
    const char *cr = "---\rid: x\r---\r\r- [ ] T001 a\r- [ ] T002 b\r";
    const char *bom = "\xEF\xBB\xBF---\nid: x\n---\n\n- [ ] T001 a\n- [ ] T002 b\n";
    const char *inputs[] = {lf, crlf, cr, bom};
    for (size_t i = 0; i < 4; i++) {
        task_document doc = parse_str(inputs[i]);
        assert_int_equal(doc.n_tasks, 2);
        assert_int_equal(doc.tasks[0].line, 5);
        assert_int_equal(doc.tasks[1].line, 6);
        assert_string_equal(doc.meta_json, "{\"id\":\"x\"}");
        assert_string_equal(doc.tasks[1].title, "b");
        task_document_free(&doc);
    }
}

static void nested_tasks_have_depth_and_parent(void **state)
{
    (void)state;
    task_document doc = parse_str("- [ ] 1. Parent\n  - [x] 1.1 Child\n    - [ ] 1.1.1 Grandchild\n"
                                  "  - Note, not a task\n    - [ ] 1.2 Under a note\n"
                                  "- [ ]* 2. Optional\n");
    assert_int_equal(doc.n_tasks, 5);
    assert_int_equal(doc.tasks[0].depth, 0);
    assert_int_equal(doc.tasks[0].parent, -1);
    assert_string_equal(doc.tasks[0].id, "1");
    assert_int_equal(doc.tasks[1].depth, 1);
    assert_int_equal(doc.tasks[1].parent, 0);
    assert_int_equal(doc.tasks[2].depth, 2);
    assert_int_equal(doc.tasks[2].parent, 1);
    assert_int_equal(doc.tasks[3].depth, 1);
    assert_int_equal(doc.tasks[3].parent, 0);
    assert_string_equal(doc.tasks[3].title, "Under a note");
    assert_int_equal(doc.tasks[4].optional, 1);
    assert_string_equal(doc.tasks[4].id, "2");
    assert_int_equal(doc.tasks[0].optional, 0);
    task_document_free(&doc);
}

static void kiro_numbering_nests_flat_subtasks(void **state)
{
    (void)state;
    task_document doc =
        parse_str("- [x] 1. Parent\n\n- [x] 1.1 Flat child\n- [ ] 1.1.1 Grandchild\n"
                  "- [ ] 2. Next\n- [ ] 3.1 Orphan number\n"
                  "- [ ] 2.1 Flat\n  - [ ] indented under a flat child\n");
    assert_int_equal(doc.n_tasks, 7);
    /* the fuzzer's find: depth follows the new parent down the tree */
    assert_int_equal(doc.tasks[5].parent, 3);
    assert_int_equal(doc.tasks[6].parent, 5);
    assert_int_equal(doc.tasks[6].depth, 2);
    assert_int_equal(doc.tasks[1].parent, 0);
    assert_int_equal(doc.tasks[1].depth, 1);
    assert_int_equal(doc.tasks[2].parent, 1);
    assert_int_equal(doc.tasks[2].depth, 2);
    assert_int_equal(doc.tasks[3].parent, -1);
    assert_int_equal(doc.tasks[4].parent, -1); /* no task 3 */
    task_document_free(&doc);
}

static void titles_are_plain_text(void **state)
{
    (void)state;
    task_document doc = parse_str("- [ ] **T001**: Build *the* `parser` in [docs](x.md) &amp; "
                                  "more &#x2192; <b>tags</b>\n  continued\n\n  Second paragraph\n");
    assert_int_equal(doc.n_tasks, 1);
    assert_string_equal(doc.tasks[0].id, "T001");
    assert_string_equal(doc.tasks[0].title,
                        "Build the parser in docs & more \xE2\x86\x92 tags continued");
    assert_int_equal(doc.tasks[0].line, 1);
    assert_int_equal(doc.tasks[0].end_line, 2);
    task_document_free(&doc);
}

static void steps_sections_and_scope(void **state)
{
    (void)state;
    task_document doc = parse_str("# Tasks: Demo\n\n- [ ] T000 before any step\n"
                                  "## Step 1: Setup\n- [ ] T001 a\n### Details\n- [ ] T002 b\n"
                                  "## Phase 3.2 \xE2\x80\x94 Tests\n- [ ] T003 c\n"
                                  "## Notes\n- [ ] T004 d\n");
    assert_int_equal(doc.n_tasks, 5);
    assert_null(doc.tasks[0].step);
    assert_null(doc.tasks[0].step_name);
    assert_string_equal(doc.tasks[0].section, "Tasks: Demo");
    assert_string_equal(doc.tasks[1].step, "1");
    assert_string_equal(doc.tasks[1].step_name, "Setup");
    assert_string_equal(doc.tasks[1].section, "Step 1: Setup");
    assert_string_equal(doc.tasks[2].step, "1");
    assert_string_equal(doc.tasks[2].section, "Details");
    assert_string_equal(doc.tasks[3].step, "3.2");
    assert_string_equal(doc.tasks[3].step_name, "Tests");
    assert_null(doc.tasks[4].step); /* `## Notes` ends the phase */
    assert_string_equal(doc.tasks[4].step_name, "Notes");
    assert_string_equal(doc.title, "Tasks: Demo");
    assert_int_equal(doc.n_steps, 2);
    task_document_free(&doc);
}

static void broken_front_matter_loses_no_task(void **state)
{
    (void)state;
    task_document doc = parse_str("---\nid: x\ntitle: a: b\n---\n- [ ] T001 kept\n");
    assert_int_equal(doc.n_tasks, 1);
    assert_int_equal(doc.tasks[0].line, 5);
    assert_non_null(doc.error);
    assert_int_equal(doc.error_line, 3);
    assert_string_equal(doc.spec, "001-demo");
    task_document_free(&doc);

    doc = parse_str("---\nid: x\n- [ ] T001 kept too\n");
    assert_int_equal(doc.n_tasks, 1);
    assert_int_equal(doc.tasks[0].line, 3);
    assert_int_equal(doc.error_line, 1);
    task_document_free(&doc);
}

static void bad_bytes_become_replacement_characters(void **state)
{
    (void)state;
    const char text[] = "- [ ] T001 bad \xFF byte and \0 nul\n";
    task_document doc = parse(text, sizeof text - 1, "dir\xFE");
    assert_int_equal(doc.n_tasks, 1);
    assert_string_equal(doc.tasks[0].title, "bad \xEF\xBF\xBD byte and \xEF\xBF\xBD nul");
    assert_string_equal(doc.spec, "dir\xEF\xBF\xBD");
    task_document_free(&doc);
}

static void dependency_sections_give_phrases(void **state)
{
    (void)state;
    task_document doc = parse_str("## Step 6: Dependency Graph\n- [ ] T001 a\nprose\n"
                                  "## Dependencies\n\n- T001 blocks T002\n- T003 before T004\n"
                                  "T005 after T001\nT006 after T005\n\n> - T009 blocks T010\n"
                                  "### Sub\n- [ ] T007 a task\n## Notes\nnot a phrase\n");
    assert_int_equal(doc.n_phrases, 4);
    assert_string_equal(doc.phrases[0].text, "T001 blocks T002");
    assert_int_equal(doc.phrases[0].line, 6);
    assert_string_equal(doc.phrases[2].text, "T005 after T001");
    assert_string_equal(doc.phrases[3].text, "T006 after T005");
    assert_int_equal(doc.phrases[3].line, 9);
    task_document_free(&doc);
}

static void empty_input_is_fine(void **state)
{
    (void)state;
    task_document doc = parse("", 0, NULL);
    assert_int_equal(doc.n_tasks, 0);
    assert_null(doc.spec);
    assert_null(doc.meta_json);
    task_document_free(&doc);
}

/* A load that leaves the prose and the details out keeps everything else
 * exactly as a whole load has it. */
static void a_lean_load_keeps_all_it_is_not_told_to_leave_out(void **state)
{
    (void)state;
    static const char text[] =
        "---\ntitle: Lean\n---\n# Tasks\n\n## Phase 3: User Story 2 - Login\n\n"
        "- [ ] 1. T001 [P] Sign in to src/app.py (depends on T002)\n"
        "  - detail line\n  - _Requirements: 1.1_\n"
        "- [x] 1.1 [US1] Nested by number\n- [/] T003 **bold** `code`\n\n"
        "Dependencies: T001 before T003\n\n## Dependencies\n\n- T003 blocks T001\n\n"
        "| a | b |\n|---|---|\n| T001 | T003 |\n\n```json\n{\"waves\": [[\"T001\"]]}\n```\n";
    task_document whole, lean;
    task_load_input in = {text, sizeof text - 1, ".kiro/specs/x/tasks.md", "x", NULL, 0};
    assert_int_equal(task_document_load(&in, &whole), TASKS_PARSE_OK);
    in.omit = TASK_PART_PROSE | TASK_PART_DETAILS;
    assert_int_equal(task_document_load(&in, &lean), TASKS_PARSE_OK);
    assert_int_equal(lean.omitted, TASK_PART_PROSE | TASK_PART_DETAILS);
    assert_int_equal(whole.omitted, 0);
    assert_true(whole.n_phrases > 0);
    assert_int_equal(whole.n_wave_blocks, 1);
    assert_int_equal(lean.n_phrases, 0);
    assert_int_equal(lean.n_wave_blocks, 0);
    assert_int_equal(lean.n_notes, whole.n_notes);
    assert_int_equal(lean.dialect, whole.dialect);
    assert_string_equal(lean.title, whole.title);
    assert_int_equal(lean.n_headings, whole.n_headings);
    assert_int_equal(lean.n_tasks, 3);
    assert_int_equal(lean.n_tasks, whole.n_tasks);
    for (size_t i = 0; i < lean.n_tasks; i++) {
        const task_record *a = &lean.tasks[i], *b = &whole.tasks[i];
        assert_int_equal(a->line, b->line);
        assert_int_equal(a->end_line, b->end_line);
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->title, b->title);
        assert_string_equal(a->text, b->text);
        assert_string_equal(a->mark, b->mark);
        assert_int_equal(a->status, b->status);
        assert_int_equal(a->parallel, b->parallel);
        assert_int_equal(a->parent, b->parent);
        assert_int_equal(a->depth, b->depth);
        assert_int_equal(a->counted, b->counted);
        assert_int_equal(a->optional, b->optional);
        assert_ptr_equal(a->step == NULL, b->step == NULL);
        assert_null(a->tags_json);
        assert_null(a->files_json);
        assert_int_equal(a->line_hash, 0);
        assert_true(b->line_hash != 0);
    }
    assert_string_equal(whole.tasks[0].files_json, "[\"src/app.py\"]");
    /* a tag's story stays; the heading's is a detail */
    assert_string_equal(lean.tasks[1].story, "US1");
    assert_string_equal(whole.tasks[0].story, "US2");
    assert_null(lean.tasks[0].story);
    task_document_free(&whole);
    task_document_free(&lean);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(marks_map_to_statuses),
        cmocka_unit_test(a_heading_names_the_story_of_untagged_tasks),
        cmocka_unit_test(examples_are_not_tasks),
        cmocka_unit_test(template_examples_give_no_tasks),
        cmocka_unit_test(gfm_edge_cases),
        cmocka_unit_test(lines_count_every_line_ending),
        cmocka_unit_test(nested_tasks_have_depth_and_parent),
        cmocka_unit_test(kiro_numbering_nests_flat_subtasks),
        cmocka_unit_test(titles_are_plain_text),
        cmocka_unit_test(steps_sections_and_scope),
        cmocka_unit_test(broken_front_matter_loses_no_task),
        cmocka_unit_test(bad_bytes_become_replacement_characters),
        cmocka_unit_test(dependency_sections_give_phrases),
        cmocka_unit_test(empty_input_is_fine),
        cmocka_unit_test(a_lean_load_keeps_all_it_is_not_told_to_leave_out),
    };
    return RUN_TESTS(tests);
}
