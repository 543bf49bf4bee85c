.headers on
.mode list
-- Every spec is its own: two 001-auth folders, two rollouts; the path each
-- key came from, and what progress counts.
SELECT spec, spec_path, dialect, tasks, done, progress_tasks, progress_done, optional_tasks
FROM task_specs('.') ORDER BY spec;
-- Readiness stays within a spec: pkgA's T002 waits for pkgA's T001 only.
SELECT spec, id, done, ready, level, optional, parallel FROM tasks('.') ORDER BY spec, line;
SELECT spec, id, depends_on, kind FROM task_deps('.') ORDER BY spec, id, depends_on, kind;
-- Joined on (spec, id), as the README says: each task meets its own edges.
SELECT t.spec, t.id, count(d.depends_on) AS waits_for
FROM tasks('.') t LEFT JOIN (SELECT * FROM task_deps('.')) d ON d.spec = t.spec AND d.id = t.id
GROUP BY t.spec, t.id ORDER BY t.spec, t.id;
-- What was left out, and why.
SELECT entry, reason FROM task_skipped('.');
-- Named explicitly, a left-out folder is read.
SELECT spec, file FROM task_specs('build');
SELECT spec, file FROM task_specs('templates');
SELECT spec, file FROM task_specs('*/commands');
