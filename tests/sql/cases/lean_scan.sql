-- A query that reads none of a task's details (story, tags, files,
-- line_hash) and no graph column parses less: the dependency prose and the
-- details are left out (TASK_PART_* in include/tasks_parse.h) of the files
-- the cache will not keep. What it does read is the same as when everything
-- is read, and the files the cache keeps are kept whole, for any query.
SELECT tasksext_cache_limit(0) > 0;
CREATE TEMP TABLE lean AS
  SELECT spec, file, line, id, title, done, mark, status, parallel, step, step_name, section,
         depth, parent, optional, counted
  FROM tasks('tests/fixtures/**/tasks.md');
CREATE TEMP TABLE whole AS
  SELECT spec, file, line, id, title, done, mark, status, parallel, step, step_name, section,
         depth, parent, optional, counted
  FROM tasks('tests/fixtures/**/tasks.md') WHERE tags <> '' AND files <> '' AND ready >= 0;
CREATE TEMP TABLE whole_specs AS SELECT * FROM task_specs('tests/fixtures/**/tasks.md');
CREATE TEMP TABLE whole_deps AS SELECT * FROM task_deps('tests/fixtures/**/tasks.md');
SELECT 'tasks', count(*) FROM lean;
SELECT 'lean rows not read whole', count(*) FROM (SELECT * FROM lean EXCEPT SELECT * FROM whole);
SELECT 'whole rows not read lean', count(*) FROM (SELECT * FROM whole EXCEPT SELECT * FROM lean);
SELECT 'same count', (SELECT count(*) FROM lean) = (SELECT count(*) FROM whole);

-- With the cache on and room in it: a lean query first, then queries that
-- need more, served by what it left in the cache.
SELECT tasksext_cache_limit(100000000) >= 0;
SELECT 'lean scan', count(*), sum(done) FROM tasks('tests/fixtures/**/tasks.md');
CREATE TEMP TABLE first_scan AS SELECT json_extract(tasksext_cache_stats(), '$.bytes') AS bytes;
SELECT 'specs differ', count(*) FROM (
  SELECT * FROM task_specs('tests/fixtures/**/tasks.md') EXCEPT SELECT * FROM whole_specs);
SELECT 'details missing after it', count(*) FROM tasks('tests/fixtures/**/tasks.md')
  WHERE tags IS NULL OR files IS NULL OR line_hash IS NULL;
SELECT 'lean scan again', count(*), sum(done) FROM tasks('tests/fixtures/**/tasks.md');
SELECT 'no file parsed again since the first lean scan (the cache holds as many bytes)',
  json_extract(tasksext_cache_stats(), '$.bytes') = (SELECT bytes FROM first_scan);
SELECT 'edges differ', count(*) FROM (
  SELECT * FROM task_deps('tests/fixtures/**/tasks.md') EXCEPT SELECT * FROM whole_deps);
SELECT 'edges', count(*) = (SELECT count(*) FROM whole_deps) FROM task_deps('tests/fixtures/**/tasks.md');
-- and a lean query over whole documents reads what they hold (compared
-- table to table: a table's NUMERIC step makes 3.10 a 3.1)
CREATE TEMP TABLE lean_from_whole AS
  SELECT spec, file, line, id, title, done, mark, status, parallel, step, step_name, section,
         depth, parent, optional, counted
  FROM tasks('tests/fixtures/**/tasks.md');
SELECT 'lean from whole differ', count(*) FROM (SELECT * FROM lean_from_whole EXCEPT SELECT * FROM lean);
SELECT 'lean from whole same count', (SELECT count(*) FROM lean_from_whole) = (SELECT count(*) FROM lean);

-- The story a heading names is a detail: read when the story is.
SELECT 'story', id, story FROM tasks_text('## Phase 3: User Story 2 - Login' || char(10) || char(10) ||
  '- [ ] T001 Sign in' || char(10), 'specs/001-x/tasks.md');
SELECT 'story, lean', count(*), sum(done) FROM tasks_text('## Phase 3: User Story 2 - Login' || char(10) ||
  char(10) || '- [ ] T001 Sign in' || char(10), 'specs/001-x/tasks.md');
-- tasks_text() with a name builds no graph for a count (index 777: no
-- graph bit 2, prose and details left out; reading `ready`, 11): the file
-- table's hidden column after its path is not the text table's `name`.
EXPLAIN QUERY PLAN SELECT count(*) FROM tasks_text('- [ ] T001 a', 'n');
EXPLAIN QUERY PLAN SELECT count(*) FROM tasks_text('- [ ] T001 a', 'n') WHERE ready;
