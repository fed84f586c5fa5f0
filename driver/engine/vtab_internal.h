/*
 * The "bigcommerce" virtual-table module, split over vtab.c (module, connect),
 * vtab_plan.c (xBestIndex), vtab_cursor.c (a plan's terms into requests), vtab_rows.c
 * (requests and paging), vtab_keys.c (the values that fill an endpoint's placeholders:
 * given, or walked from the parent table), vtab_bounds.c (bounds and LIKE prefixes as the
 * API takes them), vtab_ahead.c (requests of the coming parents, in flight early),
 * vtab_batch.c (rows held for the statement, probed in memory), vtab_switch.c (probes or
 * one scan), vtab_verify.c (rows held against the filters sent), vtab_point.c (one id by
 * the single-object path) and vtab_value.c (JSON to SQLite values).
 */
#ifndef BC_VTAB_INTERNAL_H
#define BC_VTAB_INTERNAL_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include "bc_util.h"
#include "engine_internal.h"

/* Which path template a plan requests (idxNum). */
enum {
    BC_PLAN_ENDPOINT = 0, /* src's endpoint, placeholders given or walked */
    BC_PLAN_ID_PATH = 1,  /* t's id_path_endpoint, {id} = the primary key */
    BC_PLAN_SRC_PATH = 2, /* a nested view's src id_path_endpoint, {id} = the parent key */
    BC_PLAN_COUNT = 3,    /* no column is read: rows come from the endpoint's row count */
};

/* The terms of a plan, one per argv slot, written into idxStr as "<op><column>," so that
 * xFilter knows what each argument is. */
enum {
    BC_TERM_PATH = 'P',      /* fills the placeholder of its column */
    BC_TERM_PATH_IN = 'Q',   /* the same, the whole IN list at once: one request per value */
    BC_TERM_EQ = 'F',        /* ?filter_eq=v */
    BC_TERM_IN = 'N',        /* ?filter_in=v1,v2 (the whole IN list, in chunks) */
    BC_TERM_MIN = 'G',       /* ?filter_min=v */
    BC_TERM_MAX = 'H',       /* ?filter_max=v */
    BC_TERM_LIKE = 'K',      /* ?filter_like=<the pattern's literal prefix> */
    BC_TERM_LOCAL = 'X',     /* "col = v" the API cannot filter: looked up in rows read once */
    BC_TERM_SORT = 'S',      /* ?sort=<sort_param> ascending; takes no argv slot */
    BC_TERM_SORT_DESC = 'D', /* the same, descending */
    BC_TERM_LIMIT = 'L',
    BC_TERM_OFFSET = 'O',
};

#define BC_VTAB_MAX_PH 4 /* placeholders in one endpoint */
/* Ends a plan's terms in idxStr; the query text of its include= follows (vtab_include.c). */
#define BC_INCLUDE_SEP '|'

typedef struct bc_vtab {
    sqlite3_vtab base;
    bc_engine *e;
    const bc_table_def *t;
    int pk; /* index of the primary-key column, -1 when none */
    /* The table whose endpoint is requested: t itself, or for a child view of a nested
     * array (rows_path) its parent, whose rows hold the arrays. */
    const bc_table_def *src;
    /* src's parent, paged (through SQL) for the values that fill src's endpoint
     * placeholders when they are not given. NULL when src's endpoint has none: a parent
     * reached through a filter (ProductVariants.product_id) is never walked. */
    const bc_table_def *walk;
    int nph;                               /* placeholders in src->endpoint */
    char *ph_name[BC_VTAB_MAX_PH];         /* their names */
    int ph_col[BC_VTAB_MAX_PH];            /* t's column giving each, -1 when none */
    const char *ph_parent[BC_VTAB_MAX_PH]; /* walk's column giving each */
    int src_key_col; /* nested view: t's column holding src's id, -1 otherwise */
    /* A child reached through a filter (ProductVariants.product_id): the column whose "= v"
     * can be read for several parents at once through its :in filter; -1 otherwise. */
    int bulk_col;
} bc_vtab;

typedef struct bc_vbatch bc_vbatch;

typedef struct bc_vcursor {
    sqlite3_vtab_cursor base;
    bc_vtab *vt;
    int plan;
    const char *tmpl; /* the path template requested */
    bc_paging paging;
    int nph; /* placeholders of tmpl */
    const char *ph_name[BC_VTAB_MAX_PH];
    int ph_col[BC_VTAB_MAX_PH];
    /* Placeholder values: ntuples rows of nph strings (owned), handed out from tuplepos;
     * refilled by walking the parent when walk is set. */
    char **tuples;
    int ntuples, captuples, tuplepos, prefetched;
    char *given[BC_VTAB_MAX_PH]; /* walk: placeholder values given by the plan, or NULL */
    sqlite3_stmt *walk;          /* SELECT of the parent's key columns */
    bool walk_done;
    char **cur;              /* the placeholder values of the current request */
    bool single;             /* no placeholders: one request (or one per chunk) */
    char *query;             /* the filters every request carries, or NULL */
    bool has_include;        /* query carries an include= (which the count endpoints lack) */
    const char *chunk_param; /* a pushed IN list's filter, sent in chunks, or NULL */
    char **chunk_vals;
    int nchunk, chunkpos;
    bool started;
    bool no_rows;        /* a pushed value that no row can equal (id = 'abc') */
    bc_pager *pager;     /* current request */
    cJSON *items;        /* current page, owned by pager */
    cJSON *next_item;    /* next element of items to hand out */
    cJSON *next_sub;     /* next element of the nested array (rows_path tables) */
    cJSON *item;         /* current row */
    cJSON *parent_item;  /* the page element holding item (item itself unless nested) */
    long rows, max_rows; /* rows returned so far; cap (0 = none) */
    bool eof;
    /* The row's values, found when asked for (vtab_value.c): cells[i] is column i's member
     * when cell_row[i] == row_seq, which changes with every row. swept: the top-level
     * columns asked for so far, sorted by key, found together in one walk over a new row. */
    cJSON **cells;
    unsigned long long *cell_row;
    unsigned long long row_seq, swept_row;
    int *swept;
    int nswept;
    struct bc_vcursor *next_open; /* the engine's list of open cursors */
    bc_api_ahead *ahead;          /* children of the coming parents, in flight */
    int asked;                    /* parents asked for one by one since the cursor opened */
    /* Rows held for the statement (vtab_batch.c), and the slice of them being handed out. */
    bc_vbatch *batch;
    int batch_pos, batch_end;
    bool in_batch;
    bool batch_refused;   /* the table is too big to hold: probes scan as before */
    char *bulk_val;       /* "bulk_col = v" of this filter, not yet sent */
    const char *eq_param; /* the first "col = v" filter sent, and its value (for look-ahead) */
    char *eq_val;
    int eq_col;
    int switch_tried_at; /* probes when the switch to a batch (vtab_switch.c) last failed */
    int outer_coming;    /* rows after the outer cursor's at the first probe of a join */
    /* Single-id probes of this cursor go to the object path (vtab_point.c): 1 yes, -1 no
     * (a join's probes, which the look-ahead fetches as list requests), 0 not decided. */
    int point_mode;
    bool no_switch;           /* this probe only: do not try the switch again */
    int local_col;            /* column of a BC_TERM_LOCAL term, -1 when none */
    char *local_val;          /* its value as a key */
    struct bc_vcheck *checks; /* integer filters sent, held against each row (vtab_verify.c) */
    int nchecks;
    /* Where the rows sit inside each item of a page: t's rows_path, or for a child read
     * through its parent's list (vtab_child_include.c) its parent_include; NULL: the items
     * themselves. via: that parent, whose list the cursor reads, else NULL. */
    const char *rows_path;
    const bc_table_def *via;
    int via_batches;       /* batches read through via for this cursor's probes */
    bool collection;       /* reading t's collection_endpoint (vtab_collection.c) */
    bool collection_sized; /* its size was asked for this cursor's probes */
} bc_vcursor;

/* vtab_plan.c */
int bc_vtab_best_index(sqlite3_vtab *base, sqlite3_index_info *info);
/* The filter parameter that answers "col = v" (in: "col IN (...)") exactly, NULL when none.
 * A nested view's own columns are inside the arrays, which the API cannot filter; only its
 * parent key can be, by the parent's id filter. */
const char *bc_vtab_filter_param(const bc_vtab *vt, int col, bool in);
/* The same from the definitions alone: src is the table whose endpoint is read (t itself, or
 * a nested view's parent) and src_key_col t's column holding src's id (-1 when t is not a
 * nested view). */
const char *bc_vtab_param_of(const bc_table_def *t, const bc_table_def *src, int src_key_col,
                             int col, bool in);

/* vtab_cursor.c */
int bc_vcursor_filter(bc_vcursor *c, int plan, const char *idx_str, int argc, sqlite3_value **argv);
int bc_vcursor_next(bc_vcursor *c);
void bc_vcursor_reset(bc_vcursor *c);
/* c's query without its equality filter (NULL when that was all of it), in *out: 0, or -1
 * when out of memory. */
int bc_vcursor_query_without_eq(const bc_vcursor *c, char **out);
/* Record err in the engine and as the vtab's message; returns SQLITE_ERROR. */
int bc_vtab_fail(bc_vtab *vt, const bc_error *err);

/* vtab_keys.c: the placeholder values of a cursor. */
/* The value as the API expects it in a path or a query: an integer column's value must be
 * an integer (else *out = NULL: no row can match); other values are URL-escaped text.
 * Returns 0, or -1 when out of memory. */
int bc_vkeys_value_text(const bc_column_def *col, sqlite3_value *v, char **out);
/* vtab_bounds.c: a pushed bound as the API takes it (upper: a max), possibly wider than
 * the SQL term but never narrower; *out NULL when it is not sent, and *no_rows when no row
 * can pass. The literal prefix of a LIKE pattern, URL-escaped, NULL when it has none.
 * Both return 0, or -1 when out of memory. */
int bc_vkeys_bound_text(const bc_column_def *col, sqlite3_value *v, bool upper, char **out,
                        bool *no_rows);
int bc_vkeys_like_prefix(sqlite3_value *v, char **out);
/* Append one tuple of nph values (copied); -1 when out of memory. */
int bc_vkeys_push(bc_vcursor *c, char *const *vals);
void bc_vkeys_clear(bc_vcursor *c);
/* Start walking the parent for the missing placeholders: 0, or -1 with err set. */
int bc_vkeys_walk_open(bc_vcursor *c, bc_error *err);
/* Refill tuples from the walk: 1 some, 0 the walk is over, -1 with err set. */
int bc_vkeys_walk_refill(bc_vcursor *c, bc_error *err);
/* Substitute every {name} of tmpl with the cursor's values. Caller frees; NULL on OOM. */
char *bc_vkeys_fill(const bc_vcursor *c, char *const *vals);

/* vtab_include.c: include= for the columns a plan reads. */
/* Append BC_INCLUDE_SEP and the include query the columns in col_used need, if any. */
void bc_vinclude_plan(const bc_vtab *vt, sqlite3_uint64 col_used, bc_buf *terms);
/* Add the plan's include query to c->query: 0, or -1 when out of memory. */
int bc_vinclude_take(bc_vcursor *c, const char *idx_str);
/* vtab_child_include.c: a child read through its parent's list with include= (the
 * catalog's parent_include), called once the plan's terms are read. A walk over every
 * parent becomes a scan of the parent's list; a probe for the parent a parent cursor stands
 * on is answered from rows read for it and the parents after it. 1 answered from rows held
 * (the cursor hands them out), 0 the cursor goes on as set up, -1 with the error recorded. */
int bc_vchild_take(bc_vcursor *c);
/* Give every object of arr (a row inside parent, an item of the parent's list) the
 * parent's key when it lacks it (custom fields carry no product_id). */
void bc_vchild_adopt(const bc_vcursor *c, const cJSON *parent, cJSON *arr);
/* vtab_collection.c: a walk over every parent becomes a scan of the table's
 * collection_endpoint, when it has one; adopt gives a row of it its parent key from
 * collection_key. */
void bc_vcollection_take(bc_vcursor *c);
/* A probe for the parent a parent cursor stands on: 1 answered from the whole collection
 * read once and held by parent key, 0 the probe goes on as set up, -1 error recorded. */
int bc_vcollection_probe(bc_vcursor *c);
void bc_vcollection_adopt(const bc_vcursor *c, cJSON *item);
/* vtab_point.c: a probe for one id through the list's id filter, and nothing else, is
 * turned into a request of the table's single-object path. 0, or -1 when out of memory. */
int bc_vpoint_redirect(bc_vcursor *c);
/* vtab_verify.c: the integer filters a plan sends, which SQLite does not check again, held
 * against every row. plan collects them before xFilter (0, or -1 when out of memory); row
 * fails the statement (SQLITE_ERROR, error recorded) when the cursor's row does not match
 * one, so a store that ignored a filter never makes wrong rows an answer. */
int bc_vverify_plan(bc_vcursor *c, int plan, const char *idx_str, int argc, sqlite3_value **argv);
int bc_vverify_row(bc_vcursor *c);
void bc_vverify_free(bc_vcursor *c);
/* vtab_switch.c: probes through an integer filter (Orders.customer_id = ?) that cost more
 * than reading the table once: read it (without that filter) and answer in memory. 1
 * answered, 0 not now, 3 the table was too big (the probe goes to the API after all), -1
 * with err set. */
int bc_vswitch_try(bc_vcursor *c, bc_error *err);
/* vtab_ahead.c: a child asked for one parent after another (a join's inner loop) fetches
 * the children of the parents that come next on the parent's open cursor, several in
 * flight, before SQLite asks for them. */
void bc_vahead_register(bc_vcursor *c);
void bc_vahead_unregister(bc_vcursor *c);
void bc_vahead_start(bc_vcursor *c);
/* Wait for path's request if it is in flight (it then answers from the cache). */
void bc_vahead_settle(bc_vcursor *c, const char *path);

/* vtab_batch.c: rows held for the statement, keyed by one column (see the file). covers:
 * the batch holds every row of c's plan with col = key; select then hands them out
 * (bc_vbatch_next: 1 a row, 0 no more). build reads the rows of c's requests as set up
 * (keys: the keys they ask for, sorted and owned by the batch; NULL: the whole table; at
 * most cap rows, 0 for the default):
 * 1 built, 0 too many rows to hold, -1 with err set. */
bool bc_vbatch_covers(const bc_vcursor *c, int col, const char *key);
void bc_vbatch_select(bc_vcursor *c, const char *key);
int bc_vbatch_next(bc_vcursor *c);
int bc_vbatch_build(bc_vcursor *c, int col, char **keys, int nkeys, long cap, bc_error *err);
/* The column the cursor's batch is keyed by, -1 when it has none. cap: most rows read
 * (0: BC_VBATCH_MAX_ROWS). */
int bc_vbatch_col(const bc_vcursor *c);
void bc_vbatch_free(bc_vbatch *b);
/* vtab_rows.c: the next row of the cursor's requests: 1, 0 at the end, -1 with err set. */
int bc_vcursor_advance(bc_vcursor *c, bc_error *err);
/* vtab_ahead.c: the open cursor on table pt standing on the row whose key at path is
 * value, and up to max keys (at path) of the rows after it on its page, as text. */
bc_vcursor *bc_vahead_parent(bc_vcursor *c, const bc_table_def *pt, const char *path,
                             const char *value);
int bc_vahead_next_keys(const bc_vcursor *p, const char *path, char **out, int max);
/* vtab_switch.c: the pages of a list from one request of it (path, taken and freed): a v2
 * count endpoint's {"count": N} when counted, else a v3 page's meta.pagination.total; -1
 * when the request fails or the answer does not tell (path NULL: -1). */
long bc_vswitch_pages_at(const bc_vcursor *c, char *path, bool counted);
/* Probes to come for which asking a table's size, to read it once instead, is worth its one
 * request (vtab_switch.c, vtab_collection.c). */
#define BC_VPROBES_WORTH_SIZING 4
/* The member of pt's items holding the key vt's first placeholder takes (pt's column
 * ph_parent[0]); NULL when pt has no such column. */
const char *bc_vahead_parent_path(const bc_vtab *vt, const bc_table_def *pt);
/* The rows on p's page after its current one: at least this many probes of a join follow. */
int bc_vahead_rows_after(const bc_vcursor *p);

/* vtab_value.c. open: the cursor's cells (0, or -1 when out of memory; close frees them
 * either way). cell: column i of the current row, NULL when the row has no such member;
 * owned by the row's page. */
int bc_vcells_open(bc_vcursor *c);
void bc_vcells_close(bc_vcursor *c);
cJSON *bc_vcursor_cell(bc_vcursor *c, int i);
void bc_vtab_result(sqlite3_context *ctx, const bc_column_def *col, const cJSON *v);
cJSON *bc_vtab_walk_path(cJSON *item, const char *path);
/* The member (or dotted path) of an item that holds column c: its json_path, else its name. */
const char *bc_vtab_member(const bc_column_def *c);

#endif
