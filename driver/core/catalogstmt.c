/* The catalog functions: the engine builds the statement over its metadata tables, the
 * statement serves it as an ordinary result set. */
#include "bc_handles.h"

SQLRETURN bc_stmt_catalog(bc_stmt *s, bc_catalog_fn fn, bc_catalog_args *a)
{
    sqlite3_stmt *vm = NULL;
    bc_error e;

    if (s->state == BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "A result set is open; call SQLCloseCursor first.");
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
