/*
 * The per-connection SQL engine: an in-memory SQLite database whose main schema is named
 * "BigCommerce", holding one virtual table per catalog table plus the metadata and system
 * tables, guarded by an authorizer once it is built.
 */
#include <stdlib.h>
#include <string.h>
#include "engine_internal.h"
#include "write_internal.h"
#include "bc_util.h"

const char bc_engine_main_name[] = "BigCommerce";

int bc_engine_exec(sqlite3 *db, const char *sql, bc_error *err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

    if (rc == SQLITE_OK)
        return 0;
    if (rc == SQLITE_NOMEM)
        bc_error_set(err, "HY001", 0, "out of memory while building the SQL engine");
    else
        bc_error_set(err, "HY000", 0, "the SQL engine could not be built: %s",
                     msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return -1;
}

/* FULLMUTEX: statements of one connection may run on different threads (each locks only
 * its own statement handle), and SQLCancel interrupts from yet another. */
static int open_db(bc_engine *e, bc_error *err)
{
    int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_FULLMUTEX;
    int rc = sqlite3_open_v2(":memory:", &e->db, flags, NULL);

    if (rc != SQLITE_OK) {
        if (rc == SQLITE_NOMEM || e->db == NULL)
            return bc_error_set(err, "HY001", 0, "out of memory while opening the SQL engine");
        return bc_error_set(err, "HY000", 0, "the SQL engine could not be opened: %s",
                            sqlite3_errmsg(e->db));
    }
    sqlite3_extended_result_codes(e->db, 0);
    rc = sqlite3_db_config(e->db, SQLITE_DBCONFIG_MAINDBNAME, bc_engine_main_name);
    if (rc != SQLITE_OK)
        return bc_error_set(err, "HY000", 0, "the SQL engine could not name its schema");
    if (bc_like_register(e->db) != SQLITE_OK || bc_decimal_agg_register(e->db) != SQLITE_OK)
        return bc_error_set(err, "HY001", 0, "out of memory while opening the SQL engine");
    return 0;
}

static int build(bc_engine *e, bc_error *err)
{
    if (open_db(e, err) != 0 || bc_vtab_register(e, err) != 0 || bc_vtab_create_all(e, err) != 0 ||
        bc_sysreq_create(e, err) != 0 || bc_write_result_register(e, err) != 0)
        return -1;
    if (bc_meta_create(e, err) != 0 || bc_meta_fill_tables(e, err) != 0 ||
        bc_meta_fill_procs(e, err) != 0 || bc_meta_fill_types(e, err) != 0 ||
        bc_meta_fill_system(e, err) != 0)
        return -1;
    /* Installed last: building the tables is exactly what applications may not do. */
    sqlite3_set_authorizer(e->db, bc_engine_authorize, e);
    return 0;
}

bc_engine *bc_engine_open(bc_api *api, const bc_props *props, volatile int *cancel_flag,
                          bc_error *err)
{
    bc_engine *e = calloc(1, sizeof *e);

    if (e == NULL) {
        bc_error_set(err, "HY001", 0, "out of memory while opening the SQL engine");
        return NULL;
    }
    e->api = api;
    e->props = props;
    e->cancel = cancel_flag;
    if ((e->w = bc_write_state_new()) == NULL) {
        free(e);
        bc_error_set(err, "HY001", 0, "out of memory while opening the SQL engine");
        return NULL;
    }
    bc_error_clear(&e->err);
    if (build(e, err) != 0) {
        bc_engine_close(e);
        return NULL;
    }
    return e;
}

void bc_engine_close(bc_engine *e)
{
    if (e == NULL)
        return;
    sqlite3_close_v2(e->db);
    bc_write_state_free(e->w);
    free(e);
}

sqlite3 *bc_engine_db(bc_engine *e)
{
    return e ? e->db : NULL;
}

void bc_engine_begin_statement(bc_engine *e)
{
    if (e == NULL)
        return;
    bc_api_cache_begin(e->api);
    bc_api_requests_begin(e->api);
    e->w->wrote = false;
}

void bc_engine_record_error(bc_engine *e, const bc_error *err)
{
    e->err = *err;
    e->has_err = true;
}

bool bc_engine_take_error(bc_engine *e, bc_error *out)
{
    if (e == NULL || !e->has_err)
        return false;
    *out = e->err;
    e->has_err = false;
    bc_error_clear(&e->err);
    return true;
}

void bc_engine_cancel(bc_engine *e)
{
    if (e == NULL)
        return;
    bc_flag_set(e->cancel, 1);
}

void bc_engine_reset_cancel(bc_engine *e)
{
    if (e != NULL)
        bc_flag_set(e->cancel, 0);
}
