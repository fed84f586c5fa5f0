/*
 * The "bigcommerce" virtual-table module, split over vtab.c (module, planning),
 * vtab_cursor.c (requests and paging) and vtab_value.c (JSON to SQLite values).
 */
#ifndef BC_VTAB_INTERNAL_H
#define BC_VTAB_INTERNAL_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include "engine_internal.h"

/* idxNum layout: which key the plan looks up, whether the key came as a whole IN list,
 * and whether a LIMIT hint follows the key in argv. */
enum {
    BC_PLAN_SCAN = 0,
    BC_PLAN_ID = 1,     /* the primary key: v3 filter or id_path_endpoint */
    BC_PLAN_PARENT = 2, /* a child table's parent key, substituted into the path */
    BC_PLAN_KEY_MASK = 3,
    BC_PLAN_IN = 1 << 2,
    BC_PLAN_LIMIT = 1 << 3,
};

typedef struct bc_vtab {
    sqlite3_vtab base;
    bc_engine *e;
    const bc_table_def *t;
    int pk; /* index of the primary-key column, -1 when none */
    /* The table whose endpoint is requested: t itself, or for a child view of a nested
     * array (rows_path) its parent, whose rows hold the arrays. */
    const bc_table_def *src;
    /* src's parent: the table paged for the ids that fill src's endpoint placeholder
     * when no key is given. NULL when src's endpoint has no placeholder. */
    const bc_table_def *walk;
    int parent_col; /* column of t holding walk's id (the placeholder value), or -1 */
    /* Top-level JSON key of every column, sorted, so a row's object is walked once. */
    int *by_key; /* column indexes ordered by key name; NULL when none is top-level */
    int nby_key;
} bc_vtab;

typedef struct bc_vcursor {
    sqlite3_vtab_cursor base;
    bc_vtab *vt;
    int plan;
    sqlite3_int64 *keys; /* ids or parent ids still to request */
    int nkeys, capkeys, keypos;
    bool walk_parent; /* keys come from paging the parent table */
    bc_pager *parent_pager;
    bool started;          /* the single request of a plain scan was opened */
    bc_pager *pager;       /* current request */
    cJSON *items;          /* current page, owned by pager */
    cJSON *next_item;      /* next element of items to hand out */
    cJSON *next_sub;       /* next element of the nested array (rows_path tables) */
    cJSON *item;           /* current row */
    cJSON *parent_item;    /* the page element holding item (item itself unless nested) */
    sqlite3_int64 cur_key; /* key of the current request (parent id for child rows) */
    long rows, max_rows;   /* rows returned so far; cap (0 = none) */
    bool eof;
    cJSON **cells; /* per column: the row's value, resolved once per row */
    bool cells_done;
} bc_vcursor;

/* vtab_cursor.c */
int bc_vcursor_filter(bc_vcursor *c, int plan, int argc, sqlite3_value **argv);
int bc_vcursor_next(bc_vcursor *c);
void bc_vcursor_reset(bc_vcursor *c);
/* Record err in the engine and as the vtab's message; returns SQLITE_ERROR. */
int bc_vtab_fail(bc_vtab *vt, const bc_error *err);

/* vtab_value.c */
void bc_vcursor_resolve_cells(bc_vcursor *c);
void bc_vtab_result(sqlite3_context *ctx, const bc_column_def *col, const cJSON *v);
int bc_vtab_build_key_index(bc_vtab *vt);

#endif
