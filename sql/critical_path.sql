-- critical_path.sql - per spec, the longest chain of open tasks, its length
-- and its tasks in order (first to do first). Done and cancelled tasks drop
-- out; a chain is followed through dependencies between open tasks only.
-- Ties go to the chain that ends, then, step by step back, starts earliest
-- in the file. tasks().critical is each task's place on it, computed in C
-- (no length cap); tasks on or after a cycle are on no chain.
--
--   .param set :root 'examples'
--   .read sql/critical_path.sql
WITH c AS (
  SELECT spec, coalesce(id, 'line ' || line) AS id, critical FROM tasks(:root)
  WHERE critical IS NOT NULL
),
path(spec, place, chain) AS (
  SELECT spec, 1, id FROM c WHERE critical = 1
  UNION ALL
  SELECT p.spec, p.place + 1, p.chain || ' → ' || c.id FROM path p
  JOIN c ON c.spec = p.spec AND c.critical = p.place + 1
)
SELECT spec, place AS length, chain AS tasks FROM path
WHERE place = (SELECT max(critical) FROM c WHERE c.spec = path.spec)
ORDER BY spec;
