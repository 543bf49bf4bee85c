-- ready.sql - tasks ready to start now, across every spec: open, not on a
-- cycle, and everything they depend on, directly or not, done or cancelled.
--
--   .param set :root 'examples'
--   .read sql/ready.sql
SELECT spec, step, wave, id, status, title, file, line
FROM tasks(:root)
WHERE ready
ORDER BY spec, step IS NULL, step, wave, line;
