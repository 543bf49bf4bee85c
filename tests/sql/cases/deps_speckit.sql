-- spec-kit: user-story phases wait for Foundational, not for each other; Polish waits for them all.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/speckit');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/speckit');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/speckit');
