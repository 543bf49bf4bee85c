/* burndown_svg.h - a burn-down chart as SVG: what is open (and the whole
 * scope) over time, dates on the x axis, and a forecast line from the
 * recent rate to the day it reaches zero.
 *
 * The series comes from sql/burndown.sql (one point per day whose counts
 * changed); this module only draws. The forecast takes the rate at which
 * tasks were closed (done or cancelled) over the last days, so that tasks
 * added meanwhile do not hide progress, and runs what is open down at it. It knows no SQLite and no
 * files, keeps no state, and writes the same bytes for the same points on every machine (no locale,
 * no clock), so a checked-in picture can be compared. */
#ifndef TASKS_BURNDOWN_SVG_H
#define TASKS_BURNDOWN_SVG_H

#include <stddef.h>
#include <stdint.h>

typedef struct burndown_point {
    int64_t time;  /* seconds since the epoch (UTC), ascending */
    int64_t tasks; /* the scope: tasks progress counts */
    int64_t open;  /* of them, neither done nor cancelled */
} burndown_point;

typedef struct burndown_svg_options {
    const char *title;   /* shown above the chart (escaped); may be NULL */
    int width, height;   /* pixels; 0: 720 x 360 */
    int forecast_window; /* days before the last point the rate is taken over; 0: 14 */
} burndown_svg_options;

/* What the forecast line says. */
typedef struct burndown_forecast {
    double per_day; /* tasks closed (done or cancelled) per day over the window (<= 0: none) */
    int64_t finish; /* when open reaches zero at that rate, or 0 when it does not fall */
} burndown_forecast;

/* A time as its UTC day, `YYYY-MM-DD` ("?" if it has none): how the chart
 * and the command's lines name days. */
void burndown_day_text(int64_t time, char out[16]);

/* The forecast from `points` (n > 0) over the options' window. */
burndown_forecast burndown_forecast_of(const burndown_point *points, size_t n,
                                       const burndown_svg_options *options);

/* Draws `points` (n of them; none gives a chart that says so) into *svg
 * (malloc'd, NUL-terminated; the caller frees it). 0, or -1 when out of
 * memory. */
int burndown_svg(const burndown_point *points, size_t n, const burndown_svg_options *options,
                 char **svg);

#endif
