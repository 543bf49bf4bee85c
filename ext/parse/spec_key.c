/* spec_key.c - the spec key: a folder path with its container folders cut. */
#include "spec_key.h"

#include <string.h>

/* Folders that hold specs rather than name one, anywhere in a path; `after`
 * is the container that must stand right before (`.xe/features`), or NULL. */
static const struct {
    const char *name;
    const char *after;
} containers[] = {
    {"specs", NULL},        {".specs", NULL},    {"kitty-specs", NULL}, {".kiro", NULL},
    {".xe", NULL},          {".specify", NULL},  {".agent-os", NULL},   {".spec-workflow", NULL},
    {"openspec", NULL},     {"features", ".xe"}, {"rollouts", ".xe"},   {"changes", "openspec"},
    {"archive", "changes"},
};

static int is_named(const char *s, size_t n, const char *name)
{
    return strlen(name) == n && memcmp(s, name, n) == 0;
}

static int is_container(const char *s, size_t n, const char *prev, size_t prev_n)
{
    for (size_t i = 0; i < sizeof containers / sizeof containers[0]; i++) {
        if (!is_named(s, n, containers[i].name)) continue;
        if (!containers[i].after || (prev && is_named(prev, prev_n, containers[i].after))) return 1;
    }
    return 0;
}

typedef struct component {
    const char *s;
    size_t n;
    int container;
} component;

#define MAX_COMPONENTS 128

/* Appends the components of dir[0..len) to `key`, dropping each container
 * that a spec folder follows (`docs/specs` keeps its `specs`: nothing names a
 * spec after it). Returns the number of components appended. */
static int append_kept(const char *dir, size_t len, int name_follows, text_buffer *key)
{
    component comps[MAX_COMPONENTS];
    int n = 0;
    for (size_t i = 0; i < len && n < MAX_COMPONENTS;) {
        size_t end = i;
        while (end < len && dir[end] != '/')
            end++;
        if (end > i && !is_named(dir + i, end - i, ".")) {
            const component *prev = n ? &comps[n - 1] : NULL;
            comps[n].s = dir + i;
            comps[n].n = end - i;
            comps[n].container =
                is_container(dir + i, end - i, prev ? prev->s : NULL, prev ? prev->n : 0);
            n++;
        }
        i = end + 1;
    }
    int spec_after = name_follows, kept = 0;
    int keep[MAX_COMPONENTS];
    for (int i = n - 1; i >= 0; i--) {
        keep[i] = !comps[i].container || !spec_after;
        if (!comps[i].container) spec_after = 1;
    }
    for (int i = 0; i < n; i++) {
        if (!keep[i]) continue;
        if (kept++) text_buffer_append_char(key, '/');
        text_buffer_append(key, comps[i].s, comps[i].n);
    }
    return kept;
}

void spec_key_build(const char *relative, const char *folder, text_buffer *key, text_buffer *path)
{
    while (relative[0] == '.' && relative[1] == '/')
        relative += 2;
    while (relative[0] == '/')
        relative++;
    const char *slash = strrchr(relative, '/');
    size_t dir_len = slash ? (size_t)(slash - relative) : 0;
    const char *name = slash ? slash + 1 : relative;
    int is_list = strcmp(name, "tasks.md") == 0;
    size_t stem = strlen(name);
    if (stem > 3 && strcmp(name + stem - 3, ".md") == 0) stem -= 3;

    int kept = append_kept(relative, dir_len, !is_list, key);
    if (!is_list) {
        if (kept) text_buffer_append_char(key, '/');
        text_buffer_append(key, name, stem);
        text_buffer_append(path, relative, strlen(relative));
    } else if (dir_len) {
        text_buffer_append(path, relative, dir_len);
    } else {
        /* Directly in the argument's folder: that folder's name. */
        text_buffer_append(path, folder, strlen(folder));
    }
    if (key->len == 0) {
        /* Every folder a container (`.kiro/specs/tasks.md`): the path as it is. */
        if (path->len)
            text_buffer_append(key, path->data, path->len);
        else
            text_buffer_append(key, name, stem);
    }
    text_buffer_append_char(key, '\0');
    text_buffer_append_char(path, '\0');
    key->len--;
    path->len--;
}
