-- tasks_text() and its siblings over the bytes of every real file give
-- exactly the rows tasks() and its siblings give for the file: same rows,
-- same count, nothing on one side only. Each line: the function, its rows
-- over the corpus, whether the counts agree, rows only from files, rows
-- only from text.
.mode list
CREATE TEMP TABLE corpus AS
  SELECT name, data FROM fsdir('../shared/corpus/real')
  WHERE name LIKE '%.md' AND data IS NOT NULL ORDER BY name;
SELECT count(*) AS files FROM corpus;
CREATE TEMP TABLE a AS SELECT t.* FROM corpus c, tasks(c.name) t;
CREATE TEMP TABLE b AS SELECT t.* FROM corpus c, tasks_text(c.data, c.name) t;
SELECT 'tasks' AS function, (SELECT count(*) FROM a) AS rows,
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b) AS same_count,
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)) AS files_only,
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a)) AS text_only;
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT t.* FROM corpus c, task_deps(c.name) t;
CREATE TEMP TABLE b AS SELECT t.* FROM corpus c, task_deps_text(c.data, c.name) t;
SELECT 'task_deps', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
-- (done-file-missing looks for files beside the file; text has no beside)
CREATE TEMP TABLE a AS SELECT t.* FROM corpus c, task_issues(c.name) t
  WHERE code <> 'done-file-missing';
CREATE TEMP TABLE b AS SELECT t.* FROM corpus c, task_issues_text(c.data, c.name) t;
SELECT 'task_issues', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT t.* FROM corpus c, task_specs(c.name) t;
CREATE TEMP TABLE b AS SELECT t.* FROM corpus c, task_specs_text(c.data, c.name) t;
SELECT 'task_specs', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT t.* FROM corpus c, task_refs(c.name) t;
CREATE TEMP TABLE b AS SELECT t.* FROM corpus c, task_refs_text(c.data, c.name) t;
SELECT 'task_refs', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
