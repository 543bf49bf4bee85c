/* path_glob.c - glob matching over whole paths: `*` and `?` stay inside one
 * component, `**` spans any number of them, `[...]` is a class (`!` or `^`
 * negates, `a-z` ranges). Iterative with one backtrack point per kind of
 * star, so a hostile pattern costs time linear in pattern times path. */
#include "path_walk.h"

#include <string.h>

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

/* One component-bounded segment: the pattern up to a `**`, against path. */
static int match_from(const char *p, const char *s)
{
    const char *star_p = NULL, *star_s = NULL;
    for (;;) {
        if (p[0] == '*' && p[1] == '*') {
            /* `**` (with its slash): zero or more whole components. */
            const char *rest = p + 2;
            if (*rest == '/') rest++;
            else if (*rest == '\0') return 1;
            for (const char *t = s;; t++) {
                if ((t == s || t[-1] == '/') && match_from(rest, t)) return 1;
                if (!*t) return 0;
            }
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
            if (m < 0) ok = *s == '[';
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

int path_glob_match(const char *pattern, const char *path)
{
    return match_from(pattern, path);
}
