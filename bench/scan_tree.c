/* scan_tree.c - the walk and read every phase pays, through the project's own
 * path_walk and file_read_all so the floor walks exactly as tasks() does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs/file_read.h"
#include "fs/path_walk.h"
#include "scan.h"

int scan_tree(const char *root, scan_step step, scan_result *result)
{
    memset(result, 0, sizeof *result);
    path_walk *walk;
    char *message = NULL;
    if (path_walk_open(root, &walk, &message) != 0) {
        fprintf(stderr, "scan: %s\n", message ? message : "out of memory");
        free(message);
        return -1;
    }
    int rc = 0;
    path_entry entry;
    int more;
    while ((more = path_walk_next(walk, &entry)) > 0) {
        if (entry.error) {
            fprintf(stderr, "scan: %s: %s\n", entry.path, entry.reason);
            rc = -1;
            break;
        }
        char *bytes;
        size_t size;
        const char *reason;
        if (file_read_all(entry.path, FILE_READ_DEFAULT_MAX_BYTES, &bytes, &size, &reason) != 0) {
            fprintf(stderr, "scan: %s: %s\n", entry.path, reason);
            rc = -1;
            break;
        }
        result->files++;
        result->bytes += size;
        int failed = step(bytes, size, entry.path, entry.folder, result);
        free(bytes);
        if (failed) {
            fprintf(stderr, "scan: %s: the phase failed on this file\n", entry.path);
            rc = -1;
            break;
        }
    }
    if (more < 0) {
        fprintf(stderr, "scan: out of memory while walking %s\n", root);
        rc = -1;
    }
    path_walk_close(walk);
    return rc;
}
