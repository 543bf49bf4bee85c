-- blocked.sql - what stands in the way.
--
-- First: every open task that is not ready, with each open task that blocks
-- it, directly (depth 1) or through other open tasks (depth 2, 3, ...), at
-- the shortest depth (task_blocked_by(), computed in C: no depth cap). Then,
-- when :task is set (and :spec, when ids repeat across specs): the open
-- tasks that finishing :task moves closer, with their depth.
--
--   .param set :root 'examples'
--   .param set :task 'T006'
--   .read sql/blocked.sql
SELECT spec, coalesce(id, 'line ' || line) AS id,
       coalesce(blocker, 'line ' || blocker_line) AS blocked_by, min(depth) AS depth,
       blocker_status
FROM task_blocked_by(:root)
GROUP BY spec, 2, 3
ORDER BY spec, 2, depth, 3;

SELECT spec, :task AS finishing, coalesce(id, 'line ' || line) AS unblocks, min(depth) AS depth
FROM task_blocked_by(:root)
WHERE :task IS NOT NULL AND blocker = :task AND (:spec IS NULL OR spec = :spec)
GROUP BY spec, 3
ORDER BY spec, depth, 3;
