-- The threaded scan (PRAGMA threads = 2: a worker reads and parses ahead)
-- gives the same rows, in the same order, as the single-threaded one, on
-- the whole real corpus and on the fixtures. The cache is off so both parse.
SELECT tasksext_cache_limit(0) > 0;
CREATE TEMP TABLE one AS SELECT * FROM tasks('../shared/corpus/real/**/*.md');
CREATE TEMP TABLE one_deps AS SELECT * FROM task_deps('tests/fixtures/**/tasks.md');
CREATE TEMP TABLE one_specs AS SELECT * FROM task_specs('tests/fixtures/**/tasks.md');
PRAGMA threads = 2;
CREATE TEMP TABLE two AS SELECT * FROM tasks('../shared/corpus/real/**/*.md');
CREATE TEMP TABLE two_deps AS SELECT * FROM task_deps('tests/fixtures/**/tasks.md');
CREATE TEMP TABLE two_specs AS SELECT * FROM task_specs('tests/fixtures/**/tasks.md');
SELECT 'tasks', count(*) FROM one;
SELECT 'rows differ', count(*) FROM (SELECT rowid, * FROM one EXCEPT SELECT rowid, * FROM two);
SELECT 'deps differ', count(*) FROM (SELECT rowid, * FROM one_deps EXCEPT SELECT rowid, * FROM two_deps);
SELECT 'specs differ', count(*) FROM (SELECT rowid, * FROM one_specs EXCEPT SELECT rowid, * FROM two_specs);
SELECT 'same count', (SELECT count(*) FROM one) = (SELECT count(*) FROM two);
