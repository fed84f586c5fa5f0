/*
 * Write scenarios (21-23): INSERT of BENCH_WRITE_ROWS customers through an array of bound
 * parameters, UPDATE and DELETE of as many by `WHERE id IN (…)`, through the driver; the
 * baseline writes one row per request (POST, PUT, DELETE), as a client without batching does.
 *
 * Writes change the store, so every run brings its own rows: before() makes a fresh tag (the
 * emails of an INSERT) or creates the customers an UPDATE or DELETE works on, untimed, through
 * the API; after() reads the store back, untimed, and the rows and checksum it reports are
 * what the run left there, so the driver's effect is compared with the baseline's.
 */
#include "bench.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The customers of the current run: index i has last_name "i" and, once created, ids[i]. */
static struct {
    char tag[32];
    long ids[BENCH_WRITE_ROWS];
    int n;
} bench_run_rows;

static void bench_email(char *out, size_t cap, int i)
{
    snprintf(out, cap, "%sn%d@bench.example", bench_run_rows.tag, i);
}

bool bench_write_new_tag(const bench_sandbox *sb)
{
    static int runs;
    (void)sb;
    snprintf(bench_run_rows.tag, sizeof bench_run_rows.tag, "w%ldr%d", (long)getpid(), ++runs);
    bench_run_rows.n = 0;
    return true;
}

/* A JSON array of customers first..first+n-1 of this run, for POST /v3/customers. */
static char *bench_customers_body(int first, int n)
{
    cJSON *arr = cJSON_CreateArray();
    char email[96], last[16];
    for (int i = first; arr && i < first + n; i++) {
        cJSON *c = cJSON_CreateObject();
        bench_email(email, sizeof email, i);
        snprintf(last, sizeof last, "%d", i);
        if (!c || !cJSON_AddStringToObject(c, "email", email) ||
            !cJSON_AddStringToObject(c, "first_name", "Bench") ||
            !cJSON_AddStringToObject(c, "last_name", last)) {
            cJSON_Delete(c);
            cJSON_Delete(arr);
            return NULL;
        }
        cJSON_AddItemToArray(arr, c);
    }
    char *text = arr ? cJSON_PrintUnformatted(arr) : NULL;
    cJSON_Delete(arr);
    return text;
}

/* The created customers' ids, in order, from a POST's answer {"data": [...]}. */
static bool bench_take_ids(const cJSON *answer, int n)
{
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(answer, "data"), *c;
    int got = 0;
    cJSON_ArrayForEach(c, data)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "id");
        if (cJSON_IsNumber(id) && bench_run_rows.n < BENCH_WRITE_ROWS) {
            bench_run_rows.ids[bench_run_rows.n++] = (long)id->valuedouble;
            got++;
        }
    }
    return got == n;
}

bool bench_write_create_rows(const bench_sandbox *sb)
{
    bench_http *h = bench_http_new(sb);
    bool ok = h && bench_write_new_tag(sb);
    for (int i = 0; ok && i < BENCH_WRITE_ROWS; i += 10) {
        int n = BENCH_WRITE_ROWS - i < 10 ? BENCH_WRITE_ROWS - i : 10;
        char *body = bench_customers_body(i, n);
        cJSON *answer = NULL;
        ok = body && bench_http_send(h, "POST", "/v3/customers", body, &answer) == 200 &&
             bench_take_ids(answer, n);
        cJSON_Delete(answer);
        free(body);
    }
    bench_http_free(h);
    return ok;
}

/* "id1,id2,…" of the run's customers. */
static void bench_id_list(char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < bench_run_rows.n && len < cap; i++) {
        len += (size_t)snprintf(out + len, cap - len, "%s%ld", i ? "," : "", bench_run_rows.ids[i]);
    }
}

/* The run's customers as the store has them now: by email (after an INSERT) or by id. */
static cJSON *bench_read_back(const bench_sandbox *sb, bool by_email)
{
    char path[3072], list[2600] = "";
    size_t len = 0;
    cJSON *answer = NULL;
    bench_http *h = bench_http_new(sb);
    if (by_email) {
        for (int i = 0; i < BENCH_WRITE_ROWS && len < sizeof list; i++) {
            char email[96];
            bench_email(email, sizeof email, i);
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "," : "", email);
        }
    } else {
        bench_id_list(list, sizeof list);
    }
    snprintf(path, sizeof path, "/v3/customers?%s=%s&limit=250", by_email ? "email:in" : "id:in",
             list);
    if (!h || bench_http_get(h, path, &answer) != 200) {
        cJSON_Delete(answer);
        answer = NULL;
    }
    bench_http_free(h);
    return answer;
}

/* rows and checksum (sum of last_name) of the read-back customers whose first_name is want. */
static bool bench_count_named(const bench_sandbox *sb, bool by_email, const char *want,
                              bench_result *r)
{
    cJSON *answer = bench_read_back(sb, by_email);
    const cJSON *c;
    r->rows = 0;
    r->checksum = 0;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(answer, "data"))
    {
        const char *first = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "first_name"));
        const char *last = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "last_name"));
        if (first && last && strcmp(first, want) == 0) {
            r->rows++;
            r->checksum += atol(last);
        }
    }
    bool ok = answer != NULL;
    cJSON_Delete(answer);
    return ok;
}

bool bench_write_check_insert(const bench_sandbox *sb, bench_result *r)
{
    return bench_count_named(sb, true, "Bench", r);
}

bool bench_write_check_update(const bench_sandbox *sb, bench_result *r)
{
    return bench_count_named(sb, false, "Updated", r);
}

/* After a DELETE: rows = the run's customers gone, checksum = the sum of their numbers. */
bool bench_write_check_delete(const bench_sandbox *sb, bench_result *r)
{
    cJSON *answer = bench_read_back(sb, false);
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(answer, "data");
    r->rows = 0;
    r->checksum = 0;
    for (int i = 0; answer && i < bench_run_rows.n; i++) {
        bool present = false;
        const cJSON *c;
        cJSON_ArrayForEach(c, data)
        {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "id");
            present =
                present || (cJSON_IsNumber(id) && (long)id->valuedouble == bench_run_rows.ids[i]);
        }
        if (!present) {
            r->rows++;
            r->checksum += i;
        }
    }
    bool ok = answer != NULL;
    cJSON_Delete(answer);
    return ok;
}

/* ---- the driver: one statement each ------------------------------------------------------ */

static bool bench_stmt_fail(SQLHSTMT st, const char *what)
{
    SQLCHAR state[6] = "", msg[512] = "";
    SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg, NULL);
    fprintf(stderr, "bc-bench: %s: %s %s\n", what, (char *)state, (char *)msg);
    return false;
}

/* Runs sql (with the parameters already bound) and checks SQLRowCount. */
static bool bench_exec_count(SQLHSTMT st, const char *sql, SQLLEN want)
{
    SQLLEN count = -1;
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS))) {
        return bench_stmt_fail(st, sql);
    }
    SQLRowCount(st, &count);
    if (count != want) {
        fprintf(stderr, "bc-bench: %s changed %ld rows, not %ld\n", sql, (long)count, (long)want);
        return false;
    }
    return true;
}

bool bench_odbc_insert_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    static char email[BENCH_WRITE_ROWS][96], last[BENCH_WRITE_ROWS][16], first[BENCH_WRITE_ROWS][8];
    static SQLLEN ind[BENCH_WRITE_ROWS];
    SQLHSTMT st = SQL_NULL_HSTMT;
    (void)ids, (void)r;
    for (int i = 0; i < BENCH_WRITE_ROWS; i++) {
        bench_email(email[i], sizeof email[i], i);
        snprintf(last[i], sizeof last[i], "%d", i);
        snprintf(first[i], sizeof first[i], "Bench");
        ind[i] = SQL_NTS;
    }
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        return false;
    }
    bool ok = SQL_SUCCEEDED(
                  SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)BENCH_WRITE_ROWS, 0)) &&
              SQL_SUCCEEDED(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 95, 0,
                                             email, sizeof email[0], ind)) &&
              SQL_SUCCEEDED(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 7, 0,
                                             first, sizeof first[0], ind)) &&
              SQL_SUCCEEDED(SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 15, 0,
                                             last, sizeof last[0], ind));
    ok = ok ? bench_exec_count(st,
                               "INSERT INTO Customers(email, first_name, last_name) "
                               "VALUES (?, ?, ?)",
                               BENCH_WRITE_ROWS)
            : bench_stmt_fail(st, "SQLBindParameter");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return ok;
}

static bool bench_odbc_by_ids(SQLHDBC dbc, const char *head)
{
    char sql[3072], list[2600];
    SQLHSTMT st = SQL_NULL_HSTMT;
    bench_id_list(list, sizeof list);
    snprintf(sql, sizeof sql, "%s WHERE id IN (%s)", head, list);
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        return false;
    }
    bool ok = bench_exec_count(st, sql, bench_run_rows.n);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return ok;
}

bool bench_odbc_update_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids, (void)r;
    return bench_odbc_by_ids(dbc, "UPDATE Customers SET first_name = 'Updated'");
}

bool bench_odbc_delete_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids, (void)r;
    return bench_odbc_by_ids(dbc, "DELETE FROM Customers");
}

/* ---- the baseline: one request per row --------------------------------------------------- */

bool bench_naive_insert_customers(bench_http *h, const bench_ids *ids, bench_result *r)
{
    bool ok = true;
    (void)ids, (void)r;
    for (int i = 0; ok && i < BENCH_WRITE_ROWS; i++) {
        char *body = bench_customers_body(i, 1);
        cJSON *answer = NULL;
        ok = body && bench_http_send(h, "POST", "/v3/customers", body, &answer) == 200;
        cJSON_Delete(answer);
        free(body);
    }
    return ok;
}

bool bench_naive_update_customers(bench_http *h, const bench_ids *ids, bench_result *r)
{
    bool ok = true;
    (void)ids, (void)r;
    for (int i = 0; ok && i < bench_run_rows.n; i++) {
        char body[128];
        cJSON *answer = NULL;
        snprintf(body, sizeof body, "[{\"id\":%ld,\"first_name\":\"Updated\"}]",
                 bench_run_rows.ids[i]);
        ok = bench_http_send(h, "PUT", "/v3/customers", body, &answer) == 200;
        cJSON_Delete(answer);
    }
    return ok;
}

bool bench_naive_delete_customers(bench_http *h, const bench_ids *ids, bench_result *r)
{
    bool ok = true;
    (void)ids, (void)r;
    for (int i = 0; ok && i < bench_run_rows.n; i++) {
        char path[96];
        long status;
        snprintf(path, sizeof path, "/v3/customers?id:in=%ld", bench_run_rows.ids[i]);
        status = bench_http_send(h, "DELETE", path, NULL, NULL);
        ok = status == 204 || status == 200;
    }
    return ok;
}
