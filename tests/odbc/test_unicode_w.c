/*
 * The Unicode (W) entry points with UTF-16 strings, and non-ASCII data: CJK and emoji names
 * round-trip equal to the sandbox's JSON through SQL_C_WCHAR and SQL_C_CHAR (UTF-8), and the
 * 100,000-character description comes back in SQL_C_WCHAR chunks.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;

static SQLHSTMT exec_w(SQLHDBC d, const char *sql)
{
    SQLHSTMT st = bct_stmt(d);
    SQLWCHAR *w = bct_w(sql, NULL);
    SQLRETURN rc = SQLExecDirectW(st, w, SQL_NTS);
    free(w);
    if (!CHECK_OK(rc, SQL_HANDLE_STMT, st)) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return NULL;
    }
    return st;
}

/* Whole value of a column as UTF-8 through SQL_C_WCHAR; NULL for SQL NULL. Caller frees. */
static char *get_wtext(SQLHSTMT st, SQLUSMALLINT col)
{
    SQLWCHAR buf[4096];
    SQLLEN ind = 0;
    SQLRETURN rc = SQLGetData(st, col, SQL_C_WCHAR, buf, sizeof buf, &ind);
    if (!CHECK_OK(rc, SQL_HANDLE_STMT, st) || ind == SQL_NULL_DATA) {
        return NULL;
    }
    CHECK_INT(ind, bct_wlen(buf) * sizeof(SQLWCHAR));
    return bct_u8(buf, bct_wlen(buf));
}

static bool has_cjk(const char *s)
{
    SQLWCHAR *w = bct_w(s, NULL);
    bool found = false;
    for (size_t i = 0; w[i]; i++) {
        found |= w[i] >= 0x4E00 && w[i] <= 0x9FFF;
    }
    free(w);
    return found;
}

static bool has_emoji(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xF8) == 0xF0) { /* a 4-byte sequence: outside the BMP */
            return true;
        }
    }
    return false;
}

static void driverconnectw_takes_utf16_and_completes_out_string(void)
{
    SQLHDBC d = SQL_NULL_HDBC;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &d), SQL_HANDLE_ENV, env);
    SQLWCHAR *cs = bct_w(bct_connstr(&sb, NULL), NULL);
    SQLWCHAR out[1024];
    SQLSMALLINT outlen = 0;
    SQLRETURN rc = SQLDriverConnectW(d, NULL, cs, SQL_NTS, out, 1024, &outlen, SQL_DRIVER_NOPROMPT);
    free(cs);
    if (!CHECK_OK(rc, SQL_HANDLE_DBC, d)) {
        SQLFreeHandle(SQL_HANDLE_DBC, d);
        return;
    }
    CHECK_INT(outlen, bct_wlen(out));
    char *u = bct_u8(out, bct_wlen(out));
    CHECK_MSG(strcasestr(u, "StoreId=sandbox") != NULL, "out string %s", u);
    free(u);
    SQLWCHAR name[64];
    SQLSMALLINT len = 0;
    CHECK_OK(SQLGetInfoW(d, SQL_DBMS_NAME, name, sizeof name, &len), SQL_HANDLE_DBC, d);
    char *dbms = bct_u8(name, bct_wlen(name));
    CHECK_STR(dbms, "BigCommerce");
    CHECK_INT(len, strlen("BigCommerce") * sizeof(SQLWCHAR));
    free(dbms);
    bct_disconnect(d);
}

static void connectw_with_dsn(void)
{
    char store[128], token[160], base[200];
    snprintf(store, sizeof store, "StoreId=%s", sb.store_hash);
    snprintf(token, sizeof token, "OAuthAccessToken=%s", sb.token);
    snprintf(base, sizeof base, "ApiBaseURL=%s", sb.url);
    const char *props[] = {store, token, base, NULL};
    bct_add_dsn("bcwdsn", props);
    SQLHDBC d = SQL_NULL_HDBC;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &d), SQL_HANDLE_ENV, env);
    SQLWCHAR *dsn = bct_w("bcwdsn", NULL);
    CHECK_OK(SQLConnectW(d, dsn, SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC, d);
    free(dsn);
    bct_disconnect(d);
}

static void describecolw_and_colattributew_return_utf16_names(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLWCHAR *sql = bct_w("SELECT id, name AS \"名前\" FROM Products", NULL);
    CHECK_OK(SQLPrepareW(st, sql, SQL_NTS), SQL_HANDLE_STMT, st);
    free(sql);
    SQLWCHAR name[64];
    SQLSMALLINT nlen = 0, type = 0, digits, nullable;
    SQLULEN size;
    CHECK_OK(SQLDescribeColW(st, 2, name, 64, &nlen, &type, &size, &digits, &nullable),
             SQL_HANDLE_STMT, st);
    char *u = bct_u8(name, bct_wlen(name));
    CHECK_STR(u, "名前");
    CHECK_INT(nlen, 2);
    CHECK_INT(type, SQL_WVARCHAR);
    free(u);
    SQLWCHAR label[64];
    SQLSMALLINT blen = 0;
    CHECK_OK(SQLColAttributeW(st, 1, SQL_DESC_NAME, label, sizeof label, &blen, NULL),
             SQL_HANDLE_STMT, st);
    u = bct_u8(label, bct_wlen(label));
    CHECK_STR(u, "id");
    CHECK_INT(blen, 2 * sizeof(SQLWCHAR));
    free(u);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Compares one text column of a table, for every row, with the sandbox's JSON. */
static int compare_names(const char *table, const char *column, const char *path, bool *cjk,
                         bool *emoji)
{
    cJSON *all = bct_sb_get_all(&sb, path);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT id, %s, %s FROM %s ORDER BY id", column, column, table);
    SQLHSTMT st = exec_w(dbc, sql);
    int rows = 0;
    while (st && SQL_SUCCEEDED(SQLFetch(st))) {
        SQLINTEGER id = 0;
        SQLGetData(st, 1, SQL_C_SLONG, &id, 0, NULL);
        char *w = get_wtext(st, 2);
        char a[4096];
        bool present = bct_get_text(st, 3, a, sizeof a);
        const cJSON *item = NULL, *it;
        cJSON_ArrayForEach(it, all)
        {
            if ((SQLINTEGER)cJSON_GetNumberValue(cJSON_GetObjectItem(it, "id")) == id) {
                item = it;
            }
        }
        const char *want = bct_json_text(item, column);
        CHECK_MSG(item != NULL, "%s id %d not in the sandbox", table, (int)id);
        if (want) {
            CHECK_STR(w, want);
            CHECK_STR(a, want);
            *cjk |= has_cjk(want);
            *emoji |= has_emoji(want);
        } else {
            CHECK(w == NULL && !present);
        }
        free(w);
        rows++;
    }
    CHECK_INT(rows, cJSON_GetArraySize(all));
    if (st) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    cJSON_Delete(all);
    return rows;
}

static void unicode_names_round_trip_equal_to_sandbox_json(void)
{
    bool cjk = false, emoji = false;
    compare_names("Products", "name", "/v3/catalog/products", &cjk, &emoji);
    compare_names("Brands", "name", "/v3/catalog/brands", &cjk, &emoji);
    compare_names("Categories", "name", "/v3/catalog/categories", &cjk, &emoji);
    compare_names("Customers", "first_name", "/v3/customers", &cjk, &emoji);
    compare_names("Customers", "last_name", "/v3/customers", &cjk, &emoji);
    CHECK_MSG(cjk, "the sandbox data has no CJK name to test with");
    CHECK_MSG(emoji, "the sandbox data has no emoji name to test with");
}

static void wchar_parameter_and_literal_find_non_ascii_name(void)
{
    cJSON *all = bct_sb_get_all(&sb, "/v3/catalog/products");
    const cJSON *target = NULL, *it;
    cJSON_ArrayForEach(it, all)
    {
        const char *n = bct_json_text(it, "name");
        if (!target && n && (has_cjk(n) || has_emoji(n)) && !strchr(n, '\'')) {
            target = it;
        }
    }
    if (!target) {
        bct_fail(__FILE__, __LINE__, "no non-ASCII product name in the sandbox");
        cJSON_Delete(all);
        return;
    }
    long want_id = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(target, "id"));
    SQLHSTMT st = bct_stmt(dbc);
    SQLWCHAR *sql = bct_w("SELECT id FROM Products WHERE name = ?", NULL);
    CHECK_OK(SQLPrepareW(st, sql, SQL_NTS), SQL_HANDLE_STMT, st);
    free(sql);
    size_t units = 0;
    SQLWCHAR *param = bct_w(bct_json_text(target, "name"), &units);
    SQLLEN ind = (SQLLEN)(units * sizeof(SQLWCHAR));
    CHECK_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WVARCHAR, 250, 0, param, ind,
                              &ind),
             SQL_HANDLE_STMT, st);
    CHECK_OK(SQLExecute(st), SQL_HANDLE_STMT, st);
    SQLINTEGER id = 0;
    CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
    SQLGetData(st, 1, SQL_C_SLONG, &id, 0, NULL);
    CHECK_INT(id, want_id);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    free(param);
    char lit[1024];
    snprintf(lit, sizeof lit, "SELECT id FROM Products WHERE name = '%s'",
             bct_json_text(target, "name"));
    st = exec_w(dbc, lit);
    if (st && CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st)) {
        SQLGetData(st, 1, SQL_C_SLONG, &id, 0, NULL);
        CHECK_INT(id, want_id);
    }
    if (st) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    cJSON_Delete(all);
}

/* For SQL_C_WCHAR the indicator is in bytes and the terminator takes one SQLWCHAR. */
static void getdata_wchar_chunks_100k_description_with_01004(void)
{
    cJSON *one = bct_sb_get(&sb, "/v3/catalog/products?id:in=2");
    const char *want = cJSON_GetStringValue(cJSON_GetObjectItem(
        cJSON_GetArrayItem(cJSON_GetObjectItem(one, "data"), 0), "description"));
    if (!want) {
        bct_fail(__FILE__, __LINE__, "the sandbox has no description for product 2");
        cJSON_Delete(one);
        return;
    }
    size_t units = 0;
    SQLWCHAR *wantw = bct_w(want, &units);
    CHECK_MSG(units >= 100000, "description has %zu UTF-16 units", units);
    SQLHSTMT st = exec_w(dbc, "SELECT description FROM Products WHERE id = 2");
    if (!st || !CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st)) {
        free(wantw);
        cJSON_Delete(one);
        return;
    }
    enum { CHUNK = 1500 }; /* SQLWCHARs per buffer */
    SQLWCHAR *got = calloc(units + 1, sizeof(SQLWCHAR));
    SQLWCHAR buf[CHUNK];
    size_t off = 0;
    SQLLEN ind;
    SQLRETURN rc;
    int chunks = 0;
    while ((rc = SQLGetData(st, 1, SQL_C_WCHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA &&
           chunks++ < 1000) {
        if (!CHECK_OK(rc, SQL_HANDLE_STMT, st)) {
            break;
        }
        size_t remaining = units - off, piece = bct_wlen(buf);
        if (ind != SQL_NO_TOTAL) {
            CHECK_INT(ind, remaining * sizeof(SQLWCHAR));
        }
        if (remaining >= CHUNK) {
            CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
            CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01004"));
            /* one unit short is allowed: a surrogate pair is not split */
            CHECK_MSG(piece == CHUNK - 1 || piece == CHUNK - 2, "chunk of %zu units", piece);
        } else {
            CHECK_INT(rc, SQL_SUCCESS);
            CHECK_INT(piece, remaining);
        }
        if (off + piece > units) {
            bct_fail(__FILE__, __LINE__, "more data than the sandbox sent");
            break;
        }
        memcpy(got + off, buf, piece * sizeof(SQLWCHAR));
        off += piece;
    }
    CHECK_INT(off, units);
    CHECK_MSG(memcmp(got, wantw, units * sizeof(SQLWCHAR)) == 0,
              "reassembled WCHAR description differs from the sandbox's");
    free(got);
    free(wantw);
    cJSON_Delete(one);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void diagrecw_reports_unknown_table_in_utf16(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLWCHAR *sql = bct_w("SELECT * FROM 表", NULL);
    CHECK_INT(SQLExecDirectW(st, sql, SQL_NTS), SQL_ERROR);
    free(sql);
    SQLWCHAR state[6], msg[1024];
    SQLINTEGER native;
    SQLSMALLINT len = 0;
    CHECK_OK(SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, state, &native, msg, 1024, &len),
             SQL_HANDLE_STMT, st);
    char *s = bct_u8(state, 5), *m = bct_u8(msg, bct_wlen(msg));
    CHECK_STR(s, "42S02");
    CHECK_MSG(strstr(m, "表") != NULL, "message should name the table: %s", m);
    CHECK_INT(len, bct_wlen(msg));
    free(s);
    free(m);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void catalog_functions_w(void)
{
    SQLHSTMT st = bct_stmt(dbc);
    SQLWCHAR *pat = bct_w("Order%", NULL), *type = bct_w("TABLE", NULL);
    CHECK_OK(SQLTablesW(st, NULL, 0, NULL, 0, pat, SQL_NTS, type, SQL_NTS), SQL_HANDLE_STMT, st);
    bool orders = false, items = false;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        char *name = get_wtext(st, 3);
        if (name) {
            orders |= strcmp(name, "Orders") == 0;
            items |= strcmp(name, "OrderItems") == 0;
            CHECK_MSG(strncmp(name, "Order", 5) == 0, "%s does not match Order%%", name);
        }
        free(name);
    }
    CHECK(orders && items);
    SQLFreeStmt(st, SQL_CLOSE);
    SQLWCHAR *tab = bct_w("Customers", NULL), *col = bct_w("email", NULL);
    CHECK_OK(SQLColumnsW(st, NULL, 0, NULL, 0, tab, SQL_NTS, col, SQL_NTS), SQL_HANDLE_STMT, st);
    CHECK_INT(bct_count_rows(st), 1);
    SQLFreeStmt(st, SQL_CLOSE);
    SQLWCHAR *q = bct_w("SELECT 'é'", NULL), out[64];
    SQLINTEGER outlen = 0;
    CHECK_OK(SQLNativeSqlW(dbc, q, SQL_NTS, out, 64, &outlen), SQL_HANDLE_DBC, dbc);
    CHECK_INT(outlen, bct_wlen(q));
    CHECK(memcmp(out, q, (bct_wlen(q) + 1) * sizeof(SQLWCHAR)) == 0);
    free(pat);
    free(type);
    free(tab);
    free(col);
    free(q);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "40", "--orders", "5", "--customers", "20", NULL};
    if (!bct_sandbox_start(&sb, opts)) {
        return 1;
    }
    env = bct_env();
    dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
    SQLWCHAR *cs = bct_w(bct_connstr(&sb, NULL), NULL);
    SQLRETURN rc = SQLDriverConnectW(dbc, NULL, cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    free(cs);
    if (!CHECK_OK(rc, SQL_HANDLE_DBC, dbc)) {
        bct_sandbox_stop(&sb);
        return 1;
    }
    static const bct_test tests[] = {
        BCT_TEST(driverconnectw_takes_utf16_and_completes_out_string),
        BCT_TEST(connectw_with_dsn),
        BCT_TEST(describecolw_and_colattributew_return_utf16_names),
        BCT_TEST(unicode_names_round_trip_equal_to_sandbox_json),
        BCT_TEST(wchar_parameter_and_literal_find_non_ascii_name),
        BCT_TEST(getdata_wchar_chunks_100k_description_with_01004),
        BCT_TEST(diagrecw_reports_unknown_table_in_utf16),
        BCT_TEST(catalog_functions_w),
    };
    int status = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    bct_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return status;
}
