/*
 * The scenarios through the unixODBC driver manager, as an application runs them: private
 * odbcinst.ini/odbc.ini in a temp dir (set in the environment before the first ODBC call),
 * SQLDriverConnect with a connection string, bound columns and SQLFetch.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char bench_dir[256];
static char bench_error[1024];
static SQLHENV bench_env = SQL_NULL_HENV;

static bool bench_write(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", bench_dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        return false;
    }
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

bool bench_odbc_init(const char *driver_path)
{
    char inst[2048], ini[512];
    snprintf(bench_dir, sizeof bench_dir, "/tmp/bc-bench-XXXXXX");
    if (!mkdtemp(bench_dir)) {
        bench_dir[0] = '\0';
        return false;
    }
    snprintf(inst, sizeof inst,
             "[BigCommerce]\nDescription = BigCommerce ODBC driver (benchmark)\nDriver = %s\n",
             driver_path);
    if (!bench_write("odbcinst.ini", inst) || !bench_write("odbc.ini", "")) {
        return false;
    }
    snprintf(ini, sizeof ini, "%s/odbc.ini", bench_dir);
    setenv("ODBCSYSINI", bench_dir, 1);
    setenv("ODBCINI", ini, 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);
    setenv("BROWSER", "/bin/false", 1); /* a benchmark must never open a browser */
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &bench_env))) {
        return false;
    }
    SQLSetEnvAttr(bench_env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3_80, 0);
    return true;
}

void bench_odbc_cleanup(void)
{
    char path[512];
    if (bench_env) {
        SQLFreeHandle(SQL_HANDLE_ENV, bench_env);
        bench_env = SQL_NULL_HENV;
    }
    if (bench_dir[0]) {
        snprintf(path, sizeof path, "%s/odbcinst.ini", bench_dir);
        unlink(path);
        snprintf(path, sizeof path, "%s/odbc.ini", bench_dir);
        unlink(path);
        rmdir(bench_dir);
        bench_dir[0] = '\0';
    }
}

const char *bench_odbc_last_error(void)
{
    return bench_error;
}

/* Keeps the first diagnostic of a failed call; returns false for the caller to pass on. */
static bool bench_fail(SQLSMALLINT type, SQLHANDLE h, const char *what)
{
    SQLCHAR state[6] = "", msg[768] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    SQLGetDiagRec(type, h, 1, state, &native, msg, sizeof msg, &len);
    snprintf(bench_error, sizeof bench_error, "%s: %s %s", what, (char *)state, (char *)msg);
    return false;
}

SQLHDBC bench_odbc_connect(const bench_sandbox *sb)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    char cs[1024];
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, bench_env, &dbc))) {
        bench_fail(SQL_HANDLE_ENV, bench_env, "SQLAllocHandle(DBC)");
        return SQL_NULL_HDBC;
    }
    snprintf(cs, sizeof cs, "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=%s;ApiBaseURL=%s",
             sb->store_hash, sb->token, sb->url);
    SQLRETURN rc =
        SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        bench_fail(SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

void bench_odbc_disconnect(SQLHDBC dbc)
{
    if (dbc) {
        SQLDisconnect(dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
}

/* Fetches every row of an executed statement whose first bound column is the id that goes
 * into the checksum (or, for COUNT(*), the value itself). */
static bool bench_fetch_all(SQLHSTMT st, const SQLBIGINT *key, bench_result *r)
{
    SQLRETURN rc;
    while (SQL_SUCCEEDED(rc = SQLFetch(st))) {
        r->rows++;
        r->checksum += *key;
    }
    return rc == SQL_NO_DATA || bench_fail(SQL_HANDLE_STMT, st, "SQLFetch");
}

/* Columns of "id, name, price": id (and the checksum) as a BIGINT, name as text, price as a
 * double, the conversions an application typically asks for. */
typedef struct bench_product_row {
    SQLBIGINT id;
    char name[1024];
    double price;
    char sku[256]; /* bound only by the wide scan */
    SQLLEN ind[4];
} bench_product_row;

static bool bench_bind_product(SQLHSTMT st, bench_product_row *row)
{
    return SQL_SUCCEEDED(SQLBindCol(st, 1, SQL_C_SBIGINT, &row->id, 0, &row->ind[0])) &&
           SQL_SUCCEEDED(
               SQLBindCol(st, 2, SQL_C_CHAR, row->name, sizeof row->name, &row->ind[1])) &&
           SQL_SUCCEEDED(SQLBindCol(st, 3, SQL_C_DOUBLE, &row->price, 0, &row->ind[2]));
}

bool bench_direct(SQLHDBC dbc, const char *sql, bool product_row, bench_result *r)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    bench_product_row row;
    SQLLEN ind = 0;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        return bench_fail(SQL_HANDLE_DBC, dbc, "SQLAllocHandle(STMT)");
    }
    bool ok = product_row ? bench_bind_product(st, &row)
                          : SQL_SUCCEEDED(SQLBindCol(st, 1, SQL_C_SBIGINT, &row.id, 0, &ind));
    if (!ok) {
        bench_fail(SQL_HANDLE_STMT, st, "SQLBindCol");
    } else if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS))) {
        ok = bench_fail(SQL_HANDLE_STMT, st, sql);
    } else {
        ok = bench_fetch_all(st, &row.id, r);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return ok;
}

bool bench_odbc_scan_products(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    (void)ids;
    return bench_direct(dbc, "SELECT id, name, price FROM Products", true, r);
}

bool bench_odbc_scan_wide(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    bench_product_row row;
    (void)ids;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        return bench_fail(SQL_HANDLE_DBC, dbc, "SQLAllocHandle(STMT)");
    }
    bool ok = bench_bind_product(st, &row) &&
              SQL_SUCCEEDED(SQLBindCol(st, 4, SQL_C_CHAR, row.sku, sizeof row.sku, &row.ind[3]));
    if (!ok) {
        bench_fail(SQL_HANDLE_STMT, st, "SQLBindCol");
    } else if (!SQL_SUCCEEDED(SQLExecDirect(
                   st, (SQLCHAR *)"SELECT id, name, price, sku FROM Products", SQL_NTS))) {
        ok = bench_fail(SQL_HANDLE_STMT, st, "SELECT id, name, price, sku FROM Products");
    } else {
        ok = bench_fetch_all(st, &row.id, r);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return ok;
}

/* One prepared statement re-executed per id, the way an application looks up rows. */
bool bench_odbc_point_lookups(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    bench_product_row row;
    SQLBIGINT param = 0;
    SQLLEN param_ind = 0;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        return bench_fail(SQL_HANDLE_DBC, dbc, "SQLAllocHandle(STMT)");
    }
    bool ok = SQL_SUCCEEDED(SQLPrepare(
                  st, (SQLCHAR *)"SELECT id, name, price FROM Products WHERE id = ?", SQL_NTS)) &&
              SQL_SUCCEEDED(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_INTEGER, 0,
                                             0, &param, 0, &param_ind)) &&
              bench_bind_product(st, &row);
    if (!ok) {
        bench_fail(SQL_HANDLE_STMT, st, "SQLPrepare/SQLBind*");
    }
    for (int i = 0; ok && i < ids->n_products; i++) {
        param = ids->product_ids[i];
        if (!SQL_SUCCEEDED(SQLExecute(st))) {
            ok = bench_fail(SQL_HANDLE_STMT, st, "SQLExecute");
            break;
        }
        ok = bench_fetch_all(st, &row.id, r) && SQL_SUCCEEDED(SQLFreeStmt(st, SQL_CLOSE));
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return ok;
}

bool bench_odbc_join(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    char sql[4096];
    size_t off = (size_t)snprintf(sql, sizeof sql,
                                  "SELECT i.id, o.date_created, i.product_id, i.quantity "
                                  "FROM Orders o JOIN OrderItems i ON i.order_id = o.id "
                                  "WHERE o.id IN (");
    for (int i = 0; i < ids->n_orders && off < sizeof sql; i++) {
        off += (size_t)snprintf(sql + off, sizeof sql - off, "%s%ld", i ? ", " : "",
                                ids->order_ids[i]);
    }
    if (off + 2 >= sizeof sql) {
        snprintf(bench_error, sizeof bench_error, "join: too many ids for the SQL buffer");
        return false;
    }
    memcpy(sql + off, ")", 2);
    return bench_direct(dbc, sql, false, r);
}

bool bench_odbc_count_orders(SQLHDBC dbc, const bench_ids *ids, bench_result *r)
{
    bench_result one = {0};
    (void)ids;
    if (!bench_direct(dbc, "SELECT COUNT(*) FROM Orders", false, &one)) {
        return false;
    }
    r->rows = one.rows;
    r->checksum = one.checksum; /* the count itself */
    return true;
}
