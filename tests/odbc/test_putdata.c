/*
 * Data-at-execution parameters (SQLParamData / SQLPutData), the way PHP's PDO_ODBC binds
 * every parameter: each C type sent whole or in pieces, SQL_DATA_AT_EXEC and
 * SQL_LEN_DATA_AT_EXEC, NULL, a real query and a procedure call, and the error states.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

typedef struct piece {
    const void *data;
    SQLLEN len;
} piece;

/* Runs "SELECT CAST(? AS TEXT)" (or sql) with one data-at-execution parameter sent as the
 * given pieces, and returns column 1 as text in out ("NULL" for NULL). */
static void run_dae(const char *sql, SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLLEN bind_ind,
                    const piece *pieces, int npieces, char *out, size_t outlen)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLLEN ind = bind_ind;
    int token = 0;
    SQLPOINTER got = NULL;

    snprintf(out, outlen, "(failed)");
    if (!st)
        return;
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, c_type, sql_type, 100, 0, &token, 0, &ind),
             SQL_HANDLE_STMT, st);
    CHECK_INT(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_NEED_DATA);
    CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
    CHECK(got == &token);
    for (int i = 0; i < npieces; i++)
        CHECK_OK(SQLPutData(st, (SQLPOINTER)pieces[i].data, pieces[i].len), SQL_HANDLE_STMT, st);
    SQLRETURN rc = SQLParamData(st, &got);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    if (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st))) {
        SQLLEN len = 0;
        if (SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)outlen, &len)) &&
            len == SQL_NULL_DATA)
            snprintf(out, outlen, "NULL");
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void char_in_pieces_with_nts_and_lengths(void)
{
    char out[256];
    piece p[] = {{"Hello, ", SQL_NTS}, {"wide world", 4}, {"", 0}, {"!", 1}};
    run_dae("SELECT ?", SQL_C_CHAR, SQL_VARCHAR, SQL_DATA_AT_EXEC, p, 4, out, sizeof out);
    CHECK_STR(out, "Hello, wide!");
    run_dae("SELECT ?", SQL_C_CHAR, SQL_VARCHAR, SQL_LEN_DATA_AT_EXEC(12), p, 4, out, sizeof out);
    CHECK_STR(out, "Hello, wide!");
}

static void wchar_in_pieces(void)
{
    char out[256];
    SQLWCHAR *a = bct_w("Grüße ", NULL), *b = bct_w("aus Köln", NULL);
    piece p[] = {{a, SQL_NTS}, {b, (SQLLEN)(8 * sizeof(SQLWCHAR))}};
    run_dae("SELECT ?", SQL_C_WCHAR, SQL_WVARCHAR, SQL_DATA_AT_EXEC, p, 2, out, sizeof out);
    CHECK_STR(out, "Grüße aus Köln");
    free(a);
    free(b);
}

static void binary_in_pieces(void)
{
    char out[256];
    static const unsigned char b1[] = {0x00, 0x01}, b2[] = {0xfe, 0xff};
    piece p[] = {{b1, 2}, {b2, 2}};
    run_dae("SELECT hex(?)", SQL_C_BINARY, SQL_VARBINARY, SQL_DATA_AT_EXEC, p, 2, out, sizeof out);
    CHECK_STR(out, "0001FEFF");
}

static void every_fixed_size_c_type_in_one_piece(void)
{
    char out[256];
    SQLINTEGER i32 = -42;
    SQLSMALLINT i16 = 7;
    SQLBIGINT i64 = 9007199254740993LL;
    SQLSCHAR i8 = -3;
    SQLUINTEGER u32 = 4000000000u;
    SQLDOUBLE dbl = 2.5;
    SQLREAL flt = 0.75f;
    SQLCHAR bit = 1;
    SQL_DATE_STRUCT date = {2024, 2, 29};
    SQL_TIMESTAMP_STRUCT ts = {2024, 2, 29, 13, 14, 15, 0};
    SQL_NUMERIC_STRUCT num = {.precision = 10, .scale = 2, .sign = 1, .val = {0x39, 0x30}};
    const struct {
        SQLSMALLINT c_type, sql_type;
        const void *v;
        const char *want;
    } cases[] = {
        {SQL_C_SLONG, SQL_INTEGER, &i32, "-42"},
        {SQL_C_SSHORT, SQL_SMALLINT, &i16, "7"},
        {SQL_C_SBIGINT, SQL_BIGINT, &i64, "9007199254740993"},
        {SQL_C_STINYINT, SQL_TINYINT, &i8, "-3"},
        {SQL_C_ULONG, SQL_BIGINT, &u32, "4000000000"},
        {SQL_C_DOUBLE, SQL_DOUBLE, &dbl, "2.5"},
        {SQL_C_FLOAT, SQL_REAL, &flt, "0.75"},
        {SQL_C_BIT, SQL_BIT, &bit, "1"},
        {SQL_C_TYPE_DATE, SQL_TYPE_DATE, &date, "2024-02-29"},
        {SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, &ts, "2024-02-29 13:14:15"},
        {SQL_C_NUMERIC, SQL_DECIMAL, &num, "123.45"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        piece p[] = {{cases[k].v, 0}};
        run_dae("SELECT ?", cases[k].c_type, cases[k].sql_type, SQL_DATA_AT_EXEC, p, 1, out,
                sizeof out);
        CHECK_MSG(strncmp(out, cases[k].want, strlen(cases[k].want)) == 0,
                  "C type %d: got \"%s\", want \"%s\"", cases[k].c_type, out, cases[k].want);
    }
}

static void null_data_gives_null(void)
{
    char out[64];
    piece p[] = {{NULL, SQL_NULL_DATA}};
    run_dae("SELECT ?", SQL_C_CHAR, SQL_VARCHAR, SQL_DATA_AT_EXEC, p, 1, out, sizeof out);
    CHECK_STR(out, "NULL");
    run_dae("SELECT ?", SQL_C_SLONG, SQL_INTEGER, SQL_DATA_AT_EXEC, p, 1, out, sizeof out);
    CHECK_STR(out, "NULL");
}

/* Two parameters, one bound directly and one at execution, against a sandbox table: the
 * statement PDO sends for "WHERE id = :id". */
static void query_with_mixed_parameters_finds_the_row(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    SQLINTEGER id = 1, tok = 0;
    SQLLEN id_ind = SQL_LEN_DATA_AT_EXEC(0), name_ind = SQL_NTS;
    char pattern[] = "%";
    SQLPOINTER got = NULL;
    CHECK_OK(
        SQLPrepare(st, (SQLCHAR *)"SELECT id FROM Brands WHERE id = ? AND name LIKE ?", SQL_NTS),
        SQL_HANDLE_STMT, st);
    CHECK_OK(
        SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &tok, 0, &id_ind),
        SQL_HANDLE_STMT, st);
    CHECK_OK(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, pattern, 0,
                              &name_ind),
             SQL_HANDLE_STMT, st);
    for (int round = 0; round < 2; round++) { /* a prepared statement runs again */
        CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
        CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
        CHECK(got == &tok);
        CHECK_OK(SQLPutData(st, &id, 0), SQL_HANDLE_STMT, st);
        CHECK_OK(SQLParamData(st, &got), SQL_HANDLE_STMT, st);
        SQLINTEGER v = 0;
        SQLLEN ind = 0;
        CHECK_INT(SQLFetch(st), SQL_SUCCESS);
        CHECK_OK(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind), SQL_HANDLE_STMT, st);
        CHECK_INT(v, 1);
        CHECK_INT(SQLFetch(st), SQL_NO_DATA);
        SQLCloseCursor(st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* What PDO_ODBC does for "WHERE id = :id": describe the marker, bind it as text at
 * execution with the described SQL type, send the text in one piece. */
static void pdo_shaped_text_parameter_for_an_integer_column(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    struct {
        int dummy;
    } pdo_param;
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT id, name FROM Brands WHERE id = ?", SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLSMALLINT type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    CHECK_OK(SQLDescribeParam(st, 1, &type, &size, &digits, &nullable), SQL_HANDLE_STMT, st);
    CHECK_INT(type, SQL_INTEGER);
    SQLLEN len = SQL_LEN_DATA_AT_EXEC(1);
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, type, size, digits, &pdo_param, 0,
                              &len),
             SQL_HANDLE_STMT, st);
    SQLPOINTER got = NULL;
    CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
    CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
    CHECK(got == &pdo_param);
    CHECK_OK(SQLPutData(st, "2", 1), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLParamData(st, &got), SQL_HANDLE_STMT, st);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    char id[16] = "";
    bct_get_text(st, 1, id, sizeof id);
    CHECK_STR(id, "2");
    CHECK_INT(SQLFetch(st), SQL_NO_DATA);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* PDO_ODBC asks for unixODBC's cursor library "if needed"; the library breaks on
 * data-at-execution, so the driver's static cursors must keep it out. */
static void cursor_library_if_needed_still_takes_data_at_execution(void)
{
    SQLHDBC d = NULL;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &d), SQL_HANDLE_ENV, env);
    CHECK_OK(SQLSetConnectAttr(d, SQL_ATTR_ODBC_CURSORS, (SQLPOINTER)SQL_CUR_USE_IF_NEEDED, 0),
             SQL_HANDLE_DBC, d);
    CHECK_OK(SQLDriverConnect(d, NULL, (SQLCHAR *)bct_connstr(&sb, NULL), SQL_NTS, NULL, 0, NULL,
                              SQL_DRIVER_NOPROMPT),
             SQL_HANDLE_DBC, d);
    SQLHSTMT st = bct_stmt(d);
    if (st) {
        int tok = 0;
        SQLLEN ind = SQL_LEN_DATA_AT_EXEC(1);
        SQLPOINTER got = NULL;
        CHECK_OK(
            SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTEGER, 10, 0, &tok, 0, &ind),
            SQL_HANDLE_STMT, st);
        CHECK_INT(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Brands WHERE id = ?", SQL_NTS),
                  SQL_NEED_DATA);
        CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
        CHECK_OK(SQLPutData(st, "3", 1), SQL_HANDLE_STMT, st);
        CHECK_OK(SQLParamData(st, &got), SQL_HANDLE_STMT, st);
        CHECK_INT(SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_SUCCESS);
        char id[16] = "";
        bct_get_text(st, 1, id, sizeof id);
        CHECK_STR(id, "3");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    SQLDisconnect(d);
    SQLFreeHandle(SQL_HANDLE_DBC, d);
}

static void errors_and_cancel(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    SQLINTEGER v = 5, tok = 0;
    SQLLEN ind = SQL_DATA_AT_EXEC;
    SQLPOINTER got = NULL;
    CHECK_OK(
        SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &tok, 0, &ind),
        SQL_HANDLE_STMT, st);
    CHECK_OK(SQLPrepare(st, (SQLCHAR *)"SELECT ? + 1", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
    CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
    CHECK_OK(SQLPutData(st, &v, 0), SQL_HANDLE_STMT, st);
    /* An integer cannot come in pieces. */
    CHECK_STATE(SQLPutData(st, &v, 0), SQL_HANDLE_STMT, st, "HY019");
    /* Cancel ends the sequence; the statement runs again from the start. */
    CHECK_OK(SQLCancel(st), SQL_HANDLE_STMT, st);
    CHECK_INT(SQLExecute(st), SQL_NEED_DATA);
    CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
    v = 41;
    CHECK_OK(SQLPutData(st, &v, 0), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLParamData(st, &got), SQL_HANDLE_STMT, st);
    char out[32];
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    bct_get_text(st, 1, out, sizeof out);
    CHECK_STR(out, "42");
    SQLCloseCursor(st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void procedure_call_takes_data_at_execution(void)
{
    SQLHDBC d = bct_connect(env, &sb, "OAuthClientId=myclient");
    SQLHSTMT st = d ? bct_stmt(d) : NULL;
    if (!st) {
        bct_disconnect(d);
        return;
    }
    int tok = 0;
    SQLLEN ind = SQL_DATA_AT_EXEC;
    SQLPOINTER got = NULL;
    CHECK_OK(
        SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, &tok, 0, &ind),
        SQL_HANDLE_STMT, st);
    CHECK_INT(SQLExecDirect(st,
                            (SQLCHAR *)"{call GetOAuthAuthorizationURL('WEB', "
                                       "'http://localhost:33333/cb', 'store_v2_products', ?)}",
                            SQL_NTS),
              SQL_NEED_DATA);
    CHECK_INT(SQLParamData(st, &got), SQL_NEED_DATA);
    CHECK_OK(SQLPutData(st, "ab", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLPutData(st, "cd", SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLParamData(st, &got), SQL_HANDLE_STMT, st);
    char url[1024] = "";
    CHECK_INT(SQLFetch(st), SQL_SUCCESS);
    bct_get_text(st, 1, url, sizeof url);
    CHECK_MSG(strstr(url, "state=abcd") != NULL, "URL without the state: %s", url);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(d);
}

static void putdata_out_of_sequence_is_hy010(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    if (!st)
        return;
    CHECK_STATE(SQLPutData(st, "x", 1), SQL_HANDLE_STMT, st, "HY010");
    CHECK_STATE(SQLParamData(st, NULL), SQL_HANDLE_STMT, st, "HY010");
    SQLUSMALLINT yes = 0;
    CHECK_OK(SQLGetFunctions(dbc, SQL_API_SQLPUTDATA, &yes), SQL_HANDLE_DBC, dbc);
    CHECK_INT(yes, SQL_TRUE);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products",  "5", "--orders", "3",
                                       "--customers", "3", NULL};
    static const bct_test tests[] = {
        BCT_TEST(char_in_pieces_with_nts_and_lengths),
        BCT_TEST(wchar_in_pieces),
        BCT_TEST(binary_in_pieces),
        BCT_TEST(every_fixed_size_c_type_in_one_piece),
        BCT_TEST(null_data_gives_null),
        BCT_TEST(query_with_mixed_parameters_finds_the_row),
        BCT_TEST(pdo_shaped_text_parameter_for_an_integer_column),
        BCT_TEST(cursor_library_if_needed_still_takes_data_at_execution),
        BCT_TEST(errors_and_cancel),
        BCT_TEST(procedure_call_takes_data_at_execution),
        BCT_TEST(putdata_out_of_sequence_is_hy010),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, &dbc, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
