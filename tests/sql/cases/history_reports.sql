-- The history reports of sql/ on the example repository (examples/history.git,
-- made by examples/make_history_repo.sh): burn-down of all specs and of one,
-- what was done since a day, cycle times, the forecast.
.headers on
.mode list
.param set :root 'examples/history.git'
.param set :spec all
.read sql/burndown.sql
.param set :spec '002-search'
.read sql/burndown.sql
.param set :since "'2026-03-07'"
.read sql/done_since.sql
.read sql/cycle_time.sql
.read sql/forecast.sql
.param set :days 3
.read sql/forecast.sql
-- The history ends where the example specs are: each task's last status in
-- the history is its status in examples/ now.
SELECT count(*) AS tasks, sum(h.new_status = t.status) AS same_status
FROM tasks('examples') t
JOIN (SELECT spec, id, new_status, max(rowid) FROM task_history('examples/history.git')
      GROUP BY task) h ON h.spec = t.spec AND h.id = t.id;
