-- progress.sql - how far each spec, and each step of it, has come.
--
--   sqlite3 :memory: -cmd '.load build/tasksext' -cmd '.param set :root examples' \
--           -cmd '.mode box' '.read sql/progress.sql'
--
-- One row per spec (step empty), then one per step in file order, and a last
-- row `(all)` across every spec.
-- Cancelled tasks leave the denominator: percent = done / (total - cancelled).
-- Tasks outside any numbered step are counted under the step `-`.
WITH t AS (
  SELECT spec, coalesce(step, '-') AS step, coalesce(step_name, '') AS step_name,
         rowid AS first_row, done, status
  FROM tasks(:root)
),
rollup AS (
  SELECT spec, '' AS step, '' AS step_name, 0 AS level, min(first_row) AS ord,
         count(*) AS total, sum(done) AS done, sum(status = 'cancelled') AS cancelled
  FROM t GROUP BY spec
  UNION ALL
  SELECT spec, step, step_name, 1, min(first_row),
         count(*), sum(done), sum(status = 'cancelled')
  FROM t GROUP BY spec, step
  UNION ALL
  SELECT '(all)', '', '', 2, 1e18, count(*), sum(done), sum(status = 'cancelled') FROM t
),
pct AS (
  SELECT *, total - done - cancelled AS open,
         CASE WHEN total - cancelled = 0 THEN 100
              ELSE CAST(round(100.0 * done / (total - cancelled)) AS INTEGER) END AS percent
  FROM rollup
)
SELECT spec, step, step_name, total, done, cancelled, open,
       substr('████████', 1, (percent * 8 + 50) / 100) ||
       substr('░░░░░░░░', 1, 8 - (percent * 8 + 50) / 100) || ' ' || percent || '%' AS progress
FROM pct
ORDER BY level = 2, spec, level, ord;
