-- burndown.sql - the burn-down of a repository's specs, day by day, from its
-- history (task_burndown): one spec (:spec), or all of them (:spec NULL or
-- 'all'), with a bar of what is open.
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd ".param set :root examples/history.git" \
--           -cmd ".param set :spec all" -cmd '.mode box' '.read sql/burndown.sql'
--
-- One row per day with a commit that changed the counts: the counts at the
-- end of that day (of the tasks progress counts, tasks().counted), summed
-- over the specs chosen. A spec renamed in git is one spec, under its last
-- name. `chart` is `open` as a bar, 40 characters at the most open.
WITH chosen AS (
  SELECT rowid AS ord, time, spec, tasks, done, cancelled, open
  FROM task_burndown(:root)
  WHERE coalesce(:spec, 'all') IN ('all', spec)
),
-- Each row as a change of its spec's counts, so that specs add up.
deltas AS (
  SELECT date(time, 'unixepoch') AS day,
         tasks - coalesce(lag(tasks) OVER spec_rows, 0) AS tasks,
         done - coalesce(lag(done) OVER spec_rows, 0) AS done,
         cancelled - coalesce(lag(cancelled) OVER spec_rows, 0) AS cancelled,
         open - coalesce(lag(open) OVER spec_rows, 0) AS open
  FROM chosen WINDOW spec_rows AS (PARTITION BY spec ORDER BY ord)
),
days AS (
  SELECT day, sum(sum(tasks)) OVER by_day AS tasks, sum(sum(done)) OVER by_day AS done,
         sum(sum(cancelled)) OVER by_day AS cancelled, sum(sum(open)) OVER by_day AS open
  FROM deltas GROUP BY day WINDOW by_day AS (ORDER BY day)
)
SELECT day, tasks, done, cancelled, open,
       printf('%.*c', CAST(round(40.0 * open / max(1, (SELECT max(open) FROM days))) AS INTEGER),
              '#') AS chart
FROM days ORDER BY day;
