/*
 * Starting and stopping bc-sandbox as a child process, shared by the C tests (tests/unit,
 * tests/odbc) and the benchmark (bench/). The sandbox binds --port 0 and prints its URL as
 * the first line of its standard output; the launcher reads that line and keeps the pipe
 * open, so the sandbox never writes into a closed pipe.
 */
#ifndef SANDBOX_LAUNCH_H
#define SANDBOX_LAUNCH_H

#include <stdbool.h>
#include <sys/types.h>

typedef struct sandbox_child {
    pid_t pid;     /* 0 when not running */
    int out_fd;    /* read end of its stdout, -1 when closed */
    char url[128]; /* "http://127.0.0.1:PORT", no trailing slash */
} sandbox_child;

/* Run argv (argv[0] is the sandbox's path; "--port 0" is added after it) and wait up to
 * timeout_ms for its URL. The child gets SIGTERM when the caller dies, so a test killed by
 * ctest's time-out leaves no sandbox behind. true with c filled; false (nothing left
 * running) when it could not be started or printed no http:// URL in time. */
bool sandbox_launch(sandbox_child *c, const char *const *argv, int timeout_ms);

/* SIGTERM, then SIGKILL after two seconds; safe on a child that never started. */
void sandbox_halt(sandbox_child *c);

/* Monotonic milliseconds. */
long long sandbox_now_ms(void);

/* A response body being received: NUL-terminated, malloc'd, freed by the caller. */
typedef struct sandbox_body {
    char *data;
    size_t len;
} sandbox_body;

/* A libcurl CURLOPT_WRITEFUNCTION appending to the sandbox_body given as CURLOPT_WRITEDATA;
 * out of memory stops the transfer (CURLE_WRITE_ERROR). */
size_t sandbox_collect_body(char *p, size_t size, size_t n, void *body);

#endif
