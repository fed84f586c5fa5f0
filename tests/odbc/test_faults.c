/*
 * Faults and interruptions: SQLCancel from a second thread (HY008), SQL_ATTR_QUERY_TIMEOUT
 * (HYT00), retried 5xx, a malformed response, and a 429 that is waited out.
 */
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bct_sandbox sb;       /* fast */
static bct_sandbox slow;     /* --latency-ms 150 */
static bct_sandbox sluggish; /* --latency-ms 2500 */
static SQLHENV env;
static SQLHDBC dbc;

typedef struct cancel_arg {
    SQLHSTMT st;
    int delay_ms;
    SQLRETURN rc;
} cancel_arg;

static void *cancel_later(void *p)
{
    cancel_arg *a = p;
    usleep((useconds_t)a->delay_ms * 1000);
    a->rc = SQLCancel(a->st);
    return NULL;
}

static void cancel_from_second_thread_gives_hy008(void)
{
    SQLHDBC d = bct_connect(env, &slow, "Pagesize=5");
    SQLHSTMT st = bct_stmt(d);
    if (!st) {
        bct_disconnect(d);
        return;
    }
    cancel_arg a = {.st = st, .delay_ms = 700, .rc = -99};
    pthread_t th;
    pthread_create(&th, NULL, cancel_later, &a);
    long long t0 = sandbox_now_ms();
    /* 200 products / 5 per page at 150 ms each: far longer than the cancel delay */
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT COUNT(id) FROM Products", SQL_NTS);
    if (SQL_SUCCEEDED(rc)) { /* a driver that streams may fail in the fetch instead */
        rc = SQLFetch(st);
    }
    long long took = sandbox_now_ms() - t0;
    pthread_join(th, NULL);
    CHECK_OK(a.rc, SQL_HANDLE_STMT, st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "HY008");
    CHECK_MSG(took < 4000, "cancel took effect after %lld ms", took);
    /* the statement is usable again */
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Brands WHERE id = 1", SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(d);
}

/* Runs sql on a new connection to sandbox with SQL_ATTR_QUERY_TIMEOUT = 1 s and expects
 * HYT00 within a few seconds. */
static void expect_timeout(bct_sandbox *s, const char *sql)
{
    SQLHDBC d = bct_connect(env, s, "Pagesize=5");
    SQLHSTMT st = bct_stmt(d);
    if (!st) {
        bct_disconnect(d);
        return;
    }
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0), SQL_HANDLE_STMT, st);
    long long t0 = sandbox_now_ms();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(rc)) {
        rc = SQLFetch(st);
    }
    long long took = sandbox_now_ms() - t0;
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "HYT00");
    CHECK_MSG(took >= 900 && took < 5000, "timed out after %lld ms", took);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(d);
}

/* One request slower than the time-out. */
static void query_timeout_on_a_slow_request_gives_hyt00(void)
{
    expect_timeout(&sluggish, "SELECT COUNT(id) FROM Brands");
}

/* ODBC: the time-out is for the statement, so many quick requests that together take longer
 * than it must time out too. */
static void query_timeout_bounds_the_whole_statement(void)
{
    expect_timeout(&slow, "SELECT COUNT(id) FROM Products");
}

static long count_brands(SQLHDBC d, SQLRETURN *rc_out, SQLHSTMT *st_out)
{
    SQLHSTMT st = bct_stmt(d);
    SQLINTEGER n = -1;
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT COUNT(id) FROM Brands", SQL_NTS);
    if (SQL_SUCCEEDED(rc)) {
        rc = SQLFetch(st);
    }
    if (SQL_SUCCEEDED(rc)) {
        rc = SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL);
    }
    *rc_out = rc;
    *st_out = st;
    return n;
}

static void server_error_500_twice_is_retried_and_succeeds(void)
{
    cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
    bct_sb_clear_requests(&sb);
    bct_sb_fault(&sb, "{\"status\":500,\"count\":2}");
    SQLRETURN rc;
    SQLHSTMT st;
    long n = count_brands(dbc, &rc, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(n, cJSON_GetArraySize(brands));
    CHECK_MSG(bct_sb_api_request_count(&sb) >= 3, "%d requests: the 500s were not retried",
              bct_sb_api_request_count(&sb));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    cJSON_Delete(brands);
}

static void malformed_response_is_an_error_not_a_crash(void)
{
    bct_sb_fault(&sb, "{\"malformed\":true,\"count\":1}");
    SQLRETURN rc;
    SQLHSTMT st;
    count_brands(dbc, &rc, &st);
    CHECK_INT(rc, SQL_ERROR);
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(state[0] != '\0' && msg[0] != '\0', "no diagnostic for a malformed response");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* the next statement works */
    count_brands(dbc, &rc, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void rate_limit_429_is_waited_out(void)
{
    cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
    bct_sb_fault(&sb, "{\"status\":429,\"count\":1,\"reset_ms\":400}");
    SQLRETURN rc;
    SQLHSTMT st;
    long long t0 = sandbox_now_ms();
    long n = count_brands(dbc, &rc, &st);
    long long took = sandbox_now_ms() - t0;
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(n, cJSON_GetArraySize(brands));
    CHECK_MSG(took >= 350, "retried after %lld ms, before the 400 ms reset", took);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    cJSON_Delete(brands);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "10", "--orders", "3", "--customers", "3", NULL};
    const char *slow_opts[] = {"--products", "200",          "--orders", "3", "--customers",
                               "3",          "--latency-ms", "150",      NULL};
    const char *sluggish_opts[] = {"--products", "3", "--latency-ms", "2500", NULL};
    if (!bct_sandbox_start(&sb, opts) || !bct_sandbox_start(&slow, slow_opts) ||
        !bct_sandbox_start(&sluggish, sluggish_opts)) {
        bct_sandbox_stop(&sb);
        bct_sandbox_stop(&slow);
        return 1;
    }
    env = bct_env();
    dbc = bct_connect(env, &sb, NULL);
    if (!dbc) {
        bct_sandbox_stop(&sb);
        bct_sandbox_stop(&slow);
        bct_sandbox_stop(&sluggish);
        return 1;
    }
    static const bct_test tests[] = {
        BCT_TEST(cancel_from_second_thread_gives_hy008),
        BCT_TEST(query_timeout_on_a_slow_request_gives_hyt00),
        BCT_TEST(query_timeout_bounds_the_whole_statement),
        BCT_TEST(server_error_500_twice_is_retried_and_succeeds),
        BCT_TEST(malformed_response_is_an_error_not_a_crash),
        BCT_TEST(rate_limit_429_is_waited_out),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    bct_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    bct_sandbox_stop(&slow);
    bct_sandbox_stop(&sluggish);
    return rc;
}
