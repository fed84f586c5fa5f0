/* Shared by the test_convert*.c programs: SQLite values from SQL literals, column types. */
#ifndef BC_TEST_CONVERT_FIXTURE_H
#define BC_TEST_CONVERT_FIXTURE_H

#include <sqlite3.h>
#include <string.h>
#include "bc_convert.h"

static sqlite3 *fx_db;

static int fx_setup(void **state)
{
    (void)state;
    return sqlite3_open(":memory:", &fx_db) == SQLITE_OK ? 0 : -1;
}

static int fx_teardown(void **state)
{
    (void)state;
    sqlite3_close(fx_db);
    return 0;
}

/* A protected copy of the value of SQL expression expr; caller frees with sqlite3_value_free. */
static inline sqlite3_value *fx_value(const char *expr)
{
    char sql[4096];
    sqlite3_stmt *vm = NULL;
    sqlite3_value *v = NULL;

    snprintf(sql, sizeof sql, "SELECT %s", expr);
    if (sqlite3_prepare_v2(fx_db, sql, -1, &vm, NULL) == SQLITE_OK &&
        sqlite3_step(vm) == SQLITE_ROW)
        v = sqlite3_value_dup(sqlite3_column_value(vm, 0));
    sqlite3_finalize(vm);
    return v;
}

static inline bc_sql_type fx_type(short sql_type, long size, short scale)
{
    bc_sql_type t;

    memset(&t, 0, sizeof t);
    t.sql_type = sql_type;
    t.column_size = size;
    t.decimal_digits = scale;
    t.type_name = "T";
    return t;
}

/* Convert expr (reported as *type, or untyped when type is NULL) to target. */
static inline SQLRETURN fx_conv(const char *expr, const bc_sql_type *type, SQLSMALLINT target,
                                void *buf, SQLLEN buflen, SQLLEN offset, SQLLEN *ind, bc_error *err)
{
    bc_cell cell;
    SQLLEN consumed = 0;
    SQLRETURN rc;

    cell.value = fx_value(expr);
    cell.type = type;
    bc_error_clear(err);
    rc = bc_convert_to_c(&cell, target, buf, buflen, offset, ind, &consumed, err);
    sqlite3_value_free(cell.value);
    return rc;
}

#endif
