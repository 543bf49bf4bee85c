/* process_run.c - posix_spawn with stdout on a pipe, read to EOF, wait4.
 *
 * Output is drained as it comes so a chatty child never blocks on a full
 * pipe; only the first bytes are kept, the benchmark needs just the counts. */
#include "process_run.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "measure.h"

extern char **environ;

static void drain(int fd, process_result *result)
{
    size_t kept = 0;
    char chunk[4096];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        size_t room = sizeof result->output - 1 - kept;
        size_t take = (size_t)n < room ? (size_t)n : room;
        memcpy(result->output + kept, chunk, take);
        kept += take;
    }
    /* Trailing newlines off, so the output can be quoted inside a line. */
    while (kept > 0 && (result->output[kept - 1] == '\n' || result->output[kept - 1] == '\r'))
        kept--;
    result->output[kept] = '\0';
}

int process_run(char *const argv[], process_result *result)
{
    memset(result, 0, sizeof *result);
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
        perror("pipe");
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);

    double start = measure_now();
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (rc != 0) {
        close(pipe_fds[0]);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(rc));
        return -1;
    }
    drain(pipe_fds[0], result);
    close(pipe_fds[0]);
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("wait4");
            return -1;
        }
    }
    result->seconds = measure_now() - start;
    result->peak_rss_kib = usage.ru_maxrss;
    result->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return 0;
}
