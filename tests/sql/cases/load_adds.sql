-- load: none
-- Exactly what loading the module adds to the connection.
CREATE TEMP TABLE functions_before AS SELECT name, narg FROM pragma_function_list;
CREATE TEMP TABLE modules_before AS SELECT name FROM pragma_module_list;
.load @MODULE@
SELECT 'module', name FROM pragma_module_list
 WHERE name NOT IN (SELECT name FROM modules_before) ORDER BY name;
SELECT 'function', name, narg FROM pragma_function_list
 WHERE (name, narg) NOT IN (SELECT name, narg FROM functions_before) ORDER BY name;
SELECT 'version', tasksext_version();
