/*
 * Filling the metadata tables: prepared INSERTs fed one row at a time.
 */
#ifndef BC_META_UTIL_H
#define BC_META_UTIL_H

#include <sqlite3.h>
#include "bc_catalog.h"
#include "bc_error.h"

/* Prepare "INSERT INTO table VALUES(?, ... n times)". NULL with err set on failure. */
sqlite3_stmt *bc_meta_insert(sqlite3 *db, const char *table, int n, bc_error *err);
/* Bind one row and run it. fmt has one letter per column: 's' const char * (NULL = SQL NULL),
 * 'i' int, 'n' SQL NULL (no argument). Returns 0 or -1 with err set. */
int bc_meta_row(sqlite3_stmt *vm, bc_error *err, const char *fmt, ...);
/* One SQLColumns row (insert statement of bc_meta_columns) for a column of type t. */
int bc_meta_column_row(sqlite3_stmt *ins, const char *schema, const char *table, const char *name,
                       const bc_sql_type *t, bool nullable, const char *remarks, int ordinal,
                       bc_error *err);
/* In a table of column descriptions (bc_meta_columns, bc_meta_proccols), store the values
 * that do not apply to a column's type as NULL, as ODBC asks: DECIMAL_DIGITS of text and
 * floating types, and zero radix, datetime subcode, octet length and precision. */
int bc_meta_null_inapplicable(sqlite3 *db, const char *table, bc_error *err);
/* ODBC 2's number for the datetime types (SQL_DATE 9, SQL_TIMESTAMP 11), else the same. */
int bc_meta_odbc2_type(int sql_type);
/* SQL_DATA_TYPE and SQL_DATETIME_SUB of a type, as SQLColumns reports them. */
int bc_meta_verbose_type(int sql_type);
int bc_meta_datetime_sub(int sql_type); /* 0 when not a datetime type */
bool bc_meta_is_char(int sql_type);
bool bc_meta_is_numeric(int sql_type);

#endif
