-- The path argument: a file, a directory, a glob, a trailing slash, a join.
.headers on
.mode list
SELECT 'dir/', count(*) FROM tasks('tests/fixtures/tree/');
SELECT 'file', count(*) FROM tasks('tests/fixtures/tree/001-basic/tasks.md');
SELECT 'glob *', file FROM task_specs('tests/fixtures/tree/*/tasks.md');
SELECT 'glob **', file FROM task_specs('tests/fixtures/tree/**/*.md');
SELECT 'glob dir', file FROM task_specs('tests/fixtures/tree/00[12]-*');
SELECT 'no match', count(*) FROM task_specs('tests/fixtures/tree/none-*');
-- As the right side of a join, with constraints on other columns left to SQLite.
WITH roots(p) AS (VALUES ('tests/fixtures/tree/001-basic'), ('tests/fixtures/tree/004-crlf-bom'))
SELECT r.p, t.id, t.status FROM roots r, tasks(r.p) t WHERE t.done = 1 ORDER BY 1, 2;
SELECT 'join specs', s.spec, count(t.id)
FROM task_specs('tests/fixtures/tree') s LEFT JOIN tasks(s.file) t
GROUP BY s.file ORDER BY s.file;
-- count(*) reads no column: the graph must still be built where rows need it.
SELECT 'count', (SELECT count(*) FROM tasks('tests/fixtures/deps/edges')),
       (SELECT count(*) FROM task_deps('tests/fixtures/deps/edges')),
       (SELECT count(*) FROM task_issues('tests/fixtures/deps/issues'));
