/*
 * Writes (docs/ARCHITECTURE.md, "A write"), private to engine/. The virtual table's xUpdate turns
 * each row of an INSERT, UPDATE or DELETE into a pending operation (vtab_write.c); nothing is sent
 * until the statement's implicit transaction syncs (xSync), when the operations go out in the API's
 * batch form (write_send.c) and every row's outcome is kept (write_state.c) for the statement's row
 * count, its diagnostics and the sys_lastresult table (write_result.c). Sending at the end means
 * a statement that fails half-way through its own SQL (a bad value in row 7) sends nothing.
 */
#ifndef BC_WRITE_INTERNAL_H
#define BC_WRITE_INTERNAL_H

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include "bc_write_spec.h"
#include "engine_internal.h"

typedef enum { BC_WOP_INSERT = 'I', BC_WOP_UPDATE = 'U', BC_WOP_DELETE = 'D' } bc_wop_kind;

/* One row to write. */
typedef struct bc_wop {
    bc_wop_kind kind;
    long row; /* 1-based: the row of the statement, or the parameter set of an array */
    const bc_table_def *t;
    const bc_write_spec *ws;
    char *path;   /* the request path, placeholders filled (owned) */
    long long id; /* UPDATE/DELETE: the object's id */
    cJSON *body;  /* INSERT/UPDATE: the object to send (owned) */
} bc_wop;

/* The outcome of one row, as sys_lastresult shows it. */
typedef struct bc_wresult {
    bc_wop_kind kind;
    long row;
    long long id; /* assigned (INSERT) or targeted; 0 when unknown */
    bool ok;
    bool unknown;     /* no usable answer: the row may or may not have been written */
    long status;      /* HTTP status of the request that carried the row, 0 when none */
    char sqlstate[6]; /* of the failure (or of a warning on a written row) */
    char *message;    /* why it failed, or a warning on a written row; NULL when none */
} bc_wresult;

/* Remembered at xRowid for DELETE paths that need more than the id (ProductVariants'
 * product_id, a price record's currency): SQLite hands xUpdate only the rowid of a row to
 * delete. */
typedef struct bc_wkey {
    const bc_table_def *t;
    long long rowid;
    char *path; /* the row's DELETE path, placeholders filled (owned) */
} bc_wkey;

/* The text of a row's column col (index i) for a path, malloc'd; NULL when it has none. */
typedef char *(*bc_write_text_fn)(void *ctx, const bc_column_def *col, int i);

typedef struct bc_write_state {
    bc_wop *ops;
    int nops, capops;
    bc_wresult *res;
    int nres, capres;
    long changed;      /* rows the API changed in the last write statement */
    bool wrote;        /* the current statement sent (or tried to send) writes */
    const char *table; /* the table the last write statement changed */
    long rows_seen;    /* xUpdate calls of the current statement */
    bool batch;        /* a parameter array is being run as one transaction */
    long param_row;    /* its current parameter set, 1-based */
    long lost;         /* rows of the batch dropped unsent by a rollback (an interruption) */
    bool where_checked, has_where;
    bool in_txn;       /* between xBegin and xCommit/xRollback */
    long long last_id; /* the id the API gave the last inserted row, 0 when none */
    bc_wkey *keys;
    int nkeys, capkeys;
    /* One statement of the batch writing several rowset rows (bc_engine_batch_rows): an
     * UPDATE or DELETE of row_ids[i] is row row_nums[i]. Borrowed from the caller. */
    const long long *row_ids;
    const long *row_nums;
    int nrow_ids;
} bc_write_state;

/* write_state.c */
bc_write_state *bc_write_state_new(void);
void bc_write_state_free(bc_write_state *w);
void bc_write_ops_clear(bc_write_state *w);
void bc_write_results_clear(bc_write_state *w);
int bc_write_push_op(bc_write_state *w, const bc_wop *op); /* takes path/body; -1 on OOM */
/* Record a row's outcome; message may be NULL. -1 on OOM. */
int bc_write_push_result(bc_write_state *w, const bc_wop *op, long long id, bool ok, long status,
                         const char *sqlstate, const char *message);
int bc_write_key_note(bc_write_state *w, const bc_table_def *t, long long rowid, const char *path);
const char *bc_write_key_find(const bc_write_state *w, const bc_table_def *t, long long rowid);

/* write_json.c: an SQLite value as the API expects it in a body, per the column's type (v2
 * money as a "12.3400" string, v3 as a number; timestamps in the version's format; JSON
 * columns parsed). NULL value -> JSON null. Returns NULL with err set for a value that does
 * not fit the column. */
cJSON *bc_write_json_value(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v,
                           bc_error *err);
/* Put val at c's JSON path inside obj (creating the objects of a dotted path). */
int bc_write_json_put(cJSON *obj, const bc_column_def *c, cJSON *val);

/* write_partial.c: the key answers name a row by ("id", or the spec's answer_key); whether
 * items (an answer's array of objects, or of bare ids) lists the row with that key. */
const char *bc_write_answer_key(const bc_write_spec *ws);
bool bc_write_answered_id(const cJSON *items, const char *key, long long id);
/* Whether a failed request's answer says it still applied part of its batch (a 422 whose
 * "data" lists rows), and recording the rows of such an answer: those it lists written,
 * the others failed with err. -1 when out of memory. */
bool bc_write_applied_in_part(long status, const cJSON *out);
int bc_write_record_partial(bc_engine *e, const bc_wop *ops, int n, const cJSON *out,
                            const bc_error *err);

/* write_send.c: send every pending operation; fills the results. 0, or -1 when out of memory. */
int bc_write_flush(bc_engine *e);

/* write_guard.c: whether the write statement now running has a WHERE clause at its top level
 * (found from its SQL text); true when it cannot tell. */
bool bc_write_statement_has_where(sqlite3 *db);

/* write_result.c: the sys_lastresult table. */
int bc_write_result_register(bc_engine *e, bc_error *err);

/* vtab_write.c: the virtual table's write methods (vtab.c registers them). */
int bc_vtab_write_update(sqlite3_vtab *base, int argc, sqlite3_value **argv, sqlite_int64 *rowid);
int bc_vtab_write_begin(sqlite3_vtab *base);
int bc_vtab_write_sync(sqlite3_vtab *base);
int bc_vtab_write_commit(sqlite3_vtab *base);
int bc_vtab_write_rollback(sqlite3_vtab *base);
/* xColumn during an UPDATE: true when column i may be left out (SQLite then knows it is not
 * changed); key columns and the columns a PUT must carry are always read. */
bool bc_vtab_write_may_skip(const sqlite3_vtab *base, int i);
/* xRowid during a write: whether a DELETE of this table needs the row's path remembered, and
 * remembering it (the values come from text_of). */
bool bc_vtab_write_needs_row(const sqlite3_vtab *base);
void bc_vtab_write_note_row(sqlite3_vtab *base, long long rowid, bc_write_text_fn text_of,
                            void *ctx);

#endif
