/*
 * sys_requests: the requests the last statement made (api/reqlog.c), one row each, in the
 * order they were answered: seq, method, path (with its query), status (0 when no answer
 * came) and ms. Since the request count is what a query costs, this is how a user sees
 * what a query did: run it, then SELECT * FROM sys_requests.
 */
#include <string.h>
#include "vtab_internal.h"

typedef struct sysreq_cursor {
    sqlite3_vtab_cursor base;
    const bc_api_logged *v;
    int n, i;
} sysreq_cursor;

static int sr_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                      char **errmsg)
{
    (void)argc;
    (void)argv;
    (void)errmsg;
    return bc_sys_vtab_connect(db, aux,
                               "CREATE TABLE x(seq INTEGER, method NVARCHAR(8), "
                               "path NVARCHAR(4000), status INTEGER, ms INTEGER)",
                               out);
}

static int sr_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    (void)base;
    info->estimatedCost = 10.0;
    info->estimatedRows = 100;
    return SQLITE_OK;
}

static int sr_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
    sysreq_cursor *c = sqlite3_malloc(sizeof *c);

    (void)base;
    if (c == NULL)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static int sr_close(sqlite3_vtab_cursor *cur)
{
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int sr_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                     sqlite3_value **argv)
{
    sysreq_cursor *c = (sysreq_cursor *)cur;
    bc_engine *e = ((bc_sys_vtab *)cur->pVtab)->e;

    (void)idx_num;
    (void)idx_str;
    (void)argc;
    (void)argv;
    c->i = 0;
    c->n = e->api ? bc_api_requests_last(e->api, &c->v) : 0;
    return SQLITE_OK;
}

static int sr_next(sqlite3_vtab_cursor *cur)
{
    ((sysreq_cursor *)cur)->i++;
    return SQLITE_OK;
}

static int sr_eof(sqlite3_vtab_cursor *cur)
{
    const sysreq_cursor *c = (const sysreq_cursor *)cur;

    return c->i >= c->n;
}

static int sr_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
    const sysreq_cursor *c = (const sysreq_cursor *)cur;
    const bc_api_logged *r = &c->v[c->i];

    switch (col) {
    case 0:
        sqlite3_result_int(ctx, c->i + 1);
        break;
    case 1:
        sqlite3_result_text(ctx, r->method, -1, SQLITE_TRANSIENT);
        break;
    case 2:
        sqlite3_result_text(ctx, r->path_query, -1, SQLITE_TRANSIENT);
        break;
    case 3:
        sqlite3_result_int64(ctx, r->status);
        break;
    default:
        sqlite3_result_int64(ctx, r->ms);
        break;
    }
    return SQLITE_OK;
}

static int sr_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid)
{
    *rowid = ((const sysreq_cursor *)cur)->i + 1;
    return SQLITE_OK;
}

static const sqlite3_module k_sysreq = {
    .iVersion = 1,
    .xCreate = sr_connect,
    .xConnect = sr_connect,
    .xBestIndex = sr_best_index,
    .xDisconnect = bc_sys_vtab_disconnect,
    .xDestroy = bc_sys_vtab_disconnect,
    .xOpen = sr_open,
    .xClose = sr_close,
    .xFilter = sr_filter,
    .xNext = sr_next,
    .xEof = sr_eof,
    .xColumn = sr_column,
    .xRowid = sr_rowid,
};

int bc_sysreq_create(bc_engine *e, bc_error *err)
{
    return bc_sys_vtab_register(e, &k_sysreq, "bc_requests", "sys_requests", err);
}
