.headers on
.mode list
-- Every change of every task, commit by commit (first parents, oldest first).
SELECT date(time, 'unixepoch') AS day, author, summary, spec, file, task, id, title, line, change,
       old_status, new_status
FROM task_history('team');
-- The burn-down series: a row per commit and spec whose counts changed.
SELECT date(time, 'unixepoch') AS day, summary, spec, tasks, done, cancelled, open
FROM task_burndown('team') b JOIN (SELECT DISTINCT commit_id, summary FROM task_history('team')) h
  USING (commit_id);
-- What the history says is worth a look.
SELECT date(time, 'unixepoch') AS day, spec, file, id, line, code, severity, message
FROM task_history_issues('team');
-- When each task was added, started and done, and its cycle time in days.
SELECT spec, id, task,
       date(min(time) FILTER (WHERE change = 'added'), 'unixepoch') AS added,
       date(min(time) FILTER (WHERE new_status = 'in_progress'), 'unixepoch') AS started,
       date(max(time) FILTER (WHERE new_status = 'done'), 'unixepoch') AS done,
       (max(time) FILTER (WHERE new_status = 'done') -
        min(time) FILTER (WHERE change = 'added')) / 86400 AS cycle_days
FROM task_history('team') GROUP BY task ORDER BY task;
-- A range: what happened after the rename, and the counts it starts from.
SELECT summary, spec, id, change, old_status, new_status
FROM task_history('team', 'HEAD~4..HEAD');
SELECT spec, tasks, done, open FROM task_burndown('team', 'HEAD~4..HEAD');
-- A range whose merge base is off the first-parent line (the merged branch's
-- tip): the walk stops at the first commit behind it, as
-- `git rev-list --first-parent notify-work..main` does.
SELECT summary, count(*) AS changes FROM task_history('team', 'notify-work..main')
GROUP BY commit_id ORDER BY min(rowid);
-- A revision: the history up to it.
SELECT count(*) AS changes_up_to_the_rename FROM task_history('team', 'main~5');
-- The .git folder itself, and the repository by a trailing slash.
SELECT count(*) AS same_through_dot_git FROM task_history('team/.git');
-- The connection's status rules apply to every version.
SELECT tasksext_status('/', 'blocked');
SELECT id, old_status, new_status FROM task_history('team') WHERE task = 6;
SELECT tasksext_status_reset();
-- A shallow clone: what it has is where its history starts, and a note says so.
SELECT summary, spec, id, change, old_status, new_status FROM task_history('shallow');
SELECT spec, tasks, done, open FROM task_burndown('shallow');
SELECT code, severity, message FROM task_history_issues('shallow');
-- A repository with no task lists, and one with no commits: no rows.
SELECT (SELECT count(*) FROM task_history('plain')) AS plain_changes,
       (SELECT count(*) FROM task_burndown('plain')) AS plain_counts,
       (SELECT count(*) FROM task_history_issues('plain')) AS plain_issues,
       (SELECT count(*) FROM task_history('empty')) AS empty_changes,
       (SELECT count(*) FROM task_burndown('empty')) AS empty_counts;
-- A join reads each repository once per statement, the inner side too.
SELECT h.id, count(*) AS rows FROM task_history('team') h
JOIN task_burndown('team') b ON b.commit_id = h.commit_id AND b.spec = h.spec
WHERE h.id = 'T001' GROUP BY h.id;
