/* id_index.c - a sorted array: built once per file, looked up per phrase. */
#include "id_index.h"

#include <stdlib.h>
#include <string.h>

static int compare_ids(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c) return c;
    return alen < blen ? -1 : alen > blen;
}

static int entry_compare(const void *x, const void *y)
{
    const id_entry *a = x, *b = y;
    int c = compare_ids(a->id, a->len, b->id, b->len);
    return c ? c : (a->task > b->task) - (a->task < b->task);
}

/* The letters (and a hyphen) before the first digit: `T`, `TASK-`, "". */
static size_t prefix_length(const char *id, size_t len)
{
    size_t n = 0;
    while (n < len && !(id[n] >= '0' && id[n] <= '9'))
        n++;
    return n;
}

static void note_prefix(id_index *index, const char *id, size_t len)
{
    size_t n = prefix_length(id, len);
    if (n >= sizeof index->prefixes[0]) return;
    for (int i = 0; i < index->n_prefixes; i++)
        if (strlen(index->prefixes[i]) == n && memcmp(index->prefixes[i], id, n) == 0) return;
    if (index->n_prefixes == 8) return;
    memcpy(index->prefixes[index->n_prefixes], id, n);
    index->prefixes[index->n_prefixes++][n] = '\0';
}

int id_index_has_prefix(const id_index *index, const char *id, size_t len)
{
    size_t n = prefix_length(id, len);
    for (int i = 0; i < index->n_prefixes; i++)
        if (strlen(index->prefixes[i]) == n && memcmp(index->prefixes[i], id, n) == 0) return 1;
    /* Eight kinds of ids already: take any for a reference. */
    return index->n_prefixes == 8;
}

int id_index_build(const task_document *doc, id_index *index)
{
    memset(index, 0, sizeof(*index));
    if (doc->n_tasks == 0) return 0;
    index->entries = malloc(doc->n_tasks * sizeof(id_entry));
    index->duplicates = malloc(doc->n_tasks * sizeof(int));
    if (!index->entries || !index->duplicates) {
        id_index_free(index);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < doc->n_tasks; i++) {
        const char *id = doc->tasks[i].id;
        if (id) {
            index->entries[n++] = (id_entry){id, strlen(id), (int)i};
            note_prefix(index, id, strlen(id));
        }
    }
    /* Ids are mostly written in order: sort only when they are not. */
    size_t in_order = 1;
    while (in_order < n &&
           entry_compare(&index->entries[in_order - 1], &index->entries[in_order]) < 0)
        in_order++;
    if (in_order < n) qsort(index->entries, n, sizeof(id_entry), entry_compare);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && compare_ids(index->entries[kept - 1].id, index->entries[kept - 1].len,
                                index->entries[i].id, index->entries[i].len) == 0) {
            index->duplicates[index->n_duplicates++] = index->entries[i].task;
            continue;
        }
        index->entries[kept++] = index->entries[i];
    }
    index->n = kept;
    return 0;
}

void id_index_free(id_index *index)
{
    free(index->entries);
    free(index->duplicates);
    memset(index, 0, sizeof(*index));
}

int id_index_find(const id_index *index, const char *id, size_t len)
{
    size_t lo = 0, hi = index->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare_ids(index->entries[mid].id, index->entries[mid].len, id, len);
        if (c == 0) return index->entries[mid].task;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
