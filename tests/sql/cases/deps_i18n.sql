-- Dependencies written in Chinese and Japanese, (dep: ...), full-width brackets, "User Story N", ranges over themselves.
.headers on
.mode list
SELECT id, depends_on, kind, line, source FROM task_deps('tests/fixtures/deps/i18n');
SELECT id, status, parallel, wave, ready, level, files FROM tasks('tests/fixtures/deps/i18n');
SELECT line, id, code, message FROM task_issues('tests/fixtures/deps/i18n');
