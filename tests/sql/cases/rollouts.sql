-- A directory scan finds rollout-*.md files; `Execute in parallel:` makes a wave.
.headers on
.mode list
SELECT file, dialect, tasks FROM task_specs('tests/fixtures/rollouts');
SELECT line, title, wave, ready FROM tasks('tests/fixtures/rollouts');
-- The rollout template's example: ordinal ids, and `(depends on 2 and 3)`
-- counted within the task's heading.
SELECT id, depends_on, source FROM task_deps('../shared/corpus/real/rollout/Xerilium__catalyst__src__resources__templates__specs__rollout.md')
WHERE kind = 'explicit';
