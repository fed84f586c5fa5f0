/*
 * Helpers shared by the metadata fillers.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_util.h"
#include "engine_internal.h"
#include "meta_util.h"

sqlite3_stmt *bc_meta_insert(sqlite3 *db, const char *table, int n, bc_error *err)
{
    bc_buf b;
    sqlite3_stmt *vm = NULL;
    char *sql;

    bc_buf_init(&b);
    bc_buf_printf(&b, "INSERT INTO %s VALUES(", table);
    for (int i = 0; i < n; i++)
        bc_buf_puts(&b, i ? ",?" : "?");
    bc_buf_puts(&b, ")");
    sql = bc_buf_steal(&b);
    if (sql == NULL) {
        bc_error_set(err, "HY001", 0, "out of memory while building the metadata");
        return NULL;
    }
    if (sqlite3_prepare_v2(db, sql, -1, &vm, NULL) != SQLITE_OK)
        bc_error_set(err, "HY000", 0, "the metadata table %s could not be filled: %s", table,
                     sqlite3_errmsg(db));
    free(sql);
    return vm;
}

int bc_meta_row(sqlite3_stmt *vm, bc_error *err, const char *fmt, ...)
{
    va_list ap;
    int col = 1, rc;

    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++, col++) {
        if (*f == 's') {
            const char *s = va_arg(ap, const char *);
            sqlite3_bind_text(vm, col, s, -1, SQLITE_TRANSIENT);
        } else if (*f == 'i') {
            sqlite3_bind_int(vm, col, va_arg(ap, int));
        } else {
            sqlite3_bind_null(vm, col);
        }
    }
    va_end(ap);
    rc = sqlite3_step(vm);
    sqlite3_reset(vm);
    sqlite3_clear_bindings(vm);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc == SQLITE_NOMEM)
        return bc_error_set(err, "HY001", 0, "out of memory while building the metadata");
    return bc_error_set(err, "HY000", 0, "the metadata could not be filled: %s",
                        sqlite3_errmsg(sqlite3_db_handle(vm)));
}

int bc_meta_odbc2_type(int sql_type)
{
    if (sql_type == SQL_TYPE_DATE)
        return SQL_DATE;
    if (sql_type == SQL_TYPE_TIME)
        return SQL_TIME;
    if (sql_type == SQL_TYPE_TIMESTAMP)
        return SQL_TIMESTAMP;
    return sql_type;
}

int bc_meta_datetime_sub(int sql_type)
{
    if (sql_type == SQL_TYPE_DATE)
        return SQL_CODE_DATE;
    if (sql_type == SQL_TYPE_TIME)
        return SQL_CODE_TIME;
    if (sql_type == SQL_TYPE_TIMESTAMP)
        return SQL_CODE_TIMESTAMP;
    return 0;
}

int bc_meta_verbose_type(int sql_type)
{
    return bc_meta_datetime_sub(sql_type) ? SQL_DATETIME : sql_type;
}

bool bc_meta_is_char(int sql_type)
{
    switch (sql_type) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
        return true;
    default:
        return false;
    }
}

bool bc_meta_is_numeric(int sql_type)
{
    switch (sql_type) {
    case SQL_INTEGER:
    case SQL_SMALLINT:
    case SQL_BIGINT:
    case SQL_TINYINT:
    case SQL_DECIMAL:
    case SQL_NUMERIC:
    case SQL_DOUBLE:
    case SQL_FLOAT:
    case SQL_REAL:
        return true;
    default:
        return false;
    }
}

int bc_meta_null_inapplicable(sqlite3 *db, const char *table, bc_error *err)
{
    char *sql = sqlite3_mprintf("UPDATE %s SET "
                                "DECIMAL_DIGITS = CASE WHEN DATA_TYPE IN (-10,-9,-8,-1,1,12,8,6,7) "
                                "THEN NULL ELSE DECIMAL_DIGITS END, "
                                "NUM_PREC_RADIX = NULLIF(NUM_PREC_RADIX, 0), "
                                "SQL_DATETIME_SUB = NULLIF(SQL_DATETIME_SUB, 0), "
                                "CHAR_OCTET_LENGTH = NULLIF(CHAR_OCTET_LENGTH, 0), "
                                "NUMERIC_PRECISION = NULLIF(NUMERIC_PRECISION, 0)",
                                table);
    int rc;

    if (sql == NULL)
        return bc_error_set(err, "HY001", 0, "out of memory while building the metadata");
    rc = bc_engine_exec(db, sql, err);
    sqlite3_free(sql);
    return rc;
}
