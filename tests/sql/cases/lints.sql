-- Boxes whose state cannot be true as written: a done parent with an open
-- required subtask; in Kiro files, an open parent whose required subtasks
-- are all closed (an optional one does not count); a checked-off copy of a
-- task in the same list (the same words under another heading are another
-- task; the same id twice is duplicate-id); a done task naming a file that
-- is not there, below the git work tree (README.md is; src/nowhere is not).
.headers on
.mode list
SELECT spec, line, id, code, severity, message FROM task_issues('tests/fixtures/lints')
WHERE code IN ('done-with-open-subtasks', 'open-with-done-subtasks', 'duplicate-task',
               'duplicate-id', 'done-file-missing')
ORDER BY spec, line;
