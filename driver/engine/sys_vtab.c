/*
 * What the engine's own read-only virtual tables (sys_requests, sys_lastresult) share: a
 * table object that knows the engine, made from the table's schema, and the registration
 * of its module under one table name. Their rows and cursors are each table's own.
 */
#include <stdio.h>
#include <string.h>
#include "engine_internal.h"

int bc_sys_vtab_connect(sqlite3 *db, void *engine, const char *schema, sqlite3_vtab **out)
{
    bc_sys_vtab *vt;
    int rc = sqlite3_declare_vtab(db, schema);

    if (rc != SQLITE_OK)
        return rc;
    if ((vt = sqlite3_malloc(sizeof *vt)) == NULL)
        return SQLITE_NOMEM;
    memset(vt, 0, sizeof *vt);
    vt->e = engine;
    *out = &vt->base;
    return SQLITE_OK;
}

int bc_sys_vtab_disconnect(sqlite3_vtab *base)
{
    sqlite3_free(base);
    return SQLITE_OK;
}

int bc_sys_vtab_register(bc_engine *e, const sqlite3_module *module, const char *module_name,
                         const char *table, bc_error *err)
{
    char sql[128];

    if (sqlite3_create_module_v2(e->db, module_name, module, e, NULL) != SQLITE_OK)
        return bc_error_set(err, "HY001", 0, "out of memory while registering %s", table);
    snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE %s USING %s", table, module_name);
    return bc_engine_exec(e->db, sql, err);
}
