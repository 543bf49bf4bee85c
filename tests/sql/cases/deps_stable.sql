-- A task with more than 16 edges (sorted by merge sort, not insertion sort):
-- an edge stated twice on one line keeps its first statement as its source.
.headers on
.mode list
SELECT id, depends_on, kind, source FROM task_deps('tests/fixtures/deps/many_edges')
WHERE id = 'T020' AND kind = 'explicit' ORDER BY depends_on LIMIT 3;
SELECT count(*) AS explicit_edges FROM task_deps('tests/fixtures/deps/many_edges')
WHERE id = 'T020' AND kind = 'explicit';
