-- The README's join: the plan serves task_deps from its index (spec, id
-- given: idxNum 1|2|16|32 = 51), and the rows are those of the join.
.headers on
.mode list
EXPLAIN QUERY PLAN
SELECT t.spec, t.id, d.depends_on FROM tasks('examples') t
  JOIN task_deps('examples') d USING (spec, id);
SELECT t.spec, t.id, d.depends_on, d.kind FROM tasks('examples') t
  JOIN task_deps('examples') d USING (spec, id)
  WHERE t.spec = (SELECT min(spec) FROM task_specs('examples')) ORDER BY t.line, d.depends_on;
-- `id = ?` with a literal, and with a number for an id written as text.
SELECT spec, id, title FROM tasks('examples') WHERE id = 'T003' ORDER BY spec;
SELECT count(*) AS kiro_one FROM tasks('examples') WHERE id = 1;
-- `= NULL` is never true; an id no task has gives nothing.
SELECT count(*) AS none FROM tasks('examples') WHERE id = NULL OR id = 'T999';
-- An outer row's value reaches the inner function through the index, for
-- each of many outer rows.
SELECT count(*) AS pairs FROM tasks('examples') a JOIN tasks('examples') b
  ON b.spec = a.spec AND b.id = a.id;
SELECT count(*) AS tasks FROM tasks('examples');
-- While the inner side's index lives, the files it keeps are pinned in the
-- parse cache: with a cache too small to keep any file, the outer side
-- still finds them there instead of parsing each again (it parsed only its
-- first file, before the index was built: 2 of the 3 found). Once the
-- statement is done, nothing is pinned: a scan finds nothing.
SELECT tasksext_cache_limit(1) > 0 AS limit_set;
CREATE TEMP TABLE seen AS SELECT json_extract(tasksext_cache_stats(), '$.hits') AS hits;
SELECT count(*) AS pairs FROM tasks('examples') t JOIN task_deps('examples') d USING (spec, id);
SELECT json_extract(tasksext_cache_stats(), '$.hits') - hits AS found_pinned FROM seen;
UPDATE seen SET hits = json_extract(tasksext_cache_stats(), '$.hits');
SELECT count(*) AS tasks FROM tasks('examples');
SELECT json_extract(tasksext_cache_stats(), '$.hits') - hits AS found_after FROM seen;
SELECT tasksext_cache_limit(2097152) AS limit_was;
