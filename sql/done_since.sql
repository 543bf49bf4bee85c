-- done_since.sql - what was completed since :since, by whom, in which
-- commit, from the history of the repository at :root (task_history).
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd ".param set :root ." \
--           -cmd ".param set :since '-7 days'" -cmd '.mode box' '.read sql/done_since.sql'
--
-- :since is a date or time SQLite reads ('2026-03-08', '2026-03-08 12:00')
-- or a modifier of now ('-7 days', '-1 month', 'start of month'); in the
-- shell, quote a date twice (.param set :since "'2026-03-08'"), or it is
-- taken for a subtraction. A row is a
-- task whose status became done in a commit at or after it (a task ticked,
-- reopened and ticked again has two rows); `id` is the task's last id.
SELECT date(time, 'unixepoch') AS day, spec, id, title, author,
       substr(commit_id, 1, 7) AS commit_id, summary
FROM task_history(:root)
WHERE change = 'status' AND new_status = 'done'
  AND time >= coalesce(unixepoch(:since), unixepoch('now', :since))
ORDER BY time, spec, task;
