-- forecast.sql - when each spec of the repository at :root will be done at
-- its recent rate, from its history (task_burndown).
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd ".param set :root ." \
--           -cmd ".param set :days 14" -cmd '.mode box' '.read sql/forecast.sql'
--
-- The rate is how much `open` fell per day over the last :days days (14 when
-- NULL) before the last commit that changed a count, or since the spec appeared when
-- that is later; a spec whose open count did not fall has no forecast (NULL).
-- `finish` is that commit's day plus open / rate days. A last row `(all)`
-- does the same for the sum of every spec.
WITH b AS MATERIALIZED (SELECT rowid AS ord, time, spec, open FROM task_burndown(:root)),
span AS (SELECT max(time) AS t, max(time) - coalesce(:days, 14) * 86400 AS t0 FROM b),
specs AS (
  SELECT spec, max(t0, min(time)) AS since, 0 AS level FROM b, span GROUP BY spec
),
points AS (
  SELECT spec, level, since,
         (SELECT open FROM b x WHERE x.spec = s.spec ORDER BY ord DESC LIMIT 1) AS open_now,
         coalesce((SELECT open FROM b x WHERE x.spec = s.spec AND x.time <= s.since
                   ORDER BY ord DESC LIMIT 1),
                  (SELECT open FROM b x WHERE x.spec = s.spec ORDER BY ord LIMIT 1)) AS open_then
  FROM specs s
),
rows AS (
  SELECT spec, level, since, open_now, open_then FROM points
  UNION ALL
  SELECT '(all)', 1, min(since), sum(open_now), sum(open_then) FROM points
)
SELECT spec, open_now AS open,
       round((open_then - open_now) / max((span.t - since) / 86400.0, 1), 2) AS per_day,
       CASE WHEN open_now = 0 THEN date(span.t, 'unixepoch')
            WHEN open_then > open_now
            THEN date(span.t + open_now * max(span.t - since, 86400) / (open_then - open_now),
                      'unixepoch')
       END AS finish
FROM rows, span ORDER BY level, spec;
