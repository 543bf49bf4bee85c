-- The parse cache: a second query reads no file again; a file that changes
-- is read again; the cache can be cleared and turned off.
.shell mkdir -p /tmp/tasksext-cache-test/spec && printf -- '- [ ] T001 first\n' > /tmp/tasksext-cache-test/spec/tasks.md
SELECT count(*) FROM tasks('/tmp/tasksext-cache-test');
SELECT count(*) FROM tasks('/tmp/tasksext-cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries', '$.hits', '$.misses');
.shell printf -- '- [x] T001 first\n- [ ] T002 second, added\n' > /tmp/tasksext-cache-test/spec/tasks.md
SELECT id, status, title FROM tasks('/tmp/tasksext-cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries', '$.hits', '$.misses');
-- A new spec folder is found: directory listings are cached too, and a
-- directory that changed is listed again.
.shell mkdir -p /tmp/tasksext-cache-test/spec/sub && printf -- '- [ ] T001 new spec\n' > /tmp/tasksext-cache-test/spec/sub/tasks.md
SELECT file, count(*) FROM tasks('/tmp/tasksext-cache-test') GROUP BY file;
.shell rm -rf /tmp/tasksext-cache-test/spec/sub
SELECT file, count(*) FROM tasks('/tmp/tasksext-cache-test') GROUP BY file;
SELECT tasksext_cache_clear(), json_extract(tasksext_cache_stats(), '$.entries');
SELECT tasksext_cache_limit(0) > 0, tasksext_cache_limit();
SELECT count(*) FROM tasks('/tmp/tasksext-cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries');
.shell rm -rf /tmp/tasksext-cache-test
