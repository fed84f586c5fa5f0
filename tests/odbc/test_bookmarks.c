/*
 * Bookmarks through the driver manager: SQL_ATTR_USE_BOOKMARKS = SQL_UB_VARIABLE, column 0
 * fetched as the row's bookmark, and SQLBulkOperations naming rows by bookmark (fetch, update,
 * delete), on the statement that fetched them and on another one; the updates and deletes are
 * counted in the sandbox's request log and read back with SELECT. Then the refusals and what
 * SQLGetInfo reports.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;

#define NROWS 12
#define BM_CAP 64

static int count_method(const char *method)
{
    cJSON *log = bct_sb_requests(&sb), *r;
    int n = 0;

    cJSON_ArrayForEach(r, log)
    {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(r, "method");
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(r, "path");
        n += cJSON_IsString(m) && strcmp(m->valuestring, method) == 0 && cJSON_IsString(p) &&
             strncmp(p->valuestring, "/stores/", 8) == 0;
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

/* A statement with bookmarks on, rows of NROWS, id, name and price bound with column 0. */
typedef struct {
    SQLHSTMT st;
    unsigned char bm[NROWS][BM_CAP];
    SQLLEN bm_len[NROWS];
    SQLINTEGER id[NROWS];
    char name[NROWS][64];
    double price[NROWS];
    SQLLEN id_ind[NROWS], name_ind[NROWS], price_ind[NROWS];
    SQLUSMALLINT status[NROWS];
    SQLULEN fetched;
} marked;

static bool open_marked(SQLHDBC dbc, marked *m, SQLULEN rows, const char *sql)
{
    memset(m, 0, sizeof *m);
    if ((m->st = bct_stmt(dbc)) == NULL)
        return false;
    CHECK_OK(SQLSetStmtAttr(m->st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0),
             SQL_HANDLE_STMT, m->st);
    SQLSetStmtAttr(m->st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    SQLSetStmtAttr(m->st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)rows, 0);
    SQLSetStmtAttr(m->st, SQL_ATTR_ROW_STATUS_PTR, m->status, 0);
    SQLSetStmtAttr(m->st, SQL_ATTR_ROWS_FETCHED_PTR, &m->fetched, 0);
    CHECK_OK(SQLBindCol(m->st, 0, SQL_C_VARBOOKMARK, m->bm, BM_CAP, m->bm_len), SQL_HANDLE_STMT,
             m->st);
    SQLBindCol(m->st, 1, SQL_C_SLONG, m->id, 0, m->id_ind);
    SQLBindCol(m->st, 2, SQL_C_CHAR, m->name, sizeof m->name[0], m->name_ind);
    SQLBindCol(m->st, 3, SQL_C_DOUBLE, m->price, 0, m->price_ind);
    return CHECK_OK(SQLExecDirect(m->st, (SQLCHAR *)sql, SQL_NTS), SQL_HANDLE_STMT, m->st);
}

static void column_zero_is_a_bookmark_that_names_the_row_on_another_statement(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    marked a, b;
    SQLULEN ub = 0;
    unsigned char saved[4][BM_CAP];
    SQLLEN saved_len[4];

    if (!open_marked(dbc, &a, 4,
                     "SELECT id, name, price FROM Products WHERE id BETWEEN 1 AND 4 ORDER BY id"))
        goto out;
    SQLGetStmtAttr(a.st, SQL_ATTR_USE_BOOKMARKS, &ub, 0, NULL);
    CHECK_INT(ub, SQL_UB_VARIABLE);
    CHECK_OK(SQLFetch(a.st), SQL_HANDLE_STMT, a.st);
    CHECK_INT(a.fetched, 4);
    /* Column 0 describes itself as binary, never NULL, read-only. */
    SQLSMALLINT type = 0, nullable = -1;
    SQLULEN size = 0;
    SQLLEN updatable = -1;
    CHECK_OK(SQLDescribeCol(a.st, 0, NULL, 0, NULL, &type, &size, NULL, &nullable), SQL_HANDLE_STMT,
             a.st);
    CHECK_INT(type, SQL_BINARY);
    CHECK_INT(nullable, SQL_NO_NULLS);
    CHECK(size >= (SQLULEN)a.bm_len[0]);
    CHECK_OK(SQLColAttribute(a.st, 0, SQL_DESC_UPDATABLE, NULL, 0, NULL, &updatable),
             SQL_HANDLE_STMT, a.st);
    CHECK_INT(updatable, SQL_ATTR_READONLY);
    for (int i = 0; i < 4; i++) {
        CHECK(a.bm_len[i] > 0 && a.bm_len[i] <= BM_CAP);
        if (i > 0)
            CHECK(a.bm_len[i] != a.bm_len[i - 1] ||
                  memcmp(a.bm[i], a.bm[i - 1], (size_t)a.bm_len[i]) != 0);
    }
    /* SQLGetData reads the same bookmark from column 0 of the row the cursor is on. */
    unsigned char got[BM_CAP];
    SQLLEN got_len = 0;
    CHECK_OK(SQLSetPos(a.st, 2, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_HANDLE_STMT, a.st);
    CHECK_OK(SQLGetData(a.st, 0, SQL_C_VARBOOKMARK, got, sizeof got, &got_len), SQL_HANDLE_STMT,
             a.st);
    CHECK_INT(got_len, a.bm_len[1]);
    CHECK(got_len > 0 && got_len <= BM_CAP && memcmp(got, a.bm[1], (size_t)got_len) == 0);
    /* Kept in reverse order; the cursor that made them is gone before they are used. */
    for (int i = 0; i < 4; i++) {
        memcpy(saved[3 - i], a.bm[i], BM_CAP);
        saved_len[3 - i] = a.bm_len[i];
    }
    SQLFreeHandle(SQL_HANDLE_STMT, a.st);

    if (!open_marked(dbc, &b, 4, "SELECT id, name, price FROM Products WHERE id = -1"))
        goto out;
    CHECK_INT(SQLFetch(b.st), SQL_NO_DATA);
    memcpy(b.bm, saved, sizeof saved);
    memcpy(b.bm_len, saved_len, sizeof saved_len);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(b.st, SQL_FETCH_BY_BOOKMARK), SQL_HANDLE_STMT, b.st);
    CHECK_INT(b.fetched, 4);
    for (int i = 0; i < 4; i++) {
        CHECK_INT(b.id[i], 4 - i);
        CHECK_INT(b.status[i], SQL_ROW_SUCCESS);
    }
    CHECK_INT(count_method("GET"), 1); /* one read (id:in) for the four bookmarks */
    SQLFreeHandle(SQL_HANDLE_STMT, b.st);
out:
    bct_disconnect(dbc);
}

static void update_and_delete_by_bookmark_go_out_in_batches(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    marked m;
    SQLLEN count = -1;
    char buf[200];

    if (!open_marked(dbc, &m, NROWS,
                     "SELECT id, name, price FROM Products WHERE id BETWEEN 11 AND 22 "
                     "ORDER BY id"))
        goto out;
    CHECK_OK(SQLFetch(m.st), SQL_HANDLE_STMT, m.st);
    CHECK_INT(m.fetched, NROWS);
    /* New prices; the names are left alone. */
    for (int i = 0; i < NROWS; i++) {
        m.price[i] = 500 + m.id[i];
        m.name_ind[i] = SQL_COLUMN_IGNORE;
    }
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(m.st, SQL_UPDATE_BY_BOOKMARK), SQL_HANDLE_STMT, m.st);
    CHECK_OK(SQLRowCount(m.st, &count), SQL_HANDLE_STMT, m.st);
    CHECK_INT(count, NROWS);
    for (int i = 0; i < NROWS; i++)
        CHECK_INT(m.status[i], SQL_ROW_UPDATED);
    CHECK_INT(count_method("GET"), 1); /* the twelve rows located in one read */
    CHECK_INT(count_method("PUT"), 2); /* ten products per PUT */
    text_of(dbc,
            "SELECT group_concat(CAST(price - id AS INTEGER), ',') FROM (SELECT id, price FROM "
            "Products WHERE id BETWEEN 11 AND 22 ORDER BY id)",
            buf, sizeof buf);
    CHECK_STR(buf, "500,500,500,500,500,500,500,500,500,500,500,500");

    /* Delete the last three: their bookmarks moved to the front of the array. */
    memmove(m.bm[0], m.bm[9], 3 * sizeof m.bm[0]);
    memmove(&m.bm_len[0], &m.bm_len[9], 3 * sizeof m.bm_len[0]);
    SQLSetStmtAttr(m.st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(m.st, SQL_DELETE_BY_BOOKMARK), SQL_HANDLE_STMT, m.st);
    CHECK_OK(SQLRowCount(m.st, &count), SQL_HANDLE_STMT, m.st);
    CHECK_INT(count, 3);
    CHECK_INT(m.status[0], SQL_ROW_DELETED);
    CHECK_INT(m.status[2], SQL_ROW_DELETED);
    CHECK_INT(count_method("DELETE"), 1); /* one DELETE ?id:in=20,21,22 */
    text_of(dbc,
            "SELECT group_concat(id, ',') FROM (SELECT id FROM Products WHERE id BETWEEN 19 AND "
            "22 ORDER BY id)",
            buf, sizeof buf);
    CHECK_STR(buf, "19");

    /* A deleted row's bookmark finds nothing: SQL_ROW_DELETED, and a warning on that row. */
    m.name_ind[1] = 0;
    CHECK_INT(SQLBulkOperations(m.st, SQL_FETCH_BY_BOOKMARK), SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, m.st, "01000"));
    CHECK_INT(m.status[1], SQL_ROW_DELETED);
    SQLFreeHandle(SQL_HANDLE_STMT, m.st);
out:
    bct_disconnect(dbc);
}

/* Row-wise binding (one struct per row), as form tools bind. */
typedef struct {
    unsigned char bm[BM_CAP];
    SQLLEN bm_len;
    SQLINTEGER id;
    SQLLEN id_ind;
    double price;
    SQLLEN price_ind;
} wide_row;

static void row_wise_buffers_update_by_bookmark(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    wide_row rows[3];
    SQLUSMALLINT status[3];
    char buf[80];

    if (st == NULL)
        goto out;
    memset(rows, 0, sizeof rows);
    SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0);
    SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(wide_row), 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLBindCol(st, 0, SQL_C_VARBOOKMARK, rows[0].bm, BM_CAP, &rows[0].bm_len);
    SQLBindCol(st, 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind);
    SQLBindCol(st, 2, SQL_C_DOUBLE, &rows[0].price, 0, &rows[0].price_ind);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"SELECT id, price FROM Products WHERE id IN (1, 2, 3) "
                                      "ORDER BY id",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    for (int i = 0; i < 3; i++) {
        CHECK_INT(rows[i].id, i + 1);
        rows[i].price = 1000 + rows[i].id;
    }
    bct_sb_clear_requests(&sb);
    CHECK_OK(SQLBulkOperations(st, SQL_UPDATE_BY_BOOKMARK), SQL_HANDLE_STMT, st);
    CHECK_INT(status[2], SQL_ROW_UPDATED);
    CHECK_INT(count_method("GET"), 1);
    CHECK_INT(count_method("PUT"), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    text_of(dbc,
            "SELECT group_concat(CAST(price AS INTEGER), ',') FROM (SELECT price FROM Products "
            "WHERE id IN (1, 2, 3) ORDER BY id)",
            buf, sizeof buf);
    CHECK_STR(buf, "1001,1002,1003");
out:
    bct_disconnect(dbc);
}

static void bookmarks_that_cannot_work_are_refused(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    unsigned char bm[2][BM_CAP];
    SQLLEN bm_len[2] = {0, 0};
    SQLULEN ub = 0;
    SQLUINTEGER fixed_bm = 0;
    marked m;

    if (st == NULL)
        goto out;
    /* Bookmarks off: column 0 does not exist, and SQLBulkOperations cannot use them. */
    CHECK_STATE(SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, BM_CAP, bm_len), SQL_HANDLE_STMT, st,
                "07009");
    SQLSetStmtAttr(st, SQL_ATTR_CONCURRENCY, (SQLPOINTER)SQL_CONCUR_LOCK, 0);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, name FROM Products WHERE id = 1", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLBulkOperations(st, SQL_DELETE_BY_BOOKMARK), SQL_HANDLE_STMT, st, "HY092");
    SQLCloseCursor(st);
    /* ODBC 2's fixed bookmarks become variable ones, with 01S02. */
    CHECK_INT(SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_ON, 0),
              SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01S02"));
    SQLGetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, &ub, 0, NULL);
    CHECK_INT(ub, SQL_UB_VARIABLE);
    CHECK_STATE(SQLBindCol(st, 0, SQL_C_BOOKMARK, &fixed_bm, 0, NULL), SQL_HANDLE_STMT, st,
                "07006");
    /* A bookmark is the key of one table: a join has none. */
    CHECK_OK(SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, BM_CAP, bm_len), SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"SELECT p.name, b.name FROM Products p JOIN Brands b ON "
                                      "b.id = p.brand_id LIMIT 1",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_STATE(SQLFetch(st), SQL_HANDLE_STMT, st, "HY000");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* Bytes that are no bookmark of ours: HY111 on that row, the other row still written. */
    if (!open_marked(dbc, &m, 2,
                     "SELECT id, name, price FROM Products WHERE id IN (5, 6) ORDER BY id"))
        goto out;
    CHECK_OK(SQLFetch(m.st), SQL_HANDLE_STMT, m.st);
    m.bm[0][0] = 'x';
    m.price[1] = 66;
    m.name_ind[0] = m.name_ind[1] = SQL_COLUMN_IGNORE;
    bct_sb_clear_requests(&sb);
    CHECK_INT(SQLBulkOperations(m.st, SQL_UPDATE_BY_BOOKMARK), SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, m.st, "HY111"));
    CHECK_INT(m.status[0], SQL_ROW_ERROR);
    CHECK_INT(m.status[1], SQL_ROW_UPDATED);
    CHECK_INT(count_method("PUT"), 1);
    SQLFreeHandle(SQL_HANDLE_STMT, m.st);

    /* A buffer too small for the bookmark: 01004, and the length it needs. */
    st = bct_stmt(dbc);
    SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0);
    SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, 4, bm_len);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Products WHERE id = 7", SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_INT(SQLFetch(st), SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01004"));
    CHECK(bm_len[0] > 4);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
out:
    bct_disconnect(dbc);
}

static SQLINTEGER fetch_id(SQLHSTMT st, SQLSMALLINT orientation, SQLLEN offset,
                           const SQLINTEGER *id)
{
    SQLRETURN rc = SQLFetchScroll(st, orientation, offset);
    return SQL_SUCCEEDED(rc) ? *id : rc == SQL_NO_DATA ? 0 : -1;
}

static void a_static_cursor_scrolls_to_a_bookmark(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLHSTMT st = bct_stmt(dbc);
    unsigned char bm[BM_CAP], saved[BM_CAP];
    SQLLEN bm_len = 0, id_ind = 0;
    SQLINTEGER id = 0;

    if (st == NULL)
        goto out;
    SQLSetStmtAttr(st, SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLBindCol(st, 0, SQL_C_VARBOOKMARK, bm, BM_CAP, &bm_len);
    SQLBindCol(st, 1, SQL_C_SLONG, &id, 0, &id_ind);
    CHECK_OK(SQLExecDirect(st,
                           (SQLCHAR *)"SELECT id, name FROM Products WHERE id BETWEEN 1 AND 10 "
                                      "ORDER BY id",
                           SQL_NTS),
             SQL_HANDLE_STMT, st);
    CHECK_INT(fetch_id(st, SQL_FETCH_ABSOLUTE, 5, &id), 5);
    memcpy(saved, bm, sizeof saved);
    CHECK_INT(fetch_id(st, SQL_FETCH_FIRST, 0, &id), 1);
    SQLSetStmtAttr(st, SQL_ATTR_FETCH_BOOKMARK_PTR, saved, 0);
    CHECK_INT(fetch_id(st, SQL_FETCH_BOOKMARK, 0, &id), 5);
    CHECK_INT(fetch_id(st, SQL_FETCH_BOOKMARK, 2, &id), 7);
    CHECK_INT(fetch_id(st, SQL_FETCH_BOOKMARK, -10, &id), 0);
    saved[0] = 'x';
    CHECK_STATE(SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0), SQL_HANDLE_STMT, st, "HY111");
    /* A static cursor reads by bookmark but does not write. */
    CHECK_STATE(SQLBulkOperations(st, SQL_DELETE_BY_BOOKMARK), SQL_HANDLE_STMT, st, "HYC00");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
out:
    bct_disconnect(dbc);
}

static void getinfo_reports_the_bookmark_operations(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    SQLUINTEGER bp = 0, ca1 = 0, sca1 = 0;

    SQLGetInfo(dbc, SQL_BOOKMARK_PERSISTENCE, &bp, 0, NULL);
    CHECK_INT(bp, SQL_BP_CLOSE | SQL_BP_DROP | SQL_BP_OTHER_HSTMT | SQL_BP_SCROLL |
                      SQL_BP_TRANSACTION | SQL_BP_UPDATE);
    SQLGetInfo(dbc, SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, &ca1, 0, NULL);
    CHECK_INT(ca1 & (SQL_CA1_BULK_UPDATE_BY_BOOKMARK | SQL_CA1_BULK_DELETE_BY_BOOKMARK |
                     SQL_CA1_BULK_FETCH_BY_BOOKMARK | SQL_CA1_BOOKMARK),
              SQL_CA1_BULK_UPDATE_BY_BOOKMARK | SQL_CA1_BULK_DELETE_BY_BOOKMARK |
                  SQL_CA1_BULK_FETCH_BY_BOOKMARK);
    SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &sca1, 0, NULL);
    CHECK_INT(sca1 & (SQL_CA1_BOOKMARK | SQL_CA1_BULK_FETCH_BY_BOOKMARK |
                      SQL_CA1_BULK_UPDATE_BY_BOOKMARK),
              SQL_CA1_BOOKMARK | SQL_CA1_BULK_FETCH_BY_BOOKMARK);
    bct_disconnect(dbc);
}

int main(int argc, char **argv)
{
    static const char *const opts[] = {"--products", "30", NULL};
    static const bct_test tests[] = {
        BCT_TEST(column_zero_is_a_bookmark_that_names_the_row_on_another_statement),
        BCT_TEST(update_and_delete_by_bookmark_go_out_in_batches),
        BCT_TEST(row_wise_buffers_update_by_bookmark),
        BCT_TEST(bookmarks_that_cannot_work_are_refused),
        BCT_TEST(a_static_cursor_scrolls_to_a_bookmark),
        BCT_TEST(getinfo_reports_the_bookmark_operations),
    };
    return bct_main_connected(argc, argv, opts, &sb, &env, NULL, tests,
                              (int)(sizeof tests / sizeof tests[0]));
}
