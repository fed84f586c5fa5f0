/*
 * Test harness for the C programs that drive the BigCommerce ODBC driver through the unixODBC
 * driver manager against a bc-sandbox started by the test. Nothing here links the driver:
 * every ODBC call goes through libodbc, as an application's would.
 *
 * A program calls bct_init(argc, argv) first (argv[1] = driver .so, argv[2] = bc-sandbox, or
 * the env BC_DRIVER / BC_SANDBOX), registers its tests with BCT_TEST and runs them with
 * bct_run(); checks record failures and let the test go on, so one run reports them all.
 */
#ifndef BC_TEST_HARNESS_H
#define BC_TEST_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>
#include <cJSON.h>
#include "sandbox_launch.h"

/* ---- checks ---------------------------------------------------------------------------- */

extern int bct_failures;
void bct_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            bct_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                                      \
    } while (0)
#define CHECK_MSG(cond, ...)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            bct_fail(__FILE__, __LINE__, __VA_ARGS__);                                             \
    } while (0)
#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long a_ = (long long)(a), b_ = (long long)(b);                                        \
        if (a_ != b_)                                                                              \
            bct_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, a_, b_);                \
    } while (0)
#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *a_ = (const char *)(a), *b_ = (const char *)(b);                               \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                                     \
            bct_fail(__FILE__, __LINE__, "%s == %s: \"%.200s\" != \"%.200s\"", #a, #b,             \
                     a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                      \
    } while (0)
/* The call must succeed (SQL_SUCCESS or SQL_SUCCESS_WITH_INFO); otherwise the diagnostics of
 * the handle are printed with the failure. */
#define CHECK_OK(rc, htype, h) bct_check_ok((rc), (htype), (h), #rc, __FILE__, __LINE__)
/* The call must fail with SQL_ERROR and its first record must carry one of the states, given
 * as a '|'-separated list ("08001|08S01"). */
#define CHECK_STATE(rc, htype, h, states)                                                          \
    bct_check_state((rc), (htype), (h), (states), #rc, __FILE__, __LINE__)

bool bct_check_ok(SQLRETURN rc, SQLSMALLINT htype, SQLHANDLE h, const char *expr, const char *file,
                  int line);
bool bct_check_state(SQLRETURN rc, SQLSMALLINT htype, SQLHANDLE h, const char *states,
                     const char *expr, const char *file, int line);

/* First diagnostic record of a handle: state into state[6], message into msg (may be NULL). */
SQLRETURN bct_diag(SQLSMALLINT htype, SQLHANDLE h, char state[6], char *msg, size_t msglen);
/* True when some record (not only the first) has this state. */
bool bct_has_state(SQLSMALLINT htype, SQLHANDLE h, const char *state);

typedef struct bct_test {
    const char *name;
    void (*fn)(void);
} bct_test;
#define BCT_TEST(fn)                                                                               \
    {                                                                                              \
#fn, fn                                                                                    \
    }

/* ---- set-up ---------------------------------------------------------------------------- */

/* Reads the driver and sandbox paths, makes a private temp dir for the ini files. */
void bct_init(int argc, char **argv);
/* Runs the tests in order, prints "ok"/"FAIL" per test; returns the process exit code. */
int bct_run(const bct_test *tests, int n);

/* ---- the sandbox ----------------------------------------------------------------------- */

typedef struct bct_sandbox {
    sandbox_child child;
    char url[128];
    char store_hash[64];
    char token[128];
} bct_sandbox;

/* Start bc-sandbox --port 0 with extra "--flag", "value" pairs (NULL-terminated list, may be
 * NULL). Store hash and token are the defaults unless given in extra. Returns false (and
 * records a failure) when it does not print its URL within a few seconds. */
bool bct_sandbox_start(bct_sandbox *sb, const char *const *extra);
void bct_sandbox_stop(bct_sandbox *sb);

/* GET {url}/stores/{hash}{path} with the token; parsed JSON (caller frees with cJSON_Delete),
 * NULL for 204 or an error. */
cJSON *bct_sb_get(const bct_sandbox *sb, const char *path);
/* Every item of a list endpoint as one array: v3 pages by meta.pagination, v2 until 204.
 * path has no page/limit; it may have other query parameters. Caller frees. */
cJSON *bct_sb_get_all(const bct_sandbox *sb, const char *path);
/* The request log (array of {method, path, query}); caller frees. */
cJSON *bct_sb_requests(const bct_sandbox *sb);
/* Requests in the log whose path starts with "/stores/" (API requests, not /__sandbox). */
int bct_sb_api_request_count(const bct_sandbox *sb);
void bct_sb_clear_requests(const bct_sandbox *sb);
/* POST /__sandbox/faults with this JSON body. */
bool bct_sb_fault(const bct_sandbox *sb, const char *json);
/* DELETE /__sandbox/faults: drop every queued fault and stop random ones. */
void bct_sb_fault_clear(const bct_sandbox *sb);

/* ---- ini files and connections --------------------------------------------------------- */

/* The private ODBCSYSINI/ODBCINI dir; odbcinst.ini registers "BigCommerce". */
const char *bct_ini_dir(void);
/* Add a DSN section to the private odbc.ini: props is "Key=Value" strings, NULL-terminated. */
void bct_add_dsn(const char *name, const char *const *props);

/* "Driver=BigCommerce;StoreId=..;OAuthAccessToken=..;ApiBaseURL=..;OAuthServerURL=.." and
 * extra (may be NULL or ""), appended after a ';'. Static buffer, valid until the next call. */
const char *bct_connstr(const bct_sandbox *sb, const char *extra);

SQLHENV bct_env(void); /* ODBC 3.80 environment */
/* Connect with SQLDriverConnect (A, NOPROMPT); NULL on failure (recorded). */
SQLHDBC bct_connect(SQLHENV env, const bct_sandbox *sb, const char *extra);
SQLHSTMT bct_stmt(SQLHDBC dbc);
void bct_disconnect(SQLHDBC dbc);
/* The whole life of a test program with one sandbox and one connection: bct_init, start sb
 * with opts, open *env and *dbc, run the tests, close them again. The process exit code.
 * dbc NULL: no shared connection, the tests open their own. */
int bct_main_connected(int argc, char **argv, const char *const *opts, bct_sandbox *sb,
                       SQLHENV *env, SQLHDBC *dbc, const bct_test *tests, int n);

/* Execute SQL on a fresh statement and return it (NULL on failure, recorded). */
SQLHSTMT bct_exec(SQLHDBC dbc, const char *sql);
/* Rows of a result until SQL_NO_DATA, counted with SQLFetch. */
long bct_count_rows(SQLHSTMT st);
/* One column as text via SQLGetData(SQL_C_CHAR); returns false for NULL. */
bool bct_get_text(SQLHSTMT st, SQLUSMALLINT col, char *buf, size_t len);

/* ---- text helpers ---------------------------------------------------------------------- */

/* UTF-8 -> UTF-16 (SQLWCHAR), malloc'd, NUL-terminated; *units gets the length (may be NULL).
 * UTF-16 -> UTF-8 likewise. */
SQLWCHAR *bct_w(const char *utf8, size_t *units);
char *bct_u8(const SQLWCHAR *w, size_t units);
size_t bct_wlen(const SQLWCHAR *w);

/* A JSON value of an item as text the way the driver shows it (numbers without trailing
 * zeros, strings as is); NULL for JSON null or absent. Static buffer for numbers. */
const char *bct_json_text(const cJSON *item, const char *key);

/* Parse an ISO 8601 or RFC 2822 date to UTC fields; false when unparseable. */
bool bct_parse_date(const char *text, SQL_TIMESTAMP_STRUCT *ts);

#endif
