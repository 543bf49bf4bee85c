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
-- `=` on spec, id and file compares text byte for byte, and the index's
-- answer is final (EXPLAIN QUERY PLAN above: SQLite does not compare again).
-- Under another collation SQLite scans and compares for itself: both T003.
SELECT count(*) AS nocase FROM tasks('examples') WHERE id = 't003' COLLATE NOCASE;
-- A blob, or text with a NUL inside, equals no id.
SELECT count(*) AS blob FROM tasks('examples') WHERE id = CAST('T003' AS BLOB);
SELECT count(*) AS with_nul FROM tasks('examples') WHERE id = 'T003' || char(0);
-- A number is the text SQLite writes for it, as SQLite does for a literal
-- (`id = 2.1` is task 2.1), also from a column of REAL affinity, where a
-- plan of SQLite's own would compare numbers (task 3 for 3.0, and 2.10 for
-- 2.1): CAST the column AS TEXT, or store ids as text.
CREATE TEMP TABLE wanted(id REAL);
INSERT INTO wanted VALUES (2.1), (3);
SELECT group_concat(id) AS literal FROM tasks('examples') WHERE id = 2.1;
SELECT w.id AS wanted, t.id, t.title FROM wanted w CROSS JOIN tasks('examples') t
  ON t.id = w.id ORDER BY t.line;
SELECT w.id AS wanted, t.id, t.title FROM wanted w CROSS JOIN tasks('examples') t
  ON t.id = CAST(w.id AS TEXT) ORDER BY t.line;
-- The same from a column with no declared type (json_each's value), where
-- SQLite's own plans would match no number with text: the index compares
-- the number's text; CAST to text gives that answer from every plan.
SELECT j.value AS wanted, t.id FROM json_each('[1, 2.1]') j CROSS JOIN tasks('examples') t
  ON t.id = j.value ORDER BY t.line;
SELECT count(*) AS sqlite_own_plan FROM json_each('[1, 2.1]') j
  JOIN (SELECT id FROM tasks('examples') LIMIT -1) t ON t.id = j.value;
SELECT count(*) AS cast_to_text FROM json_each('[1, 2.1]') j
  JOIN (SELECT id FROM tasks('examples') LIMIT -1) t ON t.id = CAST(j.value AS TEXT);
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
-- A spec folder whose name is not UTF-8 (`caf` and the byte E9): every
-- table shows it repaired (`caf` U+FFFD), and `=` and joins find it by that
-- text, never by the raw bytes.
.shell mkdir -p "@TMP@/badspec/specs/caf$(printf '\351')" && printf -- '- [ ] T001 one\n- [ ] T002 two\n' > "@TMP@/badspec/specs/caf$(printf '\351')/tasks.md"
SELECT DISTINCT hex(spec) AS tasks_spec FROM tasks('@TMP@/badspec');
SELECT DISTINCT hex(spec) AS specs_spec FROM task_specs('@TMP@/badspec');
SELECT DISTINCT hex(spec) AS deps_spec FROM task_deps('@TMP@/badspec');
SELECT count(*) AS by_repaired FROM tasks('@TMP@/badspec') WHERE spec = 'caf' || char(65533);
SELECT count(*) AS by_raw FROM tasks('@TMP@/badspec') WHERE spec = CAST(X'636166E9' AS TEXT);
SELECT count(*) AS pairs FROM tasks('@TMP@/badspec') JOIN task_deps('@TMP@/badspec') USING (spec, id);
-- task_issues through the index: each file's missing names are the index's
-- own copy, not the scan's buffer reused file after file (which showed
-- 002-search's names under 001-user-auth).
SELECT spec, message FROM task_issues('examples')
  WHERE spec = '001-user-auth' AND code = 'done-file-missing';
SELECT s.spec, i.message FROM task_specs('examples') s JOIN task_issues('examples') i USING (spec)
  WHERE i.code = 'done-file-missing';
-- rowid is no argument: `rowid = 3` was taken as a text table's `name`
-- (both are column -1 to a file table) and dropped: 24 rows, not 1. And a
-- row's rowid is its place in the whole scan whatever the plan: through
-- the index (`spec =`) it was its place among the matches.
SELECT count(*) AS by_rowid FROM tasks('examples') WHERE rowid = 3;
SELECT count(*) AS by_rowid_and_other_spec FROM tasks('examples')
  WHERE rowid = 3 AND spec = '001-user-auth';
SELECT rowid, spec, id FROM tasks('examples') WHERE spec = '001-user-auth' AND id = 'T002';
SELECT count(*) AS same_rowid_both_plans FROM tasks('examples') a
  JOIN tasks('examples') b USING (spec, id) WHERE a.rowid = b.rowid;
