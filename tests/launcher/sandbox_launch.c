/*
 * See sandbox_launch.h.
 */
#include "sandbox_launch.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 64

long long sandbox_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One line from fd within timeout_ms, without its end-of-line; false on EOF or time-out. */
static bool read_line(int fd, char *buf, size_t len, int timeout_ms)
{
    size_t n = 0;
    long long end = sandbox_now_ms() + timeout_ms;

    while (n + 1 < len) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int left = (int)(end - sandbox_now_ms());
        char ch;
        if (left <= 0 || poll(&p, 1, left) <= 0 || read(fd, &ch, 1) != 1)
            break;
        if (ch == '\n')
            break;
        buf[n++] = ch;
    }
    buf[n] = '\0';
    while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == '/'))
        buf[--n] = '\0';
    return n > 0;
}

static pid_t spawn(const char *const *argv, int fds[2])
{
    const char *args[MAX_ARGS + 3];
    int n = 0;

    args[n++] = argv[0];
    args[n++] = "--port";
    args[n++] = "0";
    for (int i = 1; argv[i] != NULL && n < MAX_ARGS + 2; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(args[0], (char *const *)args);
        _exit(127);
    }
    return pid;
}

bool sandbox_launch(sandbox_child *c, const char *const *argv, int timeout_ms)
{
    int fds[2];

    memset(c, 0, sizeof *c);
    c->out_fd = -1;
    if (pipe(fds) != 0)
        return false;
    c->pid = spawn(argv, fds);
    close(fds[1]);
    if (c->pid < 0) {
        c->pid = 0;
        close(fds[0]);
        return false;
    }
    c->out_fd = fds[0];
    if (!read_line(c->out_fd, c->url, sizeof c->url, timeout_ms) ||
        strncmp(c->url, "http://", 7) != 0) {
        sandbox_halt(c);
        return false;
    }
    return true;
}

size_t sandbox_collect_body(char *p, size_t size, size_t n, void *body)
{
    sandbox_body *b = body;
    size_t add = size * n;
    char *grown = realloc(b->data, b->len + add + 1);

    if (grown == NULL)
        return 0;
    b->data = grown;
    memcpy(b->data + b->len, p, add);
    b->len += add;
    b->data[b->len] = '\0';
    return add;
}

void sandbox_halt(sandbox_child *c)
{
    if (c->out_fd >= 0)
        close(c->out_fd);
    c->out_fd = -1;
    if (c->pid <= 0)
        return;
    kill(c->pid, SIGTERM);
    for (int i = 0; i < 100; i++) {
        if (waitpid(c->pid, NULL, WNOHANG) == c->pid) {
            c->pid = 0;
            return;
        }
        usleep(20000);
    }
    kill(c->pid, SIGKILL);
    waitpid(c->pid, NULL, 0);
    c->pid = 0;
}
