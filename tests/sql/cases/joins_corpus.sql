-- Joins of two functions on (spec, id), (spec) and (file), with no
-- MATERIALIZED: the inner function serves each outer row from the index it
-- built on its first scan. The rows equal the MATERIALIZED form's. Each line:
-- the join, its rows, whether the two forms agree in count, rows only in
-- the plain form, rows only in the MATERIALIZED form.
.mode list
CREATE TEMP TABLE a AS SELECT t.spec, t.id, t.line, d.depends_on, d.kind
  FROM tasks('../shared/corpus/real/**/*.md') t
  JOIN task_deps('../shared/corpus/real/**/*.md') d USING (spec, id);
CREATE TEMP TABLE b AS WITH d AS MATERIALIZED (SELECT * FROM task_deps('../shared/corpus/real/**/*.md'))
  SELECT t.spec, t.id, t.line, d.depends_on, d.kind
  FROM tasks('../shared/corpus/real/**/*.md') t JOIN d USING (spec, id);
SELECT 'tasks JOIN task_deps USING (spec, id)', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
-- What each task waits for, with the title of what it waits for.
CREATE TEMP TABLE a AS SELECT d.spec, d.id, d.depends_on, t.title
  FROM task_deps('../shared/corpus/real/**/*.md') d
  JOIN tasks('../shared/corpus/real/**/*.md') t ON t.spec = d.spec AND t.id = d.depends_on;
CREATE TEMP TABLE b AS WITH t AS MATERIALIZED (SELECT * FROM tasks('../shared/corpus/real/**/*.md'))
  SELECT d.spec, d.id, d.depends_on, t.title
  FROM task_deps('../shared/corpus/real/**/*.md') d JOIN t ON t.spec = d.spec AND t.id = d.depends_on;
SELECT 'task_deps JOIN tasks ON depends_on', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT s.spec, s.dialect, t.id, t.status
  FROM task_specs('../shared/corpus/real/**/*.md') s
  JOIN tasks('../shared/corpus/real/**/*.md') t USING (spec);
CREATE TEMP TABLE b AS WITH t AS MATERIALIZED (SELECT * FROM tasks('../shared/corpus/real/**/*.md'))
  SELECT s.spec, s.dialect, t.id, t.status
  FROM task_specs('../shared/corpus/real/**/*.md') s JOIN t USING (spec);
SELECT 'task_specs JOIN tasks USING (spec)', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT i.file, i.line, i.code, s.title
  FROM task_issues('../shared/corpus/real/**/*.md') i
  JOIN task_specs('../shared/corpus/real/**/*.md') s USING (file);
CREATE TEMP TABLE b AS WITH s AS MATERIALIZED (SELECT * FROM task_specs('../shared/corpus/real/**/*.md'))
  SELECT i.file, i.line, i.code, s.title
  FROM task_issues('../shared/corpus/real/**/*.md') i JOIN s USING (file);
SELECT 'task_issues JOIN task_specs USING (file)', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
DROP TABLE a; DROP TABLE b;
CREATE TEMP TABLE a AS SELECT t.spec, t.id, r.kind, r.ref
  FROM tasks('../shared/corpus/real/**/*.md') t
  JOIN task_refs('../shared/corpus/real/**/*.md') r USING (spec, id) WHERE t.done;
CREATE TEMP TABLE b AS WITH r AS MATERIALIZED (SELECT * FROM task_refs('../shared/corpus/real/**/*.md'))
  SELECT t.spec, t.id, r.kind, r.ref
  FROM tasks('../shared/corpus/real/**/*.md') t JOIN r USING (spec, id) WHERE t.done;
SELECT 'tasks JOIN task_refs USING (spec, id)', (SELECT count(*) FROM a),
       (SELECT count(*) FROM a) = (SELECT count(*) FROM b),
       (SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b)),
       (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a));
