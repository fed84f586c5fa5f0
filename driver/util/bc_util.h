/*
 * Small helpers used everywhere: strings, time parsing, logging with redaction, cancel flags.
 * Nothing here knows ODBC's types; the helpers for ODBC text (lengths, SQLWCHAR) are in
 * bc_odbc_text.h, for the layers that talk to the application.
 */
#ifndef BC_UTIL_H
#define BC_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* ---- strings ---- */
char *bc_strdup(const char *s); /* NULL-safe */
char *bc_strndup(const char *s, size_t n);
char *bc_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2))); /* malloc'd */
int bc_strcasecmp(const char *a, const char *b);                              /* ASCII, NULL-safe */

/* Growable byte buffer. */
typedef struct bc_buf {
    char *data;
    size_t len, cap;
    bool oom; /* an append failed; data stays valid */
} bc_buf;
void bc_buf_init(bc_buf *b);
void bc_buf_append(bc_buf *b, const char *s, size_t n);
void bc_buf_puts(bc_buf *b, const char *s);
void bc_buf_printf(bc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *bc_buf_steal(bc_buf *b); /* NUL-terminated, caller frees; NULL on oom */
void bc_buf_free(bc_buf *b);

/* ---- time ---- */
/* A broken-down UTC timestamp. */
typedef struct bc_timestamp {
    int year, month, day, hour, minute, second;
    unsigned fraction; /* nanoseconds */
} bc_timestamp;
/* Parse RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000") or ISO 8601 ("2012-11-20T00:00:00+00:00",
 * "...Z", with or without fraction, or "YYYY-MM-DD[ HH:MM:SS]") or Unix seconds as a digit
 * string ("1672670738") into UTC. Returns 0 or -1. */
int bc_time_parse(const char *s, bc_timestamp *out);
/* "YYYY-MM-DD HH:MM:SS" (19 chars + NUL) */
void bc_time_format(const bc_timestamp *t, char out[20]);
/* Days/seconds helpers for validity checks. */
bool bc_time_valid(const bc_timestamp *t);

/* ---- logging ---- */
/* Open the process-wide log (Logfile/Verbosity), replacing one opened before; a NULL or
 * empty path leaves the current log as it is. A new file is created with mode 0600. Secrets
 * registered with bc_log_secret are replaced by "****" in every line. Thread-safe. */
void bc_log_open(const char *path, int verbosity);
/* Close the log; later lines go nowhere until the next bc_log_open with a path. */
void bc_log_close(void);
void bc_log_secret(const char *secret);
/* One line at a Verbosity level: 1 connects and diagnostics, 2 statements and sign-in steps,
 * 3 API requests, 4 every ODBC call and rate-limit waits, 5 request and response bodies. */
void bc_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Whether a line of this level would be written: lets a caller skip building it. */
bool bc_log_enabled(int level);
/* Monotonic milliseconds. */
long long bc_now_ms(void);
void bc_sleep_ms(long ms);

/* ---- numbers from JSON ---- */
/* A JSON number (a double) as long long, saturating at the type's limits; NaN is 0. A plain
 * cast of an out-of-range double is undefined behaviour, and JSON from a server or a
 * settings file can hold any number. */
long long bc_double_to_ll(double d);

/* ---- cancel flags ---- */
/* A statement's cancel flag is set by SQLCancel or the time-out watchdog in one thread and
 * polled by the thread running the statement (HTTP progress, pagers, rate-limit waits), so
 * every access is atomic; a plain volatile access is a data race. NULL reads as not set. */
static inline bool bc_flag_get(const volatile int *flag)
{
    return flag != NULL && __atomic_load_n(flag, __ATOMIC_ACQUIRE) != 0;
}
static inline void bc_flag_set(volatile int *flag, int value)
{
    __atomic_store_n(flag, value, __ATOMIC_RELEASE);
}

#endif
