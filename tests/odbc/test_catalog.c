/*
 * What the driver says about itself and the store: SQLGetInfo, SQLGetFunctions,
 * SQLGetTypeInfo, SQLTables and SQLColumns (which must agree with SQLDescribeCol on
 * SELECT * for every table).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

static const char *const tables[] = {"Brands",     "Categories", "Customers",
                                     "OrderItems", "Orders",     "Products"};

static void info_str(SQLUSMALLINT type, char *buf, SQLSMALLINT len)
{
    SQLSMALLINT out = 0;
    buf[0] = '\0';
    if (CHECK_OK(SQLGetInfo(dbc, type, buf, len, &out), SQL_HANDLE_DBC, dbc)) {
        CHECK_INT(out, strlen(buf));
    }
}

static SQLUINTEGER info_u32(SQLUSMALLINT type)
{
    SQLUINTEGER v = 0;
    CHECK_OK(SQLGetInfo(dbc, type, &v, sizeof v, NULL), SQL_HANDLE_DBC, dbc);
    return v;
}

static SQLUSMALLINT info_u16(SQLUSMALLINT type)
{
    SQLUSMALLINT v = 0;
    CHECK_OK(SQLGetInfo(dbc, type, &v, sizeof v, NULL), SQL_HANDLE_DBC, dbc);
    return v;
}

static void getinfo_answers_what_clients_ask(void)
{
    char s[256];
    info_str(SQL_DBMS_NAME, s, sizeof s);
    CHECK_STR(s, "BigCommerce");
    info_str(SQL_DBMS_VER, s, sizeof s);
    CHECK_STR(s, "03.00.0000");
    info_str(SQL_DRIVER_NAME, s, sizeof s);
    CHECK_STR(s, "libbigcommerceodbc.so");
    info_str(SQL_DRIVER_VER, s, sizeof s);
    CHECK_STR(s, "00.01.0000");
    info_str(SQL_DRIVER_ODBC_VER, s, sizeof s);
    CHECK_STR(s, "03.80");
    info_str(SQL_IDENTIFIER_QUOTE_CHAR, s, sizeof s);
    CHECK_STR(s, "\"");
    info_str(SQL_SEARCH_PATTERN_ESCAPE, s, sizeof s);
    CHECK_STR(s, "\\");
    info_str(SQL_SCHEMA_TERM, s, sizeof s);
    CHECK_MSG(s[0] != '\0', "SQL_SCHEMA_TERM empty");
    info_str(SQL_DATA_SOURCE_READ_ONLY, s, sizeof s);
    CHECK_MSG(strcmp(s, "Y") == 0 || strcmp(s, "N") == 0, "read only: %s", s);
    info_str(SQL_SERVER_NAME, s, sizeof s);
    char kw[4096];
    info_str(SQL_KEYWORDS, kw, sizeof kw);
    info_str(SQL_CATALOG_NAME, s, sizeof s);
    CHECK_STR(s, "N");
    CHECK_MSG(info_u32(SQL_SCROLL_OPTIONS) & SQL_SO_FORWARD_ONLY, "SQL_SO_FORWARD_ONLY");
    CHECK_MSG(info_u32(SQL_GETDATA_EXTENSIONS) & SQL_GD_ANY_COLUMN, "SQL_GD_ANY_COLUMN");
    CHECK_INT(info_u16(SQL_TXN_CAPABLE), SQL_TC_NONE);
    CHECK_INT(info_u32(SQL_ODBC_INTERFACE_CONFORMANCE), SQL_OIC_CORE);
    CHECK_MSG(info_u32(SQL_SCHEMA_USAGE) & SQL_SU_DML_STATEMENTS, "schema usable in DML");
    CHECK_INT(info_u16(SQL_IDENTIFIER_CASE), SQL_IC_MIXED);
    CHECK_MSG(info_u16(SQL_MAX_COLUMN_NAME_LEN) >= 64, "max column name length");
    CHECK_MSG(info_u32(SQL_CONVERT_FUNCTIONS) & SQL_FN_CVT_CAST, "CAST supported");
    CHECK_MSG(info_u32(SQL_STRING_FUNCTIONS) & SQL_FN_STR_UCASE, "UCASE supported");
    CHECK_MSG(info_u32(SQL_AGGREGATE_FUNCTIONS) & SQL_AF_SUM, "SUM supported");
    CHECK_MSG(info_u32(SQL_OJ_CAPABILITIES) & SQL_OJ_LEFT, "left outer join");
    CHECK_INT(info_u16(SQL_CURSOR_COMMIT_BEHAVIOR), SQL_CB_PRESERVE);
    /* a short buffer truncates with 01004 and the full length */
    char small[4];
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLGetInfo(dbc, SQL_DBMS_NAME, small, sizeof small, &len);
    CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
    CHECK_INT(len, strlen("BigCommerce"));
    CHECK_STR(small, "Big");
    CHECK(bct_has_state(SQL_HANDLE_DBC, dbc, "01004"));
}

static void getfunctions_reports_every_implemented_function(void)
{
    SQLUSMALLINT bits[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
    if (!CHECK_OK(SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bits), SQL_HANDLE_DBC, dbc)) {
        return;
    }
    static const struct {
        SQLUSMALLINT id;
        const char *name;
    } fns[] = {
        {SQL_API_SQLALLOCHANDLE, "SQLAllocHandle"},
        {SQL_API_SQLFREEHANDLE, "SQLFreeHandle"},
        {SQL_API_SQLSETENVATTR, "SQLSetEnvAttr"},
        {SQL_API_SQLGETENVATTR, "SQLGetEnvAttr"},
        {SQL_API_SQLCONNECT, "SQLConnect"},
        {SQL_API_SQLDRIVERCONNECT, "SQLDriverConnect"},
        {SQL_API_SQLDISCONNECT, "SQLDisconnect"},
        {SQL_API_SQLGETINFO, "SQLGetInfo"},
        {SQL_API_SQLGETFUNCTIONS, "SQLGetFunctions"},
        {SQL_API_SQLSETCONNECTATTR, "SQLSetConnectAttr"},
        {SQL_API_SQLGETCONNECTATTR, "SQLGetConnectAttr"},
        {SQL_API_SQLSETSTMTATTR, "SQLSetStmtAttr"},
        {SQL_API_SQLGETSTMTATTR, "SQLGetStmtAttr"},
        {SQL_API_SQLEXECDIRECT, "SQLExecDirect"},
        {SQL_API_SQLPREPARE, "SQLPrepare"},
        {SQL_API_SQLEXECUTE, "SQLExecute"},
        {SQL_API_SQLBINDPARAMETER, "SQLBindParameter"},
        {SQL_API_SQLNUMPARAMS, "SQLNumParams"},
        {SQL_API_SQLNUMRESULTCOLS, "SQLNumResultCols"},
        {SQL_API_SQLDESCRIBECOL, "SQLDescribeCol"},
        {SQL_API_SQLCOLATTRIBUTE, "SQLColAttribute"},
        {SQL_API_SQLBINDCOL, "SQLBindCol"},
        {SQL_API_SQLFETCH, "SQLFetch"},
        {SQL_API_SQLFETCHSCROLL, "SQLFetchScroll"},
        {SQL_API_SQLGETDATA, "SQLGetData"},
        {SQL_API_SQLROWCOUNT, "SQLRowCount"},
        {SQL_API_SQLMORERESULTS, "SQLMoreResults"},
        {SQL_API_SQLCLOSECURSOR, "SQLCloseCursor"},
        {SQL_API_SQLFREESTMT, "SQLFreeStmt"},
        {SQL_API_SQLCANCEL, "SQLCancel"},
        {SQL_API_SQLGETDIAGREC, "SQLGetDiagRec"},
        {SQL_API_SQLGETDIAGFIELD, "SQLGetDiagField"},
        {SQL_API_SQLNATIVESQL, "SQLNativeSql"},
        {SQL_API_SQLENDTRAN, "SQLEndTran"},
        {SQL_API_SQLGETTYPEINFO, "SQLGetTypeInfo"},
        {SQL_API_SQLTABLES, "SQLTables"},
        {SQL_API_SQLCOLUMNS, "SQLColumns"},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        CHECK_MSG(SQL_FUNC_EXISTS(bits, fns[i].id), "%s not reported", fns[i].name);
    }
    SQLUSMALLINT one = 0;
    CHECK_OK(SQLGetFunctions(dbc, SQL_API_SQLGETDATA, &one), SQL_HANDLE_DBC, dbc);
    CHECK_INT(one, SQL_TRUE);
}

static void gettypeinfo_lists_every_reported_type_ordered(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!CHECK_OK(SQLGetTypeInfo(st, SQL_ALL_TYPES), SQL_HANDLE_STMT, st)) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return;
    }
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    CHECK_INT(ncols, 19);
    const SQLSMALLINT need[] = {SQL_INTEGER,  SQL_BIGINT,   SQL_DOUBLE,       SQL_DECIMAL,
                                SQL_BIT,      SQL_WVARCHAR, SQL_WLONGVARCHAR, SQL_TYPE_TIMESTAMP,
                                SQL_TYPE_DATE};
    bool seen[9] = {false};
    SQLSMALLINT last = -32768;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        SQLSMALLINT type = 0;
        char name[128];
        bct_get_text(st, 1, name, sizeof name);
        SQLGetData(st, 2, SQL_C_SSHORT, &type, 0, NULL);
        CHECK_MSG(type >= last, "%s (%d) after %d: not ordered by DATA_TYPE", name, type, last);
        last = type;
        for (int i = 0; i < 9; i++) {
            seen[i] |= type == need[i];
        }
    }
    for (int i = 0; i < 9; i++) {
        CHECK_MSG(seen[i], "type %d missing", need[i]);
    }
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_OK(SQLGetTypeInfo(st, SQL_INTEGER), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void tables_lists_the_six_tables_in_schema_bigcommerce(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_OK(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"%", SQL_NTS, NULL, 0), SQL_HANDLE_STMT,
             st);
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    CHECK_INT(ncols, 5);
    bool seen[6] = {false};
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        char cat[64], schem[64], name[128], type[64];
        CHECK(!bct_get_text(st, 1, cat, sizeof cat));
        bct_get_text(st, 2, schem, sizeof schem);
        bct_get_text(st, 3, name, sizeof name);
        bct_get_text(st, 4, type, sizeof type);
        for (int i = 0; i < 6; i++) {
            if (strcmp(name, tables[i]) == 0) {
                seen[i] = true;
                CHECK_STR(schem, "BigCommerce");
                CHECK_STR(type, "TABLE");
            }
        }
    }
    for (int i = 0; i < 6; i++) {
        CHECK_MSG(seen[i], "%s not listed", tables[i]);
    }
    SQLFreeStmt(st, SQL_CLOSE);
    /* the special enumeration of table types */
    CHECK_OK(SQLTables(st, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0, (SQLCHAR *)"", 0,
                       (SQLCHAR *)SQL_ALL_TABLE_TYPES, SQL_NTS),
             SQL_HANDLE_STMT, st);
    bool table_type = false;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        char type[64];
        bct_get_text(st, 4, type, sizeof type);
        table_type |= strcmp(type, "TABLE") == 0;
    }
    CHECK(table_type);
    SQLFreeStmt(st, SQL_CLOSE);
    /* '_' matches one character, '\_' only an underscore */
    CHECK_OK(SQLTables(st, NULL, 0, NULL, 0, (SQLCHAR *)"Order_", SQL_NTS, NULL, 0),
             SQL_HANDLE_STMT, st);
    char name[128] = "";
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    bct_get_text(st, 3, name, sizeof name);
    CHECK_STR(name, "Orders");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLColumns and SQLDescribeCol on SELECT * must tell the same story for each table. */
static void columns_agree_with_describecol_for_every_table(void)
{
    for (int t = 0; t < 6; t++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[t]);
        SQLHSTMT q = bct_stmt(dbc);
        CHECK_OK(SQLPrepare(q, (SQLCHAR *)sql, SQL_NTS), SQL_HANDLE_STMT, q);
        SQLSMALLINT ncols = 0;
        SQLNumResultCols(q, &ncols);
        SQLHSTMT c = bct_stmt(dbc);
        CHECK_OK(SQLColumns(c, NULL, 0, (SQLCHAR *)"BigCommerce", SQL_NTS, (SQLCHAR *)tables[t],
                            SQL_NTS, (SQLCHAR *)"%", SQL_NTS),
                 SQL_HANDLE_STMT, c);
        SQLSMALLINT rcols = 0;
        SQLNumResultCols(c, &rcols);
        CHECK_INT(rcols, 18);
        int n = 0, null_mismatches = 0;
        while (SQL_SUCCEEDED(SQLFetch(c))) {
            n++;
            char tname[128], cname[128], dname[128];
            SQLSMALLINT type = 0, digits = 0, nullable = 0, dtype = 0, ddigits = 0, dnull = 0;
            SQLINTEGER size = 0, ordinal = 0;
            SQLLEN ind;
            SQLULEN dsize = 0;
            bct_get_text(c, 3, tname, sizeof tname);
            bct_get_text(c, 4, cname, sizeof cname);
            SQLGetData(c, 5, SQL_C_SSHORT, &type, 0, NULL);
            SQLGetData(c, 7, SQL_C_SLONG, &size, 0, &ind);
            SQLGetData(c, 9, SQL_C_SSHORT, &digits, 0, &ind);
            if (ind == SQL_NULL_DATA) {
                digits = 0;
            }
            SQLGetData(c, 11, SQL_C_SSHORT, &nullable, 0, NULL);
            SQLGetData(c, 17, SQL_C_SLONG, &ordinal, 0, NULL);
            CHECK_STR(tname, tables[t]);
            CHECK_INT(ordinal, n);
            if (n > ncols) {
                continue;
            }
            CHECK_OK(SQLDescribeCol(q, (SQLUSMALLINT)n, (SQLCHAR *)dname, sizeof dname, NULL,
                                    &dtype, &dsize, &ddigits, &dnull),
                     SQL_HANDLE_STMT, q);
            CHECK_STR(cname, dname);
            CHECK_MSG(type == dtype, "%s.%s: SQLColumns type %d, SQLDescribeCol %d", tables[t],
                      cname, type, dtype);
            CHECK_MSG((SQLULEN)size == dsize, "%s.%s: size %d vs %lu", tables[t], cname, (int)size,
                      (unsigned long)dsize);
            CHECK_MSG(digits == ddigits, "%s.%s: digits %d vs %d", tables[t], cname, digits,
                      ddigits);
            if (nullable != dnull && null_mismatches++ == 0) {
                bct_fail(__FILE__, __LINE__, "%s.%s: SQLColumns NULLABLE %d, SQLDescribeCol %d",
                         tables[t], cname, nullable, dnull);
            }
        }
        CHECK_MSG(null_mismatches == 0, "%s: nullability differs in %d columns", tables[t],
                  null_mismatches);
        CHECK_MSG(n == ncols && n > 3, "%s: SQLColumns %d rows, SELECT * %d columns", tables[t], n,
                  ncols);
        SQLFreeHandle(SQL_HANDLE_STMT, c);
        SQLFreeHandle(SQL_HANDLE_STMT, q);
    }
}

static void schema_qualified_names_work_in_sql(void)
{
    const char *sqls[] = {"SELECT COUNT(*) FROM \"BigCommerce\".\"Brands\"",
                          "SELECT COUNT(*) FROM BigCommerce.Brands"};
    cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
    for (int i = 0; i < 2; i++) {
        SQLHSTMT st = bct_exec(dbc, sqls[i]);
        if (st && CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st)) {
            SQLINTEGER n = -1;
            SQLGetData(st, 1, SQL_C_SLONG, &n, 0, NULL);
            CHECK_INT(n, cJSON_GetArraySize(brands));
        }
        if (st) {
            SQLFreeHandle(SQL_HANDLE_STMT, st);
        }
    }
    cJSON_Delete(brands);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products",  "5", "--orders", "3",
                                       "--customers", "3", NULL};
    static const bct_test tests[] = {
        BCT_TEST(getinfo_answers_what_clients_ask),
        BCT_TEST(getfunctions_reports_every_implemented_function),
        BCT_TEST(gettypeinfo_lists_every_reported_type_ordered),
        BCT_TEST(tables_lists_the_six_tables_in_schema_bigcommerce),
        BCT_TEST(columns_agree_with_describecol_for_every_table),
        BCT_TEST(schema_qualified_names_work_in_sql),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, &dbc, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
