-- tasks().waits_for is a task's rows of task_deps() as a JSON array, in the
-- same order: on every real file, each (file, task, other task's line, its
-- id, kind) of the one is a row of the other, in both directions, and the
-- counts agree. Then what it looks like on one spec.
.mode list
CREATE TEMP TABLE w AS SELECT t.file, t.line AS task_line, j.key AS at,
    json_extract(j.value, '$.line') AS depends_on_line, json_extract(j.value, '$.id') AS depends_on,
    json_extract(j.value, '$.kind') AS kind
  FROM tasks('../shared/corpus/real/**/*.md') t, json_each(t.waits_for) j;
CREATE TEMP TABLE d AS SELECT file, task_line, depends_on_line, depends_on, kind
  FROM task_deps('../shared/corpus/real/**/*.md');
SELECT count(*) > 10000 AS many, (SELECT count(*) FROM d) = count(*) AS same_count FROM w;
SELECT count(*) AS only_waits_for FROM (SELECT file, task_line, depends_on_line, depends_on, kind
  FROM w EXCEPT SELECT * FROM d);
SELECT count(*) AS only_task_deps FROM (SELECT * FROM d
  EXCEPT SELECT file, task_line, depends_on_line, depends_on, kind FROM w);
SELECT (SELECT group_concat(file || task_line || '>' || depends_on_line || kind, ';') FROM
          (SELECT * FROM w ORDER BY rowid))
     = (SELECT group_concat(file || task_line || '>' || depends_on_line || kind, ';') FROM
          (SELECT * FROM d ORDER BY rowid)) AS same_order;
SELECT count(*) AS invalid FROM tasks('../shared/corpus/real/**/*.md') WHERE NOT json_valid(waits_for);
.headers on
SELECT id, waits_for FROM tasks('examples/specs/002-search') ORDER BY line;
