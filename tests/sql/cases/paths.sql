-- What the order of the open tasks implies, computed in C: open direct
-- blockers, how many open tasks wait for each (directly or not), the
-- critical path; and every open task each open task waits for. A done task
-- (T002) holds nothing up: T003 waits for nothing open through it. Tasks
-- without ids take part; tasks on or after a cycle are on no critical path.
.headers on
.mode list
SELECT spec, line, id, status, ready, blockers, unblocks, critical
FROM tasks('tests/fixtures/paths') ORDER BY spec, line;
SELECT spec, id, line, blocker, blocker_line, depth FROM task_blocked_by('tests/fixtures/paths')
ORDER BY spec, line, depth, blocker_line;
.param set :root 'tests/fixtures/paths'
.read sql/critical_path.sql
