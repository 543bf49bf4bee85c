/*
 * report_table.c - see report_table.h. Every command's table, CSV and JSON
 * rows go through here, so they align, quote and type values the same way.
 */
#include "report_table.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal_text.h"
#include "string_builder.h"
#include "text_width.h"

void report_init(report_table *table, const report_column *columns, size_t n_columns)
{
    memset(table, 0, sizeof *table);
    table->columns = columns;
    table->n_columns = n_columns;
}

void report_free(report_table *table)
{
    string_pool_free(&table->texts);
    free(table->cells);
    memset(table, 0, sizeof *table);
}

static void grow_to(report_table *table, size_t capacity)
{
    report_cell *grown = realloc(table->cells, capacity * table->n_columns * sizeof *grown);
    if (!grown) {
        table->failed = 1;
        return;
    }
    table->cells = grown;
    table->capacity_rows = capacity;
}

void report_reserve(report_table *table, size_t rows)
{
    if (!table->failed && rows > table->capacity_rows) grow_to(table, rows);
}

void report_add_row(report_table *table)
{
    if (table->failed) return;
    if (table->n_rows == table->capacity_rows)
        grow_to(table, table->capacity_rows ? table->capacity_rows * 2 : 64);
    if (table->failed) return;
    memset(table->cells + table->n_rows * table->n_columns, 0,
           table->n_columns * sizeof(report_cell));
    table->n_rows++;
}

static report_cell *current(report_table *table, size_t column)
{
    if (table->failed || table->n_rows == 0 || column >= table->n_columns) return NULL;
    return &table->cells[(table->n_rows - 1) * table->n_columns + column];
}

void report_set_text(report_table *table, size_t column, const char *text)
{
    report_cell *cell = current(table, column);
    if (!cell) return;
    if (!text) {
        cell->kind = CELL_NULL;
        return;
    }
    cell->text = string_pool_keep(&table->texts, text);
    if (!cell->text) table->failed = 1;
    cell->kind = CELL_TEXT;
}

void report_set_kept_text(report_table *table, size_t column, const char *text)
{
    report_cell *cell = current(table, column);
    if (!cell) return;
    cell->kind = text ? CELL_TEXT : CELL_NULL;
    cell->text = text;
}

void report_set_int(report_table *table, size_t column, int64_t value)
{
    report_cell *cell = current(table, column);
    if (!cell) return;
    cell->kind = CELL_INT;
    cell->integer = value;
}

void report_set_null(report_table *table, size_t column)
{
    report_cell *cell = current(table, column);
    if (cell) cell->kind = CELL_NULL;
}

void report_set_real(report_table *table, size_t column, double value)
{
    report_cell *cell = current(table, column);
    if (!cell) return;
    cell->kind = CELL_REAL;
    cell->real = value;
}

void report_set_json(report_table *table, size_t column, const char *json, const char *display)
{
    report_cell *cell = current(table, column);
    if (!cell) return;
    cell->kind = CELL_JSON;
    cell->text = string_pool_keep(&table->texts, json);
    cell->display = string_pool_keep(&table->texts, display);
    if (!cell->text || !cell->display) table->failed = 1;
}

void report_set_colour(report_table *table, size_t column, int colour)
{
    report_cell *cell = current(table, column);
    if (cell) cell->colour = (unsigned char)colour;
}

/* The text a table or CSV shows for a cell; *owned is set when it was made
 * here and must be freed. */
static const char *cell_text(const report_cell *cell, char *number, size_t size)
{
    switch (cell->kind) {
    case CELL_NULL:
        return "";
    case CELL_INT:
        return size >= DECIMAL_TEXT_SIZE ? decimal_text(cell->integer, number) : "";
    case CELL_REAL:
        snprintf(number, size, "%g", cell->real);
        return number;
    case CELL_TEXT:
        return cell->text;
    case CELL_JSON:
        return cell->display;
    }
    return "";
}

static int shown_in_table(const report_column *column)
{
    return !(column->flags & COLUMN_NO_TABLE);
}

/* The table's lines are built in memory (a string_builder) and written 64
 * KiB at a time: a large table made a stdio call per cell and per run of
 * blanks (a tenth of `tasksext blocked` on 1,000 specs). */
static void line_blanks(string_builder *line, size_t n)
{
    static const char blanks[] = "                                                                ";
    while (n > 0) {
        size_t chunk = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
        builder_append_n(line, blanks, chunk);
        n -= chunk;
    }
}

static void line_colour(string_builder *line, int colour)
{
    char escape[16];
    int n = snprintf(escape, sizeof escape, "\033[%dm", colour);
    builder_append_n(line, escape, (size_t)n);
}

/* Text already known to fit: `used` columns of `width`. */
static void line_padded(string_builder *line, const char *text, size_t used, size_t width,
                        int right, int colour, int last)
{
    size_t pad = width > used ? width - used : 0;
    if (right) line_blanks(line, pad);
    if (colour) line_colour(line, colour);
    builder_append_n(line, text, strlen(text));
    if (colour) builder_append_n(line, "\033[0m", 4);
    if (!right && !last) line_blanks(line, pad);
}

/* Writes what the buffer holds, and empties it. */
static void line_flush(string_builder *line)
{
    if (!line->failed && line->length) fwrite(line->text, 1, line->length, stdout);
    line->length = 0;
}

/* A run of a table's rows, measured and then formatted by one thread: a
 * large table (`blocked` on 10,000 specs: 69,000 rows) is split in two, so
 * that the two cores that read the files also lay out the result. */
typedef struct row_range {
    const report_table *table;
    const table_style *style;
    size_t first, end;     /* rows */
    size_t *cell_width;    /* the table's, filled for these rows */
    unsigned char *breaks; /* the table's: a cell holds a tab, CR, LF or escape */
    size_t *widest;        /* per column, the widest of these rows */
    const size_t *width;   /* per column, as printed */
    string_builder out;    /* the formatted lines (written as they come by the first range) */
    int flush;             /* write `out` every 64 KiB (the first range only) */
    int failed;
} row_range;

/* Each cell's width and breaks, and the widest of each column. A text kept
 * by pointer (a spec, on every row of its tasks) is measured once for a
 * run of rows. */
static void measure_rows(row_range *range)
{
    const report_table *table = range->table;
    char number[64];
    for (size_t c = 0; c < table->n_columns; c++) {
        range->widest[c] = 0;
        if (!shown_in_table(&table->columns[c])) continue;
        const char *last_text = NULL;
        size_t last_width = 0;
        int last_breaks = 0;
        for (size_t r = range->first; r < range->end; r++) {
            size_t at = r * table->n_columns + c;
            const report_cell *cell = &table->cells[at];
            const char *text = cell_text(cell, number, sizeof number);
            if (cell->kind != CELL_TEXT || text != last_text) {
                last_width = text_measure(text, &last_breaks);
                last_text = cell->kind == CELL_TEXT ? text : NULL;
            }
            range->cell_width[at] = last_width;
            range->breaks[at] = (unsigned char)last_breaks;
            if (last_width > range->widest[c]) range->widest[c] = last_width;
        }
    }
}

/* The lines of the range's rows into range->out. */
static void format_rows(row_range *range)
{
    const report_table *table = range->table;
    char number[64];
    char *fitted = NULL; /* one buffer for every cut cell */
    size_t fitted_capacity = 0;
    for (size_t r = range->first; r < range->end && !range->failed; r++) {
        /* A line ends at its last column with something to show, so that
         * empty cells at its end leave no blanks. */
        const size_t *row_width = range->cell_width + r * table->n_columns;
        long last = (long)table->n_columns - 1;
        while (last >= 0 && (!shown_in_table(&table->columns[last]) || row_width[last] == 0))
            last--;
        int first = 1;
        for (size_t c = 0; (long)c <= last; c++) {
            if (!shown_in_table(&table->columns[c])) continue;
            size_t at = r * table->n_columns + c;
            const report_cell *cell = &table->cells[at];
            const char *text = cell_text(cell, number, sizeof number);
            size_t used = range->cell_width[at];
            /* Control characters print as blanks, so such text goes through text_fit too. */
            if (used > range->width[c] || range->breaks[at]) {
                if (text_fit_into(text, range->width[c], &fitted, &fitted_capacity, &used) != 0) {
                    range->failed = 1;
                    break;
                }
                text = fitted;
            }
            if (!first) builder_append_n(&range->out, "  ", 2);
            first = 0;
            line_padded(&range->out, text, used, range->width[c],
                        table->columns[c].flags & COLUMN_RIGHT,
                        range->style->colour ? cell->colour : 0, (long)c == last);
        }
        builder_append_n(&range->out, "\n", 1);
        if (range->flush && range->out.length >= 65536) line_flush(&range->out);
    }
    free(fitted);
    range->failed |= range->out.failed;
}

static void *measure_thread(void *range)
{
    measure_rows(range);
    return NULL;
}

static void *format_thread(void *range)
{
    format_rows(range);
    return NULL;
}

/* Runs `work` on `second` in a thread while the caller's thread runs it on
 * `first`; on one thread when the second range is empty or no thread
 * starts. */
static void both_ranges(void (*work)(row_range *), void *(*thread)(void *), row_range *first,
                        row_range *second)
{
    pthread_t helper;
    int started = second->first < second->end && pthread_create(&helper, NULL, thread, second) == 0;
    work(first);
    if (started)
        pthread_join(helper, NULL);
    else if (second->first < second->end)
        work(second);
}

/* Widths: each column as wide as its widest cell; when the line is too
 * long, the columns that may be cut give up width, widest first, down to
 * what their heading needs and at least 12 columns. */
static void fit_widths(const report_table *table, const table_style *style, size_t *width)
{
    size_t total = 0, shown = 0;
    for (size_t c = 0; c < table->n_columns; c++) {
        if (!shown_in_table(&table->columns[c])) continue;
        total += width[c];
        shown++;
    }
    total += shown > 0 ? 2 * (shown - 1) : 0;
    while (total > style->max_width) {
        size_t widest = table->n_columns;
        for (size_t c = 0; c < table->n_columns; c++) {
            if (!(table->columns[c].flags & COLUMN_FIT) || !shown_in_table(&table->columns[c]))
                continue;
            size_t floor = text_width(table->columns[c].heading);
            if (floor < 12) floor = 12;
            if (width[c] <= floor) continue;
            if (widest == table->n_columns || width[c] > width[widest]) widest = c;
        }
        if (widest == table->n_columns) break;
        width[widest]--;
        total--;
    }
}

/* Tables smaller than this are laid out on one thread. */
#define TABLE_ROWS_FOR_TWO_THREADS 8192

int report_print_table(const report_table *table, const table_style *style)
{
    if (table->failed) return -1;
    size_t columns = table->n_columns ? table->n_columns : 1;
    size_t cells = table->n_rows * table->n_columns + 1;
    size_t *width = calloc(3 * columns, sizeof *width); /* width, and each range's widest */
    size_t *cell_width = malloc(cells * sizeof *cell_width);
    unsigned char *breaks = malloc(cells);
    if (!width || !cell_width || !breaks) {
        free(width);
        free(cell_width);
        free(breaks);
        return -1;
    }
    size_t middle = table->n_rows >= TABLE_ROWS_FOR_TWO_THREADS ? table->n_rows / 2 : table->n_rows;
    row_range ranges[2] = {
        {.table = table,
         .style = style,
         .first = 0,
         .end = middle,
         .cell_width = cell_width,
         .breaks = breaks,
         .widest = width + columns,
         .width = width,
         .flush = 1},
        {.table = table,
         .style = style,
         .first = middle,
         .end = table->n_rows,
         .cell_width = cell_width,
         .breaks = breaks,
         .widest = width + 2 * columns,
         .width = width},
    };
    both_ranges(measure_rows, measure_thread, &ranges[0], &ranges[1]);
    for (size_t c = 0; c < table->n_columns; c++) {
        width[c] = 0;
        if (!shown_in_table(&table->columns[c])) continue;
        width[c] = text_width(table->columns[c].heading);
        for (int i = 0; i < 2; i++)
            if (ranges[i].widest[c] > width[c]) width[c] = ranges[i].widest[c];
    }
    fit_widths(table, style, width);

    /* The headings; a line ends at its last column with a heading. */
    string_builder *line = &ranges[0].out;
    long last = -1;
    for (size_t c = 0; c < table->n_columns; c++)
        if (shown_in_table(&table->columns[c]) && text_width(table->columns[c].heading) > 0)
            last = (long)c;
    int first = 1;
    for (size_t c = 0; (long)c <= last; c++) {
        if (!shown_in_table(&table->columns[c])) continue;
        const char *heading = table->columns[c].heading;
        if (!first) builder_append_n(line, "  ", 2);
        first = 0;
        line_padded(line, heading, text_width(heading), width[c],
                    table->columns[c].flags & COLUMN_RIGHT, style->colour ? 1 : 0, (long)c == last);
    }
    builder_append_n(line, "\n", 1);

    both_ranges(format_rows, format_thread, &ranges[0], &ranges[1]);
    line_flush(&ranges[0].out);
    if (!ranges[0].failed) line_flush(&ranges[1].out);
    int failed = ranges[0].failed || ranges[1].failed;
    builder_free(&ranges[0].out);
    builder_free(&ranges[1].out);
    free(width);
    free(cell_width);
    free(breaks);
    return failed ? -1 : 0;
}

static void print_csv_field(const char *text)
{
    if (strpbrk(text, ",\"\r\n") == NULL) {
        fputs(text, stdout);
        return;
    }
    fputc('"', stdout);
    for (const char *p = text; *p; p++) {
        if (*p == '"') fputc('"', stdout);
        fputc(*p, stdout);
    }
    fputc('"', stdout);
}

int report_print_csv(const report_table *table)
{
    if (table->failed) return -1;
    char number[64];
    int first = 1;
    for (size_t c = 0; c < table->n_columns; c++) {
        if (table->columns[c].flags & COLUMN_NO_JSON) continue;
        if (!first) fputc(',', stdout);
        first = 0;
        print_csv_field(table->columns[c].name);
    }
    fputc('\n', stdout);
    for (size_t r = 0; r < table->n_rows; r++) {
        first = 1;
        for (size_t c = 0; c < table->n_columns; c++) {
            if (table->columns[c].flags & COLUMN_NO_JSON) continue;
            if (!first) fputc(',', stdout);
            first = 0;
            print_csv_field(
                cell_text(&table->cells[r * table->n_columns + c], number, sizeof number));
        }
        fputc('\n', stdout);
    }
    return 0;
}

void report_write_json_rows(const report_table *table, json_writer *json)
{
    json_array_begin(json);
    for (size_t r = 0; r < table->n_rows; r++) {
        json_object_begin(json);
        for (size_t c = 0; c < table->n_columns; c++) {
            if (table->columns[c].flags & COLUMN_NO_JSON) continue;
            const report_cell *cell = &table->cells[r * table->n_columns + c];
            json_key(json, table->columns[c].name);
            switch (cell->kind) {
            case CELL_NULL:
                json_null(json);
                break;
            case CELL_INT:
                json_int(json, cell->integer);
                break;
            case CELL_REAL:
                json_real(json, cell->real);
                break;
            case CELL_TEXT:
                json_string(json, cell->text);
                break;
            case CELL_JSON:
                json_raw(json, cell->text);
                break;
            }
        }
        json_object_end(json);
    }
    json_array_end(json);
}
