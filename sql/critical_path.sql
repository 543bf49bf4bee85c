-- critical_path.sql - per spec, the longest chain of open tasks, its length
-- and its tasks in order (first to do first). Done and cancelled tasks drop
-- out; a chain is followed through dependencies between open tasks only.
-- Ties go to the chain that ends, then starts, earliest in the file.
--
--   .param set :root 'examples'
--   .read sql/critical_path.sql
WITH t AS (
  SELECT spec, id, line FROM tasks(:root)
  WHERE id IS NOT NULL AND status NOT IN ('done', 'cancelled')
),
d AS (
  SELECT DISTINCT d.spec, d.id, d.depends_on FROM task_deps(:root) d
  JOIN t a ON a.spec = d.spec AND a.id = d.id
  JOIN t b ON b.spec = d.spec AND b.id = d.depends_on
  WHERE d.id <> d.depends_on
),
-- Every length at which a task can be reached: rows grow with tasks times
-- lengths, never with the number of paths. Cycles stop at the bound.
reach(spec, id, len) AS (
  SELECT spec, id, 1 FROM t
  WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.spec = t.spec AND d.id = t.id)
  UNION
  SELECT d.spec, d.id, r.len + 1 FROM reach r
  JOIN d ON d.spec = r.spec AND d.depends_on = r.id
  WHERE r.len < 1000
),
longest AS (SELECT spec, id, max(len) AS len FROM reach GROUP BY spec, id),
ends AS (
  SELECT l.spec, l.id, l.len FROM longest l JOIN t ON t.spec = l.spec AND t.id = l.id
  WHERE l.len = (SELECT max(len) FROM longest m WHERE m.spec = l.spec)
    AND t.line = (SELECT min(t2.line) FROM longest m JOIN t t2 ON t2.spec = m.spec AND t2.id = m.id
                  WHERE m.spec = l.spec AND m.len = l.len)
),
-- Walk back from the end, each time to the earliest task one step shorter.
path(spec, id, len, chain) AS (
  SELECT spec, id, len, id FROM ends
  UNION ALL
  SELECT p.spec, prev.id, p.len - 1, prev.id || ' → ' || p.chain FROM path p
  JOIN (SELECT d.spec, d.id AS next, d.depends_on AS id, l.len, t.line FROM d
        JOIN longest l ON l.spec = d.spec AND l.id = d.depends_on
        JOIN t ON t.spec = d.spec AND t.id = d.depends_on) prev
    ON prev.spec = p.spec AND prev.next = p.id AND prev.len = p.len - 1
  WHERE prev.line = (SELECT min(t3.line) FROM d d3
                     JOIN longest l3 ON l3.spec = d3.spec AND l3.id = d3.depends_on
                     JOIN t t3 ON t3.spec = d3.spec AND t3.id = d3.depends_on
                     WHERE d3.spec = p.spec AND d3.id = p.id AND l3.len = p.len - 1)
)
SELECT spec, (SELECT len FROM ends e WHERE e.spec = path.spec) AS length, chain AS tasks
FROM path WHERE len = 1
ORDER BY spec;
