/*
 * Positioned writes (SQLSetPos, SQLBulkOperations), private to driver/core: setpos_write.c runs
 * them over the rowset, setpos_row.c builds one row's statement, setpos_many.c runs an UPDATE or
 * DELETE of many rows as one statement.
 */
#ifndef BC_SETPOS_INTERNAL_H
#define BC_SETPOS_INTERNAL_H

#include "bc_handles.h"
#include "bc_write_spec.h"

#define MAX_WRITE_COLUMNS 512

/* The table a positioned write goes to, and where the rows' keys come from. */
typedef struct bc_pos_target {
    const bc_table_def *table;
    const bc_write_spec *spec; /* NULL for a read (SQL_REFRESH, SQL_FETCH_BY_BOOKMARK) */
    bool by_bookmark;          /* keys from the bookmarks bound to column 0, not the rowset */
} bc_pos_target;

/* setpos_row.c: one row's statement. */
/* The table every result column comes from (one the driver writes when writes), with its
 * whole key selected, into *out; HYC00 with a record otherwise. */
SQLRETURN bc_pos_find_target(bc_stmt *s, bool writes, bc_pos_target *out);
/* The statement of rowset row `row` (1-based) for op with its values and key bound, in *vm;
 * cols[] (ncols) are the value columns. SQL_NO_DATA: a refresh with nothing bound. */
SQLRETURN bc_pos_prepare_row(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row,
                             sqlite3_stmt **vm, int *ncols, int *cols);
/* SQL_REFRESH: step vm, the row read again by its key, into the bound buffers of rowset row
 * `row`; SQL_NO_DATA with a warning when it is gone. */
SQLRETURN bc_pos_refresh_into_buffers(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols,
                                      const int *cols);
/* The result column (1-based) read from column name of the table, 0 when none. */
int bc_pos_result_column(const bc_stmt *s, const char *name);
/* The value of result column col in rowset row `row` (1-based) as it was fetched. */
sqlite3_value *bc_pos_fetched_value(bc_stmt *s, SQLULEN row, int col);
/* Columns (1-based result numbers) a write of buffer row `row` (0-based) sends, in cols[]
 * (room for MAX_WRITE_COLUMNS). */
int bc_pos_value_columns(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row,
                         int *cols);
/* Row `row`'s (1-based) bound value of column col to parameter idx of vm; a record naming
 * the row and column when it does not convert. */
SQLRETURN bc_pos_bind_value(bc_stmt *s, sqlite3_stmt *vm, int idx, SQLULEN row, int col);
/* The bookmark bound to column 0 for row `row` (1-based): false when its length is not
 * usable. bc_pos_bad_bookmark pushes HY111 for the row. */
bool bc_pos_bookmark(bc_stmt *s, SQLULEN row, const unsigned char **data, SQLLEN *size);
SQLRETURN bc_pos_bad_bookmark(bc_stmt *s, const bc_pos_target *t, SQLULEN row);
/* The values of the row vm is on (its columns 0..ncols-1) into the bound buffers cols[] of
 * rowset row `row` (1-based); records name the row and column of a value that fails. */
SQLRETURN bc_pos_fill_buffers(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols,
                              const int *cols);
/* A read found no row `row` (1-based): a warning on it, and SQL_NO_DATA. */
SQLRETURN bc_pos_row_gone(bc_stmt *s, SQLULEN row);
/* The engine's error of a failed prepare or step, as a record on row `row`. */
SQLRETURN bc_pos_engine_error(bc_stmt *s, SQLLEN row, int prc);

/* setpos_many.c: queue the UPDATE or DELETE of rows first..last (those not skipped[r - first])
 * in the open batch as one statement per MANY_ROWS rows, setting queued[r - first] for each
 * row its statement took. False, having done nothing, when the rows do not fit one statement
 * (a key that is not one integer, rows that set different columns, an id twice); then each
 * row gets its own statement. */
bool bc_pos_queue_many(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN first,
                       SQLULEN last, const bool *skipped, bool *queued);

/* setpos_many.c: SQL_REFRESH / SQL_FETCH_BY_BOOKMARK of rows first..last (those not
 * skipped) with one read per MANY_ROWS rows; rcs[r - first] gets each row's outcome
 * (SQL_NO_DATA: no longer in the store, with a record). False, having done nothing, when the
 * key is not one integer column; then each row is read on its own. */
bool bc_pos_read_many(bc_stmt *s, const bc_pos_target *t, SQLULEN first, SQLULEN last,
                      const bool *skipped, SQLRETURN *rcs);

#endif
