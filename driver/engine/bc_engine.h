/*
 * The SQL engine: one private in-memory SQLite database per ODBC connection, with every
 * catalog table created as a virtual table of one module ("bigcommerce"), the system tables
 * (sys_tables, sys_tablecolumns ...) and the metadata tables that the catalog functions
 * (SQLTables, SQLColumns ...) select from. The main schema is named "BigCommerce", so
 * `"BigCommerce"."Products"` and `Products` both resolve.
 *
 * SQL from the application is prepared with sqlite3_prepare_v2 on bc_engine_db(); an
 * authorizer keeps it from writing the metadata tables, attaching files or changing pragmas.
 * When sqlite3_step fails because a virtual table's request failed, bc_engine_take_error()
 * gives the structured error (SQLSTATE, HTTP status, message) instead of SQLite's text.
 */
#ifndef BC_ENGINE_H
#define BC_ENGINE_H

#include <sqlite3.h>
#include "bc_api.h"
#include "bc_catalog.h"
#include "bc_error.h"
#include "bc_props.h"

typedef struct bc_engine bc_engine;

/* Create the database and tables over a ready API client. api, props and cancel_flag are
 * borrowed from the connection, which owns them and outlives the engine: props are read for
 * sys_connection_props and MaxRows; cancel_flag is the flag the API client's HTTP transfers
 * poll (bc_api_config.http.cancel_flag), so bc_engine_cancel stops a request in flight.
 * Returns NULL with err set (HY001 on allocation failure). */
bc_engine *bc_engine_open(bc_api *api, const bc_props *props, volatile int *cancel_flag,
                          bc_error *err);
void bc_engine_close(bc_engine *e);

sqlite3 *bc_engine_db(bc_engine *e);

/* The WHERE terms on t that the planner sends to the API, as the README lists them
 * ("`id =` (`id:in`), `id IN` (`id:in`) ..." or "—"), found by planning a query per column
 * and operator; nothing is requested, so the engine may have no API client. Caller frees;
 * NULL when out of memory. */
char *bc_engine_pushdown_terms(bc_engine *e, const bc_table_def *t);

/* A statement execution starts (called right before its first sqlite3_step): the
 * per-statement response cache (docs/ARCHITECTURE.md) is emptied and turned on, so repeated
 * identical requests inside this execution are served once, and nothing is served from an
 * earlier one. */
void bc_engine_begin_statement(bc_engine *e);

/* Writes (docs/ARCHITECTURE.md, "A write"). After a statement ran: true when it wrote to a
 * BigCommerce table, with *changed = the rows the API changed (what SQLRowCount reports). */
bool bc_engine_write_changes(bc_engine *e, long *changed);
/* The next row of the last write statement that failed or carries a warning, from *pos
 * (start at 0; advanced past the row returned): its row (1-based; the parameter set for
 * arrays), whether it failed, and why. False past the last. */
bool bc_engine_write_problem(bc_engine *e, int *pos, long *row, bool *failed, bc_error *out);
/* Every row of the last write statement (or batch) in turn, from *pos (start at 0): its row
 * (as bc_engine_write_problem numbers it) and whether the API changed it. False past the
 * last. */
bool bc_engine_write_outcome(bc_engine *e, int *pos, long *row, bool *ok);
/* Run the executions of a parameter array as one batch: the rows queue across the steps
 * (bc_engine_batch_row names the parameter set, 1-based, before each) and go out in the API's
 * batch form at bc_engine_batch_end. Both return 0 or -1 with err set. */
int bc_engine_batch_begin(bc_engine *e, bc_error *err);
void bc_engine_batch_row(bc_engine *e, long row);
/* The next statement of the batch writes several rows at once (a rowset of SQLSetPos): the
 * UPDATE or DELETE of the object with id ids[i] is row rows[i]. The arrays are borrowed until
 * the next bc_engine_batch_row, bc_engine_batch_rows or bc_engine_batch_end. */
void bc_engine_batch_rows(bc_engine *e, const long long *ids, const long *rows, int n);
int bc_engine_batch_end(bc_engine *e, bc_error *err);

/* The error a virtual table recorded while the last statement ran; cleared by taking it.
 * Returns false when none was recorded (then SQLite's own message applies). */
bool bc_engine_take_error(bc_engine *e, bc_error *out);

/* Map an SQLite error (code + message of the failed prepare/step) to a bc_error:
 * "no such table" -> 42S02, "no such column" -> 42S22, syntax -> 42000, interrupted -> HY008,
 * refused by the authorizer -> 42000, readonly -> HY000 ... */
void bc_engine_error_from_sqlite(sqlite3 *db, int rc, bc_error *out);

/* The declared type ("DECIMAL(38,4)") of result column col when SQLite declares none and it
 * is a sum, average or arithmetic over DECIMAL columns (expr_type.c); NULL otherwise. */
const char *bc_engine_expr_decltype(sqlite3_stmt *vm, int col, char *buf, size_t cap);

/* Ask the running statement to stop (SQLCancel from another thread): sets the cancel flag
 * that bc_http, the pagers and the virtual tables poll. No sqlite3_interrupt: it would also
 * fail the next step of every other open cursor; the caller's progress handler stops the
 * virtual machine instead. */
void bc_engine_cancel(bc_engine *e);
void bc_engine_reset_cancel(bc_engine *e);

/* The catalog functions. Each returns a statement over the metadata tables whose result
 * columns are exactly those ODBC specifies for the function (names, order, types), ordered as
 * ODBC says, filtered by the arguments. Arguments are UTF-8 or NULL. When metadata_id is
 * false, schema/table/column/procedure arguments of SQLTables, SQLColumns, SQLProcedures,
 * SQLProcedureColumns, SQLTablePrivileges and SQLColumnPrivileges are search patterns
 * (%, _, \ escape); otherwise identifiers. Catalog is always NULL; the one schema is
 * "BigCommerce". SQLTables' special enumerations (SQL_ALL_CATALOGS, SQL_ALL_SCHEMAS,
 * SQL_ALL_TABLE_TYPES) are handled here. Caller finalizes *vm. */
typedef enum {
    BC_CAT_TABLES,
    BC_CAT_COLUMNS,
    BC_CAT_PRIMARY_KEYS,
    BC_CAT_FOREIGN_KEYS,
    BC_CAT_STATISTICS,
    BC_CAT_SPECIAL_COLUMNS,
    BC_CAT_PROCEDURES,
    BC_CAT_PROCEDURE_COLUMNS,
    BC_CAT_TYPE_INFO,
    BC_CAT_TABLE_PRIVILEGES,
    BC_CAT_COLUMN_PRIVILEGES
} bc_catalog_fn;

typedef struct bc_catalog_args {
    const char *catalog, *schema, *table, *column; /* column: also procedure column */
    const char *fk_catalog, *fk_schema, *fk_table; /* SQLForeignKeys' FK side */
    const char *table_types;                       /* SQLTables: "'TABLE','VIEW'" or "TABLE,VIEW" */
    int data_type;                                 /* SQLGetTypeInfo: SQL_ALL_TYPES or a type */
    int identifier_type; /* SQLSpecialColumns: SQL_BEST_ROWID / SQL_ROWVER */
    int unique;          /* SQLStatistics: SQL_INDEX_UNIQUE / SQL_INDEX_ALL */
    bool metadata_id;
    int odbc_version; /* 2 or 3: ODBC 2 apps get the 2.x names/types where they differ */
} bc_catalog_args;

int bc_engine_catalog(bc_engine *e, bc_catalog_fn fn, const bc_catalog_args *a, sqlite3_stmt **vm,
                      bc_error *err);

#endif
