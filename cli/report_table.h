/*
 * report_table.h - the rows a command shows, kept as typed cells, and the
 * three ways to print them: a table for people (columns aligned by display
 * width, long text cut at a word, colour on a terminal), CSV, and JSON
 * objects inside the command's envelope.
 */
#ifndef CLI_REPORT_TABLE_H
#define CLI_REPORT_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "json_writer.h"
#include "string_pool.h"

typedef enum cell_kind { CELL_NULL, CELL_INT, CELL_REAL, CELL_TEXT, CELL_JSON } cell_kind;

/* 24 bytes: a command like `blocked` keeps a row of eight per task. */
typedef struct report_cell {
    union {
        int64_t integer;  /* CELL_INT */
        double real;      /* CELL_REAL */
        const char *text; /* CELL_TEXT: the text; CELL_JSON: the JSON value */
    };
    const char *display; /* CELL_JSON: what the table and CSV show */
    unsigned char kind;  /* cell_kind */
    unsigned char colour; /* an ANSI colour number for the table, 0 for none */
} report_cell;

enum column_flags {
    COLUMN_FIT = 1,      /* long text: cut at a word to fit the line */
    COLUMN_NO_TABLE = 2, /* CSV and JSON only (a file path, a hash) */
    COLUMN_NO_JSON = 4,  /* the table only (a bar): not in CSV nor JSON */
    COLUMN_RIGHT = 8     /* numbers: aligned right */
};

typedef struct report_column {
    const char *name; /* the JSON key and the CSV header */
    const char *heading; /* the table's heading */
    int flags;
} report_column;

typedef struct report_table {
    const report_column *columns;
    size_t n_columns;
    report_cell *cells; /* row-major */
    size_t n_rows, capacity_rows;
    string_pool texts; /* every cell's text */
    int failed;        /* out of memory */
} report_table;

void report_init(report_table *table, const report_column *columns, size_t n_columns);
void report_free(report_table *table);

/* Room for `rows` rows in all, at once, for a caller that knows how many
 * it adds: the cells are not copied as the table grows. */
void report_reserve(report_table *table, size_t rows);

/* Starts a row; the cells are set one by one, in column order. */
void report_add_row(report_table *table);
void report_set_text(report_table *table, size_t column, const char *text); /* NULL: null */
/* Text that lives as long as the table (a task_model's strings): kept by
 * its pointer, not copied. */
void report_set_kept_text(report_table *table, size_t column, const char *text);
void report_set_int(report_table *table, size_t column, int64_t value);
void report_set_null(report_table *table, size_t column);
void report_set_real(report_table *table, size_t column, double value);
/* A JSON value (an array, an object) with the text a table shows for it. */
void report_set_json(report_table *table, size_t column, const char *json, const char *display);
void report_set_colour(report_table *table, size_t column, int colour);

typedef struct table_style {
    size_t max_width; /* the line's width in columns (the terminal's, or --width) */
    int colour;       /* ANSI colours on */
} table_style;

/* The table for people. Returns 0, or -1 when out of memory. */
int report_print_table(const report_table *table, const table_style *style);

/* CSV (RFC 4180 quoting, LF line ends) with a header line; the columns
 * JSON has. */
int report_print_csv(const report_table *table);

/* The rows as an array of objects, under the writer's current key. */
void report_write_json_rows(const report_table *table, json_writer *json);

#endif
