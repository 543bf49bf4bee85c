/* history_floor.c - the floor of reading a repository's task-list history:
 * walk the first-parent commits with libgit2, diff each commit's tree
 * against its parent's to find the task lists it changed (git has no
 * cheaper way to know), and md_parse each distinct blob once with callbacks
 * that do nothing. No task records, no identity, no rows. */
#include "history_floor.h"

#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

/* Blob ids seen: open addressing on the id's first bytes (already a hash). */
typedef struct oid_set {
    git_oid *ids;
    unsigned char *used;
    size_t cap, n;
} oid_set;

static int oid_set_add(oid_set *set, const git_oid *id)
{
    if ((set->n + 1) * 2 > set->cap) {
        oid_set grown = {NULL, NULL, set->cap ? set->cap * 2 : 1024, 0};
        grown.ids = malloc(grown.cap * sizeof(git_oid));
        grown.used = calloc(grown.cap, 1);
        if (!grown.ids || !grown.used) return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->used[i]) oid_set_add(&grown, &set->ids[i]);
        free(set->ids);
        free(set->used);
        *set = grown;
    }
    size_t h;
    memcpy(&h, id->id, sizeof h);
    for (size_t i = h & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        if (!set->used[i]) {
            set->used[i] = 1;
            git_oid_cpy(&set->ids[i], id);
            set->n++;
            return 1;
        }
        if (git_oid_equal(&set->ids[i], id)) return 0;
    }
}

static int parse_blob(git_repository *repo, const git_oid *id)
{
    git_blob *blob = NULL;
    if (git_blob_lookup(&blob, repo, id) < 0) return -1;
    /* The directory floor's own step: md_parse with callbacks that do nothing. */
    int rc = scan_floor_step(git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), NULL, NULL,
                             NULL);
    git_blob_free(blob);
    return rc == 0 ? 0 : -1;
}

static int is_task_list(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strcmp(slash ? slash + 1 : path, "tasks.md") == 0;
}

/* One commit: its changed task lists, each new blob parsed. */
static int commit_step(git_repository *repo, const git_oid *id, oid_set *seen,
                       history_floor_result *result)
{
    git_commit *commit = NULL, *parent = NULL;
    git_tree *tree = NULL, *parent_tree = NULL;
    git_diff *diff = NULL;
    int rc = git_commit_lookup(&commit, repo, id) < 0 || git_commit_tree(&tree, commit) < 0;
    if (!rc && git_commit_parentcount(commit) > 0)
        rc = git_commit_parent(&parent, commit, 0) < 0 || git_commit_tree(&parent_tree, parent) < 0;
    if (!rc) rc = git_diff_tree_to_tree(&diff, repo, parent_tree, tree, NULL) < 0;
    for (size_t i = 0; !rc && i < git_diff_num_deltas(diff); i++) {
        const git_diff_delta *d = git_diff_get_delta(diff, i);
        if (d->status == GIT_DELTA_DELETED || !is_task_list(d->new_file.path)) continue;
        int added = oid_set_add(seen, &d->new_file.id);
        if (added < 0) rc = 1;
        if (added > 0) {
            rc = parse_blob(repo, &d->new_file.id) < 0;
            result->blobs++;
        }
    }
    result->commits++;
    git_diff_free(diff);
    git_tree_free(parent_tree);
    git_tree_free(tree);
    git_commit_free(parent);
    git_commit_free(commit);
    return rc ? -1 : 0;
}

int history_floor(const char *dir, history_floor_result *result)
{
    memset(result, 0, sizeof(*result));
    git_libgit2_init();
    git_repository *repo = NULL;
    git_revwalk *walk = NULL;
    oid_set seen = {0};
    int rc = git_repository_open_ext(&repo, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0 ||
                     git_revwalk_new(&walk, repo) < 0 || git_revwalk_push_head(walk) < 0 ||
                     git_revwalk_simplify_first_parent(walk) < 0
                 ? -1
                 : 0;
    git_oid id;
    while (rc == 0 && git_revwalk_next(&id, walk) == 0)
        rc = commit_step(repo, &id, &seen, result);
    if (rc < 0) {
        const git_error *e = git_error_last();
        fprintf(stderr, "history floor: %s\n", e && e->message ? e->message : "failed");
    }
    free(seen.ids);
    free(seen.used);
    git_revwalk_free(walk);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return rc;
}
