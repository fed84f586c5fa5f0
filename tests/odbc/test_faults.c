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

/* A damaged 200 body once is retried like a 5xx: the exact rows, one extra request. */
static void malformed_response_once_is_retried(void)
{
    cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
    bct_sb_clear_requests(&sb);
    bct_sb_fault(&sb, "{\"malformed\":true,\"count\":1}");
    SQLRETURN rc;
    SQLHSTMT st;
    long n = count_brands(dbc, &rc, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(n, cJSON_GetArraySize(brands));
    CHECK_INT(bct_sb_api_request_count(&sb), 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    cJSON_Delete(brands);
}

/* Damaged every time: a loud 08S01, never a partial answer; the next statement works. */
static void malformed_response_every_time_is_08s01(void)
{
    bct_sb_fault(&sb, "{\"malformed\":true,\"count\":50}");
    SQLRETURN rc;
    SQLHSTMT st;
    count_brands(dbc, &rc, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "08S01");
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "damaged response") != NULL, "message: %s", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_sb_fault_clear(&sb);
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

/* The single integer a query answers, with an optional SQL_C_DOUBLE parameter; -1 after a
 * failure (recorded). */
static long scalar_with_double(SQLHDBC d, const char *sql, const double *param)
{
    SQLHSTMT st = bct_stmt(d);
    SQLDOUBLE p = param ? *param : 0;
    SQLINTEGER n = -1;
    SQLRETURN rc;

    if (st == NULL)
        return -1;
    if (param != NULL)
        CHECK_OK(
            SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, &p, 0, NULL),
            SQL_HANDLE_STMT, st);
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        rc = SQLFetch(st);
    if (SQL_SUCCEEDED(rc))
        rc = SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL);
    if (!CHECK_OK(rc, SQL_HANDLE_STMT, st))
        n = -1;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return n;
}

/* A double beyond the 64-bit range compared with an integer id is no match (or, for a
 * bound, every row), never an out-of-range cast: the UBSan build aborts on one. */
static void doubles_beyond_int64_compare_without_overflow(void)
{
    double inf = 1.0 / 0.0, minf = -1.0 / 0.0, big = 1e300;

    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Products WHERE id = 1e300", NULL), 0);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Products WHERE id = ?", &inf), 0);
    CHECK_INT(
        scalar_with_double(dbc, "SELECT COUNT(id) FROM Products WHERE id IN (?, 1e300)", &minf), 0);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id <= 1e300", NULL), 3);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id >= ?", &big), 0);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id >= ?", &minf), 3);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id <= ?", &minf), 0);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id <= ?", &inf), 3);
    /* Fractional bounds: the next whole id inward, not "no rows". */
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id >= 100.5", NULL), 2);
    CHECK_INT(scalar_with_double(dbc, "SELECT COUNT(id) FROM Orders WHERE id <= 101.5", NULL), 2);
}

/* ---- consistent scans and faults at a rate (the sandbox `big`, Pagesize=10) ---------- */

static bct_sandbox big; /* 60 products, 60 orders, 20 customers */

/* Every row of sql as one text ("a|b\n..."), into *out (caller frees); the statement's
 * first SQLSTATE into state ("" when it succeeded). */
static void run_text(SQLHDBC d, const char *sql, char **out, char state[6])
{
    SQLHSTMT st = bct_stmt(d);
    SQLSMALLINT ncol = 0;
    size_t len = 0, cap = 4096;
    char *text = malloc(cap), cell[512];
    SQLRETURN rc;

    state[0] = '\0';
    *out = text;
    if (st == NULL || text == NULL)
        return;
    text[0] = '\0';
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        rc = SQLNumResultCols(st, &ncol);
    while (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(rc = SQLFetch(st))) {
        for (SQLSMALLINT i = 1; i <= ncol; i++) {
            SQLLEN ind = 0;
            if (!SQL_SUCCEEDED(
                    SQLGetData(st, (SQLUSMALLINT)i, SQL_C_CHAR, cell, sizeof cell, &ind)))
                snprintf(cell, sizeof cell, "?");
            else if (ind == SQL_NULL_DATA)
                snprintf(cell, sizeof cell, "NULL");
            size_t n = strlen(cell);
            if (len + n + 2 >= cap) {
                cap = (len + n + 2) * 2;
                text = realloc(text, cap);
                *out = text;
                if (text == NULL)
                    return;
            }
            memcpy(text + len, cell, n);
            len += n;
            text[len++] = i == ncol ? '\n' : '|';
            text[len] = '\0';
        }
    }
    if (rc != SQL_NO_DATA && !SQL_SUCCEEDED(rc))
        bct_diag(SQL_HANDLE_STMT, st, state, NULL, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static const char *const scan_queries[] = {
    "SELECT id, name, price FROM Products ORDER BY id",
    "SELECT id, status, total_inc_tax FROM Orders ORDER BY id",
    "SELECT o.id, c.email FROM Orders o JOIN Customers c ON c.id = o.customer_id ORDER BY o.id",
};
#define NQUERIES (int)(sizeof scan_queries / sizeof scan_queries[0])
static char *baseline[NQUERIES];

static void baselines_without_faults(void)
{
    SQLHDBC d = bct_connect(env, &big, "Pagesize=10");
    char state[6];
    for (int i = 0; i < NQUERIES && d; i++) {
        run_text(d, scan_queries[i], &baseline[i], state);
        CHECK_MSG(state[0] == '\0' && baseline[i] && strlen(baseline[i]) > 100,
                  "baseline %d failed: %s", i, state);
    }
    bct_disconnect(d);
}

/* Query i with the faults queued in `big`: the exact baseline, or (loud_ok) a failure with
 * one of the states in loud. Returns 1 when exact. */
static int expect_exact(int i, const char *loud)
{
    SQLHDBC d = bct_connect(env, &big, "Pagesize=10");
    char state[6], *text = NULL;
    int exact;
    if (d == NULL)
        return 0;
    run_text(d, scan_queries[i], &text, state);
    exact = state[0] == '\0' && text && baseline[i] && strcmp(text, baseline[i]) == 0;
    if (state[0] == '\0')
        CHECK_MSG(exact, "query %d returned different rows without an error", i);
    else
        CHECK_MSG(loud && strstr(loud, state), "query %d failed with %s", i, state);
    free(text);
    bct_disconnect(d);
    return exact;
}

/* Bodies with a raw NUL or control character inside a string, on the customers a join looks
 * up again and again through the response cache: each damaged body is retried, none is
 * cached or cut short, and the join is exact (valgrind.test_faults runs this too). */
static void join_with_nul_bodies_is_exact(void)
{
    bct_sb_fault(&big, "{\"body\":\"nul\",\"count\":2,\"path_contains\":\"/customers\"}");
    bct_sb_fault(&big, "{\"body\":\"ctrl\",\"count\":1,\"path_contains\":\"/customers\"}");
    CHECK(expect_exact(2, NULL));
    bct_sb_fault(&big, "{\"body\":\"nul\",\"count\":2,\"path_contains\":\"/v2/orders\"}");
    CHECK(expect_exact(2, NULL));
    bct_sb_fault_clear(&big);
}

/* One page altered once (short, empty, an item doubled, shifted as by a delete or an
 * insert): the page is read again and the answer is exact. */
static void altered_page_once_is_read_again(void)
{
    static const char *const faults[] = {
        "{\"items\":\"short\",\"path_contains\":\"/catalog/"
        "products\",\"query_contains\":\"page=2\"}",
        "{\"items\":\"empty\",\"path_contains\":\"/catalog/"
        "products\",\"query_contains\":\"page=3\"}",
        "{\"items\":\"duplicate\",\"path_contains\":\"/catalog/"
        "products\",\"query_contains\":\"page=2\"}",
        "{\"shift\":1,\"path_contains\":\"/catalog/products\",\"query_contains\":\"page=4\"}",
        "{\"shift\":-1,\"path_contains\":\"/catalog/products\",\"query_contains\":\"page=2\"}",
        "{\"items\":\"short\",\"path_contains\":\"/catalog/"
        "products\",\"query_contains\":\"page=1\"}",
    };
    int plain;
    bct_sb_clear_requests(&big);
    CHECK(expect_exact(0, NULL));
    plain = bct_sb_api_request_count(&big);
    for (size_t k = 0; k < sizeof faults / sizeof faults[0]; k++) {
        bct_sb_clear_requests(&big);
        bct_sb_fault(&big, faults[k]);
        CHECK_MSG(expect_exact(0, NULL), "v3 fault %s", faults[k]);
        /* one more request than without the fault: the page read again */
        CHECK_INT(bct_sb_api_request_count(&big), plain + 1);
    }
}

static void altered_v2_page_once_is_read_again(void)
{
    static const char *const faults[] = {
        "{\"items\":\"short\",\"path_contains\":\"/v2/orders\",\"query_contains\":\"page=2\"}",
        "{\"items\":\"empty\",\"path_contains\":\"/v2/orders\",\"query_contains\":\"page=3\"}",
        "{\"items\":\"duplicate\",\"path_contains\":\"/v2/orders\",\"query_contains\":\"page=2\"}",
        "{\"shift\":-1,\"path_contains\":\"/v2/orders\",\"query_contains\":\"page=4\"}",
    };
    for (size_t k = 0; k < sizeof faults / sizeof faults[0]; k++) {
        bct_sb_fault(&big, faults[k]);
        CHECK_MSG(expect_exact(1, NULL), "v2 fault %s", faults[k]);
    }
}

/* The same page altered every time on a list that can be paged by key (Products: v3,
 * id:greater; Orders: v2, min_id): the scan goes on by key from the last id it handed out,
 * and is exact. */
static void page_that_stays_inconsistent_resumes_by_key(void)
{
    static const char *const faults[] = {
        "{\"items\":\"short\",\"count\":5,\"path_contains\":\"/catalog/products\","
        "\"query_contains\":\"page=2\"}",
        "{\"items\":\"duplicate\",\"count\":5,\"path_contains\":\"/catalog/products\","
        "\"query_contains\":\"page=3\"}",
        "{\"shift\":1,\"count\":5,\"path_contains\":\"/catalog/products\","
        "\"query_contains\":\"page=5\"}",
        "{\"shift\":-1,\"count\":5,\"path_contains\":\"/catalog/products\","
        "\"query_contains\":\"page=4\"}",
        "{\"items\":\"short\",\"count\":5,\"path_contains\":\"/v2/orders\","
        "\"query_contains\":\"page=2\"}",
        "{\"items\":\"duplicate\",\"count\":5,\"path_contains\":\"/v2/orders\","
        "\"query_contains\":\"page=3\"}",
        "{\"shift\":-1,\"count\":5,\"path_contains\":\"/v2/orders\","
        "\"query_contains\":\"page=4\"}",
    };
    for (size_t k = 0; k < sizeof faults / sizeof faults[0]; k++) {
        int v2 = strstr(faults[k], "/v2/") != NULL;
        bct_sb_clear_requests(&big);
        bct_sb_fault(&big, faults[k]);
        CHECK_MSG(expect_exact(v2, NULL), "fault %s", faults[k]);
        cJSON *log = bct_sb_requests(&big), *r;
        int by_key = 0;
        cJSON_ArrayForEach(r, log)
        {
            const char *q = cJSON_GetStringValue(cJSON_GetObjectItem(r, "query"));
            by_key += q && strstr(q, v2 ? "min_id=" : "id:greater=") != NULL;
        }
        CHECK_MSG(by_key > 0, "fault %s: no request by key", faults[k]);
        cJSON_Delete(log);
        bct_sb_fault_clear(&big);
    }
}

/* The same page altered every time where no paging by key exists (Customers: v3 without
 * id:greater): a loud 40001, never fewer or more rows. */
static void page_that_stays_inconsistent_fails_40001(void)
{
    static const struct {
        const char *fault, *sql;
    } cases[] = {
        {"{\"items\":\"short\",\"count\":5,\"path_contains\":\"/v3/customers\","
         "\"query_contains\":\"page=2\"}",
         "SELECT id, email FROM Customers"},
        {"{\"items\":\"duplicate\",\"count\":5,\"path_contains\":\"/v3/customers\","
         "\"query_contains\":\"page=1\"}",
         "SELECT id, email FROM Customers"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        SQLHDBC d = bct_connect(env, &big, "Pagesize=10");
        char state[6], *text = NULL;
        bct_sb_fault(&big, cases[k].fault);
        run_text(d, cases[k].sql, &text, state);
        CHECK_MSG(strcmp(state, "40001") == 0, "fault %s gave state '%s'", cases[k].fault, state);
        free(text);
        bct_disconnect(d);
        bct_sb_fault_clear(&big);
    }
}

/* Transport and body faults on 20 % of requests: every scan and join returns exactly the
 * fault-free rows, in every run (a GET's retries run out at 0.2^9 per request). */
static void transport_and_body_faults_at_20_percent_give_exact_rows(void)
{
    int exact = 0, runs = 0;
    bct_sb_fault(&big, "{\"rate\":0.2,\"seed\":7,\"kinds\":[\"429\",\"500\",\"503\",\"reset\","
                       "\"truncated\",\"html\",\"garbled\",\"ctrl\",\"nul\",\"empty\"]}");
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < NQUERIES; i++, runs++)
            exact += expect_exact(i, NULL);
    bct_sb_fault_clear(&big);
    CHECK_MSG(exact == runs, "only %d of %d runs exact", exact, runs);
}

/* Page faults on 20 % of requests: the right rows, or 40001; never silently wrong. */
static void page_faults_at_20_percent_are_never_silent(void)
{
    int exact = 0, runs = 0;
    bct_sb_fault(&big, "{\"rate\":0.2,\"seed\":11,\"kinds\":[\"short\",\"empty_page\","
                       "\"duplicate\"]}");
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 2; i++, runs++)
            exact += expect_exact(i, "40001");
    bct_sb_fault_clear(&big);
    CHECK_MSG(exact > 0, "no run of %d was exact", runs);
}

/* SQLDriverConnect with connstr: SQL_SUCCESS..., or the first record's state and message. */
static SQLRETURN connect_raw(const char *connstr, char state[6], char *msg, size_t cap)
{
    SQLHDBC d = NULL;
    SQLCHAR out[2048];
    SQLSMALLINT outlen = 0;
    SQLRETURN rc;

    state[0] = msg[0] = '\0';
    SQLAllocHandle(SQL_HANDLE_DBC, env, &d);
    rc = SQLDriverConnect(d, NULL, (SQLCHAR *)connstr, SQL_NTS, out, sizeof out, &outlen,
                          SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        bct_diag(SQL_HANDLE_DBC, d, state, msg, cap);
    else
        SQLDisconnect(d);
    SQLFreeHandle(SQL_HANDLE_DBC, d);
    return rc;
}

/* A line break in a value that becomes a header or URL part is refused with HY024 naming the
 * property; no request is sent. */
static void line_breaks_in_header_values_are_refused(void)
{
    char cs[1024], state[6], msg[1024];

    bct_sb_clear_requests(&sb);
    snprintf(cs, sizeof cs,
             "Driver=BigCommerce;StoreId=%s;ApiBaseURL=%s;OAuthAccessToken={%s\r\nX-Evil: 1}",
             sb.store_hash, sb.url, sb.token);
    CHECK_INT(connect_raw(cs, state, msg, sizeof msg), SQL_ERROR);
    CHECK_STR(state, "HY024");
    CHECK_MSG(strstr(msg, "OAuthAccessToken") && !strstr(msg, sb.token), "message: %s", msg);
    snprintf(cs, sizeof cs,
             "Driver=BigCommerce;StoreId={%s\nHost: evil};ApiBaseURL=%s;"
             "OAuthAccessToken=%s",
             sb.store_hash, sb.url, sb.token);
    CHECK_INT(connect_raw(cs, state, msg, sizeof msg), SQL_ERROR);
    CHECK_STR(state, "HY024");
    CHECK_MSG(strstr(msg, "StoreId") != NULL, "message: %s", msg);
    CHECK_INT(bct_sb_api_request_count(&sb), 0);
}

/* http:// to a host other than loopback is refused unless AllowInsecureHTTP=true; user info
 * in ApiBaseURL never shows in a message. */
static void insecure_http_and_userinfo(void)
{
    char cs[1024], state[6], msg[1024];
    const char *port = strrchr(sb.url, ':') + 1;

    /* 0.0.0.0 reaches this machine's listeners but is not a loopback name: refused... */
    snprintf(cs, sizeof cs,
             "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=%s;ApiBaseURL=http://0.0.0.0:%s",
             sb.store_hash, sb.token, port);
    CHECK_INT(connect_raw(cs, state, msg, sizeof msg), SQL_ERROR);
    CHECK_STR(state, "HY024");
    CHECK_MSG(strstr(msg, "ApiBaseURL") && strstr(msg, "AllowInsecureHTTP"), "message: %s", msg);
    /* ...unless the user says so. */
    strcat(cs, ";AllowInsecureHTTP=true");
    CHECK_MSG(SQL_SUCCEEDED(connect_raw(cs, state, msg, sizeof msg)), "%s %s", state, msg);
    /* A refused connection names the host, not the password before it. */
    snprintf(cs, sizeof cs,
             "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=%s;"
             "ApiBaseURL=http://alice:s3cr3tpw@127.0.0.1:1",
             sb.store_hash, sb.token);
    CHECK_INT(connect_raw(cs, state, msg, sizeof msg), SQL_ERROR);
    CHECK_MSG(strstr(msg, "127.0.0.1:1") && !strstr(msg, "s3cr3tpw") && !strstr(msg, "alice"),
              "message: %s", msg);
    snprintf(cs, sizeof cs,
             "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=%s;"
             "ApiBaseURL=ftp://alice:s3cr3tpw@example.com",
             sb.store_hash, sb.token);
    CHECK_INT(connect_raw(cs, state, msg, sizeof msg), SQL_ERROR);
    CHECK_MSG(!strstr(msg, "s3cr3tpw") && !strstr(msg, "alice"), "message: %s", msg);
}

/* The state of executing sql on a fresh statement ("" when it succeeded). */
static void exec_state(const char *sql, char state[6])
{
    SQLHSTMT st = bct_stmt(dbc);
    state[0] = '\0';
    if (st == NULL)
        return;
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)))
        bct_diag(SQL_HANDLE_STMT, st, state, NULL, 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Datetime escapes are checked: an impossible date is 22007, a real one works. */
static void impossible_datetime_literals_are_22007(void)
{
    static const char *const bad[] = {
        "SELECT {ts '2026-13-45 99:99:99'}",
        "SELECT {d '2026-02-30'}",
        "SELECT {d '2025-02-29'}",
        "SELECT {t '24:00:00'}",
        "SELECT {ts '2026-01-01T10:00:00'}",
        "SELECT {d 'yesterday'}",
        "SELECT {ts '2026-01-01 10:00:00.1x'}",
    };
    static const char *const good[] = {
        "SELECT {ts '2026-12-31 23:59:59'}",
        "SELECT {d '2024-02-29'}",
        "SELECT {t '00:00:00'}",
        "SELECT {ts '2026-01-01 10:00:00.123456'}",
    };
    char state[6];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        exec_state(bad[i], state);
        CHECK_MSG(strcmp(state, "22007") == 0, "%s gave '%s'", bad[i], state);
    }
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        exec_state(good[i], state);
        CHECK_MSG(state[0] == '\0', "%s gave '%s'", good[i], state);
    }
}

/* SQLBindParameter with an SQL type that does not exist is HY004. */
static void bind_parameter_with_unknown_sql_type_is_hy004(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLINTEGER v = 1;
    if (st == NULL)
        return;
    CHECK_STATE(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, 9999, 0, 0, &v, 0, NULL),
                SQL_HANDLE_STMT, st, "HY004");
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, NULL),
             SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLBindCol past the last column: 07009 at bind when the statement is prepared, else at
 * fetch; never silently ignored. */
static void bind_col_past_the_last_column_is_07009(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    if (st == NULL)
        return;
    /* bound before the statement exists: the fetch reports it */
    CHECK_OK(SQLBindCol(st, 5000, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Brands", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLFetch(st), SQL_HANDLE_STMT, st, "07009");
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeStmt(st, SQL_UNBIND);
    /* prepared: the bind itself fails */
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT id FROM Brands", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLBindCol(st, 5000, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st, "07009");
    CHECK_OK(SQLBindCol(st, 1, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    CHECK(v > 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A 503 whose body asks for a wait ({"error":{"retry_after_seconds":N}}): retried after it
 * when it is short; when it is longer than the driver waits, not retried, and the error
 * quotes BigCommerce's message. */
static void service_degraded_503_is_honoured(void)
{
    cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
    SQLRETURN rc;
    SQLHSTMT st;
    char state[6], msg[1024];

    bct_sb_clear_requests(&sb);
    bct_sb_fault(&sb, "{\"status\":503,\"retry_after_seconds\":1,\"count\":1}");
    CHECK_INT(count_brands(dbc, &rc, &st), cJSON_GetArraySize(brands));
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(bct_sb_api_request_count(&sb), 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    bct_sb_clear_requests(&sb);
    bct_sb_fault(&sb, "{\"status\":503,\"retry_after_seconds\":3600,\"count\":1}");
    count_brands(dbc, &rc, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "08S01");
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "the service is degraded") != NULL, "message: %s", msg);
    CHECK_INT(bct_sb_api_request_count(&sb), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    cJSON_Delete(brands);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "10", "--orders", "3", "--customers", "3", NULL};
    const char *slow_opts[] = {"--products", "1000",         "--orders", "3", "--customers",
                               "3",          "--latency-ms", "150",      NULL};
    const char *sluggish_opts[] = {"--products", "3", "--latency-ms", "2500", NULL};
    const char *big_opts[] = {"--products", "60", "--orders", "60", "--customers", "20", NULL};
    if (!bct_sandbox_start(&sb, opts) || !bct_sandbox_start(&slow, slow_opts) ||
        !bct_sandbox_start(&sluggish, sluggish_opts) || !bct_sandbox_start(&big, big_opts)) {
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
        BCT_TEST(malformed_response_once_is_retried),
        BCT_TEST(malformed_response_every_time_is_08s01),
        BCT_TEST(rate_limit_429_is_waited_out),
        BCT_TEST(service_degraded_503_is_honoured),
        BCT_TEST(doubles_beyond_int64_compare_without_overflow),
        BCT_TEST(impossible_datetime_literals_are_22007),
        BCT_TEST(bind_parameter_with_unknown_sql_type_is_hy004),
        BCT_TEST(bind_col_past_the_last_column_is_07009),
        BCT_TEST(line_breaks_in_header_values_are_refused),
        BCT_TEST(insecure_http_and_userinfo),
        BCT_TEST(baselines_without_faults),
        BCT_TEST(join_with_nul_bodies_is_exact),
        BCT_TEST(altered_page_once_is_read_again),
        BCT_TEST(altered_v2_page_once_is_read_again),
        BCT_TEST(page_that_stays_inconsistent_resumes_by_key),
        BCT_TEST(page_that_stays_inconsistent_fails_40001),
        BCT_TEST(transport_and_body_faults_at_20_percent_give_exact_rows),
        BCT_TEST(page_faults_at_20_percent_are_never_silent),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    bct_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    bct_sandbox_stop(&slow);
    bct_sandbox_stop(&sluggish);
    bct_sandbox_stop(&big);
    for (int i = 0; i < NQUERIES; i++)
        free(baseline[i]);
    return rc;
}
