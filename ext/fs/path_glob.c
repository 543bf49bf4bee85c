/* path_glob.c - glob matching over whole paths: `*` and `?` stay inside one
 * component, `**` spans any number of them, `[...]` is a class (`!` or `^`
 * negates, `a-z` ranges). `*` backtracks to one point only; each `**` tries
 * every component start, and a table of (pattern, path) positions already
 * known to fail keeps many `**` from multiplying: the cost stays within
 * pattern length times path length. */
#include "path_walk.h"

#include <stdlib.h>
#include <string.h>

typedef struct glob_state {
    const char *pattern, *path;
    size_t path_len;
    unsigned char *failed; /* one bit per (pattern offset, path offset) */
} glob_state;

static int known_failure(glob_state *g, const char *p, const char *s, int set)
{
    if (!g->failed) return 0;
    size_t bit = (size_t)(p - g->pattern) * (g->path_len + 1) + (size_t)(s - g->path);
    if (set) g->failed[bit / 8] |= (unsigned char)(1u << (bit % 8));
    return (g->failed[bit / 8] >> (bit % 8)) & 1;
}

/* Matches a class at *pattern against c; advances *pattern past it.
 * Returns 1 match, 0 no match, -1 malformed (then `[` is a literal). */
static int match_class(const char **pattern, unsigned char c)
{
    const char *p = *pattern + 1;
    int negate = *p == '!' || *p == '^';
    if (negate) p++;
    int matched = 0;
    int first = 1;
    while (*p && (*p != ']' || first)) {
        unsigned char lo = (unsigned char)*p, hi = lo;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = (unsigned char)p[2];
            p += 2;
        }
        if (c >= lo && c <= hi) matched = 1;
        p++;
        first = 0;
    }
    if (*p != ']') return -1;
    *pattern = p + 1;
    return matched != negate;
}

static int match_from(glob_state *g, const char *p, const char *s)
{
    const char *star_p = NULL, *star_s = NULL;
    for (;;) {
        if (p[0] == '*' && p[1] == '*') {
            /* `**` (with its slash): zero or more whole components. */
            const char *rest = p + 2;
            if (*rest == '/')
                rest++;
            else if (*rest == '\0')
                return 1;
            /* Globstars in a row are one. */
            while (rest[0] == '*' && rest[1] == '*' && rest[2] == '/')
                rest += 3;
            if (known_failure(g, p, s, 0)) return 0;
            for (const char *t = s;; t++) {
                if ((t == s || t[-1] == '/') && match_from(g, rest, t)) return 1;
                if (!*t) break;
            }
            known_failure(g, p, s, 1);
            return 0;
        }
        if (*p == '*') {
            star_p = ++p;
            star_s = s;
            continue;
        }
        if (*s == '\0') return *p == '\0';
        int ok = 0;
        const char *next = p + 1;
        if (*p == '?') {
            ok = *s != '/';
        } else if (*p == '[') {
            const char *q = p;
            int m = match_class(&q, (unsigned char)*s);
            if (m < 0)
                ok = *s == '[';
            else {
                ok = m && *s != '/';
                next = q;
            }
        } else {
            ok = *p == *s;
        }
        if (ok && *p) {
            p = next;
            s++;
            continue;
        }
        /* Backtrack: let the last `*` take one more byte, never a '/'. */
        if (star_p && *star_s && *star_s != '/') {
            p = star_p;
            s = ++star_s;
            continue;
        }
        return 0;
    }
}

/* A run of stars means one thing: `**` when it is a whole component, else
 * `*`. Writing it once keeps `****...` from multiplying the backtracking. */
static char *normalize_stars(const char *pattern)
{
    size_t len = strlen(pattern);
    char *out = malloc(len + 1);
    if (!out) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (pattern[i] != '*') {
            out[n++] = pattern[i++];
            continue;
        }
        size_t run = i;
        while (i < len && pattern[i] == '*')
            i++;
        int whole = (run == 0 || pattern[run - 1] == '/') && (i == len || pattern[i] == '/');
        out[n++] = '*';
        if (whole && i - run >= 2) out[n++] = '*';
    }
    out[n] = '\0';
    return out;
}

int path_glob_match(const char *raw_pattern, const char *path)
{
    char *pattern = normalize_stars(raw_pattern);
    if (!pattern) return 0;
    glob_state g = {pattern, path, strlen(path), NULL};
    if (strstr(pattern, "**")) {
        size_t bits = (strlen(pattern) + 1) * (g.path_len + 1);
        if (bits / 8 < ((size_t)64 << 20)) g.failed = calloc(bits / 8 + 1, 1);
    }
    int matched = match_from(&g, pattern, path);
    free(g.failed);
    free(pattern);
    return matched;
}
