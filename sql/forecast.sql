-- forecast.sql - when each spec of the repository at :root will be done at
-- its recent rate, from its history (task_burndown).
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd ".param set :root ." \
--           -cmd ".param set :days 14" -cmd '.mode box' '.read sql/forecast.sql'
--
-- The rate is how many tasks were closed (done or cancelled) per day over the
-- last :days days (14 when NULL) before the last commit that changed a count,
-- or since the spec appeared when that is later (tasks added meanwhile do not
-- hide it); a spec that closed none has no forecast (NULL). `finish` is that
-- commit's day plus open / rate days. A last row `(all)` does the same for the
-- sum of every spec.
WITH b AS MATERIALIZED (
  SELECT rowid AS ord, time, spec, open, tasks - open AS closed FROM task_burndown(:root)
),
span AS (SELECT max(time) AS t, max(time) - coalesce(:days, 14) * 86400 AS t0 FROM b),
specs AS (
  SELECT spec, max(t0, min(time)) AS since, 0 AS level FROM b, span GROUP BY spec
),
points AS (
  SELECT spec, level, since,
         (SELECT open FROM b x WHERE x.spec = s.spec ORDER BY ord DESC LIMIT 1) AS open_now,
         (SELECT closed FROM b x WHERE x.spec = s.spec ORDER BY ord DESC LIMIT 1) AS closed_now,
         coalesce((SELECT closed FROM b x WHERE x.spec = s.spec AND x.time <= s.since
                   ORDER BY ord DESC LIMIT 1),
                  (SELECT closed FROM b x WHERE x.spec = s.spec ORDER BY ord LIMIT 1))
           AS closed_then
  FROM specs s
),
rows AS (
  SELECT spec, level, since, open_now, closed_now, closed_then FROM points
  UNION ALL
  SELECT '(all)', 1, min(since), sum(open_now), sum(closed_now), sum(closed_then) FROM points
)
SELECT spec, open_now AS open,
       round((closed_now - closed_then) / max((span.t - since) / 86400.0, 1), 2) AS per_day,
       CASE WHEN open_now = 0 THEN date(span.t, 'unixepoch')
            WHEN closed_now > closed_then
            THEN date(span.t + open_now * max(span.t - since, 86400) / (closed_now - closed_then),
                      'unixepoch')
       END AS finish
FROM rows, span ORDER BY level, spec;
