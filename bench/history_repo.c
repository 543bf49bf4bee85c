/* history_repo.c - a generated git repository for the history benchmark,
 * written with libgit2 (objects only: no work tree is checked out).
 *
 * Commit 1 adds SPECS Catalyst-style task lists (`specs/NNN-name/tasks.md`,
 * front matter, steps, 16 tasks naming source files) and a source file per
 * spec; each later commit moves one task of one spec a step on (todo ->
 * in progress -> done) and changes that spec's source file (which its
 * tasks name), as a team's
 * commits do. Authors and times are fixed, so a seed always gives the same
 * commits. At the end every object goes into one pack, as `git gc` leaves a
 * repository. */
#include "history_repo.h"

#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prng.h"
#include "text_out.h"

#define TASKS_PER_SPEC 16
#define STEPS 4

static const char *const words[] = {"billing", "search", "export", "login",  "audit",
                                    "notify",  "upload", "report", "invite", "sync"};

static int fail(const char *what)
{
    const git_error *e = git_error_last();
    fprintf(stderr, "history repository: %s: %s\n", what, e && e->message ? e->message : "?");
    return -1;
}

static void spec_folder(unsigned spec, char *out, size_t size)
{
    snprintf(out, size, "%03u-%s-%s", spec + 1, words[spec % 10], words[(spec / 10) % 10]);
}

/* The task list of `spec` with its tasks in `states` (0 todo, 1 in
 * progress, 2 done). */
static void spec_text(text_out *out, unsigned spec, const unsigned char *states)
{
    static const char marks[] = {' ', '/', 'x'};
    char folder[64];
    spec_folder(spec, folder, sizeof folder);
    text_out_clear(out);
    text_out_printf(out, "---\nid: %s\ntitle: %s\nauthor: bench\n---\n\n# Tasks: %s\n", folder,
                    words[spec % 10], folder);
    for (unsigned t = 0; t < TASKS_PER_SPEC; t++) {
        if (t % (TASKS_PER_SPEC / STEPS) == 0)
            text_out_printf(out, "\n## Step %u: %s the %s\n\n", t / (TASKS_PER_SPEC / STEPS) + 1,
                            t ? "Build" : "Set up", words[(spec + t) % 10]);
        text_out_printf(out, "- [%c] T%03u %sWrite the %s %s in src/%s/main.py\n", marks[states[t]],
                        t + 1, t % 3 == 1 ? "[P] " : "", words[(spec + t) % 10],
                        t % 2 ? "handler" : "model", folder);
    }
    text_out_printf(out, "\n## Dependencies\n\n- Step 2 depends on Step 1\n");
}

typedef struct builder {
    git_repository *repo;
    git_oid *task_blobs; /* one per spec */
    git_oid *code_blobs;
    unsigned specs;
} builder;

static int blob(builder *b, const char *bytes, size_t size, git_oid *out)
{
    return git_blob_create_from_buffer(out, b->repo, bytes, size) < 0 ? fail("a blob") : 0;
}

/* A tree of one entry per spec folder, each holding one blob named `name`. */
static int folders_tree(builder *b, const git_oid *blobs, const char *name, git_oid *out)
{
    git_treebuilder *top = NULL;
    if (git_treebuilder_new(&top, b->repo, NULL) < 0) return fail("a tree");
    int rc = 0;
    for (unsigned s = 0; s < b->specs && rc == 0; s++) {
        git_treebuilder *one = NULL;
        git_oid tree;
        char folder[64];
        spec_folder(s, folder, sizeof folder);
        rc = git_treebuilder_new(&one, b->repo, NULL) < 0 ||
                     git_treebuilder_insert(NULL, one, name, &blobs[s], GIT_FILEMODE_BLOB) < 0 ||
                     git_treebuilder_write(&tree, one) < 0 ||
                     git_treebuilder_insert(NULL, top, folder, &tree, GIT_FILEMODE_TREE) < 0
                 ? fail("a spec's tree")
                 : 0;
        git_treebuilder_free(one);
    }
    if (rc == 0 && git_treebuilder_write(out, top) < 0) rc = fail("a tree");
    git_treebuilder_free(top);
    return rc;
}

static int commit(builder *b, unsigned number, const git_oid *parent, const char *message,
                  git_oid *out)
{
    git_oid specs, src, root;
    if (folders_tree(b, b->task_blobs, "tasks.md", &specs) < 0 ||
        folders_tree(b, b->code_blobs, "main.py", &src) < 0)
        return -1;
    git_treebuilder *top = NULL;
    git_tree *tree = NULL;
    git_commit *parent_commit = NULL;
    git_signature *who = NULL;
    int rc = git_treebuilder_new(&top, b->repo, NULL) < 0 ||
                     git_treebuilder_insert(NULL, top, "specs", &specs, GIT_FILEMODE_TREE) < 0 ||
                     git_treebuilder_insert(NULL, top, "src", &src, GIT_FILEMODE_TREE) < 0 ||
                     git_treebuilder_write(&root, top) < 0 ||
                     git_tree_lookup(&tree, b->repo, &root) < 0
                 ? fail("the root tree")
                 : 0;
    if (rc == 0 && parent && git_commit_lookup(&parent_commit, b->repo, parent) < 0)
        rc = fail("the parent");
    /* A commit an hour, from 2026-01-01. */
    if (rc == 0 && git_signature_new(&who, words[number % 3], "dev@example.org",
                                     1767225600 + 3600 * (git_time_t)number, 0) < 0)
        rc = fail("a signature");
    const git_commit *parents[1] = {parent_commit};
    if (rc == 0 && git_commit_create(out, b->repo, "HEAD", who, who, NULL, message, tree,
                                     parent ? 1 : 0, parents) < 0)
        rc = fail("a commit");
    git_signature_free(who);
    git_commit_free(parent_commit);
    git_tree_free(tree);
    git_treebuilder_free(top);
    return rc;
}

/* Packs every object reachable from HEAD into one pack, as `git gc` would,
 * and removes the loose objects: the repository a history is read from is
 * packed in practice, and loose objects cost one file each to read. */
static int pack(builder *b, const char *dir)
{
    git_packbuilder *packer = NULL;
    git_revwalk *walk = NULL;
    int rc = git_packbuilder_new(&packer, b->repo) < 0 || git_revwalk_new(&walk, b->repo) < 0 ||
                     git_revwalk_push_head(walk) < 0 ||
                     git_packbuilder_insert_walk(packer, walk) < 0 ||
                     git_packbuilder_write(packer, NULL, 0, NULL, NULL) < 0
                 ? fail("packing")
                 : 0;
    git_revwalk_free(walk);
    git_packbuilder_free(packer);
    char command[700];
    snprintf(command, sizeof command,
             "find '%s/.git/objects' -mindepth 1 -maxdepth 1 -name '[0-9a-f][0-9a-f]' -type d "
             "-exec rm -rf {} +",
             dir);
    if (rc == 0 && system(command) != 0) rc = -1;
    return rc;
}

int history_repo_make(const char *dir, unsigned specs, unsigned commits, uint64_t seed,
                      history_repo_counts *counts)
{
    memset(counts, 0, sizeof(*counts));
    git_libgit2_init();
    builder b = {NULL, calloc(specs, sizeof(git_oid)), calloc(specs, sizeof(git_oid)), specs};
    unsigned char *states = calloc((size_t)specs * TASKS_PER_SPEC, 1);
    unsigned *code_versions = calloc(specs, sizeof(unsigned));
    text_out text = {0};
    int rc = b.task_blobs && b.code_blobs && states && code_versions ? 0 : -1;
    if (rc == 0 && git_repository_init(&b.repo, dir, 0) < 0) rc = fail(dir);
    for (unsigned s = 0; s < specs && rc == 0; s++) {
        spec_text(&text, s, states + (size_t)s * TASKS_PER_SPEC);
        rc = blob(&b, text.data, text.len, &b.task_blobs[s]);
        text_out_clear(&text);
        text_out_printf(&text, "# spec %u, version 0\n", s);
        if (rc == 0) rc = blob(&b, text.data, text.len, &b.code_blobs[s]);
    }
    git_oid head;
    if (rc == 0) rc = commit(&b, 0, NULL, "Plan every spec", &head);
    counts->task_versions = specs;
    counts->changes = (unsigned long long)specs * TASKS_PER_SPEC;
    counts->counts = specs;
    prng p;
    prng_seed(&p, seed, 0);
    for (unsigned c = 1; c < commits && rc == 0; c++) {
        /* A spec with a task left to move, and its first such task. */
        unsigned s = prng_range(&p, 0, specs - 1), t = 0;
        unsigned char *st = NULL;
        for (unsigned tries = 0; tries < specs; tries++, s = (s + 1) % specs) {
            st = states + (size_t)s * TASKS_PER_SPEC;
            for (t = 0; t < TASKS_PER_SPEC && st[t] == 2; t++)
                ;
            if (t < TASKS_PER_SPEC) break;
        }
        if (!st || t == TASKS_PER_SPEC) break; /* no specs, or everything is done */
        st[t]++;
        spec_text(&text, s, st);
        rc = blob(&b, text.data, text.len, &b.task_blobs[s]);
        text_out_clear(&text);
        text_out_printf(&text, "# spec %u, version %u\n", s, ++code_versions[s]);
        if (rc == 0) rc = blob(&b, text.data, text.len, &b.code_blobs[s]);
        char message[96];
        snprintf(message, sizeof message, "T%03u of spec %u: %s", t + 1, s + 1,
                 st[t] == 2 ? "done" : "started");
        if (rc == 0) rc = commit(&b, c, &head, message, &head);
        counts->commits = c + 1;
        counts->task_versions++;
        counts->changes++;
        /* Starting a task changes no count; finishing one does. */
        counts->counts += st[t] == 2;
        counts->done += st[t] == 2;
    }
    if (rc == 0 && commits) counts->commits = counts->commits ? counts->commits : 1;
    if (rc == 0) rc = pack(&b, dir);
    git_repository_free(b.repo);
    free(b.task_blobs);
    free(b.code_blobs);
    free(states);
    free(code_versions);
    text_out_free(&text);
    git_libgit2_shutdown();
    return rc;
}
