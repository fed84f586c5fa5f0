/*
 * The SQL text an application sends, made ready for SQLite: ODBC escape sequences become
 * SQLite syntax before the statement reaches the engine.
 */
#ifndef BC_SQL_H
#define BC_SQL_H

#include "bc_error.h"

/* Rewrite ODBC escapes ({fn ...}, {d '...'}, {t '...'}, {ts '...'}, {oj ...}, {escape '\'})
 * into SQLite SQL. Returns a malloc'd string or NULL with err set (42000 for a broken escape).
 * {call ...} is left alone: the statement layer hands procedure calls to procs/ first. */
char *bc_sql_rewrite_escapes(const char *sql, bc_error *err);

#endif
