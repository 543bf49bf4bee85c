-- expect: errors
-- Every bad path gives an error that names it; the shell prints them in order.
SELECT * FROM tasks('tests/fixtures/missing');
SELECT * FROM task_specs('tests/fixtures/missing/tasks.md');
SELECT * FROM tasks(NULL);
SELECT * FROM tasks('');
SELECT * FROM tasks;
SELECT * FROM tasks('/dev/null');
SELECT 'still running';
