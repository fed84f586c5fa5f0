/*
 * ODBC conformance points found by a generic ODBC test suite: SQLCancel reaches only its own
 * statement, SQLBindCol with only an indicator, binary and TIME descriptions, TEMP objects
 * in the catalog functions, descriptions before execution, and the SQLSTATEs of refusals.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

/* Fetch one row and return column 1 as a long (-1 when the fetch fails). */
static long fetch_long(SQLHSTMT st)
{
    SQLINTEGER v = -1;
    SQLLEN ind = 0;

    if (!SQL_SUCCEEDED(SQLFetch(st)))
        return -1;
    if (!SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind)))
        return -1;
    return v;
}

static void cancel_of_an_idle_statement_leaves_others_alone(void)
{
    SQLHSTMT open = bct_exec(dbc, "SELECT id FROM Brands ORDER BY id");
    SQLHSTMT idle = bct_stmt(dbc);
    if (!open || !idle)
        return;
    long first = fetch_long(open);
    CHECK(first > 0);
    /* Never executed, then with an open cursor of its own: neither call may touch `open`. */
    CHECK_INT(SQLCancel(idle), SQL_SUCCESS);
    long second = fetch_long(open);
    CHECK_MSG(second > first, "the other cursor's next fetch failed after SQLCancel");
    CHECK_OK(SQLExecDirect(idle, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_HANDLE_STMT, idle);
    CHECK_INT(fetch_long(idle), 1);
    /* unixODBC itself closes a cursor that SQLCancel finds idle, so only the other statement
     * is checked after this one. */
    CHECK_INT(SQLCancel(idle), SQL_SUCCESS);
    CHECK(fetch_long(open) > second);
    SQLFreeStmt(idle, SQL_CLOSE);
    CHECK_OK(SQLExecDirect(idle, (SQLCHAR *)"SELECT 2", SQL_NTS), SQL_HANDLE_STMT, idle);
    CHECK_INT(fetch_long(idle), 2);
    SQLFreeHandle(SQL_HANDLE_STMT, idle);
    SQLFreeHandle(SQL_HANDLE_STMT, open);
}

static void bindcol_with_only_an_indicator_still_writes_it(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    SQLLEN ind_text = 0, ind_null = 0, ind_int = 0;
    CHECK_OK(SQLBindCol(st, 1, SQL_C_CHAR, NULL, 0, &ind_text), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 2, SQL_C_CHAR, NULL, 0, &ind_null), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindCol(st, 3, SQL_C_SLONG, NULL, 0, &ind_int), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT 'hello', NULL, 42", SQL_NTS), SQL_HANDLE_STMT,
             st);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    CHECK_INT(ind_text, 5);
    CHECK_INT(ind_null, SQL_NULL_DATA);
    CHECK_INT(ind_int, sizeof(SQLINTEGER));
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Column 1's type and size as SQLDescribeCol reports them now. */
static void describe1(SQLHSTMT st, int col, SQLSMALLINT *type, SQLULEN *size)
{
    SQLCHAR name[64];
    SQLSMALLINT nlen, digits, nullable;
    *type = 0;
    *size = 0;
    CHECK_OK(SQLDescribeCol(st, (SQLUSMALLINT)col, name, sizeof name, &nlen, type, size, &digits,
                            &nullable),
             SQL_HANDLE_STMT, st);
}

static void binary_and_time_are_described_and_converted_as_such(void)
{
    SQLHSTMT st = bct_exec(dbc, "CREATE TEMP TABLE conf_bt (id INTEGER PRIMARY KEY, b BLOB, "
                                "vb VARBINARY(16), t TIME)");
    if (!st)
        return;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = bct_exec(dbc, "INSERT INTO conf_bt VALUES (1, x'00ff10', x'0102', '13:14:15')");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    st = bct_exec(dbc, "SELECT b, vb, t, x'0001', CAST('ab' AS BLOB) FROM conf_bt");
    if (!st)
        return;
    SQLSMALLINT type;
    SQLULEN size;
    describe1(st, 1, &type, &size);
    CHECK_INT(type, SQL_LONGVARBINARY);
    describe1(st, 2, &type, &size);
    CHECK_INT(type, SQL_VARBINARY);
    CHECK_INT(size, 16);
    describe1(st, 3, &type, &size);
    CHECK_INT(type, SQL_TYPE_TIME);
    CHECK_INT(size, 8);
    describe1(st, 4, &type, &size);
    CHECK_INT(type, SQL_VARBINARY);
    describe1(st, 5, &type, &size);
    CHECK_INT(type, SQL_VARBINARY);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    unsigned char bin[16];
    SQLLEN ind = 0;
    CHECK_OK(SQLGetData(st, 1, SQL_C_DEFAULT, bin, sizeof bin, &ind), SQL_HANDLE_STMT, st);
    CHECK_INT(ind, 3);
    CHECK(bin[0] == 0x00 && bin[1] == 0xff && bin[2] == 0x10);
    char hex[16];
    CHECK_OK(SQLGetData(st, 2, SQL_C_CHAR, hex, sizeof hex, &ind), SQL_HANDLE_STMT, st);
    CHECK_STR(hex, "0102");
    SQL_TIME_STRUCT tm = {0};
    CHECK_OK(SQLGetData(st, 3, SQL_C_DEFAULT, &tm, sizeof tm, &ind), SQL_HANDLE_STMT, st);
    CHECK(tm.hour == 13 && tm.minute == 14 && tm.second == 15);
    CHECK_OK(SQLGetData(st, 4, SQL_C_BINARY, bin, sizeof bin, &ind), SQL_HANDLE_STMT, st);
    CHECK_INT(ind, 2);
    CHECK(bin[0] == 0x00 && bin[1] == 0x01);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* SQLGetTypeInfo lists the types results can have. */
    st = bct_stmt(dbc);
    CHECK_OK(SQLGetTypeInfo(st, SQL_VARBINARY), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLGetTypeInfo(st, SQL_TYPE_TIME), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "DROP TABLE conf_bt"));
}

static void refusals_are_42000_and_expressions_have_no_base_column(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"ATTACH ':memory:' AS other", SQL_NTS),
                SQL_HANDLE_STMT, st, "42000");
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"CREATE TABLE conf_perm (a INTEGER)", SQL_NTS),
                SQL_HANDLE_STMT, st, "42000");
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"CREATE VIEW conf_pv AS SELECT 1", SQL_NTS),
                SQL_HANDLE_STMT, st, "42000");
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, id + 1 AS next, name FROM Brands", SQL_NTS),
             SQL_HANDLE_STMT, st);
    char buf[64];
    SQLSMALLINT len = -1;
    CHECK_OK(SQLColAttribute(st, 1, SQL_DESC_BASE_COLUMN_NAME, buf, sizeof buf, &len, NULL),
             SQL_HANDLE_STMT, st);
    CHECK_STR(buf, "id");
    CHECK_OK(SQLColAttribute(st, 2, SQL_DESC_BASE_COLUMN_NAME, buf, sizeof buf, &len, NULL),
             SQL_HANDLE_STMT, st);
    CHECK_STR(buf, "");
    CHECK_INT(len, 0);
    CHECK_OK(SQLColAttribute(st, 2, SQL_DESC_LABEL, buf, sizeof buf, &len, NULL), SQL_HANDLE_STMT,
             st);
    CHECK_STR(buf, "next");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static long count_catalog_rows(SQLHSTMT st, SQLRETURN rc)
{
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    long n = SQL_SUCCEEDED(rc) ? bct_count_rows(st) : -1;
    SQLFreeStmt(st, SQL_CLOSE);
    return n;
}

static void temp_tables_and_views_are_in_the_catalog_functions(void)
{
    SQLHSTMT st = bct_exec(dbc, "CREATE TEMP TABLE conf_t (k INTEGER NOT NULL, j TEXT, "
                                "d DATE, PRIMARY KEY (k, j))");
    if (!st)
        return;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT,
                  bct_exec(dbc, "CREATE TEMP VIEW conf_v AS SELECT k FROM conf_t"));
    st = bct_stmt(dbc);
    CHECK_INT(count_catalog_rows(
                  st, SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_%", SQL_NTS, NULL, 0)),
              2);
    CHECK_OK(
        SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_v", SQL_NTS, (SQLCHAR *)"VIEW", SQL_NTS),
        SQL_HANDLE_STMT, st);
    char text[64] = "";
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    bct_get_text(st, 2, text, sizeof text);
    CHECK_STR(text, "temp");
    bct_get_text(st, 4, text, sizeof text);
    CHECK_STR(text, "VIEW");
    SQLFreeStmt(st, SQL_CLOSE);
    /* Columns with their types and nullability, in order. */
    CHECK_OK(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_t", SQL_NTS, NULL, 0),
             SQL_HANDLE_STMT, st);
    static const struct {
        const char *name;
        SQLSMALLINT type, nullable;
    } want[] = {{"k", SQL_INTEGER, SQL_NO_NULLS},
                {"j", SQL_WLONGVARCHAR, SQL_NULLABLE},
                {"d", SQL_TYPE_DATE, SQL_NULLABLE}};
    for (int i = 0; i < 3; i++) {
        SQLSMALLINT type = 0, nullable = -1;
        SQLLEN ind;
        CHECK_INT(SQLFetch(st), SQL_SUCCESS);
        bct_get_text(st, 4, text, sizeof text);
        CHECK_STR(text, want[i].name);
        SQLGetData(st, 5, SQL_C_SSHORT, &type, 0, &ind);
        SQLGetData(st, 11, SQL_C_SSHORT, &nullable, 0, &ind);
        CHECK_INT(type, want[i].type);
        CHECK_INT(nullable, want[i].nullable);
    }
    CHECK_INT(SQLFetch(st), SQL_NO_DATA);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_INT(count_catalog_rows(
                  st, SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_v", SQL_NTS, NULL, 0)),
              1);
    CHECK_INT(
        count_catalog_rows(st, SQLPrimaryKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_t", SQL_NTS)),
        2);
    /* Two key columns and the table's SQL_TABLE_STAT row. */
    CHECK_INT(count_catalog_rows(st, SQLStatistics(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_t",
                                                   SQL_NTS, SQL_INDEX_ALL, SQL_QUICK)),
              3);
    /* Dropped objects leave the catalog too. */
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "DROP VIEW conf_v"));
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "DROP TABLE conf_t"));
    CHECK_INT(count_catalog_rows(
                  st, SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_%", SQL_NTS, NULL, 0)),
              0);
    CHECK_INT(count_catalog_rows(
                  st, SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"conf_t", SQL_NTS, NULL, 0)),
              0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLUINTEGER bits = 0;
    CHECK_OK(SQLGetInfo(dbc, SQL_CREATE_TABLE, &bits, sizeof bits, NULL), SQL_HANDLE_DBC, dbc);
    CHECK(bits & SQL_CT_CREATE_TABLE);
    CHECK(bits & SQL_CT_LOCAL_TEMPORARY);
    bits = 0;
    CHECK_OK(SQLGetInfo(dbc, SQL_CREATE_VIEW, &bits, sizeof bits, NULL), SQL_HANDLE_DBC, dbc);
    CHECK(bits & SQL_CV_CREATE_VIEW);
}

/* Types of every column after SQLPrepare, then after SQLExecute: they must be equal. */
static void check_same_description(const char *sql, const SQLSMALLINT *want, int n)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_HANDLE_STMT, st);
    SQLSMALLINT before[8] = {0}, after[8] = {0};
    SQLULEN size;
    for (int i = 0; i < n; i++)
        describe1(st, i + 1, &before[i], &size);
    CHECK_MSG(bct_sb_api_request_count(&sb) == 0, "describing before execution made a request");
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    for (int i = 0; i < n; i++) {
        describe1(st, i + 1, &after[i], &size);
        CHECK_MSG(before[i] == after[i], "%s: column %d is %d after prepare, %d after execute", sql,
                  i + 1, before[i], after[i]);
        if (want != NULL)
            CHECK_MSG(after[i] == want[i], "%s: column %d is %d, want %d", sql, i + 1, after[i],
                      want[i]);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void expressions_are_described_the_same_before_and_after_execute(void)
{
    static const SQLSMALLINT plain[] = {SQL_BIGINT, SQL_DOUBLE, SQL_WVARCHAR, SQL_VARBINARY};
    check_same_description("SELECT 1 + 1, 2.5 * 2, 'a' || 'b', x'0001'", plain, 4);
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "CREATE TEMP TABLE conf_e (n INTEGER)"));
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "INSERT INTO conf_e VALUES (4)"));
    static const SQLSMALLINT temp[] = {SQL_INTEGER, SQL_BIGINT};
    check_same_description("SELECT n, n * 2 AS twice FROM conf_e", temp, 2);
    SQLFreeHandle(SQL_HANDLE_STMT, bct_exec(dbc, "DROP TABLE conf_e"));
    /* Over a BigCommerce table nothing is run before execution; the description seen then
     * still holds afterwards. */
    check_same_description("SELECT id, id + 1 AS next FROM Brands", NULL, 2);
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT id + 1 AS next FROM Brands WHERE id = 1", SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLSMALLINT type;
    SQLULEN size;
    describe1(st, 1, &type, &size);
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    char text[32] = "";
    bct_get_text(st, 1, text, sizeof text);
    CHECK_STR(text, "2");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The result column names of a catalog call, comma-joined into out. */
static void column_names(SQLHSTMT st, char *out, size_t len)
{
    SQLSMALLINT n = 0;
    out[0] = '\0';
    SQLNumResultCols(st, &n);
    for (SQLUSMALLINT i = 1; i <= (SQLUSMALLINT)n; i++) {
        SQLCHAR name[64];
        SQLSMALLINT nlen, type, digits, nullable;
        SQLULEN size;
        SQLDescribeCol(st, i, name, sizeof name, &nlen, &type, &size, &digits, &nullable);
        snprintf(out + strlen(out), len - strlen(out), "%s%s", i > 1 ? "," : "", (char *)name);
    }
}

static void odbc2_applications_get_the_2x_catalog_names(void)
{
    SQLHENV env2 = NULL;
    SQLHDBC dbc2 = NULL;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env2), SQL_HANDLE_ENV, env2);
    CHECK_OK(SQLSetEnvAttr(env2, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2, 0),
             SQL_HANDLE_ENV, env2);
    dbc2 = bct_connect(env2, &sb, NULL);
    SQLHSTMT st = dbc2 ? bct_stmt(dbc2) : NULL;
    if (!st) {
        bct_disconnect(dbc2);
        SQLFreeHandle(SQL_HANDLE_ENV, env2);
        return;
    }
    char names[1024];
    CHECK_OK(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"Orders", SQL_NTS, NULL, 0),
             SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_STR(names, "TABLE_QUALIFIER,TABLE_OWNER,TABLE_NAME,TABLE_TYPE,REMARKS");
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLColumns(st, NULL, 0, NULL, 0, (SQLCHAR *)"Orders", SQL_NTS, NULL, 0),
             SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_MSG(strncmp(names,
                      "TABLE_QUALIFIER,TABLE_OWNER,TABLE_NAME,COLUMN_NAME,DATA_TYPE,TYPE_NAME,"
                      "PRECISION,LENGTH,SCALE,RADIX,NULLABLE,REMARKS",
                      strlen("TABLE_QUALIFIER,TABLE_OWNER,TABLE_NAME,COLUMN_NAME,DATA_TYPE,"
                             "TYPE_NAME,PRECISION,LENGTH,SCALE,RADIX,NULLABLE,REMARKS")) == 0,
              "SQLColumns names for ODBC 2: %s", names);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(
        SQLStatistics(st, NULL, 0, NULL, 0, (SQLCHAR *)"Orders", SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
        SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_MSG(strstr(names, ",SEQ_IN_INDEX,COLUMN_NAME,COLLATION,") != NULL,
              "SQLStatistics names for ODBC 2: %s", names);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLForeignKeys(st, NULL, 0, NULL, 0, (SQLCHAR *)"Orders", SQL_NTS, NULL, 0, NULL, 0,
                            NULL, 0),
             SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_MSG(strncmp(names,
                      "PKTABLE_QUALIFIER,PKTABLE_OWNER,PKTABLE_NAME,PKCOLUMN_NAME,"
                      "FKTABLE_QUALIFIER,FKTABLE_OWNER",
                      40) == 0,
              "SQLForeignKeys names for ODBC 2: %s", names);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLGetTypeInfo(st, SQL_ALL_TYPES), SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_MSG(strstr(names, "TYPE_NAME,DATA_TYPE,PRECISION,") == names &&
                  strstr(names, ",MONEY,AUTO_INCREMENT,") != NULL,
              "SQLGetTypeInfo names for ODBC 2: %s", names);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* ODBC 3 applications keep the 3.x names. */
    st = bct_stmt(dbc);
    CHECK_OK(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"Orders", SQL_NTS, NULL, 0),
             SQL_HANDLE_STMT, st);
    column_names(st, names, sizeof names);
    CHECK_STR(names, "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,TABLE_TYPE,REMARKS");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc2);
    SQLFreeHandle(SQL_HANDLE_ENV, env2);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products",  "5", "--orders", "3",
                                       "--customers", "3", NULL};
    static const bct_test tests[] = {
        BCT_TEST(cancel_of_an_idle_statement_leaves_others_alone),
        BCT_TEST(bindcol_with_only_an_indicator_still_writes_it),
        BCT_TEST(binary_and_time_are_described_and_converted_as_such),
        BCT_TEST(refusals_are_42000_and_expressions_have_no_base_column),
        BCT_TEST(temp_tables_and_views_are_in_the_catalog_functions),
        BCT_TEST(expressions_are_described_the_same_before_and_after_execute),
        BCT_TEST(odbc2_applications_get_the_2x_catalog_names),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, &dbc, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
