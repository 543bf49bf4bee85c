-- The step column: an integer, a real, or text where a real would change
-- the number (3.10 is not 3.1) or cannot hold it (1.1.1).
.headers on
.mode list
SELECT id, step, typeof(step) AS step_type, step_name
FROM tasks('tests/fixtures/steps');
-- Phase 3.1 and Phase 3.10 are two steps.
SELECT count(DISTINCT step) AS steps FROM tasks('tests/fixtures/steps');
