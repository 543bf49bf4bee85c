-- progress.sql - how far each spec, and each step of it, has come.
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd '.param set :root examples' \
--           -cmd '.mode box' '.read sql/progress.sql'
--
-- One row per spec (step empty), then one per step in file order, and a last
-- row `(all)` across every spec.
-- Progress counts the tasks tasks().counted marks: in Kiro files the leaf
-- tasks that are not optional (a parent only groups its subtasks), elsewhere
-- every task; Kiro's optional tasks are shown apart, in `optional`.
-- Cancelled tasks leave the denominator: percent = done / (total - cancelled).
-- Tasks outside any numbered step are counted under the step `-`.
WITH t AS (
  SELECT spec, coalesce(step, '-') AS step, coalesce(step_name, '') AS step_name,
         rowid AS first_row, counted, counted AND done AS done,
         counted AND status = 'cancelled' AS cancelled, optional AND NOT counted AS optional
  FROM tasks(:root)
),
rollup AS (
  SELECT spec, '' AS step, '' AS step_name, 0 AS level, min(first_row) AS ord,
         sum(counted) AS total, sum(done) AS done, sum(cancelled) AS cancelled,
         sum(optional) AS optional
  FROM t GROUP BY spec
  UNION ALL
  SELECT spec, step, step_name, 1, min(first_row),
         sum(counted), sum(done), sum(cancelled), sum(optional)
  FROM t GROUP BY spec, step
  UNION ALL
  SELECT '(all)', '', '', 2, 1e18, sum(counted), sum(done), sum(cancelled), sum(optional)
  FROM t
),
pct AS (
  SELECT *, total - done - cancelled AS open,
         CASE WHEN total - cancelled = 0 THEN 100
              WHEN done < total - cancelled
                THEN min(99, CAST(round(100.0 * done / (total - cancelled)) AS INTEGER))
              ELSE 100 END AS percent
  FROM rollup
)
-- The bar fills an eighth per whole eighth done: full only at 100%.
SELECT spec, step, step_name, total, done, cancelled, open, optional,
       substr('████████', 1, (percent * 8) / 100) ||
       substr('░░░░░░░░', 1, 8 - (percent * 8) / 100) || ' ' || percent || '%' AS progress
FROM pct
ORDER BY level = 2, spec, level, ord;
