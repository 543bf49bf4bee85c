-- Dependency prose as spec-kit writes it: labels as subjects, clauses,
-- phases and stories by number and name, a table, a Mermaid graph, a field
-- under a heading, suggestions and outside references that give no edge.
.headers on
.mode list
SELECT id, depends_on, line, source FROM task_deps('tests/fixtures/deps/prose')
WHERE kind = 'explicit' ORDER BY line, id, depends_on;
SELECT line, code, severity, message FROM task_issues('tests/fixtures/deps/prose');
SELECT id, ready, level FROM tasks('tests/fixtures/deps/prose');
