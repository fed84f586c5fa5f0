/*
 * Checks, the test runner, the private ini files and connection helpers. The sandbox process
 * and its HTTP side are in harness_sandbox.c; text and date helpers in harness_text.c.
 */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int bct_failures;
static const char *bct_current_test = "";
static char bct_dir[256];
static char bct_driver_path[1024];

void bct_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    bct_failures++;
    fprintf(stderr, "  FAILED %s:%d [%s]: ", file, line, bct_current_test);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

SQLRETURN bct_diag(SQLSMALLINT htype, SQLHANDLE h, char state[6], char *msg, size_t msglen)
{
    SQLCHAR st[6] = "", text[2048] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLGetDiagRec(htype, h, 1, st, &native, text, sizeof text, &len);
    snprintf(state, 6, "%s", SQL_SUCCEEDED(rc) ? (char *)st : "");
    if (msg && msglen) {
        snprintf(msg, msglen, "%s", SQL_SUCCEEDED(rc) ? (char *)text : "");
    }
    return rc;
}

bool bct_has_state(SQLSMALLINT htype, SQLHANDLE h, const char *state)
{
    for (SQLSMALLINT i = 1; i < 50; i++) {
        SQLCHAR st[6];
        SQLINTEGER native;
        SQLSMALLINT len;
        if (!SQL_SUCCEEDED(SQLGetDiagRec(htype, h, i, st, &native, NULL, 0, &len))) {
            return false;
        }
        if (strcmp((char *)st, state) == 0) {
            return true;
        }
    }
    return false;
}

bool bct_check_ok(SQLRETURN rc, SQLSMALLINT htype, SQLHANDLE h, const char *expr, const char *file,
                  int line)
{
    if (SQL_SUCCEEDED(rc)) {
        return true;
    }
    char state[6], msg[1024];
    bct_diag(htype, h, state, msg, sizeof msg);
    bct_fail(file, line, "%s returned %d: %s %s", expr, (int)rc, state, msg);
    return false;
}

bool bct_check_state(SQLRETURN rc, SQLSMALLINT htype, SQLHANDLE h, const char *states,
                     const char *expr, const char *file, int line)
{
    char state[6], msg[1024];
    if (rc != SQL_ERROR) {
        bct_fail(file, line, "%s returned %d, expected SQL_ERROR with %s", expr, (int)rc, states);
        return false;
    }
    bct_diag(htype, h, state, msg, sizeof msg);
    size_t n = strlen(state);
    for (const char *p = states; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (n > 0 && len == n && strncmp(p, state, n) == 0) {
            return true;
        }
        p += len + (bar ? 1 : 0);
    }
    bct_fail(file, line, "%s: SQLSTATE %s (%s), expected %s", expr, state, msg, states);
    return false;
}

static void bct_write_file(const char *name, const char *mode, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", bct_dir, name);
    FILE *f = fopen(path, mode);
    if (!f) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
}

extern char bct_sandbox_path[1024];

void bct_init(int argc, char **argv)
{
    const char *drv = argc > 1 ? argv[1] : getenv("BC_DRIVER");
    const char *sbx = argc > 2 ? argv[2] : getenv("BC_SANDBOX");
    if (!drv || !sbx) {
        fprintf(stderr, "usage: %s DRIVER.so BC-SANDBOX (or env BC_DRIVER, BC_SANDBOX)\n", argv[0]);
        exit(2);
    }
    snprintf(bct_driver_path, sizeof bct_driver_path, "%s", drv);
    snprintf(bct_sandbox_path, sizeof bct_sandbox_path, "%s", sbx);
    snprintf(bct_dir, sizeof bct_dir, "/tmp/bc-odbc-test-XXXXXX");
    if (!mkdtemp(bct_dir)) {
        perror("mkdtemp");
        exit(2);
    }
    char inst[2048];
    /* Threading = 1: unixODBC serializes only per statement, so SQLCancel from a second
     * thread reaches the driver while SQLExecDirect runs (level 3 would block it). */
    snprintf(inst, sizeof inst,
             "[BigCommerce]\nDescription = BigCommerce ODBC driver (test)\nDriver = %s\n"
             "Threading = 1\n",
             bct_driver_path);
    bct_write_file("odbcinst.ini", "w", inst);
    bct_write_file("odbc.ini", "w", "");
    char ini[512];
    snprintf(ini, sizeof ini, "%s/odbc.ini", bct_dir);
    setenv("ODBCSYSINI", bct_dir, 1);
    setenv("ODBCINI", ini, 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);
    /* Never let a test open a real browser. */
    setenv("BROWSER", "/bin/false", 1);
}

const char *bct_ini_dir(void)
{
    return bct_dir;
}

void bct_add_dsn(const char *name, const char *const *props)
{
    char buf[4096];
    size_t off = (size_t)snprintf(buf, sizeof buf, "[%s]\nDriver = BigCommerce\n", name);
    for (int i = 0; props && props[i] && off < sizeof buf; i++) {
        const char *eq = strchr(props[i], '=');
        if (!eq) {
            continue;
        }
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%.*s = %s\n", (int)(eq - props[i]),
                                props[i], eq + 1);
    }
    if (off < sizeof buf) {
        snprintf(buf + off, sizeof buf - off, "\n");
    }
    bct_write_file("odbc.ini", "a", buf);
}

int bct_run(const bct_test *tests, int n)
{
    int failed_tests = 0;
    for (int i = 0; i < n; i++) {
        int before = bct_failures;
        bct_current_test = tests[i].name;
        long long t0 = sandbox_now_ms();
        tests[i].fn();
        bool ok = bct_failures == before;
        failed_tests += !ok;
        printf("%s %s (%lld ms)\n", ok ? "ok  " : "FAIL", tests[i].name, sandbox_now_ms() - t0);
        fflush(stdout);
    }
    printf("%d of %d tests failed, %d failed checks\n", failed_tests, n, bct_failures);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", bct_dir);
    if (strncmp(bct_dir, "/tmp/bc-odbc-test-", 18) == 0 && system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", bct_dir);
    }
    return failed_tests ? 1 : 0;
}

const char *bct_connstr(const bct_sandbox *sb, const char *extra)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=%s;ApiBaseURL=%s;"
             "OAuthServerURL=%s%s%s",
             sb->store_hash, sb->token, sb->url, sb->url, extra && *extra ? ";" : "",
             extra ? extra : "");
    return buf;
}

SQLHENV bct_env(void)
{
    SQLHENV env = SQL_NULL_HENV;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env))) {
        bct_fail(__FILE__, __LINE__, "SQLAllocHandle(ENV) failed");
        return SQL_NULL_HENV;
    }
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3_80, 0);
    return env;
}

SQLHDBC bct_connect(SQLHENV env, const bct_sandbox *sb, const char *extra)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    if (!CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_HANDLE_ENV, env)) {
        return SQL_NULL_HDBC;
    }
    SQLCHAR out[2048];
    SQLSMALLINT outlen = 0;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)bct_connstr(sb, extra), SQL_NTS, out,
                                    sizeof out, &outlen, SQL_DRIVER_NOPROMPT);
    if (!CHECK_OK(rc, SQL_HANDLE_DBC, dbc)) {
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

SQLHSTMT bct_stmt(SQLHDBC dbc)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    if (!dbc || !CHECK_OK(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_HANDLE_DBC, dbc)) {
        return SQL_NULL_HSTMT;
    }
    return st;
}

void bct_disconnect(SQLHDBC dbc)
{
    if (dbc) {
        SQLDisconnect(dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
}

int bct_main_connected(int argc, char **argv, const char *const *opts, bct_sandbox *sb,
                       SQLHENV *env, SQLHDBC *dbc, const bct_test *tests, int n)
{
    int rc = 1;

    bct_init(argc, argv);
    if (!bct_sandbox_start(sb, opts))
        return 1;
    *env = bct_env();
    if (dbc == NULL) {
        rc = bct_run(tests, n);
    } else if ((*dbc = bct_connect(*env, sb, NULL)) != NULL) {
        rc = bct_run(tests, n);
        bct_disconnect(*dbc);
    }
    SQLFreeHandle(SQL_HANDLE_ENV, *env);
    bct_sandbox_stop(sb);
    return rc;
}

SQLHSTMT bct_exec(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st) {
        return NULL;
    }
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc)) {
        char state[6], msg[1024];
        bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
        bct_fail(__FILE__, __LINE__, "SQLExecDirect(%s): %s %s", sql, state, msg);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return NULL;
    }
    return st;
}

long bct_count_rows(SQLHSTMT st)
{
    long n = 0;
    SQLRETURN rc;
    while (SQL_SUCCEEDED(rc = SQLFetch(st))) {
        n++;
    }
    if (rc != SQL_NO_DATA) {
        CHECK_OK(rc, SQL_HANDLE_STMT, st);
    }
    return n;
}

bool bct_get_text(SQLHSTMT st, SQLUSMALLINT col, char *buf, size_t len)
{
    SQLLEN ind = 0;
    SQLRETURN rc = SQLGetData(st, col, SQL_C_CHAR, buf, (SQLLEN)len, &ind);
    if (!CHECK_OK(rc, SQL_HANDLE_STMT, st) || ind == SQL_NULL_DATA) {
        buf[0] = '\0';
        return false;
    }
    return true;
}
