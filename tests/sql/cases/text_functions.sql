-- expect: errors
-- tasks_text(markdown [, name]) and its siblings: the rows of tasks() and
-- the others from markdown passed as a value; no file is read.
.headers on
.mode list
PRAGMA trusted_schema = OFF;
CREATE TABLE docs(name TEXT, body TEXT);
INSERT INTO docs VALUES
  ('specs/001-auth/tasks.md', '# Tasks: Auth

## Phase 1: Setup

- [x] T001 Create the project
- [ ] T002 [P] Add the linter

## Phase 2: Core

- [ ] T003 [US1] Login form (depends on T001)
- [ ] T004 Session store, see `src/session.ts`
'),
  ('.kiro/specs/notifications/tasks.md', '- [-] 1. Wire the queue
- [ ] 2. Send mail
  - [ ] 2.1 Templates
'),
  ('nameless', NULL);
-- A view in the main schema may use them, even with trusted_schema=OFF.
CREATE VIEW doc_tasks AS
  SELECT d.name AS doc, t.spec, t.id, t.title, t.status, t.step, t.wave, t.ready
  FROM docs d, tasks_text(d.body, d.name) t;
SELECT * FROM doc_tasks;
CREATE VIEW doc_deps AS
  SELECT d.name AS doc, x.id, x.depends_on, x.kind FROM docs d, task_deps_text(d.body, d.name) x;
SELECT * FROM doc_deps;
SELECT spec, file, dialect, tasks, done FROM docs d, task_specs_text(d.body, d.name);
SELECT id, kind, ref FROM docs d, task_refs_text(d.body, d.name);
SELECT code, severity FROM task_issues_text('- [ ] T001 a
- [ ] T001 b');
-- Without a name: no file, no spec; the dialect from the text alone.
SELECT spec, file, id, status FROM tasks_text('- [-] 1. Wire the queue');
-- NULL markdown gives no rows; a blob is read as its bytes.
SELECT count(*) AS from_null FROM tasks_text(NULL);
SELECT title FROM tasks_text(CAST('- [ ] T001 from a blob' AS BLOB));
-- Status rules apply as they do to files.
SELECT tasksext_status('~', 'blocked');
SELECT id, status FROM tasks_text('- [~] T001 waits');
SELECT tasksext_status_reset();
-- The file functions stay out of the schema's views, and the markdown is needed.
CREATE VIEW files AS SELECT count(*) FROM tasks('tests/fixtures/tree');
SELECT * FROM files;
SELECT * FROM tasks_text();
