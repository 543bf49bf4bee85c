-- task_specs() reads no file when a statement reads only what the walk
-- knows (spec, file, spec_path, or count(*)): the same files and keys as a
-- statement that parses them, and nothing parsed, looked up or cached.
SELECT tasksext_cache_limit(64 << 20) > 0, tasksext_cache_clear() >= 0;
CREATE TEMP TABLE walked AS SELECT spec, file, spec_path FROM task_specs('tests/fixtures');
SELECT 'after the walk', json_extract(tasksext_cache_stats(), '$.entries', '$.hits', '$.misses');
SELECT 'walked', count(*) FROM walked;
SELECT 'count(*) walks too', count(*) FROM task_specs('tests/fixtures');
SELECT 'still nothing parsed', json_extract(tasksext_cache_stats(), '$.entries', '$.misses');
-- The same rows, in the same order, as a statement that also reads `error`
-- (which needs the file read and parsed).
CREATE TEMP TABLE parsed AS SELECT spec, file, spec_path, error FROM task_specs('tests/fixtures');
SELECT 'parsed', count(*), count(error) > 0 FROM parsed;
SELECT 'rows that differ', count(*) FROM (
  SELECT spec, file, spec_path FROM walked EXCEPT SELECT spec, file, spec_path FROM parsed);
SELECT 'same order', (SELECT group_concat(file, '|') FROM walked)
                   = (SELECT group_concat(file, '|') FROM parsed);
-- A `spec =` lookup of walk columns alone is served from a walk-only index;
-- one that reads a parsed column, from an index of parsed files.
SELECT tasksext_cache_clear() > 0;
SELECT spec, file FROM task_specs('tests/fixtures') WHERE spec = 'tree/002-bad-front-matter';
SELECT 'parsed by the lookup', json_extract(tasksext_cache_stats(), '$.entries');
SELECT spec, tasks, error IS NOT NULL FROM task_specs('tests/fixtures')
  WHERE spec = 'tree/002-bad-front-matter';
-- The text sibling reads the markdown it is given, whatever is read.
SELECT count(*), spec FROM task_specs_text('- [ ] T001 a', 'specs/009-x/tasks.md');
-- Two limits: parsed files off, listings kept (and bounded apart).
SELECT 'listings so far', json_extract(tasksext_cache_stats(), '$.listing_entries') > 0,
       json_extract(tasksext_cache_stats(), '$.listing_limit');
SELECT tasksext_cache_limit(0, 1 << 20) > 0;
SELECT 'files off', json_extract(tasksext_cache_stats(), '$.limit', '$.entries', '$.listing_limit');
SELECT 'tasks still read', count(*) > 0 FROM tasks('tests/fixtures');
SELECT 'nothing kept but listings', json_extract(tasksext_cache_stats(), '$.entries'),
       json_extract(tasksext_cache_stats(), '$.listing_entries') > 0;
-- One number gives the listings their eighth of it, as before.
SELECT tasksext_cache_limit(8 << 20) = 0;
SELECT 'one number', json_extract(tasksext_cache_stats(), '$.limit', '$.listing_limit');
SELECT tasksext_cache_limit(1 << 20, 0) > 0;
SELECT 'listings off', json_extract(tasksext_cache_stats(), '$.listing_entries', '$.listing_limit');
