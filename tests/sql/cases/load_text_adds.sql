-- load: none
-- Exactly what the entry point for hosts that must not read files adds:
-- the text functions, no function that reads a file, no cache.
CREATE TEMP TABLE functions_before AS SELECT name, narg FROM pragma_function_list;
CREATE TEMP TABLE modules_before AS SELECT name FROM pragma_module_list;
.load @MODULE@ sqlite3_tasksext_text_init
SELECT 'module', name FROM pragma_module_list
 WHERE name NOT IN (SELECT name FROM modules_before) ORDER BY name;
SELECT 'function', name, narg FROM pragma_function_list
 WHERE (name, narg) NOT IN (SELECT name, narg FROM functions_before) ORDER BY name;
SELECT 'version', tasksext_version();
-- tasksext_debug(): valid JSON naming this version, its entry point, and a
-- version for each library (which ones depends on the machine).
SELECT 'debug', json_valid(tasksext_debug()), json_extract(tasksext_debug(), '$.tasksext'),
       json_extract(tasksext_debug(), '$.entry'),
       json_extract(tasksext_debug(), '$.sqlite.running') = sqlite_version(),
       (SELECT count(*) FROM json_each(tasksext_debug())
         WHERE key IN ('md4c', 'libyaml', 'libgit2') AND value GLOB '[0-9]*.[0-9]*');
