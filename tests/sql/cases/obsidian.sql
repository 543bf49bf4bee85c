-- Obsidian Tasks: 🆔 names a task, ⛔ lists what it waits for.
.headers on
.mode list
SELECT line, id, status, ready FROM tasks('tests/fixtures/obsidian');
SELECT id, depends_on, kind, source FROM task_deps('tests/fixtures/obsidian') WHERE kind = 'explicit';
SELECT line, code, message FROM task_issues('tests/fixtures/obsidian');
