-- Kiro's {"waves": ...} blocks, both shapes; an unknown id in one is an issue.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/waves');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/waves');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/waves');
