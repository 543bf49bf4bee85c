-- On every real file: a query that reads no detail and no graph column (the
-- parse leaves the prose and the details out) gives the same rows as one
-- that reads everything, and task_specs() the same specs from lean
-- documents as from whole ones. The cache is off at first, so each query
-- parses.
SELECT tasksext_cache_limit(0) > 0;
CREATE TEMP TABLE lean AS
  SELECT spec, file, line, id, title, done, mark, status, parallel, step, step_name, section,
         depth, parent, optional, counted
  FROM tasks('../shared/corpus/real/**/*.md');
CREATE TEMP TABLE whole AS
  SELECT spec, file, line, id, title, done, mark, status, parallel, step, step_name, section,
         depth, parent, optional, counted
  FROM tasks('../shared/corpus/real/**/*.md') WHERE tags <> '' AND files <> '' AND ready >= 0;
SELECT 'tasks', count(*) FROM lean;
SELECT 'lean rows not read whole', count(*) FROM (SELECT rowid, * FROM lean EXCEPT SELECT rowid, * FROM whole);
SELECT 'same count', (SELECT count(*) FROM lean) = (SELECT count(*) FROM whole);
CREATE TEMP TABLE lean_specs AS SELECT * FROM task_specs('../shared/corpus/real/**/*.md');
-- whole documents in the cache, then task_specs() reads them
SELECT tasksext_cache_limit(1000000000) >= 0;
SELECT 'whole', count(*) FROM tasks('../shared/corpus/real/**/*.md') WHERE tags <> '' AND ready >= 0;
CREATE TEMP TABLE whole_specs AS SELECT * FROM task_specs('../shared/corpus/real/**/*.md');
SELECT 'specs', count(*) FROM lean_specs;
SELECT 'specs differ', count(*) FROM (SELECT * FROM lean_specs EXCEPT SELECT * FROM whole_specs);
