/* step_heading.h - does a heading name a numbered step or phase? And does it
 * open a section about dependencies or execution order? */
#ifndef TASKS_STEP_HEADING_H
#define TASKS_STEP_HEADING_H

#include <stddef.h>

#include "task_line.h"

/* `Step 3: Core Implementation`, `Phase 3.2 — Tests`, `Fase 2 - ...`,
 * `第2阶段：...`, `1. Setup`: 1 with the number and the name found, else 0. */
int step_heading_parse(const char *text, size_t len, text_span *number, text_span *name);

/* `Dependencies`, `Dependencies & Execution Order`, `Critical Path`, ... */
int is_dependency_heading(const char *text, size_t len);

/* 1 when what stands before the line's first colon speaks of order:
 * `Dependencies: US1`, `**Prerequisites**: Phase 2`, `Blocked by: T003`. */
int is_dependency_label(const char *text, size_t len);

#endif
