-- task_refs(): requirements (several spellings), files and stories.
.headers on
.mode list
SELECT id, kind, ref, line FROM task_refs('tests/fixtures/refs');
-- Coverage: which requirements no task refers to.
WITH wanted(ref) AS (VALUES ('1.1'), ('1.2'), ('2.1'), ('FR-001'), ('FR-009'))
SELECT ref AS uncovered FROM wanted
WHERE ref NOT IN (SELECT ref FROM task_refs('tests/fixtures/refs') WHERE kind = 'requirement');
SELECT id, depends_on, kind, source FROM task_deps('tests/fixtures/refs') WHERE kind = 'explicit';
