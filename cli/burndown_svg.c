/* burndown_svg.c - the burn-down as SVG: axes, scope, open, forecast. */
#include "burndown_svg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAY 86400

typedef struct svg_out {
    char *data;
    size_t len, cap;
    int failed;
} svg_out;

static void put(svg_out *o, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void put(svg_out *o, const char *format, ...)
{
    if (o->failed) return;
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (n < 0) {
        o->failed = 1;
        return;
    }
    if (o->len + (size_t)n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + (size_t)n + 1)
            cap *= 2;
        char *grown = realloc(o->data, cap);
        if (!grown) {
            o->failed = 1;
            return;
        }
        o->data = grown;
        o->cap = cap;
    }
    va_start(args, format);
    vsnprintf(o->data + o->len, (size_t)n + 1, format, args);
    va_end(args);
    o->len += (size_t)n;
}

static void put_escaped(svg_out *o, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&':
            put(o, "&amp;");
            break;
        case '<':
            put(o, "&lt;");
            break;
        case '>':
            put(o, "&gt;");
            break;
        case '"':
            put(o, "&quot;");
            break;
        default:
            put(o, "%c", *p);
        }
    }
}

void burndown_day_text(int64_t t, char out[16])
{
    time_t seconds = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&seconds, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm)) strcpy(out, "?");
}

burndown_forecast burndown_forecast_of(const burndown_point *points, size_t n,
                                       const burndown_svg_options *options)
{
    burndown_forecast f = {0, 0};
    if (n == 0) return f;
    int window = options && options->forecast_window > 0 ? options->forecast_window : 14;
    const burndown_point *last = &points[n - 1];
    int64_t since = last->time - (int64_t)window * DAY;
    /* The point in force at the window's start, or the first one. */
    const burndown_point *then = &points[0];
    for (size_t i = 0; i < n && points[i].time <= since; i++)
        then = &points[i];
    int64_t start = then->time > since ? then->time : since;
    double days = (double)(last->time - start) / DAY;
    if (days < 1) days = 1;
    /* Closed (done or cancelled) per day: new tasks do not hide progress. */
    f.per_day = (double)((last->tasks - last->open) - (then->tasks - then->open)) / days;
    if (last->open == 0)
        f.finish = last->time;
    else if (f.per_day > 0)
        f.finish = last->time + (int64_t)((double)last->open / f.per_day * DAY);
    return f;
}

/* A step of 1, 2 or 5 times a power of ten that cuts `range` into at most
 * `most` parts. */
static int64_t nice_step(int64_t range, int most)
{
    int64_t power = 1;
    for (;;) {
        static const int factors[] = {1, 2, 5};
        for (int i = 0; i < 3; i++)
            if (range <= factors[i] * power * most) return factors[i] * power;
        power *= 10;
    }
}

typedef struct frame {
    double left, right, top, bottom;
    int64_t t0, t1, ymax;
} frame;

static double x_of(const frame *f, int64_t t)
{
    return f->left + (f->right - f->left) * (double)(t - f->t0) / (double)(f->t1 - f->t0);
}

static double y_of(const frame *f, double v)
{
    return f->bottom - (f->bottom - f->top) * v / (double)f->ymax;
}

static void axes(svg_out *o, const frame *f)
{
    int64_t ystep = nice_step(f->ymax, 6);
    for (int64_t v = 0; v <= f->ymax; v += ystep) {
        double y = y_of(f, (double)v);
        put(o,
            "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n"
            "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%lld</text>\n",
            f->left, y, f->right, y, f->left - 6, y + 4, (long long)v);
    }
    static const int64_t day_steps[] = {1, 2, 7, 14, 28, 56, 91, 182, 364};
    int64_t span_days = (f->t1 - f->t0) / DAY + 1, step = day_steps[8];
    for (int i = 0; i < 9; i++)
        if (span_days <= day_steps[i] * 7) {
            step = day_steps[i];
            break;
        }
    int64_t first = (f->t0 + DAY - 1) / DAY * DAY;
    for (int64_t t = first; t <= f->t1; t += step * DAY) {
        char text[16];
        burndown_day_text(t, text);
        double x = x_of(f, t);
        put(o,
            "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>\n"
            "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            x, f->bottom, x, f->bottom + 4, x, f->bottom + 18, text);
    }
    put(o,
        "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n"
        "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n",
        f->left, f->bottom, f->right, f->bottom, f->left, f->top, f->left, f->bottom);
}

/* A step line: each value holds until the next point's time. */
static void steps(svg_out *o, const frame *f, const burndown_point *points, size_t n, int scope,
                  const char *style)
{
    put(o, "  <path fill=\"none\" %s d=\"", style);
    for (size_t i = 0; i < n; i++) {
        double v = (double)(scope ? points[i].tasks : points[i].open);
        double x = x_of(f, points[i].time), y = y_of(f, v);
        if (i == 0)
            put(o, "M%.1f %.1f", x, y);
        else
            put(o, " H%.1f V%.1f", x, y);
    }
    put(o, "\"/>\n");
}

int burndown_svg(const burndown_point *points, size_t n, const burndown_svg_options *options,
                 char **svg)
{
    *svg = NULL;
    int width = options && options->width > 0 ? options->width : 720;
    int height = options && options->height > 0 ? options->height : 360;
    const char *title = options && options->title ? options->title : "Burn-down";
    svg_out o = {0};
    put(&o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n"
        "  <rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
        "  <text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">",
        width, height, width, height, 48);
    put_escaped(&o, title);
    put(&o, "</text>\n");
    if (n == 0) {
        put(&o, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">no history</text>\n</svg>\n",
            width / 2, height / 2);
    } else {
        burndown_forecast fc = burndown_forecast_of(points, n, options);
        frame f = {48, width - 24, 40, height - 56, points[0].time, points[n - 1].time, 1};
        int64_t span = f.t1 - f.t0 > DAY ? f.t1 - f.t0 : DAY;
        /* The forecast stretches the axis, up to three spans past the last point. */
        int64_t end = fc.finish > f.t1 ? fc.finish : f.t1;
        if (end > f.t1 + 3 * span) end = f.t1 + 3 * span;
        f.t1 = end > f.t0 ? end : f.t0 + DAY;
        for (size_t i = 0; i < n; i++)
            if (points[i].tasks > f.ymax) f.ymax = points[i].tasks;
        int64_t ystep = nice_step(f.ymax, 6);
        f.ymax = (f.ymax + ystep - 1) / ystep * ystep;
        axes(&o, &f);
        steps(&o, &f, points, n, 1, "stroke=\"#888\" stroke-dasharray=\"4 3\"");
        steps(&o, &f, points, n, 0, "stroke=\"#c0392b\" stroke-width=\"2\"");
        for (size_t i = 0; i < n; i++)
            put(&o, "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#c0392b\"/>\n",
                x_of(&f, points[i].time), y_of(&f, (double)points[i].open));
        const burndown_point *last = &points[n - 1];
        char finish[16] = "";
        if (fc.finish > last->time) {
            /* Where the line meets zero, or where the axis ends before that. */
            int64_t stop = fc.finish < f.t1 ? fc.finish : f.t1;
            double left = (double)last->open - fc.per_day * (double)(stop - last->time) / DAY;
            put(&o,
                "  <path fill=\"none\" stroke=\"#c0392b\" stroke-opacity=\"0.6\" "
                "stroke-dasharray=\"6 4\" d=\"M%.1f %.1f L%.1f %.1f\"/>\n",
                x_of(&f, last->time), y_of(&f, (double)last->open), x_of(&f, stop),
                y_of(&f, left > 0 ? left : 0));
            burndown_day_text(fc.finish, finish);
        }
        put(&o, "  <text x=\"%.1f\" y=\"34\" text-anchor=\"end\" fill=\"#c0392b\">open: %lld",
            f.right, (long long)last->open);
        if (finish[0])
            put(&o, ", forecast %s at %.2f a day", finish, fc.per_day);
        else if (last->open > 0)
            put(&o, ", no forecast (nothing closed lately)");
        put(&o, "</text>\n  <text x=\"%.1f\" y=\"34\" fill=\"#888\">scope: %lld tasks</text>\n",
            f.left, (long long)last->tasks);
        put(&o, "</svg>\n");
    }
    if (o.failed) {
        free(o.data);
        return -1;
    }
    *svg = o.data;
    return 0;
}
