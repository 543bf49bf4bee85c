/* floor_main.c - tasks_floor DIR: floor' as a program of its own, so the
 * sqlite3 shell can be compared with a whole process doing the least work a
 * reader of task lists must (walk, read, libyaml's event parse of the front
 * matter, md_parse) rather than with a loop inside tasks_bench. */
#include <stdio.h>

#include "scan.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: tasks_floor DIR\n");
        return 2;
    }
    scan_result result;
    if (scan_floor_yaml(argv[1], &result) != 0) return 1;
    printf("files: %llu, bytes: %llu\n", result.files, result.bytes);
    return 0;
}
