-- expect: errors
-- Every bad path gives an error that names it; the shell prints them in order.
SELECT * FROM tasks('tests/fixtures/missing');
SELECT * FROM task_specs('tests/fixtures/missing/tasks.md');
SELECT * FROM tasks(NULL);
SELECT * FROM tasks('');
SELECT * FROM tasks;
SELECT * FROM tasks('/dev/null');
SELECT 'still running';
-- On the right of a RIGHT JOIN, SQLite scans the function once more with
-- no argument at all (for the rows nothing matched): the error says what to
-- write instead, and the MATERIALIZED CTE it names works.
CREATE TEMP TABLE wanted(x TEXT);
INSERT INTO wanted VALUES ('T001');
SELECT count(*) FROM wanted w RIGHT JOIN tasks('examples') t ON t.id = w.x;
WITH t AS MATERIALIZED (SELECT * FROM tasks('examples'))
SELECT count(*) AS right_join_rows FROM wanted w RIGHT JOIN t ON t.id = w.x;
-- tasks()' hidden columns after the path are for C callers (tasksext.h):
-- a second or third argument would fill them and find nothing, so it is an
-- error, as is a constraint on them; SQL reads them as NULL, and
-- tasks_text() has none.
SELECT * FROM tasks('examples', 'x');
SELECT * FROM tasks('examples', NULL, 'x');
SELECT count(*) FROM tasks('examples') WHERE waits_for_pointer IS NULL;
SELECT count(*) FROM tasks('examples') WHERE task_pointer IS NULL;
SELECT count(*) AS tasks, count(waits_for_pointer) AS non_null,
       count(task_pointer) AS non_null_task FROM tasks('examples');
-- file_sink takes a callback bound from C, never a value SQL can make.
SELECT count(*) FROM tasks('examples') WHERE file_sink = 1;
SELECT count(*) FROM tasks('examples', NULL, NULL, 'x');
SELECT count(*) FROM tasks('examples') WHERE file_sink > 1;
SELECT count(file_sink) FROM tasks('examples');
SELECT count(*) FROM tasks('examples') WHERE file_sink = 1 OR id = 'T001';
SELECT count(*) FROM task_issues('examples', 'y');
SELECT name FROM pragma_table_xinfo('tasks') WHERE hidden ORDER BY cid;
SELECT name FROM pragma_table_xinfo('tasks_text') WHERE hidden ORDER BY cid;
-- tasksext_cache_limit() takes bytes, 0 or more: one number, or two (the
-- parsed files' and the listings').
SELECT tasksext_cache_limit(-1);
SELECT tasksext_cache_limit(1, -1);
SELECT tasksext_cache_limit('64 MiB', 0);
