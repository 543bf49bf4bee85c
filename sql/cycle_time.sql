-- cycle_time.sql - when each task of the repository at :root was added,
-- started and done, from its history (task_history), and how long it took.
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd ".param set :root ." \
--           -cmd '.mode box' '.read sql/cycle_time.sql'
--
-- added: the commit that added it (NULL when a shallow clone's history
-- starts with it there); started: its first change to in_progress; done:
-- its last change to done (NULL while it is not done now). cycle_days runs
-- from started (else added) to done, lead_days from added to done, in days.
WITH h AS MATERIALIZED (SELECT rowid AS ord, * FROM task_history(:root)),
-- Its last row: its title and status now (a bare column beside max()).
last AS (SELECT task, max(ord), title, new_status AS status FROM h GROUP BY task),
life AS (
  SELECT task, spec, id,
         min(time) FILTER (WHERE change = 'added') AS added,
         min(time) FILTER (WHERE new_status = 'in_progress') AS started,
         max(time) FILTER (WHERE new_status = 'done') AS done
  FROM h GROUP BY task
)
SELECT spec, id, title, status, date(added, 'unixepoch') AS added,
       date(started, 'unixepoch') AS started,
       date(CASE WHEN status = 'done' THEN done END, 'unixepoch') AS done,
       CASE WHEN status = 'done' THEN round((done - coalesce(started, added)) / 86400.0, 1) END
         AS cycle_days,
       CASE WHEN status = 'done' THEN round((done - added) / 86400.0, 1) END AS lead_days
FROM life JOIN last USING (task) ORDER BY spec, task;
