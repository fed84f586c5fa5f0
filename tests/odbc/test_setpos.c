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

/* The row number of the first diagnostic record with SQLSTATE state, 0 when none. */
static SQLLEN row_of_state(SQLHSTMT st, const char *state)
{
    SQLCHAR got[6];
    SQLLEN row = 0;

    for (SQLSMALLINT i = 1;
         SQLGetDiagRec(SQL_HANDLE_STMT, st, i, got, NULL, NULL, 0, NULL) != SQL_NO_DATA; i++)
        if (strcmp((char *)got, state) == 0) {
            SQLGetDiagField(SQL_HANDLE_STMT, st, i, SQL_DIAG_ROW_NUMBER, &row, 0, NULL);
            return row;
        }
    return 0;
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

    /* Row 1 is product 8, row 2 product 7: the API answers in id order, the rows keep theirs. */
    if (!open_rowset(dbc, &r,
                     "SELECT id, name, price FROM Products WHERE id IN (7, 8) ORDER BY id DESC"))
        goto out;
    SQLSetStmtAttr(r.st, SQL_ATTR_ROW_OPERATION_PTR, ops, 0);
    /* The sandbox refuses a negative price with a 422, as the API does. */
    r.price[0] = 99;
    r.price[1] = -5;
    bct_sb_clear_requests(&sb);
    CHECK_INT(SQLSetPos(r.st, 0, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_SUCCESS_WITH_INFO);
    CHECK_INT(row_of_state(r.st, "HY000"), 2);
    CHECK_INT(count_method("PUT"), 1); /* both rows in one request, answered 207 */
    CHECK_INT(r.status[0], SQL_ROW_UPDATED);
    CHECK_INT(r.status[1], SQL_ROW_ERROR);
    CHECK_OK(SQLRowCount(r.st, &count), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count, 1);
    /* Row 2 ignored: only product 8 is deleted. */
    ops[1] = SQL_ROW_IGNORE;
    CHECK_OK(SQLSetPos(r.st, 0, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_INT(r.status[0], SQL_ROW_DELETED);
    CHECK_INT(count_method("DELETE"), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    text_of(dbc, "SELECT group_concat(id, ',') FROM Products WHERE id IN (7, 8)", buf, sizeof buf);
    CHECK_STR(buf, "7");
    text_of(dbc, "SELECT price > 0 FROM Products WHERE id = 7", buf, sizeof buf);
    CHECK_STR(buf, "1");
out:
    bct_disconnect(dbc);
}

#define WIDE 12

/* Products 11..22 fetched as one rowset of twelve, id and price bound. */
typedef struct {
    SQLHSTMT st;
    SQLINTEGER id[WIDE];
    double price[WIDE];
    SQLLEN id_ind[WIDE], price_ind[WIDE];
    SQLUSMALLINT status[WIDE];
    SQLULEN fetched;
} wide_rowset;

static bool open_wide(SQLHDBC dbc, wide_rowset *r)
{
    memset(r, 0, sizeof *r);
    if ((r->st = bct_stmt(dbc)) == NULL)
        return false;
    SQLSetStmtAttr(r->st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)WIDE, 0);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROW_STATUS_PTR, r->status, 0);
    SQLSetStmtAttr(r->st, SQL_ATTR_ROWS_FETCHED_PTR, &r->fetched, 0);
    SQLBindCol(r->st, 1, SQL_C_SLONG, r->id, 0, r->id_ind);
    SQLBindCol(r->st, 2, SQL_C_DOUBLE, r->price, 0, r->price_ind);
    if (!CHECK_OK(SQLExecDirect(r->st,
                                (SQLCHAR *)"SELECT id, price FROM Products WHERE id BETWEEN 11 "
                                           "AND 22 ORDER BY id",
                                SQL_NTS),
                  SQL_HANDLE_STMT, r->st))
        return false;
    if (!CHECK_OK(SQLFetch(r->st), SQL_HANDLE_STMT, r->st))
        return false;
    CHECK_INT(r->fetched, WIDE);
    return r->fetched == WIDE;
}

static void setpos_row_zero_updates_a_rowset_in_batches_of_ten(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    wide_rowset r;
    SQLLEN count = -1;
    char buf[200];

    if (!open_wide(dbc, &r))
        goto out;
    for (int i = 0; i < WIDE; i++)
        r.price[i] = 100 + r.id[i];
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLSetPos(r.st, 0, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_OK(SQLRowCount(r.st, &count), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count, WIDE);
    for (int i = 0; i < WIDE; i++)
        CHECK_INT(r.status[i], SQL_ROW_UPDATED);
    /* Twelve rows: one read of them all (id:in), then one PUT of ten and one of two, the
     * API's batch size for products. */
    CHECK_INT(count_method("GET"), 1);
    CHECK_INT(count_method("PUT"), 2);
    /* Row 1 now sets nothing: it fails alone (21S02) and the others, which no longer all set
     * the same columns, are written row by row: one read each, the same batched PUTs. */
    r.price_ind[0] = SQL_COLUMN_IGNORE;
    for (int i = 1; i < WIDE; i++)
        r.price[i] = 200 + r.id[i];
    bct_sb_clear_requests(&sb);
    CHECK_INT(SQLSetPos(r.st, 0, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_SUCCESS_WITH_INFO);
    CHECK_INT(row_of_state(r.st, "21S02"), 1);
    CHECK_INT(r.status[0], SQL_ROW_ERROR);
    CHECK_INT(r.status[11], SQL_ROW_UPDATED);
    CHECK_INT(count_method("GET"), WIDE - 1);
    CHECK_INT(count_method("PUT"), 2);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    text_of(dbc,
            "SELECT group_concat(CAST(price - id AS INTEGER), ',') FROM (SELECT id, price FROM "
            "Products WHERE id BETWEEN 11 AND 22 ORDER BY id)",
            buf, sizeof buf);
    CHECK_STR(buf, "100,200,200,200,200,200,200,200,200,200,200,200");
out:
    bct_disconnect(dbc);
}

static void setpos_row_zero_deletes_a_rowset_in_one_request(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    wide_rowset r;
    SQLUSMALLINT ops[WIDE];
    SQLLEN count = -1;
    char buf[80];

    if (!open_wide(dbc, &r))
        goto out;
    /* Keep the first six rows (ids 11..16); delete the other six. */
    for (int i = 0; i < WIDE; i++)
        ops[i] = i < 6 ? SQL_ROW_IGNORE : SQL_ROW_PROCEED;
    SQLSetStmtAttr(r.st, SQL_ATTR_ROW_OPERATION_PTR, ops, 0);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLSetPos(r.st, 0, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_OK(SQLRowCount(r.st, &count), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count, 6);
    CHECK_INT(r.status[0], SQL_ROW_SUCCESS);
    CHECK_INT(r.status[6], SQL_ROW_DELETED);
    CHECK_INT(r.status[11], SQL_ROW_DELETED);
    CHECK_INT(count_method("GET"), 1);
    CHECK_INT(count_method("DELETE"), 1); /* DELETE ?id:in=17,...,22 */
    /* Deleting them again: the keys find nothing, each row says so (01001). */
    CHECK_STATE(SQLSetPos(r.st, 0, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st, "01001");
    CHECK_INT(row_of_state(r.st, "01001"), 7);
    CHECK_INT(r.status[6], SQL_ROW_ERROR);
    CHECK_INT(count_method("DELETE"), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
    text_of(dbc, "SELECT COUNT(*) FROM Products WHERE id BETWEEN 11 AND 22", buf, sizeof buf);
    CHECK_STR(buf, "6");
out:
    bct_disconnect(dbc);
}

static void setpos_row_zero_refreshes_the_rowset_in_one_read(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    wide_rowset r;
    double stored[WIDE];

    if (!open_wide(dbc, &r))
        goto out;
    memcpy(stored, r.price, sizeof stored);
    for (int i = 0; i < WIDE; i++)
        r.price[i] = -1;
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLSetPos(r.st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st);
    CHECK_INT(count_method("GET"), 1);
    for (int i = 0; i < WIDE; i++) {
        CHECK(r.price[i] == stored[i]);
        CHECK_INT(r.status[i], SQL_ROW_SUCCESS);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
out:
    bct_disconnect(dbc);
}

static void a_readonly_connection_refuses_a_rowset_write(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, "Readonly=true");
    wide_rowset r;

    if (!open_wide(dbc, &r))
        goto out;
    bct_sb_clear_requests(&sb);
    CHECK_STATE(SQLSetPos(r.st, 0, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st, "HY000");
    CHECK_INT(r.status[0], SQL_ROW_ERROR);
    CHECK_INT(r.status[WIDE - 1], SQL_ROW_ERROR);
    CHECK_STATE(SQLSetPos(r.st, 0, SQL_DELETE, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, r.st, "HY000");
    CHECK_INT(count_method("PUT") + count_method("DELETE"), 0);
    SQLFreeHandle(SQL_HANDLE_STMT, r.st);
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
    /* Bookmarks are off on this statement (test_bookmarks.c turns them on). */
    CHECK_STATE(SQLBulkOperations(st, SQL_UPDATE_BY_BOOKMARK), SQL_HANDLE_STMT, st, "HY092");
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

static void bulk_add_sends_customers_in_one_post(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    char email[3][40] = {"bulk1@example.com", "bulk2@example.com", "bulk3@example.com"},
         first[3][16] = {"Ann", "Bob", "Cy"}, last[3][16] = {"One", "Two", "Three"};
    SQLINTEGER id[3] = {0, 0, 0};
    SQLLEN ind[3] = {SQL_NTS, SQL_NTS, SQL_NTS}, count = -1,
           id_ind[3] = {SQL_COLUMN_IGNORE, SQL_COLUMN_IGNORE, SQL_COLUMN_IGNORE};
    SQLUSMALLINT status[3] = {0, 0, 0};
    SQLULEN rows = 0;
    char buf[120];

    if (st == NULL)
        goto out;
    SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &rows, 0);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"SELECT id, email, first_name, last_name FROM Customers "
                                      "WHERE id = -1",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    /* The id is the API's to assign: ignored. */
    SQLBindCol(st, 1, SQL_C_SLONG, id, 0, id_ind);
    SQLBindCol(st, 2, SQL_C_CHAR, email, sizeof email[0], ind);
    SQLBindCol(st, 3, SQL_C_CHAR, first, sizeof first[0], ind);
    SQLBindCol(st, 4, SQL_C_CHAR, last, sizeof last[0], ind);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(st, SQL_ADD), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLRowCount(st, &count), SQL_HANDLE_STMT, st);
    CHECK_INT(count, 3);
    CHECK_INT(rows, 3);
    CHECK_INT(status[2], SQL_ROW_ADDED);
    CHECK_INT(count_method("POST"), 1); /* customers are created ten per request */
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    text_of(dbc,
            "SELECT group_concat(first_name, ',') FROM (SELECT first_name FROM Customers WHERE "
            "email LIKE 'bulk_@example.com' ORDER BY email)",
            buf, sizeof buf);
    CHECK_STR(buf, "Ann,Bob,Cy");
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
    CHECK_INT(
        ca1 & (SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE | SQL_CA1_POS_REFRESH | SQL_CA1_BULK_ADD),
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
    static const char *const opts[] = {"--products", "30", NULL};
    static const bct_test tests[] = {
        BCT_TEST(setpos_update_and_delete_write_through_the_api),
        BCT_TEST(row_zero_follows_the_operation_array_and_reports_each_row),
        BCT_TEST(setpos_row_zero_refreshes_the_rowset_in_one_read),
        BCT_TEST(a_readonly_connection_refuses_a_rowset_write),
        BCT_TEST(setpos_row_zero_updates_a_rowset_in_batches_of_ten),
        BCT_TEST(setpos_row_zero_deletes_a_rowset_in_one_request),
        BCT_TEST(setpos_refresh_reads_the_row_again),
        BCT_TEST(bulk_add_inserts_the_bound_rows),
        BCT_TEST(bulk_add_sends_customers_in_one_post),
        BCT_TEST(result_sets_that_cannot_be_written_are_refused),
        BCT_TEST(getinfo_and_concurrency_say_what_is_supported),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, NULL, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
