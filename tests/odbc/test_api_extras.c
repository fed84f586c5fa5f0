/*
 * ODBC API behaviour clients rely on: SQLDescribeParam typed from the column a marker is
 * compared with, SQLGetData inside a block cursor (SQL_GD_BLOCK, SQLSetPos to position),
 * and SQLBrowseConnect.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

typedef struct want_param {
    SQLSMALLINT type;
    SQLULEN size; /* 0: not checked */
} want_param;

static void check_params(const char *sql, const want_param *want, int n)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_HANDLE_STMT, st);
    SQLSMALLINT count = -1;
    CHECK_OK(SQLNumParams(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, n);
    for (int i = 0; i < n; i++) {
        SQLSMALLINT type = 0, digits = -1, nullable = -1;
        SQLULEN size = 0;
        CHECK_OK(SQLDescribeParam(st, (SQLUSMALLINT)(i + 1), &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, st);
        CHECK_MSG(type == want[i].type, "%s: parameter %d is type %d, want %d", sql, i + 1, type,
                  want[i].type);
        if (want[i].size != 0)
            CHECK_MSG(size == want[i].size, "%s: parameter %d has size %lu, want %lu", sql, i + 1,
                      (unsigned long)size, (unsigned long)want[i].size);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void describe_param_takes_the_compared_column_type(void)
{
    check_params("SELECT name FROM Brands WHERE id = ?", (want_param[]){{SQL_INTEGER, 10}}, 1);
    check_params("SELECT o.id FROM Orders o JOIN Customers c ON c.id = o.customer_id "
                 "WHERE ? < o.total_inc_tax AND c.email LIKE ? AND o.date_created BETWEEN ? AND ?",
                 (want_param[]){{SQL_DECIMAL, 20},
                                {SQL_WVARCHAR, 0},
                                {SQL_TYPE_TIMESTAMP, 19},
                                {SQL_TYPE_TIMESTAMP, 19}},
                 4);
    check_params("SELECT id FROM Products WHERE id NOT IN (?, ?) AND is_visible = ?",
                 (want_param[]){{SQL_INTEGER, 0}, {SQL_INTEGER, 0}, {SQL_BIT, 0}}, 3);
    /* Columns that INSERT and UPDATE fill (a TEMP table here). */
    SQLFreeHandle(SQL_HANDLE_STMT,
                  bct_exec(dbc, "CREATE TEMP TABLE dp_t (a INTEGER, b TEXT, d DATE)"));
    check_params("INSERT INTO dp_t (d, a) VALUES (?, ?)",
                 (want_param[]){{SQL_TYPE_DATE, 10}, {SQL_INTEGER, 10}}, 2);
    check_params("INSERT INTO dp_t VALUES (?, ?, ?)",
                 (want_param[]){{SQL_INTEGER, 0}, {SQL_WLONGVARCHAR, 0}, {SQL_TYPE_DATE, 0}}, 3);
    check_params("UPDATE dp_t SET b = ? WHERE a = ?",
                 (want_param[]){{SQL_WLONGVARCHAR, 0}, {SQL_INTEGER, 0}}, 2);
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "DROP TABLE dp_t"));
    /* Not compared with a column: the default. */
    check_params("SELECT ? + 1", (want_param[]){{SQL_WVARCHAR, 0}}, 1);
    /* A procedure's marker has the type of the input it fills. */
    check_params("{call GetOAuthAuthorizationURL(?, ?)}",
                 (want_param[]){{SQL_WVARCHAR, 0}, {SQL_WVARCHAR, 0}}, 2);
}

static void getdata_reads_any_row_of_a_block_cursor(void)
{
    SQLUINTEGER gd = 0;
    CHECK_OK(SQLGetInfo(dbc, SQL_GETDATA_EXTENSIONS, &gd, sizeof gd, NULL), SQL_HANDLE_DBC, dbc);
    CHECK(gd & SQL_GD_BLOCK);
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    SQLULEN fetched = 0;
    SQLINTEGER ids[3] = {0};
    SQLLEN id_ind[3];
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 1, SQL_C_SLONG, ids, 0, id_ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM Products ORDER BY id", SQL_NTS),
             SQL_HANDLE_STMT, st);
    cJSON *all = bct_sb_get_all(&sb, "/v3/catalog/products");
    int total = cJSON_GetArraySize(all), seen = 0;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        /* The first row is current after the fetch; then each row in turn, backwards. */
        SQLINTEGER first = 0;
        SQLLEN first_ind = 0;
        CHECK_OK(SQLGetData(st, 1, SQL_C_SLONG, &first, 0, &first_ind), SQL_HANDLE_STMT, st);
        CHECK_INT(first, ids[0]);
        for (SQLULEN r = fetched; r >= 1; r--) {
            CHECK_OK(SQLSetPos(st, (SQLSETPOSIROW)r, SQL_POSITION, SQL_LOCK_NO_CHANGE),
                     SQL_HANDLE_STMT, st);
            SQLINTEGER id = 0;
            SQLLEN ind = 0;
            char name[256] = "";
            CHECK_OK(SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind), SQL_HANDLE_STMT, st);
            CHECK_INT(id, ids[r - 1]);
            CHECK_OK(SQLGetData(st, 2, SQL_C_CHAR, name, sizeof name, &ind), SQL_HANDLE_STMT, st);
            cJSON *item = NULL, *it;
            cJSON_ArrayForEach(it, all)
            {
                if ((long)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")) == id)
                    item = it;
            }
            CHECK_MSG(item != NULL && strcmp(name, bct_json_text(item, "name")) == 0,
                      "row %lu: product %d has name \"%s\"", (unsigned long)r, id, name);
        }
        seen += (int)fetched;
        CHECK_STATE(SQLSetPos(st, fetched + 1, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT,
                    st, "HY107");
        /* a read-only cursor (the default concurrency) refuses a positioned write */
        CHECK_STATE(SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, st, "HY092");
    }
    CHECK_INT(rc, SQL_NO_DATA);
    CHECK_INT(seen, total);
    CHECK(total > 3);
    cJSON_Delete(all);
    /* With every column bound the rows are not kept: SQLGetData reads only the last row of
     * the rowset and says so for the others. */
    SQLCloseCursor(st);
    char names[3][256];
    SQLLEN name_ind[3];
    CHECK_OK(SQLBindCol(st, 2, SQL_C_CHAR, names, sizeof names[0], name_ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM Products ORDER BY id", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    CHECK_INT(fetched, 3);
    SQLINTEGER id = 0;
    SQLLEN ind = 0;
    CHECK_STATE(SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind), SQL_HANDLE_STMT, st, "HYC00");
    CHECK_OK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind), SQL_HANDLE_STMT, st);
    CHECK_INT(id, ids[2]);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void browse_connect_asks_for_the_store_then_the_token(void)
{
    SQLHDBC d = NULL;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &d), SQL_HANDLE_ENV, env);
    char in[512], out[1024] = "";
    SQLSMALLINT len = 0;
    snprintf(in, sizeof in, "DRIVER=BigCommerce;ApiBaseURL=%s;OAuthServerURL=%s", sb.url, sb.url);
    CHECK_INT(SQLBrowseConnect(d, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &len),
              SQL_NEED_DATA);
    CHECK_STR(out, "StoreId:Store hash=?");
    CHECK_INT(len, strlen(out));
    snprintf(in, sizeof in, "StoreId=%s", sb.store_hash);
    CHECK_INT(SQLBrowseConnect(d, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &len),
              SQL_NEED_DATA);
    CHECK_MSG(strncmp(out, "OAuthAccessToken:", 17) == 0 && strstr(out, "*OAuthClientId:"),
              "second request: %s", out);
    snprintf(in, sizeof in, "OAuthAccessToken=%s", sb.token);
    CHECK_OK(SQLBrowseConnect(d, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &len),
             SQL_HANDLE_DBC, d);
    CHECK_MSG(strstr(out, sb.store_hash) != NULL, "completed string: %s", out);
    SQLHSTMT st = bct_exec(d, "SELECT COUNT(*) FROM Brands");
    if (st) {
        CHECK_INT(SQLFetch(st), SQL_SUCCESS);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    SQLDisconnect(d);
    /* A wrong token fails the last step with the token error; a new browse starts over. */
    snprintf(in, sizeof in, "DRIVER=BigCommerce;ApiBaseURL=%s;StoreId=%s", sb.url, sb.store_hash);
    CHECK_INT(SQLBrowseConnect(d, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &len),
              SQL_NEED_DATA);
    CHECK_STATE(SQLBrowseConnect(d, (SQLCHAR *)"OAuthAccessToken=wrong", SQL_NTS, (SQLCHAR *)out,
                                 sizeof out, &len),
                SQL_HANDLE_DBC, d, "28000|08001");
    SQLFreeHandle(SQL_HANDLE_DBC, d);
}

static SQLINTEGER first_id(SQLHSTMT st, SQLRETURN rc)
{
    SQLINTEGER id = -1;
    SQLLEN ind;
    if (SQL_SUCCEEDED(rc))
        SQLGetData(st, 1, SQL_C_SLONG, &id, 0, &ind);
    return rc == SQL_NO_DATA ? 0 : id;
}

static void static_cursor_scrolls_in_every_direction(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    SQLUINTEGER attrs = 0;
    CHECK_OK(SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &attrs, sizeof attrs, NULL),
             SQL_HANDLE_DBC, dbc);
    CHECK(attrs & SQL_CA1_ABSOLUTE);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0),
             SQL_HANDLE_STMT, st);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Products ORDER BY id", SQL_NTS),
             SQL_HANDLE_STMT, st);
    cJSON *all = bct_sb_get_all(&sb, "/v3/catalog/products");
    int n = cJSON_GetArraySize(all);
    SQLINTEGER ids[64] = {0};
    for (int i = 0; i < n && i < 64; i++)
        ids[i] =
            (SQLINTEGER)cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(all, i), "id"));
    cJSON_Delete(all);
    bct_sb_clear_requests(&sb);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_LAST, 0)), ids[n - 1]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_PRIOR, 0)), ids[n - 2]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_FIRST, 0)), ids[0]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_PRIOR, 0)), 0); /* before the start */
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0)), ids[0]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 3)), ids[2]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_RELATIVE, 2)), ids[4]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, -1)), ids[n - 1]);
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_NEXT, 0)), 0); /* after the end */
    CHECK_INT(first_id(st, SQLFetchScroll(st, SQL_FETCH_PRIOR, 0)), ids[n - 1]);
    CHECK_INT(first_id(st, SQLFetch(st)), 0);
    /* Scrolling reads the kept rows: no new request. */
    CHECK_INT(bct_sb_api_request_count(&sb), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products",  "8", "--orders", "3",
                                       "--customers", "3", NULL};
    static const bct_test tests[] = {
        BCT_TEST(describe_param_takes_the_compared_column_type),
        BCT_TEST(getdata_reads_any_row_of_a_block_cursor),
        BCT_TEST(browse_connect_asks_for_the_store_then_the_token),
        BCT_TEST(static_cursor_scrolls_in_every_direction),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, &dbc, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
