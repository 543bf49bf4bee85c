-- conflicts.sql - tasks that may be worked on at the same time and name the
-- same file: both ready now, or both open in one parallel wave of a step.
-- Within a spec and across specs; each pair once.
--
--   .param set :root 'examples'
--   .read sql/conflicts.sql
WITH t AS (
  SELECT spec, id, line, ready, parallel, step, wave, status, files FROM tasks(:root)
  WHERE status NOT IN ('done', 'cancelled')
),
f AS (SELECT t.*, j.value AS path FROM t, json_each(t.files) j)
SELECT a.path AS file, a.spec AS spec, a.id AS task, b.spec AS other_spec, b.id AS other_task,
       CASE WHEN a.spec = b.spec AND a.parallel AND b.parallel AND a.step IS b.step
                 AND a.wave = b.wave THEN 'same parallel wave'
            ELSE 'both ready' END AS why
FROM f a JOIN f b ON a.path = b.path
 AND (a.spec < b.spec OR (a.spec = b.spec AND a.line < b.line))
WHERE (a.ready AND b.ready)
   OR (a.spec = b.spec AND a.parallel AND b.parallel AND a.step IS b.step AND a.wave = b.wave)
ORDER BY file, spec, task;
