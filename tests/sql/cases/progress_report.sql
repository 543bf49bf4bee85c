-- sql/progress.sql over the examples, as the README runs it.
.param set :root examples
.mode box
.read sql/progress.sql
