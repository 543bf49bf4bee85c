/* task_files.c - path-shaped words. A word is cut at blanks, quotes, brackets,
 * backticks and commas; markdown emphasis and sentence punctuation at its ends
 * are dropped. URLs and API routes (`/api/users`, no extension) are not files. */
#include "task_files.h"

#include <string.h>

#include "json_array.h"

/* Bytes that end a word: blanks and controls, quotes, brackets, commas.
 * A table, since every byte of every task passes through here. */
static const unsigned char cut_byte[256] = {
    [0 ... 32] = 1, ['`'] = 1, ['\''] = 1, ['"'] = 1, ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1,
    ['<'] = 1,      ['>'] = 1, ['{'] = 1,  ['}'] = 1, [','] = 1, [';'] = 1, ['|'] = 1,
};

static int is_cut(unsigned char c)
{
    return cut_byte[c];
}

/* Sentence punctuation and emphasis that end a word but not a path. */
static int is_trailing_punctuation(char c)
{
    return c == '*' || c == '.' || c == ':' || c == '!' || c == '?';
}

static const char *const known_extensions[] = {
    "c",   "h",     "cc",      "cpp",    "hpp",  "go",   "rs",   "py",    "rb",  "js",     "mjs",
    "cjs", "ts",    "tsx",     "jsx",    "java", "kt",   "cs",   "swift", "php", "lua",    "dart",
    "ex",  "exs",   "sql",     "sh",     "ps1",  "css",  "scss", "html",  "vue", "svelte", "md",
    "mdx", "txt",   "json",    "yaml",   "yml",  "toml", "ini",  "cfg",   "xml", "csv",    "lock",
    "env", "proto", "graphql", "gradle", "tf",   "lua",  NULL};

/* The extension of the last path part, when it looks like one. */
static int extension_of(const char *word, size_t len, size_t *ext_start)
{
    /* Backwards from the end to the last '.' of the last path part. */
    size_t dot = len;
    while (dot > 0 && word[dot - 1] != '.' && word[dot - 1] != '/')
        dot--;
    if (dot == 0 || word[dot - 1] == '/') return 0; /* none */
    if (dot == len) return 0;                       /* trailing */
    if (dot == 1 || word[dot - 2] == '/') return 0; /* a dotfile */
    if (!((word[dot] >= 'a' && word[dot] <= 'z') || (word[dot] >= 'A' && word[dot] <= 'Z')))
        return 0;
    if (len - dot > 10) return 0;
    for (size_t i = dot; i < len; i++) {
        char c = word[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return 0;
    }
    *ext_start = dot;
    return 1;
}

static int is_known_extension(const char *ext, size_t len)
{
    for (const char *const *e = known_extensions; *e; e++)
        if (strlen(*e) == len && strncmp(*e, ext, len) == 0) return 1;
    return 0;
}

/* `.prettierrc`, `.env.local`: a lowercase dotfile name. */
static int is_dotfile(const char *w, size_t n)
{
    if (n < 4 || w[0] != '.' || !(w[1] >= 'a' && w[1] <= 'z')) return 0;
    for (size_t i = 1; i < n; i++)
        if (!((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= '0' && w[i] <= '9') || strchr("._-", w[i])))
            return 0;
    return 1;
}

static int looks_like_path(const char *w, size_t n)
{
    if (n < 3) return 0;
    if (is_dotfile(w, n)) return 1;
    if (memchr(w, ':', n)) return 0; /* URLs, `file:line`, drive letters */
    size_t ext;
    int has_slash = memchr(w, '/', n) != NULL;
    if (has_slash) {
        if (w[n - 1] == '/') return n > 2 && memchr(w, '/', n - 1) != NULL && w[0] != '/';
        return extension_of(w, n, &ext);
    }
    return extension_of(w, n, &ext) && is_known_extension(w + ext, n - ext) && ext > 2;
}

static int already_listed(const char *const *starts, const size_t *lens, int count, const char *w,
                          size_t n)
{
    for (int i = 0; i < count; i++)
        if (lens[i] == n && memcmp(starts[i], w, n) == 0) return 1;
    return 0;
}

/* The next '.' or '/' at or after `from`, or `len`: a path has one of them
 * and most words have neither, so only the words around these bytes are
 * looked at, and memchr skips the rest. */
static size_t next_path_byte(const char *raw, size_t len, size_t from)
{
    const char *dot = memchr(raw + from, '.', len - from);
    const char *slash = memchr(raw + from, '/', dot ? (size_t)(dot - raw) - from : len - from);
    if (slash) return (size_t)(slash - raw);
    return dot ? (size_t)(dot - raw) : len;
}

const char *task_files_json(tasks_arena *arena, const char *raw, size_t len)
{
    enum { MAX_FILES = 32 };
    const char *starts[MAX_FILES];
    size_t lens[MAX_FILES];
    int count = 0;
    size_t i = 0; /* everything before i has been looked at */
    while (count < MAX_FILES) {
        size_t at = next_path_byte(raw, len, i);
        if (at >= len) break;
        size_t start = at, end = at;
        while (start > i && !is_cut((unsigned char)raw[start - 1]))
            start--;
        while (end < len && !is_cut((unsigned char)raw[end]))
            end++;
        i = end;
        /* `[R-008](./research.md)`: a link's target is a citation, not a
         * file the task works on. */
        if (start >= 2 && raw[start - 1] == '(' && raw[start - 2] == ']') continue;
        const char *w = raw + start;
        size_t n = end - start;
        while (n && is_trailing_punctuation(w[n - 1]) &&
               !(n >= 2 && w[n - 1] == '*' && w[n - 2] != '*'))
            n--;
        while (n && w[n - 1] == '*')
            n--;
        while (n && w[0] == '*') {
            w++;
            n--;
        }
        if (looks_like_path(w, n) && !already_listed(starts, lens, count, w, n)) {
            starts[count] = w;
            lens[count++] = n;
        }
    }
    return json_string_array(arena, starts, lens, count);
}
