-- task_deps(), the graph columns of tasks(), and task_issues() over tests/fixtures/deps/cycles.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/cycles');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/cycles');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/cycles');
