-- task_deps(), the graph columns of tasks(), and task_issues() over tests/fixtures/deps/edges.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/edges');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/edges');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/edges');
