/*
 * The outcome of the last write statement: its row count and problems for the ODBC layer, and
 * the sys_lastresult table, one row per row written or attempted, with the id BigCommerce
 * assigned (how a batch INSERT's ids are read back) or why the row failed. It keeps the last
 * write statement's rows until the next write statement starts.
 */
#include <stdlib.h>
#include <string.h>
#include "write_internal.h"

enum { COL_ROW, COL_OPERATION, COL_TABLE, COL_ID, COL_STATUS, COL_HTTP, COL_SQLSTATE, COL_MESSAGE };

typedef struct lr_cursor {
    sqlite3_vtab_cursor base;
    bc_engine *e;
    int pos;
} lr_cursor;

static int lr_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                      char **errmsg)
{
    (void)argc, (void)argv, (void)errmsg;
    return bc_sys_vtab_connect(db, aux,
                               "CREATE TABLE x(row_number INTEGER, operation NVARCHAR(6), "
                               "table_name NVARCHAR(64), id BIGINT, status NVARCHAR(7), "
                               "http_status INTEGER, sqlstate NVARCHAR(5), "
                               "message NVARCHAR(1024))",
                               out);
}

static int lr_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    (void)base;
    info->estimatedCost = 10;
    return SQLITE_OK;
}

static int lr_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
    lr_cursor *c = sqlite3_malloc(sizeof *c);

    if (c == NULL)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    c->e = ((bc_sys_vtab *)base)->e;
    *out = &c->base;
    return SQLITE_OK;
}

static int lr_close(sqlite3_vtab_cursor *cur)
{
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int lr_filter(sqlite3_vtab_cursor *cur, int n, const char *s, int argc, sqlite3_value **v)
{
    (void)n, (void)s, (void)argc, (void)v;
    ((lr_cursor *)cur)->pos = 0;
    return SQLITE_OK;
}

static int lr_next(sqlite3_vtab_cursor *cur)
{
    ((lr_cursor *)cur)->pos++;
    return SQLITE_OK;
}

static int lr_eof(sqlite3_vtab_cursor *cur)
{
    lr_cursor *c = (lr_cursor *)cur;
    return c->pos >= c->e->w->nres;
}

static const char *kind_name(bc_wop_kind k)
{
    return k == BC_WOP_INSERT ? "INSERT" : k == BC_WOP_UPDATE ? "UPDATE" : "DELETE";
}

static int lr_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
    lr_cursor *c = (lr_cursor *)cur;
    const bc_wresult *r = &c->e->w->res[c->pos];

    switch (i) {
    case COL_ROW:
        sqlite3_result_int64(ctx, r->row);
        break;
    case COL_OPERATION:
        sqlite3_result_text(ctx, kind_name(r->kind), -1, SQLITE_STATIC);
        break;
    case COL_TABLE:
        sqlite3_result_text(ctx, c->e->w->table ? c->e->w->table : "", -1, SQLITE_STATIC);
        break;
    case COL_ID:
        if (r->id > 0)
            sqlite3_result_int64(ctx, r->id);
        break;
    case COL_STATUS:
        sqlite3_result_text(ctx,
                            r->ok        ? "written"
                            : r->unknown ? "unknown"
                                         : "failed",
                            -1, SQLITE_STATIC);
        break;
    case COL_HTTP:
        if (r->status > 0)
            sqlite3_result_int64(ctx, r->status);
        break;
    case COL_SQLSTATE:
        if (r->sqlstate[0])
            sqlite3_result_text(ctx, r->sqlstate, -1, SQLITE_TRANSIENT);
        break;
    case COL_MESSAGE:
        if (r->message)
            sqlite3_result_text(ctx, r->message, -1, SQLITE_TRANSIENT);
        break;
    default:
        break;
    }
    return SQLITE_OK;
}

static int lr_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid)
{
    *rowid = ((lr_cursor *)cur)->pos + 1;
    return SQLITE_OK;
}

static const sqlite3_module k_lastresult = {
    .xCreate = lr_connect,
    .xConnect = lr_connect,
    .xBestIndex = lr_best_index,
    .xDisconnect = bc_sys_vtab_disconnect,
    .xDestroy = bc_sys_vtab_disconnect,
    .xOpen = lr_open,
    .xClose = lr_close,
    .xFilter = lr_filter,
    .xNext = lr_next,
    .xEof = lr_eof,
    .xColumn = lr_column,
    .xRowid = lr_rowid,
};

int bc_write_result_register(bc_engine *e, bc_error *err)
{
    return bc_sys_vtab_register(e, &k_lastresult, "bc_lastresult", "sys_lastresult", err);
}

bool bc_engine_write_changes(bc_engine *e, long *changed)
{
    if (e == NULL || !e->w->wrote)
        return false;
    *changed = e->w->changed;
    return true;
}

bool bc_engine_write_problem(bc_engine *e, int *pos, long *row, bool *failed, bc_error *out)
{
    const bc_write_state *w = e->w;

    while (*pos < w->nres) {
        const bc_wresult *r = &w->res[(*pos)++];
        if (r->message == NULL)
            continue;
        *row = r->row;
        *failed = !r->ok;
        bc_error_clear(out);
        bc_error_set(out, r->sqlstate[0] ? r->sqlstate : "HY000", r->status, "%s", r->message);
        return true;
    }
    return false;
}

bool bc_engine_write_outcome(bc_engine *e, int *pos, long *row, bool *ok)
{
    if (e == NULL || *pos >= e->w->nres)
        return false;
    *row = e->w->res[*pos].row;
    *ok = e->w->res[(*pos)++].ok;
    return true;
}

int bc_engine_batch_begin(bc_engine *e, bc_error *err)
{
    if (sqlite3_exec(e->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return bc_error_set(err, "HY000", 0,
                            "The parameter array could not start as one batch: "
                            "%s",
                            sqlite3_errmsg(e->db));
    e->w->batch = true;
    e->w->wrote = false;
    e->w->lost = 0;
    return 0;
}

void bc_engine_batch_row(bc_engine *e, long row)
{
    e->w->param_row = row;
    e->w->nrow_ids = 0;
}

void bc_engine_batch_rows(bc_engine *e, const long long *ids, const long *rows, int n)
{
    e->w->param_row = 0;
    e->w->row_ids = ids;
    e->w->row_nums = rows;
    e->w->nrow_ids = n;
}

int bc_engine_batch_end(bc_engine *e, bc_error *err)
{
    int rc = 0;

    if (sqlite3_get_autocommit(e->db)) {
        /* An interruption (cancel, time-out) rolled the batch back before its end. */
        rc = e->w->lost > 0 ? bc_error_set(err, "HY008", 0,
                                           "The parameter array was interrupted: %ld queued "
                                           "row(s) were not sent. sys_lastresult shows the rows "
                                           "that were.",
                                           e->w->lost)
                            : 0;
    } else if (sqlite3_exec(e->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = bc_error_set(err, sqlite3_errcode(e->db) == SQLITE_NOMEM ? "HY001" : "HY000", 0,
                          "The batch could not be sent: %s", sqlite3_errmsg(e->db));
        sqlite3_exec(e->db, "ROLLBACK", NULL, NULL, NULL);
    }
    e->w->batch = false;
    e->w->nrow_ids = 0;
    return rc;
}
