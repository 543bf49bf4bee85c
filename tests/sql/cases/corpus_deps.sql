-- The dependency graph of the real corpus (read in place), in numbers:
-- edges by kind, issues by code, and ready tasks per family.
.headers on
.mode list
SELECT kind, count(*) AS edges FROM task_deps('../shared/corpus/real/**/*.md') GROUP BY kind;
SELECT code, count(*) AS issues FROM task_issues('../shared/corpus/real/**/*.md') GROUP BY code;
SELECT substr(file, 23, instr(substr(file, 23), '/') - 1) AS family,
       count(*) AS tasks, sum(ready) AS ready, sum(level IS NULL) AS on_cycles
FROM tasks('../shared/corpus/real/**/*.md') GROUP BY family;
