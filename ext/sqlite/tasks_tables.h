/* tasks_tables.h - the table-valued functions, each a scan_table. */
#ifndef TASKS_TABLES_H
#define TASKS_TABLES_H

#include "file_scan.h"

extern const scan_table tasks_table;
extern const scan_table task_specs_table;
extern const scan_table task_deps_table;
extern const scan_table task_issues_table;
extern const scan_table task_refs_table;
extern const scan_table task_skipped_table;
extern const scan_table task_blocked_by_table;

#endif
