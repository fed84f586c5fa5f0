/*
 * Data conversions between SQLite values (the engine's cells) and the application's C
 * buffers, as the ODBC "Converting Data from SQL to C Data Types" and "C to SQL" tables say,
 * with the SQLSTATEs they specify: 01004 truncated string, 22003 numeric value out of range,
 * 22018 invalid character value, 22007 invalid datetime format, 07006 restricted conversion,
 * 01S07 fractional truncation, 22002 indicator required.
 */
#ifndef BC_CONVERT_H
#define BC_CONVERT_H

#include <stdbool.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>
#include "bc_catalog.h"
#include "bc_error.h"

/* One result cell: the SQLite value and the SQL type the column reports. */
typedef struct bc_cell {
    sqlite3_value *value;    /* NULL or SQLITE_NULL value means SQL NULL */
    const bc_sql_type *type; /* column's reported type */
} bc_cell;

/* Convert cell to target_type into buf (buflen bytes). For character and binary targets,
 * offset is how many bytes of the full converted value were already returned by earlier
 * SQLGetData calls; *ind receives the remaining total length (or SQL_NULL_DATA /
 * SQL_NO_TOTAL), and *consumed the bytes of the value placed this time. Returns SQL_SUCCESS,
 * SQL_SUCCESS_WITH_INFO (with err set to the 01xxx warning), SQL_NO_DATA when offset is
 * already at the end, or SQL_ERROR with err set. ind may be NULL (then NULL data -> 22002).
 * SQL_C_DEFAULT is resolved from the SQL type first. */
SQLRETURN bc_convert_to_c(const bc_cell *cell, SQLSMALLINT target_type, SQLPOINTER buf,
                          SQLLEN buflen, SQLLEN offset, SQLLEN *ind, SQLLEN *consumed,
                          bc_error *err);

/* The default C type for an SQL type (SQL_C_DEFAULT). */
SQLSMALLINT bc_default_c_type(SQLSMALLINT sql_type);

/* Bind one application parameter to an SQLite statement parameter: reads the value in C
 * type c_type at buf (len from *ind / buflen; SQL_NTS, SQL_NULL_DATA) and binds it to
 * vm's parameter idx (1-based), converted as sql_type asks (dates become
 * "YYYY-MM-DD HH:MM:SS" text, numerics become integer/real, wchar becomes UTF-8 ...).
 * Returns SQL_SUCCESS or SQL_ERROR with err set (e.g. 22018, 07006, HY003). */
SQLRETURN bc_convert_bind_param(sqlite3_stmt *vm, int idx, SQLSMALLINT c_type, SQLSMALLINT sql_type,
                                SQLSMALLINT scale, SQLPOINTER buf, SQLLEN buflen, SQLLEN *ind,
                                bc_error *err);

/* Size in bytes of a fixed-size C type, 0 for variable-length ones (char, wchar, binary). */
SQLLEN bc_c_type_size(SQLSMALLINT c_type);

#endif
