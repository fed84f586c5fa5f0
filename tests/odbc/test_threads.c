/*
 * Thread safety across connections: 8 threads, each on its own connection (two of them with
 * two statements open at once), run scans, id lookups, a parameterised lookup, a join and
 * catalog functions concurrently against one sandbox with latency, and every result must
 * equal the one computed single-threaded first. Meanwhile a ninth thread cancels a slow query
 * of a tenth (HY008). Run it under -fsanitize=thread (BC_TSAN) to see races as well as wrong
 * results.
 *
 * The harness's checks are not thread-safe, so the worker threads record their first failure
 * in their own slot and the main thread reports it.
 */
#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NTHREADS 8
#define NROUNDS 3

static bct_sandbox sb;
static SQLHENV env;
static char connstr[2048];

/* ---- results as text ------------------------------------------------------------------- */

typedef struct text {
    char *s;
    size_t len, cap;
    bool oom;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->oom)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *ns = realloc(t->s, cap);
        if (ns == NULL) {
            t->oom = true;
            return;
        }
        t->s = ns;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

/* Every row of the open result of st as "v1|v2|...\n", NULL as "<null>"; long values are
 * read in chunks. Returns false (with why) on an ODBC failure. */
static bool result_text(SQLHSTMT st, text *out, char *why, size_t whylen)
{
    SQLSMALLINT ncols = 0;
    if (!SQL_SUCCEEDED(SQLNumResultCols(st, &ncols))) {
        snprintf(why, whylen, "SQLNumResultCols failed");
        return false;
    }
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        for (SQLUSMALLINT c = 1; c <= ncols; c++) {
            char buf[256];
            SQLLEN ind = 0;
            while ((rc = SQLGetData(st, c, SQL_C_CHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA) {
                if (!SQL_SUCCEEDED(rc)) {
                    bct_diag(SQL_HANDLE_STMT, st, (char[6]){0}, why, whylen);
                    return false;
                }
                if (ind == SQL_NULL_DATA) {
                    text_add(out, "<null>", 6);
                    break;
                }
                text_add(out, buf, strlen(buf));
                if (rc == SQL_SUCCESS)
                    break;
            }
            text_add(out, c == ncols ? "\n" : "|", 1);
        }
    }
    if (rc != SQL_NO_DATA) {
        char state[6] = "";
        bct_diag(SQL_HANDLE_STMT, st, state, why, whylen);
        return false;
    }
    SQLFreeStmt(st, SQL_CLOSE);
    return !out->oom;
}

/* ---- the workload ---------------------------------------------------------------------- */

enum { Q_SQL, Q_PARAM, Q_TABLES, Q_COLUMNS, Q_PKEYS };

typedef struct query {
    int kind;
    const char *arg; /* SQL, or the table (pattern) of a catalog function */
    long param;      /* Q_PARAM: the integer bound to the one '?' */
} query;

static const query queries[] = {
    {Q_SQL, "SELECT id, name, price, date_created FROM Products ORDER BY id", 0},
    {Q_SQL, "SELECT id, name, sku FROM Products WHERE id = 7", 0},
    {Q_SQL, "SELECT id, email, first_name FROM Customers WHERE id IN (2, 3, 11)", 0},
    {Q_PARAM, "SELECT id, first_name, last_name FROM Customers WHERE id = ?", 5},
    {Q_PARAM, "SELECT id, status, total_inc_tax FROM Orders WHERE id = ?", 104},
    {Q_SQL,
     "SELECT o.id, i.product_id, i.quantity, p.name FROM Orders o "
     "JOIN OrderItems i ON i.order_id = o.id JOIN Products p ON p.id = i.product_id "
     "WHERE o.id IN (101, 102, 103) ORDER BY 1, 2, 3",
     0},
    {Q_SQL, "SELECT COUNT(*), MIN(name), MAX(id) FROM Brands", 0},
    {Q_TABLES, "Order%", 0},
    {Q_COLUMNS, "Products", 0},
    {Q_PKEYS, "OrderItems", 0},
};
#define NQUERIES ((int)(sizeof queries / sizeof queries[0]))

static SQLRETURN start_query(SQLHSTMT st, const query *q, SQLLEN *ind)
{
    switch (q->kind) {
    case Q_PARAM: {
        SQLRETURN rc = SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                                        (SQLPOINTER)&q->param, 0, ind);
        return SQL_SUCCEEDED(rc) ? SQLExecDirect(st, (SQLCHAR *)q->arg, SQL_NTS) : rc;
    }
    case Q_TABLES:
        return SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)q->arg, SQL_NTS, NULL, 0);
    case Q_COLUMNS:
        return SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)q->arg, SQL_NTS, NULL, 0);
    case Q_PKEYS:
        return SQLPrimaryKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)q->arg, SQL_NTS);
    default:
        return SQLExecDirect(st, (SQLCHAR *)q->arg, SQL_NTS);
    }
}

/* Runs query q on st to completion into out; false with why on failure. */
static bool run_query(SQLHSTMT st, const query *q, text *out, char *why, size_t whylen)
{
    SQLLEN ind = 0;
    SQLRETURN rc = start_query(st, q, &ind);
    if (!SQL_SUCCEEDED(rc)) {
        char state[6] = "";
        char msg[512] = "";
        bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
        snprintf(why, whylen, "%s: %s %s", q->arg, state, msg);
        return false;
    }
    bool ok = result_text(st, out, why, whylen);
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    return ok;
}

static char *expected[NQUERIES];

/* ---- the threads ----------------------------------------------------------------------- */

typedef struct worker {
    int id;
    bool two_statements;
    int done;       /* queries completed and compared */
    char fail[768]; /* first failure, "" when none */
} worker;

static void worker_fail(worker *w, const char *what, int qi, const char *why)
{
    if (w->fail[0] == '\0')
        snprintf(w->fail, sizeof w->fail, "thread %d, %s, query %d: %.600s", w->id, what, qi, why);
}

static void check_query(worker *w, SQLHSTMT st, int qi)
{
    text t = {0};
    char why[600] = "";
    if (!run_query(st, &queries[qi], &t, why, sizeof why))
        worker_fail(w, "failed", qi, why);
    else if (t.s == NULL || strcmp(t.s, expected[qi]) != 0)
        worker_fail(w, "differs from the single-threaded result", qi, t.s ? t.s : "(empty)");
    else
        w->done++;
    free(t.s);
}

/* Two statements of one connection interleaved: the first's cursor stays open, half read,
 * while the second runs a whole query; then the first is read to the end. */
static void check_interleaved(worker *w, SQLHSTMT a, SQLHSTMT b, int qa, int qb)
{
    SQLLEN ind = 0;
    if (!SQL_SUCCEEDED(start_query(a, &queries[qa], &ind))) {
        worker_fail(w, "interleaved start failed", qa, "");
        return;
    }
    char buf[64];
    SQLRETURN rc = SQLFetch(a);
    if (SQL_SUCCEEDED(rc))
        rc = SQLGetData(a, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    check_query(w, b, qb);
    /* The rest of a: skip the row already read by comparing a suffix of the expected text. */
    text t = {0};
    char why[600] = "";
    if (!SQL_SUCCEEDED(rc) || !result_text(a, &t, why, sizeof why)) {
        worker_fail(w, "interleaved fetch failed", qa, why);
    } else {
        const char *exp = strchr(expected[qa], '\n');
        exp = exp ? exp + 1 : "";
        if (strcmp(t.s ? t.s : "", exp) != 0)
            worker_fail(w, "interleaved rest differs", qa, t.s ? t.s : "(empty)");
        else
            w->done++;
    }
    free(t.s);
    SQLFreeStmt(a, SQL_RESET_PARAMS);
}

static void *worker_main(void *p)
{
    worker *w = p;
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHSTMT st[2] = {SQL_NULL_HSTMT, SQL_NULL_HSTMT};

    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)) ||
        !SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, NULL, 0, NULL,
                                        SQL_DRIVER_NOPROMPT)) ||
        !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st[0])) ||
        (w->two_statements && !SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st[1])))) {
        worker_fail(w, "connect failed", -1, "");
        goto done;
    }
    for (int round = 0; round < NROUNDS; round++) {
        for (int k = 0; k < NQUERIES; k++) {
            /* Each thread walks the queries from its own starting point, so different
             * queries overlap in time. */
            int qi = (k + w->id + round) % NQUERIES;
            if (w->two_statements && k % 3 == 0)
                check_interleaved(w, st[0], st[1], 0, qi == 0 ? 1 : qi);
            else
                check_query(w, st[0], qi);
        }
    }
done:
    for (int i = 0; i < 2; i++)
        if (st[i] != SQL_NULL_HSTMT)
            SQLFreeHandle(SQL_HANDLE_STMT, st[i]);
    if (dbc != SQL_NULL_HDBC) {
        SQLDisconnect(dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
    return NULL;
}

/* The slow query and its canceller. The sandbox holds the next Categories request for 20 s
 * (an injected delay); the workers never read Categories, so only this query meets it. */
typedef struct cancel_pair {
    SQLHSTMT st;
    atomic_int query_done;
    SQLRETURN cancel_rc;
    SQLRETURN query_rc;
    char state[6];
    long long took_ms;
} cancel_pair;

static void *slow_query_main(void *p)
{
    cancel_pair *c = p;
    long long t0 = sandbox_now_ms();
    c->query_rc = SQLExecDirect(c->st, (SQLCHAR *)"SELECT COUNT(*) FROM Categories", SQL_NTS);
    if (SQL_SUCCEEDED(c->query_rc))
        c->query_rc = SQLFetch(c->st);
    c->took_ms = sandbox_now_ms() - t0;
    if (c->query_rc == SQL_ERROR)
        bct_diag(SQL_HANDLE_STMT, c->st, c->state, NULL, 0);
    atomic_store(&c->query_done, 1);
    return NULL;
}

/* A cancel reaches only a statement that is running, and how soon the query thread gets
 * there depends on the machine (under valgrind, seconds), so the canceller keeps asking
 * until the query has ended instead of guessing one moment. */
static void *canceller_main(void *p)
{
    cancel_pair *c = p;
    c->cancel_rc = SQL_SUCCESS;
    while (!atomic_load(&c->query_done)) {
        usleep(100 * 1000);
        SQLRETURN rc = SQLCancel(c->st);
        if (rc != SQL_SUCCESS)
            c->cancel_rc = rc;
    }
    return NULL;
}

/* ---- tests ----------------------------------------------------------------------------- */

static void single_threaded_results_are_computed(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, "Pagesize=10");
    SQLHSTMT st = bct_stmt(dbc);
    if (!st) {
        bct_disconnect(dbc);
        return;
    }
    for (int i = 0; i < NQUERIES; i++) {
        text t = {0};
        char why[600] = "";
        CHECK_MSG(run_query(st, &queries[i], &t, why, sizeof why), "query %d: %s", i, why);
        /* every query of the workload has rows, so an empty text is itself a failure */
        CHECK_MSG(t.s != NULL && t.len > 0, "query %d returned no rows", i);
        expected[i] = t.s ? t.s : strdup("");
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc);
}

static void eight_connections_in_threads_match_single_threaded_results(void)
{
    if (expected[0] == NULL)
        return; /* the first test failed */
    worker w[NTHREADS] = {0};
    pthread_t th[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        w[i].two_statements = i < 2;
        CHECK_INT(pthread_create(&th[i], NULL, worker_main, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < NTHREADS; i++) {
        CHECK_MSG(w[i].fail[0] == '\0', "%s", w[i].fail);
        CHECK_MSG(w[i].done >= NROUNDS * NQUERIES, "thread %d completed %d queries", i, w[i].done);
    }
}

static void cancel_during_concurrent_queries_gives_hy008(void)
{
    if (expected[0] == NULL)
        return;
    /* A 20 s hold on the next Categories request: a query that ends well before it was
     * interrupted mid-transfer, not answered. */
    CHECK(bct_sb_fault(&sb, "{\"delay_ms\":20000,\"count\":1,"
                            "\"path_contains\":\"/catalog/categories\"}"));
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    if (!st) {
        bct_disconnect(dbc);
        return;
    }
    worker w[NTHREADS / 2] = {0};
    pthread_t th[NTHREADS / 2 + 2];
    for (int i = 0; i < NTHREADS / 2; i++) {
        w[i].id = i + NTHREADS;
        CHECK_INT(pthread_create(&th[i], NULL, worker_main, &w[i]), 0);
    }
    cancel_pair c = {.st = st, .cancel_rc = -99, .query_rc = -99};
    CHECK_INT(pthread_create(&th[NTHREADS / 2], NULL, slow_query_main, &c), 0);
    CHECK_INT(pthread_create(&th[NTHREADS / 2 + 1], NULL, canceller_main, &c), 0);
    for (int i = 0; i < NTHREADS / 2 + 2; i++)
        pthread_join(th[i], NULL);
    CHECK_INT(c.cancel_rc, SQL_SUCCESS);
    CHECK_INT(c.query_rc, SQL_ERROR);
    CHECK_STR(c.state, "HY008");
    CHECK_MSG(c.took_ms < 15000, "cancel took effect after %lld ms", c.took_ms);
    for (int i = 0; i < NTHREADS / 2; i++)
        CHECK_MSG(w[i].fail[0] == '\0', "%s", w[i].fail);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    static const char *const extra[] = {"--latency-ms", "5",  "--products", "40", "--orders", "12",
                                        "--customers",  "30", NULL};
    if (!bct_sandbox_start(&sb, extra))
        return 1;
    /* Every connection logs at the highest level into one file, so that the process-wide
     * log is exercised by all the threads at once. */
    char extra_props[600];
    snprintf(extra_props, sizeof extra_props, "Pagesize=10;Verbosity=5;Logfile=%s/threads.log",
             bct_ini_dir());
    snprintf(connstr, sizeof connstr, "%s", bct_connstr(&sb, extra_props));
    env = bct_env();
    static const bct_test tests[] = {
        BCT_TEST(single_threaded_results_are_computed),
        BCT_TEST(eight_connections_in_threads_match_single_threaded_results),
        BCT_TEST(cancel_during_concurrent_queries_gives_hy008),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    for (int i = 0; i < NQUERIES; i++)
        free(expected[i]);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return rc;
}
