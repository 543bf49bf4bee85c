-- Kiro's {"waves": ...} blocks, both shapes; an unknown id in one is an issue.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/waves');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/waves');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/waves');
-- Numeric ids (a number means the task with that id), and a block whose
-- shape is wrong: the issue says what was unexpected, and where.
SELECT id, depends_on, kind, line FROM task_deps('tests/fixtures/deps/waves_numeric');
SELECT id, ready, level FROM tasks('tests/fixtures/deps/waves_numeric');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/waves_numeric');
