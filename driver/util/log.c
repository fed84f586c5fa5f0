/*
 * The driver's log (Logfile / Verbosity). One process-wide sink behind a mutex. Every line
 * passes through redaction before it is written: registered secrets (tokens, client
 * secrets) become "****", and so do the values of well-known secret-bearing fields, so a
 * secret that reaches a log line by an unforeseen path (a request URL, a JSON body) is still
 * hidden.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bc_util.h"
#include "util/log_internal.h"

static pthread_mutex_t bc_log_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *bc_log_file;
static int bc_log_level;      /* 0 while no file is open; read without the lock by bc_log_enabled */
static char **bc_log_secrets; /* owned copies */
static size_t bc_log_nsecrets;

/* Append to path, creating it readable by its owner only: a log holds store names, SQL and,
 * at Verbosity 5, data. An existing file keeps the mode it has. */
static FILE *open_private(const char *path)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "a");

    if (f == NULL && fd >= 0)
        close(fd);
    return f;
}

void bc_log_open(const char *path, int verbosity)
{
    FILE *f;

    /* The log is one per process: a connection without Logfile must not close the log that
     * another connection opened. */
    if (path == NULL || *path == '\0')
        return;
    f = open_private(path);
    pthread_mutex_lock(&bc_log_lock);
    if (bc_log_file != NULL)
        fclose(bc_log_file);
    bc_log_file = f;
    __atomic_store_n(&bc_log_level,
                     f == NULL       ? 0
                     : verbosity < 1 ? 1
                                     : verbosity,
                     __ATOMIC_RELEASE);
    pthread_mutex_unlock(&bc_log_lock);
}

bool bc_log_enabled(int level)
{
    return level <= __atomic_load_n(&bc_log_level, __ATOMIC_ACQUIRE);
}

void bc_log_close(void)
{
    pthread_mutex_lock(&bc_log_lock);
    if (bc_log_file != NULL)
        fclose(bc_log_file);
    bc_log_file = NULL;
    __atomic_store_n(&bc_log_level, 0, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&bc_log_lock);
}

void bc_log_secret(const char *secret)
{
    char **grown, *copy;

    if (secret == NULL || *secret == '\0')
        return;
    copy = bc_strdup(secret);
    if (copy == NULL)
        return;
    pthread_mutex_lock(&bc_log_lock);
    for (size_t i = 0; i < bc_log_nsecrets; i++) {
        if (strcmp(bc_log_secrets[i], copy) == 0) {
            pthread_mutex_unlock(&bc_log_lock);
            free(copy);
            return;
        }
    }
    grown = realloc(bc_log_secrets, (bc_log_nsecrets + 1) * sizeof *grown);
    if (grown == NULL) {
        pthread_mutex_unlock(&bc_log_lock);
        free(copy);
        return;
    }
    bc_log_secrets = grown;
    bc_log_secrets[bc_log_nsecrets++] = copy;
    pthread_mutex_unlock(&bc_log_lock);
}

/* Replace every occurrence of each registered secret in b. Caller holds bc_log_lock. */
static void bc_log_redact_registered(bc_buf *b)
{
    for (size_t i = 0; i < bc_log_nsecrets && !b->oom; i++) {
        char *red = bc_redact_literal(b->data, bc_log_secrets[i]);
        if (red == NULL)
            continue;
        bc_buf_free(b);
        bc_buf_puts(b, red);
        free(red);
    }
}

/* What each Verbosity level adds (README, docs/ARCHITECTURE.md): 1 connects and
 * diagnostics, 2 statements and sign-in steps, 3 API requests, 4 every ODBC call and the
 * rate limiter, 5 request and response bodies. */
static const char *bc_log_level_name(int level)
{
    static const char *const names[] = {"CONN", "SQL", "HTTP", "TRACE", "BODY"};
    return names[(level < 1 ? 1 : level > 5 ? 5 : level) - 1];
}

void bc_log(int level, const char *fmt, ...)
{
    bc_buf line, out;
    va_list ap;
    struct timespec ts;
    struct tm tm;
    char *safe;
    int n;

    if (!bc_log_enabled(level))
        return;
    pthread_mutex_lock(&bc_log_lock);
    if (bc_log_file == NULL || level > bc_log_level) {
        pthread_mutex_unlock(&bc_log_lock);
        return;
    }
    bc_buf_init(&line);
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0) {
        char *msg = malloc((size_t)n + 1);
        if (msg != NULL) {
            va_start(ap, fmt);
            vsnprintf(msg, (size_t)n + 1, fmt, ap);
            va_end(ap);
            bc_buf_puts(&line, msg);
            free(msg);
        }
    }
    if (line.data != NULL && !line.oom) {
        bc_log_redact_registered(&line);
        safe = line.oom ? NULL : bc_redact_fields(line.data);
        if (safe != NULL) {
            clock_gettime(CLOCK_REALTIME, &ts);
            gmtime_r(&ts.tv_sec, &tm);
            bc_buf_init(&out);
            bc_buf_printf(&out, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %-5s %s\n", tm.tm_year + 1900,
                          tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                          ts.tv_nsec / 1000000, bc_log_level_name(level), safe);
            if (!out.oom && out.data != NULL) {
                fputs(out.data, bc_log_file);
                fflush(bc_log_file);
            }
            bc_buf_free(&out);
            free(safe);
        }
    }
    bc_buf_free(&line);
    pthread_mutex_unlock(&bc_log_lock);
}

long long bc_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void bc_sleep_ms(long ms)
{
    struct timespec ts;

    if (ms <= 0)
        return;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    /* Resume after signals so callers get the whole wait they asked for. */
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}
