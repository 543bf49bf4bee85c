-- Configurable statuses: per-dialect defaults (Kiro's [-] is in progress),
-- rules for every dialect or for one, readiness following the mapping.
.headers on
.mode list
SELECT dialect FROM task_specs('tests/fixtures/statuses');
SELECT id, mark, status, ready FROM tasks('tests/fixtures/statuses');
SELECT tasksext_status('~', 'blocked') AS rules;
SELECT tasksext_status('-', 'cancelled', 'kiro') AS rules;
SELECT tasksext_status('?', 'waiting on legal') AS rules;
SELECT id, mark, status, ready FROM tasks('tests/fixtures/statuses');
SELECT tasksext_status_reset() AS dropped;
SELECT id, status FROM tasks('tests/fixtures/statuses') WHERE mark = '-';
