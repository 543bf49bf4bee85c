-- Every column of tasks() over the fixture tree, in walk order.
.headers on
.mode list
SELECT spec, file, line, id, title, done, mark, status, parallel, story, tags,
       step, typeof(step) AS step_type, step_name, section, depth, parent, optional
FROM tasks('tests/fixtures/tree');
