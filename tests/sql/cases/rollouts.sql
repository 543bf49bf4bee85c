-- A directory scan finds rollout-*.md files; `Execute in parallel:` makes a wave.
.headers on
.mode list
SELECT file, dialect, tasks FROM task_specs('tests/fixtures/rollouts');
SELECT line, title, wave, ready FROM tasks('tests/fixtures/rollouts');
