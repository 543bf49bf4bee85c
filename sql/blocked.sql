-- blocked.sql - what stands in the way.
--
-- First: every open task that is not ready, with each open task that blocks
-- it, directly (depth 1) or through others (depth 2, 3, ...), shortest depth.
-- Then, when :task is set (and :spec, when ids repeat across specs): the open
-- tasks that finishing :task moves closer, with their depth.
--
--   .param set :root 'examples'
--   .param set :task 'T006'
--   .read sql/blocked.sql
WITH t AS (SELECT spec, id, status, ready FROM tasks(:root) WHERE id IS NOT NULL),
d AS (SELECT DISTINCT spec, id, depends_on FROM task_deps(:root)),
chain(spec, id, blocker, depth) AS (
  SELECT d.spec, d.id, d.depends_on, 1 FROM d
  JOIN t w ON w.spec = d.spec AND w.id = d.id
  WHERE w.status NOT IN ('done', 'cancelled') AND NOT w.ready
  UNION
  SELECT c.spec, c.id, d.depends_on, c.depth + 1 FROM chain c
  JOIN d ON d.spec = c.spec AND d.id = c.blocker
  WHERE c.depth < 64
)
SELECT c.spec, c.id, c.blocker AS blocked_by, min(c.depth) AS depth, b.status AS blocker_status
FROM chain c JOIN t b ON b.spec = c.spec AND b.id = c.blocker
WHERE b.status NOT IN ('done', 'cancelled') AND c.blocker <> c.id
GROUP BY c.spec, c.id, c.blocker
ORDER BY c.spec, c.id, depth, c.blocker;

WITH t AS (SELECT spec, id, status FROM tasks(:root) WHERE id IS NOT NULL),
d AS (SELECT DISTINCT spec, id, depends_on FROM task_deps(:root)),
after(spec, id, depth) AS (
  SELECT d.spec, d.id, 1 FROM d
  WHERE :task IS NOT NULL AND d.depends_on = :task AND (:spec IS NULL OR d.spec = :spec)
  UNION
  SELECT a.spec, d.id, a.depth + 1 FROM after a
  JOIN d ON d.spec = a.spec AND d.depends_on = a.id
  WHERE a.depth < 64
)
SELECT a.spec, :task AS finishing, a.id AS unblocks, min(a.depth) AS depth
FROM after a JOIN t ON t.spec = a.spec AND t.id = a.id
WHERE t.status NOT IN ('done', 'cancelled') AND a.id <> :task
GROUP BY a.spec, a.id
ORDER BY a.spec, depth, a.id;
