-- task_specs(): one row per file, with metadata, counts and errors.
.headers on
.mode list
SELECT spec, file, title, author, description, meta, tasks, done, error
FROM task_specs('tests/fixtures/tree');
-- A single file, named directly, whatever its name.
SELECT spec, file, tasks FROM task_specs('tests/fixtures/tree/notes/other.md');
