-- The parse cache: a second query reads no file again; a file that changes
-- is read again; the cache can be cleared and turned off.
.shell mkdir -p @TMP@/cache-test/spec && printf -- '- [ ] T001 first\n' > @TMP@/cache-test/spec/tasks.md
SELECT count(*) FROM tasks('@TMP@/cache-test');
SELECT count(*) FROM tasks('@TMP@/cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries', '$.hits', '$.misses');
.shell printf -- '- [x] T001 first\n- [ ] T002 second, added\n' > @TMP@/cache-test/spec/tasks.md
SELECT id, status, title FROM tasks('@TMP@/cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries', '$.hits', '$.misses');
-- A new spec folder is found: directory listings are cached too, and a
-- directory that changed is listed again.
.shell mkdir -p @TMP@/cache-test/spec/sub && printf -- '- [ ] T001 new spec\n' > @TMP@/cache-test/spec/sub/tasks.md
SELECT file, count(*) FROM tasks('@TMP@/cache-test') GROUP BY file;
.shell rm -rf @TMP@/cache-test/spec/sub
SELECT file, count(*) FROM tasks('@TMP@/cache-test') GROUP BY file;
-- The root's own listing is cached as well: a folder added at the top shows.
.shell mkdir -p @TMP@/cache-test/spec2 && printf -- '- [ ] T001 at the top\n' > @TMP@/cache-test/spec2/tasks.md
SELECT file, count(*) FROM tasks('@TMP@/cache-test') GROUP BY file;
.shell rm -rf @TMP@/cache-test/spec2
-- (how many entries it drops depends on inode reuse: removed files linger until cleared)
SELECT tasksext_cache_clear() > 0, json_extract(tasksext_cache_stats(), '$.entries');
SELECT tasksext_cache_limit(0) > 0, tasksext_cache_limit();
SELECT count(*) FROM tasks('@TMP@/cache-test');
SELECT json_extract(tasksext_cache_stats(), '$.entries');
.shell rm -rf @TMP@/cache-test
-- A tree larger than the cache: the first query caches what fits, and once
-- the cache is full and lookups keep missing it stops looking (a stat per
-- file for nothing); the counts stay right, and a repeat still hits what
-- is cached, and still sees a cached file change.
.shell mkdir -p @TMP@/cache-big && for i in $(seq 100 299); do mkdir -p @TMP@/cache-big/$i && printf -- '- [ ] T001 task %s\n- [x] T002 done\n' $i > @TMP@/cache-big/$i/tasks.md; done
SELECT tasksext_cache_limit(40000) >= 0, tasksext_cache_clear() >= 0;
SELECT count(*), sum(done) FROM tasks('@TMP@/cache-big');
SELECT json_extract(tasksext_cache_stats(), '$.entries') BETWEEN 2 AND 150 AS some_cached,
       json_extract(tasksext_cache_stats(), '$.misses') < 200 AS gave_up_looking;
.shell printf -- '- [x] T001 task 100, edited\n' > @TMP@/cache-big/100/tasks.md
SELECT count(*), sum(done) FROM tasks('@TMP@/cache-big');
SELECT json_extract(tasksext_cache_stats(), '$.hits') > 0 AS repeat_hits;
SELECT title FROM tasks('@TMP@/cache-big') WHERE file LIKE '%/100/tasks.md';
.shell rm -rf @TMP@/cache-big
