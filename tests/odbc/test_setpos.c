/*
 * Positioned writes through the driver manager, as spreadsheet and form tools make them:
 * SQLSetPos(SQL_UPDATE / SQL_DELETE / SQL_REFRESH) on fetched rows of Products and
 * SQLBulkOperations(SQL_ADD) from bound buffers, each read back with SELECT and counted in
 * the sandbox's request log; the refusals (read-only cursor, join, no key) and what
 * SQLGetInfo reports.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;

static int count_method(const char *method)
{
    cJSON *log = bct_sb_requests(&sb), *r;
    int n = 0;

    cJSON_ArrayForEach(r, log)
    {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(r, "method");
        n += cJSON_IsString(m) && strcmp(m->valuestring, method) == 0;
    }
    cJSON_Delete(log);
    return n;
}

static void text_of(SQLHDBC dbc, const char *sql, char *out, size_t cap)
{
    SQLHSTMT st = bct_exec(dbc, sql);

    out[0] = 0;
    if (st == NULL)
        return;
    if (SQLFetch(st) == SQL_SUCCESS)
        bct_get_text(st, 1, out, cap);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A statement with an updatable cursor over products 1 and 2: id, name, price bound. */
typedef struct {
    SQLHSTMT st;
    SQLINTEGER id[2];
    char name[2][64];
    double price[2];
    SQLLEN id_ind[2], name_ind[2], price_ind[2];
    SQLUSMALLINT status[2];
    SQLULEN fetched;
} rowset;

static bool open_rowset(SQLHDBC dbc, rowset *r, const char *sql)
{
    memset(r, 0, sizeof *r);
    r->st = bct_stmt(dbc);
    if (r->st == NULL)
        return false;
    CHECK_OK(SQLSetStmtAttr(r->st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0),
             SQL_HANDLE_STMT, r->st);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)2, 0);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROW_STATUS_PTR, r->status, 0);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROWS_FETCHED_PTR, &r->fetched, 0);
    SQLBindCol(r->st, 1, SQL_C_SLONG, r->id, 0, r->id_ind);
    SQLBindCol(r->st, 2, SQL_C_CHAR, r->name, sizeof r->name[0], r->name_ind);
    SQLBindCol(r->st, 3, SQL_C_DOUBLE, r->price, 0, r->price_ind);
    if (!CHECK_OK(SQLExecDirect(r->st, (SQLCHAR *)sql, SQL_NTS), SQL_HANDLE_STMT, r->st))
        return false;
    return CHECK_OK(SQLFetch(r->st), SQL_HANDLE_STMT, r->st);
}

static void setpos_update_and_delete_write_through_the_api(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    rowset r;
    SQLLEN count = -1;
    char buf[80];

    if (!open_rowset(dbc, &r,
                     "SELECT id, name, price FROM Products WHERE id IN (1, 2) ORDER BY id"))
        goto out;
    CHECK_INT(r.fetched, 2);
    CHECK_INT(r.id[0], 1);
    bct_sb_clear_requests(&sb);
    /* Row 1: a new name; its price is left out. */
    snprintf(r.name[0], sizeof r.name[0], "Renamed by SetPos");
    r.name_ind[0] = SQL_NTS;
    r.price_ind[0] = SQL_COLUMN_IGNORE;
    CHECK_OK(SQLSetPos(r.st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_OK(SQLRowCount(r.st, &count), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count, 1);
    CHECK_INT(r.status[0], SQL_ROW_UPDATED);
    CHECK_OK(SQLSetPos(r.st, 2, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_INT(r.status[1], SQL_ROW_DELETED);
    CHECK_INT(count_method("PUT"), 1);
    CHECK_INT(count_method("DELETE"), 1);
    CHECK_INT(count_method("POST"), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);

    text_of(dbc, "SELECT name FROM Products WHERE id = 1", buf, sizeof buf);
    CHECK_STR(buf, "Renamed by SetPos");
    text_of(dbc, "SELECT COUNT(*) FROM Products WHERE id = 2", buf, sizeof buf);
    CHECK_STR(buf, "0");
out:
    bct_disconnect(dbc);
}

static void row_zero_follows_the_operation_array_and_reports_each_row(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    rowset r;
    SQLUSMALLINT ops[2] = {SQL_ROW_PROCEED, SQL_ROW_PROCEED};
    SQLLEN count = -1;
    char buf[80];

    if (!open_rowset(dbc, &r,
                     "SELECT id, name, price FROM Products WHERE id IN (7, 8) ORDER BY id"))
        goto out;
    SQLSetStmtAttr(r.st, SQL_ATTR_ROW_OPERATION_PTR, ops, 0);
    /* The sandbox refuses a negative price with a 422, as the API does. */
    r.price[0] = -5;
    r.price[1] = 99;
    bct_sb_clear_requests(&sb);
    CHECK_INT(SQLSetPos(r.st, 0, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, r.st, "HY000"));
    CHECK_INT(r.status[0], SQL_ROW_ERROR);
    CHECK_INT(r.status[1], SQL_ROW_UPDATED);
    CHECK_OK(SQLRowCount(r.st, &count), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count, 1);
    /* Row 1 ignored: only product 8 is deleted. */
    ops[0] = SQL_ROW_IGNORE;
    CHECK_OK(SQLSetPos(r.st, 0, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_INT(r.status[1], SQL_ROW_DELETED);
    CHECK_INT(count_method("DELETE"), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    text_of(dbc, "SELECT group_concat(id, ',') FROM Products WHERE id IN (7, 8)", buf, sizeof buf);
    CHECK_STR(buf, "7");
    text_of(dbc, "SELECT price > 0 FROM Products WHERE id = 7", buf, sizeof buf);
    CHECK_STR(buf, "1");
out:
    bct_disconnect(dbc);
}

static void setpos_refresh_reads_the_row_again(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    rowset r;
    char stored[64];

    text_of(dbc, "SELECT name FROM Products WHERE id = 3", stored, sizeof stored);
    if (!open_rowset(dbc, &r,
                     "SELECT id, name, price FROM Products WHERE id IN (3, 4) ORDER BY id"))
        goto out;
    snprintf(r.name[0], sizeof r.name[0], "scribbled over");
    CHECK_OK(SQLSetPos(r.st, 1, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_STR(r.name[0], stored);
    CHECK_INT(r.status[0], SQL_ROW_SUCCESS);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
out:
    bct_disconnect(dbc);
}

static void bulk_add_inserts_the_bound_rows(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    SQLINTEGER id = 0;
    char name[2][32] = {"Bulk one", "Bulk two"}, type[2][16] = {"physical", "physical"};
    double weight[2] = {1.5, 2.5}, price[2] = {10, 20};
    SQLLEN id_ind[2] = {SQL_COLUMN_IGNORE, SQL_COLUMN_IGNORE}, name_ind[2] = {SQL_NTS, SQL_NTS},
           type_ind[2] = {SQL_NTS, SQL_NTS}, num_ind[2] = {0, 0}, count = -1;
    SQLUSMALLINT status[2] = {0, 0};
    char buf[80];

    if (st == NULL)
        goto out;
    SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)2, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"SELECT id, name, type, weight, price FROM Products "
                                      "WHERE id = -1",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLBindCol(st, 1, SQL_C_SLONG, &id, 0, id_ind);
    SQLBindCol(st, 2, SQL_C_CHAR, name, sizeof name[0], name_ind);
    SQLBindCol(st, 3, SQL_C_CHAR, type, sizeof type[0], type_ind);
    SQLBindCol(st, 4, SQL_C_DOUBLE, weight, 0, num_ind);
    SQLBindCol(st, 5, SQL_C_DOUBLE, price, 0, num_ind);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(st, SQL_ADD), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, 2);
    CHECK_INT(status[0], SQL_ROW_ADDED);
    CHECK_INT(status[1], SQL_ROW_ADDED);
    CHECK_INT(count_method("POST"), 2);
    CHECK_STATE(SQLBulkOperations(st, SQL_UPDATE_BY_BOOKMARK), SQL_HANDLE_STMT, st, "HYC00");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    text_of(dbc,
            "SELECT group_concat(CAST(price AS INTEGER), ',') FROM (SELECT price FROM Products "
            "WHERE name IN "
            "('Bulk one', 'Bulk two') ORDER BY name)",
            buf, sizeof buf);
    CHECK_STR(buf, "10,20");
out:
    bct_disconnect(dbc);
}

static void result_sets_that_cannot_be_written_are_refused(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    rowset r;

    if (st == NULL)
        goto out;
    /* The default concurrency is read-only. */
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM Products WHERE id = 5", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLSetPos(st, 1, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, st, "HY092");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_sb_clear_requests(&sb);
    /* No key in the result set. */
    if (open_rowset(dbc, &r, "SELECT sku, name, price FROM Products WHERE id IN (5, 6)")) {
        CHECK_STATE(SQLSetPos(r.st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st,
                    "HYC00");
        SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    }
    /* Columns of two tables. */
    if (open_rowset(dbc, &r,
                    "SELECT p.id, b.name, p.price FROM Products p JOIN Brands b "
                    "ON b.id = p.brand_id LIMIT 2")) {
        CHECK_STATE(SQLSetPos(r.st, 1, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st,
                    "HYC00");
        SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    }
    CHECK_INT(count_method("PUT") + count_method("DELETE") + count_method("POST"), 0);
out:
    bct_disconnect(dbc);
}

static void getinfo_and_concurrency_say_what_is_supported(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    SQLUINTEGER pos = 0, ca1 = 0, sca1 = 1;
    SQLULEN conc = 0;
    SQLUSMALLINT have = 0;

    if (st == NULL)
        goto out;
    SQLGetInfo(dbc, SQL_POS_OPERATIONS, &pos, 0, NULL);
    CHECK_INT(pos,
              SQL_POS_POSITION | SQL_POS_UPDATE | SQL_POS_DELETE | SQL_POS_REFRESH | SQL_POS_ADD);
    SQLGetInfo(dbc, SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, &ca1, 0, NULL);
    CHECK_INT(ca1 & (SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_POS_REFRESH |
                     SQL_CA1_BULK_ADD | SQL_CA1_BULK_UPDATE_BY_BOOKMARK),
              SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_POS_REFRESH | SQL_CA1_BULK_ADD);
    SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &sca1, 0, NULL);
    /* Static cursors scroll, but positioned writes go through forward-only ones only. */
    CHECK_INT(
        sca1 & (SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_POS_REFRESH | SQL_CA1_BULK_ADD),
        0);
    SQLGetFunctions(dbc, SQL_API_SQLBULKOPERATIONS, &have);
    CHECK_INT(have, SQL_TRUE);
    /* Optimistic concurrency is not offered: it becomes LOCK with 01S02. */
    CHECK_INT(SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_VALUES, 0),
              SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01S02"));
    SQLGetStmtAttr(st, SQL_ATTR_CONCURRENCY, &conc, 0, NULL);
    CHECK_INT(conc, SQL_CONCUR_LOCK);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
out:
    bct_disconnect(dbc);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "10", NULL};
    if (!bct_sandbox_start(&sb, opts))
        return 1;
    env = bct_env();
    static const bct_test tests[] = {
        BCT_TEST(setpos_update_and_delete_write_through_the_api),
        BCT_TEST(row_zero_follows_the_operation_array_and_reports_each_row),
        BCT_TEST(setpos_refresh_reads_the_row_again),
        BCT_TEST(bulk_add_inserts_the_bound_rows),
        BCT_TEST(result_sets_that_cannot_be_written_are_refused),
        BCT_TEST(getinfo_and_concurrency_say_what_is_supported),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return rc;
}
