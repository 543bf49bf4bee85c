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
