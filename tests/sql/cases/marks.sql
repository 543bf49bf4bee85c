-- expect: errors
-- tasks_mark(): the box changes, the next query on the same connection
-- sees it (the rewritten file is a new inode: the cache reads it), the returned line_hash guards the
-- next change, and a stale guard, a line without a task and a status no mark
-- means are refused with file:line and nothing written.
.shell mkdir -p @TMP@/spec && printf -- '# Tasks\n\n- [ ] T001 First\n- [ ] T002 Second\n' > @TMP@/spec/tasks.md
.headers on
.mode list
SELECT id, mark, status, line_hash FROM tasks('@TMP@');
CREATE TEMP TABLE guard AS SELECT file, line, line_hash FROM tasks('@TMP@') WHERE id = 'T002';
SELECT tasks_mark(file, line, 'done', line_hash) AS new_hash FROM guard;
SELECT id, mark, status, line_hash FROM tasks('@TMP@');
-- The old guard no longer holds.
SELECT tasks_mark(file, line, 'todo', line_hash) FROM guard;
SELECT tasks_mark(file, 1, 'done', '0000000000000000') FROM guard;
SELECT tasks_mark(file, line, 'waiting on legal', (SELECT line_hash FROM tasks('@TMP@') WHERE id = 'T002')) FROM guard;
-- The mark itself, and back: the bytes are what they were.
SELECT tasks_mark(file, line, ' ', (SELECT line_hash FROM tasks('@TMP@') WHERE id = 'T002')) AS back FROM guard;
SELECT hex(readfile('@TMP@/spec/tasks.md')) = hex(CAST('# Tasks' || char(10) || char(10) || '- [ ] T001 First' || char(10) || '- [ ] T002 Second' || char(10) AS BLOB)) AS same_bytes;
-- A view in the schema cannot write files.
CREATE VIEW writer AS SELECT tasks_mark('@TMP@/spec/tasks.md', 3, 'done', 'x') AS hash;
SELECT * FROM writer;
