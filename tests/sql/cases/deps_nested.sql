-- task_deps(), the graph columns of tasks(), and task_issues() over tests/fixtures/deps/nested.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/nested');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/nested');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/nested');
