/* The catalog functions: the engine builds the statement over its metadata tables, the
 * statement serves it as an ordinary result set. */
#include "bc_handles.h"

static bool blank(const char *v)
{
    return v == NULL || *v == '\0';
}

/* The table arguments as ODBC defines them per function, before the engine sees them.
 * SQLPrimaryKeys, SQLStatistics and SQLSpecialColumns name one table: a null pointer is
 * HY009 ("" is a name no table has, so it finds nothing). SQLForeignKeys names one side or
 * both: an empty string counts as not given, because applications that have no value pass
 * "" (PHP's odbc_foreignkeys always does) and no table is called "". Catalog and schema
 * arguments are handled by the engine: "" and NULL both mean any, as there are no catalogs
 * and one schema. */
static SQLRETURN check_table_args(bc_stmt *s, bc_catalog_fn fn, bc_catalog_args *a)
{
    switch (fn) {
    case BC_CAT_PRIMARY_KEYS:
    case BC_CAT_STATISTICS:
    case BC_CAT_SPECIAL_COLUMNS:
        if (a->table == NULL)
            return bc_diag_push(&s->h.diag, "HY009", 0,
                                "The table name argument may not be a null pointer; name the "
                                "table.");
        return SQL_SUCCESS;
    case BC_CAT_FOREIGN_KEYS:
        if (blank(a->table))
            a->table = NULL;
        if (blank(a->fk_table))
            a->fk_table = NULL;
        if (a->table == NULL && a->fk_table == NULL)
            return bc_diag_push(&s->h.diag, "HY009", 0,
                                "SQLForeignKeys needs the primary-key table name, the "
                                "foreign-key table name, or both.");
        return SQL_SUCCESS;
    default:
        return SQL_SUCCESS;
    }
}

SQLRETURN bc_stmt_catalog(bc_stmt *s, bc_catalog_fn fn, bc_catalog_args *a)
{
    sqlite3_stmt *vm = NULL;
    bc_error e;

    if (s->state == BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "A result set is open; call SQLCloseCursor first.");
    if (check_table_args(s, fn, a) != SQL_SUCCESS)
        return SQL_ERROR;
    a->metadata_id = s->metadata_id == SQL_TRUE;
    a->odbc_version = bc_handle_odbc_version(&s->h) == SQL_OV_ODBC2 ? 2 : 3;
    bc_error_clear(&e);
    bc_stmt_run_begin(s);
    int failed = bc_engine_catalog(s->dbc->engine, fn, a, &vm, &e) != 0 || vm == NULL;
    bc_stmt_run_end(s);
    if (failed) {
        if (vm != NULL)
            sqlite3_finalize(vm);
        return bc_diag_push(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000", (SQLINTEGER)e.native,
                            "%s", e.message[0] ? e.message : "The catalog query failed.");
    }
    return bc_stmt_set_result(s, vm);
}
