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
    /* Not compared with a column: the default. */
    check_params("SELECT ? + 1", (want_param[]){{SQL_WVARCHAR, 0}}, 1);
    /* A procedure's marker has the type of the input it fills. */
    check_params("{call GetOAuthAuthorizationURL(?, ?)}",
                 (want_param[]){{SQL_WVARCHAR, 0}, {SQL_WVARCHAR, 0}}, 2);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "8", "--orders", "3", "--customers", "3", NULL};
    if (!bct_sandbox_start(&sb, opts))
        return 1;
    env = bct_env();
    dbc = bct_connect(env, &sb, NULL);
    if (!dbc) {
        bct_sandbox_stop(&sb);
        return 1;
    }
    static const bct_test tests[] = {
        BCT_TEST(describe_param_takes_the_compared_column_type),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    bct_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return rc;
}
