-- expect: errors
-- A view in the database schema may not read files through tasks(); a TEMP view may.
CREATE VIEW main_view AS SELECT count(*) AS n FROM tasks('tests/fixtures/tree');
SELECT n FROM main_view;
CREATE TEMP VIEW temp_view AS SELECT count(*) AS n FROM tasks('tests/fixtures/tree');
SELECT n FROM temp_view;
