/*
 * Writes through the driver manager with the ODBC calls a C application uses: arrays of
 * parameters (SQL_ATTR_PARAMSET_SIZE) sent in the API's batch form with a status per row,
 * SQL_NO_DATA for a searched UPDATE that changes nothing, and the transaction attributes.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;

/* Requests in the sandbox's log with this method whose path ends with suffix. */
static int count_requests(const char *method, const char *suffix)
{
    cJSON *log = bct_sb_requests(&sb), *r;
    int n = 0;
    size_t sl = strlen(suffix);

    cJSON_ArrayForEach(r, log)
    {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(r, "method");
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(r, "path");
        if (cJSON_IsString(m) && cJSON_IsString(p) && strcmp(m->valuestring, method) == 0 &&
            strlen(p->valuestring) >= sl &&
            strcmp(p->valuestring + strlen(p->valuestring) - sl, suffix) == 0)
            n++;
    }
    cJSON_Delete(log);
    return n;
}

static long scalar(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st = bct_exec(dbc, sql);
    char buf[64] = "";
    if (st == NULL)
        return -1;
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    bct_get_text(st, 1, buf, sizeof buf);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return strtol(buf, NULL, 10);
}

#define NROWS 12

static void parameter_array_insert_goes_out_in_batches_of_ten(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    char email[NROWS][40], first[NROWS][16], last[NROWS][16];
    SQLLEN email_len[NROWS], first_len[NROWS], last_len[NROWS], count = -1;
    SQLUSMALLINT status[NROWS];
    SQLULEN processed = 0;

    if (st == NULL) {
        bct_disconnect(dbc);
        return;
    }
    for (int i = 0; i < NROWS; i++) {
        email_len[i] = snprintf(email[i], sizeof email[i], "array%02d@example.com", i);
        first_len[i] = snprintf(first[i], sizeof first[i], "First%d", i);
        last_len[i] = snprintf(last[i], sizeof last[i], "Last%d", i);
    }
    bct_sb_clear_requests(&sb);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)NROWS, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 40, 0, email, 40, email_len);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 16, 0, first, 16, first_len);
    SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 16, 0, last, 16, last_len);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"INSERT INTO Customers(email, first_name, last_name) "
                                      "VALUES (?, ?, ?)",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, NROWS);
    CHECK_INT(processed, NROWS);
    for (int i = 0; i < NROWS; i++)
        CHECK_INT(status[i], SQL_PARAM_SUCCESS);
    CHECK_INT(count_requests("POST", "/v3/customers"), 2); /* 10 + 2 */
    CHECK_INT(scalar(dbc, "SELECT count(*) FROM Customers WHERE email LIKE 'array%'"), NROWS);
    CHECK_INT(scalar(dbc, "SELECT count(*) FROM sys_lastresult WHERE status = 'written' AND "
                          "id IS NOT NULL"),
              NROWS);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc);
}

static void parameter_array_reports_the_row_the_api_refused(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    double price[3] = {5.5, -1, 7.25};
    SQLINTEGER id[3] = {1, 2, 3};
    SQLUSMALLINT status[3];
    SQLLEN count = -1, row = 0;
    SQLINTEGER n = 0;
    char state[6] = "", msg[512] = "";

    if (st == NULL) {
        bct_disconnect(dbc);
        return;
    }
    bct_sb_clear_requests(&sb);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, price, 0, NULL);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, id, 0, NULL);
    SQLRETURN rc =
        SQLExecDirect(st, (SQLCHAR *)"UPDATE Products SET price = ? WHERE id = ?", SQL_NTS);
    CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
    CHECK_INT(status[0], SQL_PARAM_SUCCESS);
    CHECK_INT(status[1], SQL_PARAM_ERROR);
    CHECK_INT(status[2], SQL_PARAM_SUCCESS);
    CHECK_INT(count_requests("PUT", "/v3/catalog/products"), 1); /* one batch, answered 207 */
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &n, 0, NULL);
    CHECK(n >= 1);
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &row, 0, NULL);
    CHECK_INT(row, 2);
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "Row 2 failed") && strstr(msg, "price"), "diagnostic: %s", msg);
    /* Read after the diagnostics: every call clears the statement's records. */
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, 2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    CHECK_INT(scalar(dbc, "SELECT CAST(price * 100 AS INTEGER) FROM Products WHERE id = 3"), 725);
    bct_disconnect(dbc);
}

static void searched_update_changing_nothing_returns_sql_no_data(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    SQLLEN count = -1;

    if (st == NULL) {
        bct_disconnect(dbc);
        return;
    }
    CHECK_INT(SQLExecDirect(st, (SQLCHAR *)"UPDATE Brands SET page_title = 'x' WHERE id = 987654",
                            SQL_NTS),
              SQL_NO_DATA);
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, 0);
    CHECK_OK(
        SQLExecDirect(st, (SQLCHAR *)"UPDATE Brands SET page_title = 'y' WHERE id = 1", SQL_NTS),
        SQL_HANDLE_STMT, st);
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc);
}

static void manual_commit_is_refused_with_01s02_and_rollback_after_a_write_fails(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLUINTEGER v = 0;
    char state[6] = "";

    if (dbc == NULL)
        return;
    CHECK_INT(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
              SQL_SUCCESS_WITH_INFO);
    bct_diag(SQL_HANDLE_DBC, dbc, state, NULL, 0);
    CHECK_STR(state, "01S02");
    CHECK_OK(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &v, 0, NULL), SQL_HANDLE_DBC, dbc);
    CHECK_INT(v, SQL_AUTOCOMMIT_ON);
    CHECK_OK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    SQLHSTMT st = bct_exec(dbc, "UPDATE Brands SET page_title = 'z' WHERE id = 2");
    if (st != NULL)
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc, "HYC00");
    CHECK_OK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    bct_disconnect(dbc);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products", "10", "--customers", "5", NULL};
    static const bct_test tests[] = {
        BCT_TEST(parameter_array_insert_goes_out_in_batches_of_ten),
        BCT_TEST(parameter_array_reports_the_row_the_api_refused),
        BCT_TEST(searched_update_changing_nothing_returns_sql_no_data),
        BCT_TEST(manual_commit_is_refused_with_01s02_and_rollback_after_a_write_fails),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, NULL, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
