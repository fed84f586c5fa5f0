/*
 * Private interface between the engine's files. Nothing here is visible outside engine/.
 */
#ifndef BC_ENGINE_INTERNAL_H
#define BC_ENGINE_INTERNAL_H

#include <sqlite3.h>
#include "bc_api.h"
#include "bc_catalog.h"
#include "bc_engine.h"
#include "bc_error.h"
#include "bc_props.h"

struct bc_engine {
    sqlite3 *db;
    bc_api *api;           /* borrowed from the connection */
    const bc_props *props; /* borrowed from the connection */
    bc_error err;          /* the last error a virtual table recorded */
    bool has_err;
    volatile int *cancel;  /* the connection's; set by bc_engine_cancel, polled by bc_http too */
    int depth;             /* > 0 while a cursor walks a parent table through a nested statement */
    int temp_meta_version; /* temp schema version the "temp" metadata rows were built from */
    struct bc_vcursor *open_cursors; /* every open table cursor, to see a parent's coming rows */
    struct bc_write_state *w;        /* writes: queued rows and the last write's outcome (owned) */
};

/* The name of the main schema: SQLITE_DBCONFIG_MAINDBNAME keeps the pointer, so static. */
extern const char bc_engine_main_name[];

/* Replace the recorded error (the newest failure is the one the statement reports). */
void bc_engine_record_error(bc_engine *e, const bc_error *err);

/* A definition without columns cannot be declared to SQLite; such a table is left out of
 * the engine and of every metadata result rather than failing every connection. */
static inline bool bc_engine_table_usable(const bc_table_def *t)
{
    return t != NULL && t->ncolumns > 0 && t->columns != NULL;
}

/* Register the "bigcommerce" module and create one virtual table per catalog table. */
int bc_vtab_register(bc_engine *e, bc_error *err);
int bc_vtab_create_all(bc_engine *e, bc_error *err);

/* Register and create sys_requests, the requests of the last statement (sys_requests.c). */
int bc_sysreq_create(bc_engine *e, bc_error *err);

/* The engine's read-only virtual tables (sys_vtab.c): the table object knows the engine;
 * connect declares schema, register creates the module's one table. */
typedef struct bc_sys_vtab {
    sqlite3_vtab base;
    bc_engine *e;
} bc_sys_vtab;
int bc_sys_vtab_connect(sqlite3 *db, void *engine, const char *schema, sqlite3_vtab **out);
int bc_sys_vtab_disconnect(sqlite3_vtab *base);
int bc_sys_vtab_register(bc_engine *e, const sqlite3_module *module, const char *module_name,
                         const char *table, bc_error *err);

/* Create and fill the metadata tables (bc_meta_*) and the system tables (sys_*). */
int bc_meta_create(bc_engine *e, bc_error *err);
int bc_meta_fill_tables(bc_engine *e, bc_error *err);
/* Rebuild the metadata rows of TEMP tables and views when the temp schema changed. */
int bc_meta_sync_temp(bc_engine *e, bc_error *err);
int bc_meta_fill_procs(bc_engine *e, bc_error *err);
int bc_meta_fill_types(bc_engine *e, bc_error *err);
int bc_meta_fill_system(bc_engine *e, bc_error *err);

/* The system tables' names (sys_tables ...), sorted. */
extern const char *const bc_sys_table_names[];
extern const int bc_sys_table_count;

/* Run SQL that returns no rows; err gets HY000 with SQLite's message on failure. */
int bc_engine_exec(sqlite3 *db, const char *sql, bc_error *err);

/* The authorizer that keeps application SQL inside what the driver allows. */
int bc_engine_authorize(void *aux, int action, const char *a1, const char *a2, const char *db,
                        const char *trigger);

/* bc_like(pattern, value): ODBC search-pattern match (%, _, \ escape), ASCII
 * case-insensitive, as an SQL function. */
int bc_like_register(sqlite3 *db);
/* SUM, TOTAL and AVG that add DECIMAL values exactly (decimal_agg.c). */
int bc_decimal_agg_register(sqlite3 *db);
bool bc_like_match(const char *pattern, const char *value);

#endif
