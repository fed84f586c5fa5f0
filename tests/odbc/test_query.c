/*
 * Queries through the ANSI entry points: prepare/describe without a request, parameters,
 * bound columns (row-wise and column-wise arrays), chunked SQLGetData, the join, pushdown of
 * id = 5, statement attributes and the statement-level error states.
 */
#include "harness.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPRODUCTS 25

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

static cJSON *find_by_id(cJSON *arr, long id)
{
    cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        if ((long)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")) == id) {
            return it;
        }
    }
    return NULL;
}

static void prepare_describes_columns_before_any_request(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLPrepare(st,
                        (SQLCHAR *)"SELECT id, name, price, date_created, is_visible, weight "
                                   "FROM Products",
                        SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLSMALLINT ncols = 0;
    CHECK_OK(SQLNumResultCols(st, &ncols), SQL_HANDLE_STMT, st);
    CHECK_INT(ncols, 6);
    static const struct {
        const char *name;
        SQLSMALLINT type;
    } want[] = {{"id", SQL_INTEGER},     {"name", SQL_WVARCHAR},
                {"price", SQL_DECIMAL},  {"date_created", SQL_TYPE_TIMESTAMP},
                {"is_visible", SQL_BIT}, {"weight", SQL_DOUBLE}};
    for (SQLUSMALLINT i = 1; i <= 6; i++) {
        SQLCHAR name[64];
        SQLSMALLINT nlen, type, digits, nullable;
        SQLULEN size;
        CHECK_OK(SQLDescribeCol(st, i, name, sizeof name, &nlen, &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, st);
        CHECK_STR(name, want[i - 1].name);
        CHECK_INT(nlen, strlen(want[i - 1].name));
        CHECK_INT(type, want[i - 1].type);
        if (type == SQL_DECIMAL) {
            CHECK_INT(size, 20);
            CHECK_INT(digits, 4);
        }
        if (type == SQL_WVARCHAR) {
            CHECK_INT(size, 250);
        }
    }
    SQLLEN num = 0;
    CHECK_OK(SQLColAttribute(st, 1, SQL_DESC_NULLABLE, NULL, 0, NULL, &num), SQL_HANDLE_STMT, st);
    CHECK_INT(num, SQL_NO_NULLS);
    char label[64] = "";
    SQLSMALLINT llen = 0;
    CHECK_OK(SQLColAttribute(st, 2, SQL_DESC_LABEL, label, sizeof label, &llen, NULL),
             SQL_HANDLE_STMT, st);
    CHECK_STR(label, "name");
    CHECK_OK(SQLColAttribute(st, 2, SQL_DESC_CONCISE_TYPE, NULL, 0, NULL, &num), SQL_HANDLE_STMT,
             st);
    CHECK_INT(num, SQL_WVARCHAR);
    CHECK_OK(SQLColAttribute(st, 4, SQL_DESC_TYPE, NULL, 0, NULL, &num), SQL_HANDLE_STMT, st);
    CHECK_INT(num, SQL_DATETIME);
    CHECK_OK(SQLColAttribute(st, 1, SQL_DESC_UNSIGNED, NULL, 0, NULL, &num), SQL_HANDLE_STMT, st);
    CHECK_INT(num, SQL_FALSE);
    CHECK_INT(bct_sb_api_request_count(&sb), 0);
    /* executing it then makes the requests and returns every product */
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), NPRODUCTS);
    CHECK_MSG(bct_sb_api_request_count(&sb) >= 1, "execute made no request");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* "123.4500" -> 1234500 (units of 1/10000); the API's v2 money has four decimals. */
static long long money_units(const char *s)
{
    long long whole = 0, frac = 0;
    int digits = 0;
    bool neg = *s == '-';
    s += neg;
    for (; *s >= '0' && *s <= '9'; s++)
        whole = whole * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
            frac = frac * 10 + (*s - '0');
    for (; digits < 4; digits++)
        frac *= 10;
    return (neg ? -1 : 1) * (whole * 10000 + frac);
}

/* A sum of money is declared DECIMAL after SQLPrepare, before any request, and is the exact
 * decimal sum of the API's amounts. */
static void sum_of_money_is_decimal_and_exact(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLSMALLINT type = 0, digits = 0;
    SQLULEN size = 0;
    char got[64] = "", want[64];
    long long units = 0;
    cJSON *orders = bct_sb_get_all(&sb, "/v2/orders"), *o;

    cJSON_ArrayForEach(o, orders)
    {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "total_inc_tax");
        units += cJSON_IsString(t) ? money_units(t->valuestring) : 0;
    }
    cJSON_Delete(orders);
    snprintf(want, sizeof want, "%lld.%04lld", units / 10000, units % 10000);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT SUM(total_inc_tax) AS total FROM Orders", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLDescribeCol(st, 1, NULL, 0, NULL, &type, &size, &digits, NULL), SQL_HANDLE_STMT,
             st);
    CHECK_INT(type, SQL_DECIMAL);
    CHECK_INT(digits, 4);
    CHECK_INT(bct_sb_api_request_count(&sb), 0);
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL), SQL_HANDLE_STMT, st);
    CHECK_STR(got, want);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void select_by_id_makes_exactly_one_request(void)
{
    bct_sb_clear_requests(&sb);
    SQLHSTMT st = bct_exec(dbc, "SELECT * FROM Products WHERE id = 5");
    if (!st) {
        return;
    }
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    cJSON *log = bct_sb_requests(&sb);
    CHECK_INT(cJSON_GetArraySize(log), 1);
    /* one id: the single-object path, not a list filtered by id */
    const char *p = cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(log, 0), "path"));
    CHECK_MSG(p && strstr(p, "/v3/catalog/products/5"), "path: %s", p ? p : "(none)");
    cJSON_Delete(log);
}

static void bound_parameter_selects_that_row(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT id, name FROM Products WHERE id = ?", SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLSMALLINT np = 0;
    CHECK_OK(SQLNumParams(st, &np), SQL_HANDLE_STMT, st);
    CHECK_INT(np, 1);
    SQLINTEGER id = 7;
    SQLLEN ind = 0;
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind),
             SQL_HANDLE_STMT, st);
    cJSON *products = bct_sb_get_all(&sb, "/v3/catalog/products");
    for (id = 7; id <= 9; id++) {
        CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
        CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
        char buf[1024];
        bct_get_text(st, 1, buf, sizeof buf);
        CHECK_INT(atoi(buf), id);
        bct_get_text(st, 2, buf, sizeof buf);
        CHECK_STR(buf, bct_json_text(find_by_id(products, id), "name"));
        CHECK_INT(SQLFetch(st), SQL_NO_DATA);
        CHECK_OK(SQLCloseCursor(st), SQL_HANDLE_STMT, st);
    }
    /* a text parameter compared by SQLite */
    const char *name = bct_json_text(find_by_id(products, 3), "name");
    SQLLEN nind = SQL_NTS;
    CHECK_OK(SQLFreeStmt(st, SQL_RESET_PARAMS), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT id FROM Products WHERE name = ?", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 250, 0,
                              (SQLPOINTER)name, 0, &nind),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    char buf[32];
    bct_get_text(st, 1, buf, sizeof buf);
    CHECK_INT(atoi(buf), 3);
    cJSON_Delete(products);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

typedef struct product_row {
    SQLINTEGER id;
    SQLLEN id_ind;
    SQLCHAR name[1024];
    SQLLEN name_ind;
} product_row;

static void bindcol_row_wise_fetches_arrays_with_status(void)
{
    enum { N = 10 };
    product_row rows[N];
    SQLUSMALLINT status[N];
    SQLULEN fetched = 0;
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(product_row), 0),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)N, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, st);
    SQLULEN got = 0;
    CHECK_OK(SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &got, 0, NULL), SQL_HANDLE_STMT, st);
    CHECK_INT(got, N);
    CHECK_OK(SQLBindCol(st, 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 2, SQL_C_CHAR, rows[0].name, sizeof rows[0].name, &rows[0].name_ind),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM Products ORDER BY id", SQL_NTS),
             SQL_HANDLE_STMT, st);
    cJSON *products = bct_sb_get_all(&sb, "/v3/catalog/products");
    long total = 0, expect_id = 1;
    SQLRETURN rc;
    const SQLULEN sizes[] = {10, 10, 5};
    for (int batch = 0; SQL_SUCCEEDED(rc = SQLFetch(st)); batch++) {
        CHECK_INT(fetched, batch < 3 ? sizes[batch] : 0);
        for (SQLULEN r = 0; r < fetched; r++, expect_id++) {
            CHECK_INT(status[r], SQL_ROW_SUCCESS);
            CHECK_INT(rows[r].id, expect_id);
            CHECK_INT(rows[r].name_ind, strlen((char *)rows[r].name));
            CHECK_STR(rows[r].name, bct_json_text(find_by_id(products, expect_id), "name"));
        }
        for (SQLULEN r = fetched; r < N; r++) {
            CHECK_INT(status[r], SQL_ROW_NOROW);
        }
        total += (long)fetched;
    }
    CHECK_INT(rc, SQL_NO_DATA);
    CHECK_INT(total, NPRODUCTS);
    cJSON_Delete(products);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void bindcol_column_wise_fetches_arrays(void)
{
    enum { N = 7 };
    SQLINTEGER ids[N];
    SQLLEN id_ind[N], price_ind[N];
    SQLDOUBLE prices[N];
    SQLULEN fetched = 0;
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, SQL_BIND_BY_COLUMN, 0), SQL_HANDLE_STMT,
             st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)N, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 1, SQL_C_SLONG, ids, 0, id_ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 2, SQL_C_DOUBLE, prices, 0, price_ind), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, price FROM Products ORDER BY id", SQL_NTS),
             SQL_HANDLE_STMT, st);
    cJSON *products = bct_sb_get_all(&sb, "/v3/catalog/products");
    long total = 0;
    while (SQL_SUCCEEDED(SQLFetchScroll(st, SQL_FETCH_NEXT, 0))) {
        for (SQLULEN r = 0; r < fetched; r++) {
            cJSON *p = find_by_id(products, ids[r]);
            CHECK_MSG(p != NULL, "id %d not in the sandbox", (int)ids[r]);
            double want = cJSON_GetNumberValue(cJSON_GetObjectItem(p, "price"));
            CHECK_MSG(prices[r] > want - 0.00005 && prices[r] < want + 0.00005,
                      "price of %d: %f != %f", (int)ids[r], prices[r], want);
            CHECK_INT(id_ind[r], sizeof(SQLINTEGER));
        }
        total += (long)fetched;
    }
    CHECK_INT(total, NPRODUCTS);
    /* forward-only: scrolling back is refused */
    SQLRETURN rc = SQLFetchScroll(st, SQL_FETCH_PRIOR, 0);
    CHECK_INT(rc, SQL_ERROR);
    cJSON_Delete(products);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ODBC: "If the data was truncated, SQLGetData returns SQL_SUCCESS_WITH_INFO and SQLSTATE
 * 01004 ... StrLen_or_IndPtr is the length of the data remaining before this call" (or
 * SQL_NO_TOTAL). The pieces reassembled must equal what the sandbox returns. */
static void getdata_char_chunks_100k_description_with_01004(void)
{
    cJSON *one = bct_sb_get(&sb, "/v3/catalog/products?id:in=2");
    const char *want = cJSON_GetStringValue(cJSON_GetObjectItem(
        cJSON_GetArrayItem(cJSON_GetObjectItem(one, "data"), 0), "description"));
    if (!want) {
        bct_fail(__FILE__, __LINE__, "the sandbox has no description for product 2");
        cJSON_Delete(one);
        return;
    }
    size_t wantlen = strlen(want);
    CHECK_MSG(wantlen >= 100000, "description of product 2 has %zu bytes", wantlen);
    SQLHSTMT st = bct_exec(dbc, "SELECT description FROM Products WHERE id = 2");
    if (!st || !CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st)) {
        cJSON_Delete(one);
        return;
    }
    char *got = malloc(wantlen + 1);
    size_t off = 0;
    char chunk[4096];
    SQLLEN ind;
    SQLRETURN rc;
    int chunks = 0;
    while ((rc = SQLGetData(st, 1, SQL_C_CHAR, chunk, sizeof chunk, &ind)) != SQL_NO_DATA) {
        if (!CHECK_OK(rc, SQL_HANDLE_STMT, st)) {
            break;
        }
        chunks++;
        size_t remaining = wantlen - off;
        if (ind != SQL_NO_TOTAL) {
            CHECK_INT(ind, remaining);
        }
        /* a driver may stop short of the buffer's end rather than split a UTF-8 sequence */
        size_t piece = strlen(chunk);
        if (remaining >= sizeof chunk) {
            CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
            CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01004"));
            CHECK_MSG(piece + 4 >= sizeof chunk, "short chunk of %zu bytes", piece);
        } else {
            CHECK_INT(rc, SQL_SUCCESS);
            CHECK_INT(piece, remaining);
        }
        if (off + piece > wantlen) {
            bct_fail(__FILE__, __LINE__, "more data than the sandbox sent");
            break;
        }
        memcpy(got + off, chunk, piece);
        off += piece;
        if (chunks > 1000) {
            break;
        }
    }
    got[off] = '\0';
    CHECK_INT(off, wantlen);
    CHECK_MSG(strcmp(got, want) == 0, "reassembled description differs from the sandbox's");
    CHECK_MSG(chunks >= (int)(wantlen / sizeof chunk), "only %d chunks", chunks);
    free(got);
    cJSON_Delete(one);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void join_of_orders_customers_items_matches_sandbox(void)
{
    cJSON *orders = bct_sb_get_all(&sb, "/v2/orders");
    cJSON *customers = bct_sb_get_all(&sb, "/v3/customers");
    /* expectation: per order with a known customer, (order id, email, item count, quantity) */
    long exp_rows = 0, exp_qty = 0, exp_orders = 0;
    cJSON *o;
    cJSON_ArrayForEach(o, orders)
    {
        long oid = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "id"));
        long cid = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "customer_id"));
        if (!find_by_id(customers, cid)) {
            continue;
        }
        char path[128];
        snprintf(path, sizeof path, "/v2/orders/%ld/products", oid);
        cJSON *items = bct_sb_get_all(&sb, path);
        cJSON *it;
        cJSON_ArrayForEach(it, items)
        {
            exp_rows++;
            exp_qty += (long)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "quantity"));
        }
        exp_orders += cJSON_GetArraySize(items) > 0;
        cJSON_Delete(items);
    }
    CHECK_MSG(exp_rows > 0, "sandbox data has no order items of registered customers");
    SQLHSTMT st = bct_exec(dbc, "SELECT o.id, c.email, i.quantity, o.customer_id, c.id "
                                "FROM Orders o JOIN Customers c ON c.id = o.customer_id "
                                "JOIN OrderItems i ON i.order_id = o.id ORDER BY o.id, i.id");
    if (!st) {
        goto out;
    }
    long rows = 0, qty = 0, distinct_orders = 0, last_order = -1;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        char buf[512];
        rows++;
        bct_get_text(st, 1, buf, sizeof buf);
        long oid = atol(buf);
        distinct_orders += oid != last_order;
        last_order = oid;
        char email[512];
        bool has_email = bct_get_text(st, 2, email, sizeof email);
        bct_get_text(st, 3, buf, sizeof buf);
        long q = atol(buf);
        bct_get_text(st, 4, buf, sizeof buf);
        cJSON *c = find_by_id(customers, atol(buf));
        CHECK(has_email);
        CHECK_STR(email, bct_json_text(c, "email"));
        bct_get_text(st, 5, buf, sizeof buf);
        CHECK_INT(atol(buf), (long)cJSON_GetNumberValue(cJSON_GetObjectItem(c, "id")));
        qty += q;
    }
    CHECK_INT(rows, exp_rows);
    CHECK_INT(qty, exp_qty);
    CHECK_INT(distinct_orders, exp_orders);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* the same through GROUP BY */
    st = bct_exec(dbc, "SELECT COUNT(DISTINCT o.id), SUM(i.quantity) FROM Orders o "
                       "JOIN Customers c ON c.id = o.customer_id "
                       "JOIN OrderItems i ON i.order_id = o.id");
    if (st && CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st)) {
        SQLINTEGER n = 0, sum = 0;
        SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL);
        SQLGetData(st, 2, SQL_C_SLONG, &sum, 0, NULL);
        CHECK_INT(n, exp_orders);
        CHECK_INT(sum, exp_qty);
    }
    if (st) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
out:
    cJSON_Delete(orders);
    cJSON_Delete(customers);
}

static void order_items_by_order_id_make_one_request(void)
{
    cJSON *orders = bct_sb_get_all(&sb, "/v2/orders");
    long oid = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(orders, 0), "id"));
    char path[128], sql[128];
    snprintf(path, sizeof path, "/v2/orders/%ld/products", oid);
    cJSON *items = bct_sb_get_all(&sb, path);
    bct_sb_clear_requests(&sb);
    snprintf(sql, sizeof sql, "SELECT id FROM OrderItems WHERE order_id = %ld", oid);
    SQLHSTMT st = bct_exec(dbc, sql);
    if (st) {
        CHECK_INT(bct_count_rows(st), cJSON_GetArraySize(items));
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        CHECK_INT(bct_sb_api_request_count(&sb), 1);
    }
    cJSON_Delete(items);
    cJSON_Delete(orders);
}

static void unknown_table_gives_42s02_and_bad_sql_42000(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM NoSuchTable", SQL_NTS), SQL_HANDLE_STMT,
                st, "42S02");
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "NoSuchTable") != NULL, "message: %s", msg);
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"SELEKT id FROM Products", SQL_NTS), SQL_HANDLE_STMT,
                st, "42000");
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"SELECT nosuchcolumn FROM Products", SQL_NTS),
                SQL_HANDLE_STMT, st, "42S22");
    CHECK_STATE(SQLPrepare(st, (SQLCHAR *)"SELECT * FROM NoSuchTable", SQL_NTS), SQL_HANDLE_STMT,
                st, "42S02");
    /* diagnostics through SQLGetDiagField */
    SQLINTEGER count = 0;
    CHECK_OK(SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &count, 0, NULL),
             SQL_HANDLE_STMT, st);
    CHECK_MSG(count >= 1, "SQL_DIAG_NUMBER %d", (int)count);
    char sqlstate[6] = "";
    SQLSMALLINT len = 0;
    CHECK_OK(
        SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, sqlstate, sizeof sqlstate, &len),
        SQL_HANDLE_STMT, st);
    CHECK_STR(sqlstate, "42S02");
    char text[1024] = "";
    CHECK_OK(
        SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_MESSAGE_TEXT, text, sizeof text, &len),
        SQL_HANDLE_STMT, st);
    CHECK_MSG(strncmp(text, "[BigCommerce][ODBC]", 19) == 0 || strstr(text, "[BigCommerce][ODBC]"),
              "message text: %s", text);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void statement_lifecycle_functions(void)
{
    SQLHSTMT st = bct_exec(dbc, "SELECT id FROM Brands");
    if (!st) {
        return;
    }
    SQLLEN count = -2;
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_MSG(count >= -1, "row count %ld", (long)count);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLCloseCursor(st), SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLCloseCursor(st), SQL_HANDLE_STMT, st, "24000");
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Brands", SQL_NTS), SQL_HANDLE_STMT, st);
    bct_count_rows(st);
    CHECK_INT(SQLMoreResults(st), SQL_NO_DATA);
    CHECK_OK(SQLFreeStmt(st, SQL_CLOSE), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFreeStmt(st, SQL_UNBIND), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFreeStmt(st, SQL_RESET_PARAMS), SQL_HANDLE_STMT, st);
    /* a statement without a result: SQLNumResultCols answers 0 */
    SQLCHAR native[256] = "";
    SQLINTEGER nlen = 0;
    CHECK_OK(SQLNativeSql(dbc, (SQLCHAR *)"SELECT id FROM Brands", SQL_NTS, native, sizeof native,
                          &nlen),
             SQL_HANDLE_DBC, dbc);
    CHECK_STR(native, "SELECT id FROM Brands");
    CHECK_INT(nlen, strlen("SELECT id FROM Brands"));
    CHECK_OK(SQLNativeSql(dbc, (SQLCHAR *)"SELECT {fn UCASE(name)} FROM Brands", SQL_NTS, native,
                          sizeof native, &nlen),
             SQL_HANDLE_DBC, dbc);
    CHECK_MSG(strstr((char *)native, "{fn") == NULL, "escape not translated: %s", native);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* the translated escape runs */
    st = bct_exec(dbc, "SELECT {fn UCASE(name)} FROM Brands WHERE id = 1");
    if (st) {
        CHECK_INT(bct_count_rows(st), 1);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

static void max_rows_and_query_timeout_attributes(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)3, 0), SQL_HANDLE_STMT, st);
    SQLULEN v = 0;
    CHECK_OK(SQLGetStmtAttr(st, SQL_ATTR_MAX_ROWS, &v, 0, NULL), SQL_HANDLE_STMT, st);
    CHECK_INT(v, 3);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Products", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), 3);
    CHECK_OK(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)12, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLGetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, &v, 0, NULL), SQL_HANDLE_STMT, st);
    CHECK_INT(v, 12);
    CHECK_OK(SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL), SQL_HANDLE_STMT, st);
    CHECK_INT(v, SQL_CURSOR_FORWARD_ONLY);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* MaxRows as a connection property caps every query too */
    SQLHDBC capped = bct_connect(env, &sb, "MaxRows=4");
    st = capped ? bct_exec(capped, "SELECT id FROM Products") : NULL;
    if (st) {
        CHECK_INT(bct_count_rows(st), 4);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    bct_disconnect(capped);
}

static void small_page_size_still_returns_every_row(void)
{
    SQLHDBC small = bct_connect(env, &sb, "Pagesize=4");
    bct_sb_clear_requests(&sb);
    SQLHSTMT st = small ? bct_exec(small, "SELECT id FROM Products") : NULL;
    if (st) {
        CHECK_INT(bct_count_rows(st), NPRODUCTS);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        CHECK_INT(bct_sb_api_request_count(&sb), (NPRODUCTS + 3) / 4);
    }
    bct_disconnect(small);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products",  "25", "--orders", "15",
                                       "--customers", "6",  NULL};
    static const bct_test tests[] = {
        BCT_TEST(prepare_describes_columns_before_any_request),
        BCT_TEST(sum_of_money_is_decimal_and_exact),
        BCT_TEST(select_by_id_makes_exactly_one_request),
        BCT_TEST(bound_parameter_selects_that_row),
        BCT_TEST(bindcol_row_wise_fetches_arrays_with_status),
        BCT_TEST(bindcol_column_wise_fetches_arrays),
        BCT_TEST(getdata_char_chunks_100k_description_with_01004),
        BCT_TEST(join_of_orders_customers_items_matches_sandbox),
        BCT_TEST(order_items_by_order_id_make_one_request),
        BCT_TEST(unknown_table_gives_42s02_and_bad_sql_42000),
        BCT_TEST(statement_lifecycle_functions),
        BCT_TEST(max_rows_and_query_timeout_attributes),
        BCT_TEST(small_page_size_still_returns_every_row),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, &dbc, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
