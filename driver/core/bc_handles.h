/*
 * The four ODBC handles. Each starts with bc_handle (type tag, parent, lock, diagnostics), so
 * bc_handle_enter() can check and lock any of them. A statement owns its four implicit
 * descriptors and its SQLGetData state.
 */
#ifndef BC_HANDLES_H
#define BC_HANDLES_H

#include <pthread.h>
#include <stdbool.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>
#include "bc_diag.h"
#include "bc_props.h"
#include "bc_api.h"
#include "bc_engine.h"
#include "bc_catalog.h"

#define BC_HANDLE_MAGIC 0x42434f44u /* "BCOD" */

typedef struct bc_handle {
    unsigned magic;   /* BC_HANDLE_MAGIC while alive, 0 after free */
    SQLSMALLINT type; /* SQL_HANDLE_ENV / DBC / STMT / DESC */
    struct bc_handle *parent;
    pthread_mutex_t lock; /* recursive */
    bc_diag diag;
    const char *call; /* the ODBC function running on the handle, for the trace; or NULL */
} bc_handle;

typedef struct bc_env {
    bc_handle h;
    SQLINTEGER odbc_version; /* SQL_OV_ODBC2 / 3 / 3_80 */
    SQLINTEGER connection_pooling;
    SQLINTEGER cp_match;
    SQLINTEGER output_nts;
    struct bc_dbc *dbcs; /* list of connections (for freeing order checks) */
} bc_env;

typedef struct bc_dbc {
    bc_handle h;
    bc_env *env;
    struct bc_dbc *next; /* in env->dbcs */
    bc_props props;
    bool connected;
    bc_api *api;       /* owned; NULL until connected */
    bc_engine *engine; /* owned; NULL until connected */
    /* Set by SQLCancel or a time-out, polled by the HTTP transfers of api and by engine: both
     * borrow it, so it exists before either is built. */
    volatile int cancel;
    struct bc_stmt *stmts;
    struct bc_desc *descs; /* explicitly allocated descriptors */
    /* attributes */
    SQLUINTEGER access_mode;
    SQLUINTEGER autocommit;
    SQLUINTEGER login_timeout;
    SQLUINTEGER connection_timeout;
    SQLUINTEGER txn_isolation;
    SQLUINTEGER metadata_id;
    SQLUINTEGER async_enable;
    char *current_catalog;
    struct bc_stmt *running; /* the statement inside the engine (cursor.c's lock guards it) */
    int running_depth;       /* nesting of bc_stmt_run_begin calls */
    char *browse;            /* owned; SQLBrowseConnect's keywords so far (may hold a token) */
    long unended_writes;     /* rows written since connect or the last SQLEndTran (writes.c) */
} bc_dbc;

/* One descriptor record (ODBC's SQL_DESC_* fields for one column or parameter). */
typedef struct bc_desc_rec {
    SQLSMALLINT type;         /* SQL_DESC_TYPE (verbose: SQL_DATETIME for dates) */
    SQLSMALLINT concise_type; /* SQL_DESC_CONCISE_TYPE */
    SQLSMALLINT datetime_interval_code;
    SQLPOINTER data_ptr;      /* SQL_DESC_DATA_PTR */
    SQLLEN *octet_length_ptr; /* SQL_DESC_OCTET_LENGTH_PTR */
    SQLLEN *indicator_ptr;    /* SQL_DESC_INDICATOR_PTR */
    SQLLEN octet_length;      /* SQL_DESC_OCTET_LENGTH (buffer length) */
    SQLULEN length;           /* SQL_DESC_LENGTH */
    SQLSMALLINT precision;
    SQLSMALLINT scale;
    SQLSMALLINT nullable;
    SQLSMALLINT parameter_type; /* IPD: SQL_PARAM_INPUT ... */
    SQLSMALLINT unsigned_;
    SQLSMALLINT fixed_prec_scale;
    SQLSMALLINT searchable;
    SQLSMALLINT updatable;
    SQLSMALLINT auto_unique;
    SQLSMALLINT case_sensitive;
    SQLINTEGER display_size;
    SQLINTEGER num_prec_radix;
    char *name; /* SQL_DESC_NAME / LABEL (UTF-8, owned) */
    char *base_column_name;
    char *table_name;
    char *base_table_name;
    char *schema_name;
    char *type_name; /* SQL_DESC_TYPE_NAME */
    char *local_type_name;
    char *literal_prefix, *literal_suffix;
} bc_desc_rec;

typedef enum { BC_DESC_ARD, BC_DESC_APD, BC_DESC_IRD, BC_DESC_IPD } bc_desc_kind;

typedef struct bc_desc {
    bc_handle h;
    bc_desc_kind kind;
    bool implicit;        /* owned by a statement */
    struct bc_stmt *stmt; /* owning statement when implicit */
    bc_dbc *dbc;
    struct bc_desc *next; /* in dbc->descs when explicit */
    /* header fields */
    SQLSMALLINT alloc_type;
    SQLULEN array_size; /* SQL_DESC_ARRAY_SIZE */
    SQLUSMALLINT *array_status_ptr;
    SQLLEN *bind_offset_ptr;
    SQLINTEGER bind_type; /* SQL_BIND_BY_COLUMN or row size */
    SQLULEN *rows_processed_ptr;
    SQLSMALLINT count; /* SQL_DESC_COUNT */
    bc_desc_rec *recs; /* recs[0] is the bookmark record; 1..count the columns */
    SQLSMALLINT cap;
} bc_desc;

typedef enum {
    BC_STMT_ALLOCATED, /* S1 */
    BC_STMT_PREPARED,  /* S2/S3 */
    BC_STMT_EXECUTED,  /* S4: executed, no result set */
    BC_STMT_CURSOR,    /* S5-S7: result set open */
    BC_STMT_NEED_DATA  /* S8-S10 (SQLPutData, later) */
} bc_stmt_state;

typedef struct bc_stmt {
    bc_handle h;
    bc_dbc *dbc;
    struct bc_stmt *next; /* in dbc->stmts */
    bc_stmt_state state;
    char *sql;        /* the SQL as SQLite runs it (escapes rewritten) */
    sqlite3_stmt *vm; /* the prepared statement; result sets always come from one */
    bool has_row;     /* vm holds a row not yet handed out (SQLExecute steps once) */
    bool done;        /* vm returned SQLITE_DONE */
    SQLLEN row_count; /* SQLRowCount */
    SQLULEN rows_fetched_total;
    SQLSMALLINT ncols;
    bc_desc ard, apd, ird, ipd; /* implicit descriptors */
    bc_desc *ard_cur, *apd_cur; /* may point to explicit descriptors */
    /* SQLGetData state: the column last read and how far into it */
    SQLUSMALLINT getdata_col;
    SQLLEN getdata_offset; /* bytes (of the converted value) already returned; -1 = done */
    /* attributes */
    SQLULEN query_timeout;
    SQLULEN max_rows;
    SQLULEN max_length;
    SQLULEN cursor_type;
    SQLULEN concurrency;
    SQLULEN noscan;
    SQLULEN retrieve_data;
    SQLULEN use_bookmarks;
    SQLPOINTER fetch_bookmark_ptr; /* SQL_ATTR_FETCH_BOOKMARK_PTR (SQL_FETCH_BOOKMARK) */
    SQLULEN row_number;
    SQLULEN cursor_scrollable;
    SQLULEN cursor_sensitivity;
    SQLULEN async_enable;
    SQLULEN metadata_id;
    char *cursor_name;
    struct bc_proc_call *proc; /* owned; non-NULL when the statement is a procedure call */
    bc_sql_type *col_types;    /* owned; ncols entries: the type each result column reports */
    bool col_types_final;      /* types fixed: after execute, or seen by the application */
    bool described;            /* the application read the description (SQLDescribeCol ...) */
    bool timed_out;            /* the progress handler stopped the statement (HYT00) */
    long long deadline_ms;     /* bc_now_ms() limit of the running step, 0 = none */
    SQLULEN rowset_rows;       /* rows in the rowset last fetched */
    struct bc_dae *dae;        /* owned; data-at-execution values being collected */
    /* rowset.c: the values of a multi-row rowset, ncols per row, for SQLGetData */
    sqlite3_value **rowset_values; /* owned */
    size_t rowset_nvalues, rowset_cap;
    SQLULEN current_row; /* 1-based row SQLGetData reads; 0 = the statement's own row */
    /* scroll.c: a static cursor keeps all rows in rowset_values */
    bool static_ready;
    SQLULEN static_rows;  /* rows kept */
    SQLULEN static_start; /* first row (1-based) of the current rowset; 0 before the start */
    SQLULEN fill_row;     /* kept row being converted into the rowset */
} bc_stmt;

/* ---- internal interface of driver/core, called by the exported skin in driver/odbc ----
 * Strings are UTF-8. Functions that fail push a diagnostic on the handle they work for. */

/* The mutex a handle uses: its own for ENV and DBC, its connection's for STMT and DESC. */
pthread_mutex_t *bc_handle_mutex(bc_handle *h);
void bc_handle_init(bc_handle *h, SQLSMALLINT type, bc_handle *parent);
void bc_handle_destroy(bc_handle *h);
/* Like bc_handle_enter but keeps the diagnostics (SQLGetDiagRec/Field). */
SQLRETURN bc_handle_enter_keep(SQLHANDLE h, SQLSMALLINT type);
/* Only checks the magic and type; no lock (SQLCancel). */
bool bc_handle_valid(SQLHANDLE h, SQLSMALLINT type);
/* The ODBC version the application declared on the handle's environment. */
SQLINTEGER bc_handle_odbc_version(bc_handle *h);

/* Write a UTF-8 string into an application buffer as ODBC string outputs: NUL-terminated,
 * truncated with 01004 pushed on d. wide: SQLWCHAR output; cap_in_chars: cap counts
 * characters (else bytes). *len (optional) gets the full length in the same unit as cap. */
SQLRETURN bc_out_str(bc_diag *d, const char *s, SQLPOINTER buf, SQLLEN cap, bool wide,
                     bool cap_in_chars, SQLLEN *len);

/* env.c */
SQLRETURN bc_env_alloc(bc_env **out);
SQLRETURN bc_env_free(bc_env *env); /* HY010 while connections exist; else destroys */
SQLRETURN bc_env_set_attr(bc_env *env, SQLINTEGER attr, SQLPOINTER value);
SQLRETURN bc_env_get_attr(bc_env *env, SQLINTEGER attr, SQLPOINTER value);

/* connect.c */
SQLRETURN bc_dbc_alloc(bc_env *env, bc_dbc **out);
SQLRETURN bc_dbc_free(bc_dbc *dbc); /* HY010 while connected */
SQLRETURN bc_conn_connect(bc_dbc *dbc, const char *dsn, const char *uid, const char *pwd);
/* *out_connstr (malloc'd, caller frees) is the complete connection string on success. */
SQLRETURN bc_conn_driver_connect(bc_dbc *dbc, const char *in, SQLUSMALLINT completion,
                                 char **out_connstr);
SQLRETURN bc_conn_disconnect(bc_dbc *dbc);
/* browse.c: SQLBrowseConnect. *out (malloc'd) is the next request (SQL_NEED_DATA) or the
 * completed connection string. */
SQLRETURN bc_conn_browse_connect(bc_dbc *dbc, const char *in, char **out);
void bc_conn_browse_reset(bc_dbc *dbc);
SQLRETURN bc_conn_end_tran(bc_handle *h, SQLSMALLINT completion);
SQLRETURN bc_conn_native_sql(bc_dbc *dbc, const char *in, char **out);

/* connattr.c: string-valued attributes come back in *str (borrowed), others in *num. */
SQLRETURN bc_conn_set_attr(bc_dbc *dbc, SQLINTEGER attr, SQLPOINTER value, const char *str);
SQLRETURN bc_conn_get_attr(bc_dbc *dbc, SQLINTEGER attr, SQLULEN *num, const char **str);

/* info.c, functions.c */
SQLRETURN bc_info_get(bc_dbc *dbc, SQLUSMALLINT type, SQLULEN *num, int *num_size,
                      const char **str);
SQLRETURN bc_functions_get(bc_dbc *dbc, SQLUSMALLINT id, SQLUSMALLINT *supported);

/* stmt.c */
SQLRETURN bc_stmt_alloc(bc_dbc *dbc, bc_stmt **out);
void bc_stmt_free(bc_stmt *s);
SQLRETURN bc_stmt_prepare(bc_stmt *s, const char *sql);
SQLRETURN bc_stmt_execute(bc_stmt *s);
/* Execute with every parameter value at hand (after the data-at-execution sequence). */
SQLRETURN bc_stmt_run(bc_stmt *s);
SQLRETURN bc_stmt_exec_direct(bc_stmt *s, const char *sql);
SQLRETURN bc_stmt_close_cursor(bc_stmt *s, bool must_be_open);
SQLRETURN bc_stmt_free_stmt(bc_stmt *s, SQLUSMALLINT option);
SQLRETURN bc_stmt_row_count(bc_stmt *s, SQLLEN *count);
/* writes.c: after a statement without a result set ran to its end: the row count (the rows
 * the API changed, for writes to BigCommerce), a diagnostic per row that failed, and
 * SQL_NO_DATA when nothing was changed. rc is what execution returned so far. */
SQLRETURN bc_stmt_finish_change(bc_stmt *s, SQLRETURN rc);
/* A parameter array on a statement that writes runs as one batch: open before the first
 * execution (false when the statement does not write, or with a diagnostic pushed and *rc set
 * when the batch cannot start), close after the last, which sends the rows and fills the row
 * count and the parameter status array. */
bool bc_stmt_batch_open(bc_stmt *s, SQLRETURN *rc);
SQLRETURN bc_stmt_batch_close(bc_stmt *s, bool *errors);
/* The same batch for the rows of a positioned write (setpos_write.c): each row's statement
 * names its rowset row with bc_engine_batch_row; close sends them, sets the row count and
 * pushes a record per problem row (SQL_DIAG_ROW_NUMBER = the rowset row). */
SQLRETURN bc_stmt_rows_batch_open(bc_stmt *s);
SQLRETURN bc_stmt_rows_batch_close(bc_stmt *s);
SQLRETURN bc_stmt_more_results(bc_stmt *s);
SQLRETURN bc_stmt_cancel(bc_stmt *s);
/* Bracket every ODBC call that runs s in the engine (execute, fetch, a catalog query; each
 * step inside them too): only then does SQLCancel on s reach the engine. Calls nest. */
void bc_stmt_run_begin(bc_stmt *s);
void bc_stmt_run_end(bc_stmt *s);
/* Make vm (owned from now) the statement's open result set (catalog functions). */
SQLRETURN bc_stmt_set_result(bc_stmt *s, sqlite3_stmt *vm);
/* One sqlite3_step with time-out and error mapping; SQLITE_ROW/SQLITE_DONE or -1. */
int bc_stmt_step(bc_stmt *s);
SQLLEN bc_stmt_max_rows(const bc_stmt *s);
/* Start the SQL_ATTR_QUERY_TIMEOUT clock for one ODBC call (execute, fetch, catalog). */
void bc_stmt_arm_timeout(bc_stmt *s);

/* timeout.c: a watchdog thread that cancels the engine when s->deadline_ms passes while a
 * step waits (e.g. on an HTTP response), and marks s->timed_out. */
typedef struct bc_watchdog {
    pthread_t thread;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool running, done;
    bc_stmt *stmt;
} bc_watchdog;
void bc_watchdog_start(bc_watchdog *w, bc_stmt *s); /* no-op when s has no deadline */
void bc_watchdog_stop(bc_watchdog *w);

/* catalogstmt.c */
SQLRETURN bc_stmt_catalog(bc_stmt *s, bc_catalog_fn fn, bc_catalog_args *a);

/* describe.c */
SQLRETURN bc_stmt_describe_columns(bc_stmt *s);
SQLRETURN bc_stmt_num_result_cols(bc_stmt *s, SQLSMALLINT *n);
SQLRETURN bc_stmt_describe_col(bc_stmt *s, SQLUSMALLINT col, const char **name, SQLSMALLINT *type,
                               SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable);
SQLRETURN bc_stmt_col_attr(bc_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field, const char **str,
                           SQLLEN *num);

/* params.c */
SQLRETURN bc_stmt_bind_param(bc_stmt *s, SQLUSMALLINT n, SQLSMALLINT io, SQLSMALLINT c_type,
                             SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits, SQLPOINTER buf,
                             SQLLEN buflen, SQLLEN *ind);
SQLRETURN bc_stmt_num_params(bc_stmt *s, SQLSMALLINT *n);
SQLRETURN bc_stmt_describe_param(bc_stmt *s, SQLUSMALLINT n, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable);
/* paramtype.c: the type of the n-th '?' of sql from the column it is compared with (in the
 * tables the statement names); false when no such column is found. */
bool bc_param_type_from_sql(sqlite3 *db, const char *sql, int n, bc_sql_type *out);
/* Bind parameter set `row` (0-based) of the APD to vm. */
SQLRETURN bc_stmt_apply_params(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row);
/* The '?' values of parameter set row as UTF-8 text (procedures). Caller frees with
 * bc_stmt_free_param_texts. */
SQLRETURN bc_stmt_param_texts(bc_stmt *s, int n, SQLULEN row, char ***out);
void bc_stmt_free_param_texts(char **v, int n);

/* putdata.c: data-at-execution parameters. bc_dae_start returns SQL_NEED_DATA (state
 * BC_STMT_NEED_DATA) when some of the first nparams parameters are SQL_DATA_AT_EXEC. */
typedef struct bc_dae bc_dae;
SQLRETURN bc_dae_start(bc_stmt *s, int nparams);
void bc_dae_abandon(bc_stmt *s);
void bc_dae_free(bc_stmt *s);
SQLRETURN bc_stmt_param_data(bc_stmt *s, SQLPOINTER *token);
SQLRETURN bc_stmt_put_data(bc_stmt *s, SQLPOINTER data, SQLLEN len);
/* The collected value of parameter n (buffer borrowed from s, and its length or
 * SQL_NULL_DATA); false when n is not a data-at-execution parameter. */
bool bc_dae_value(const bc_stmt *s, int n, SQLPOINTER *data, SQLLEN *len);
/* True when fixed-size parameter n got no SQLPutData call at all. */
bool bc_dae_missing(const bc_stmt *s, int n);

/* bookmark.c: bookmarks are the row's key (SQL_UB_VARIABLE), at most BC_BOOKMARK_MAX bytes. */
#define BC_BOOKMARK_MAX_KEYS 8
#define BC_BOOKMARK_MAX (BC_BOOKMARK_MAX_KEYS * 257)
/* The result columns (1-based) holding the key of the one table the result set reads, in the
 * table's key order, in cols[] (up to max); 0 when the result set has no such whole key. */
int bc_bookmark_key_columns(const bc_stmt *s, int *cols, int max);
/* The bookmark of the key values keys[0..nkeys) into out (BC_BOOKMARK_MAX bytes); its length. */
size_t bc_bookmark_encode(sqlite3_value *const *keys, int nkeys, unsigned char *out);
/* Bind the nkeys key values of bookmark b (len bytes) to parameters first, first+1 ... of vm;
 * false when b is not a bookmark of nkeys values this driver made. */
bool bc_bookmark_bind(sqlite3_stmt *vm, int first, const unsigned char *b, SQLLEN len, int nkeys);
/* The key of a bookmark of one integer key column; false for any other bookmark. */
bool bc_bookmark_integer(const unsigned char *b, SQLLEN len, long long *v);
/* Whether the application bound column 0 with bookmarks on. */
bool bc_bookmark_bound(const bc_stmt *s);
/* The bookmark of rowset row `row` (0-based buffer row) into bound column 0; values come from
 * value_of(s, col). Pushes 01004 (truncated) with the row number. */
SQLRETURN bc_bookmark_fetch(bc_stmt *s, SQLULEN row, sqlite3_value *(*value_of)(bc_stmt *, int));
/* Refuses a fetch that must fill column 0 of a result set without a whole key (HY000). */
SQLRETURN bc_bookmark_check(bc_stmt *s);
/* The row (1-based) of a static cursor's kept rows whose bookmark is b; 0 when none. */
SQLULEN bc_bookmark_find_kept(bc_stmt *s, const unsigned char *b);
/* SQLGetData on column 0. */
SQLRETURN bc_bookmark_get_data(bc_stmt *s, SQLSMALLINT c_type, SQLPOINTER buf, SQLLEN buflen,
                               SQLLEN *ind);

/* rowset.c */
void bc_rowset_clear(bc_stmt *s);
void bc_rowset_free(bc_stmt *s);
SQLRETURN bc_rowset_keep_row(bc_stmt *s, SQLULEN row);
/* Whether some result column is not bound (then the rows of a rowset are kept). */
bool bc_rowset_has_unbound_column(const bc_stmt *s);
/* Whether SQLGetData can read the current row (false: a fully bound rowset, not its last row). */
bool bc_rowset_row_available(const bc_stmt *s);
/* Column col (1-based) of the current row; of kept row `row` (1-based). */
sqlite3_value *bc_rowset_value(bc_stmt *s, int col);
sqlite3_value *bc_rowset_row_value(bc_stmt *s, SQLULEN row, int col);
/* scroll.c */
SQLRETURN bc_stmt_static_fetch(bc_stmt *s, SQLSMALLINT orientation, SQLLEN offset);
SQLRETURN bc_stmt_set_pos(bc_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock);
/* setpos_write.c: SQLSetPos's UPDATE/DELETE/REFRESH/ADD on rowset row `row` (0 = every row)
 * and SQLBulkOperations (SQL_ADD), through the engine's write path. */
SQLRETURN bc_stmt_set_pos_write(bc_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op);
SQLRETURN bc_stmt_bulk_operations(bc_stmt *s, SQLSMALLINT op);

/* fetch.c, getdata.c */
SQLRETURN bc_stmt_bind_col(bc_stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                           SQLLEN buflen, SQLLEN *ind);
SQLRETURN bc_stmt_fetch(bc_stmt *s);
/* The next row of the result (1), the end (0) or an error (-1, pushed). */
int bc_stmt_next_row(bc_stmt *s);
/* Convert the bound columns of the current row into rowset row `row`; its row status. */
SQLUSMALLINT bc_stmt_fill_row(bc_stmt *s, SQLULEN row, bool *any_info);
void bc_stmt_set_row_status(SQLUSMALLINT *st, SQLULEN i, SQLUSMALLINT v);
SQLRETURN bc_stmt_fetch_scroll(bc_stmt *s, SQLSMALLINT orientation, SQLLEN offset);
/* SQLExtendedFetch (ODBC 2): SQLFetchScroll reporting through rows and status. */
SQLRETURN bc_stmt_extended_fetch(bc_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                                 SQLUSMALLINT *status);
SQLRETURN bc_stmt_get_data(bc_stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                           SQLLEN buflen, SQLLEN *ind);

struct bc_cell;
/* bc_convert_to_c under SQL_ATTR_MAX_LENGTH (getdata.c); same contract. */
SQLRETURN bc_stmt_convert(bc_stmt *s, const struct bc_cell *cell, SQLSMALLINT c_type,
                          SQLPOINTER buf, SQLLEN buflen, SQLLEN offset, SQLLEN *ind,
                          SQLLEN *consumed, bc_error *err);

/* stmtattr.c */
SQLRETURN bc_stmt_set_attr(bc_stmt *s, SQLINTEGER attr, SQLPOINTER value);
SQLRETURN bc_stmt_get_attr(bc_stmt *s, SQLINTEGER attr, SQLULEN *num, SQLPOINTER *ptr);

SQLRETURN bc_stmt_set_cursor_name(bc_stmt *s, const char *name);
const char *bc_stmt_cursor_name(bc_stmt *s); /* generated "SQL_CUR<n>" when none was set */

/* desc.c */
void bc_desc_init(bc_desc *d, bc_desc_kind kind, bc_dbc *dbc, bc_stmt *owner);
void bc_desc_clear(bc_desc *d); /* frees records, count 0 */
SQLRETURN bc_desc_alloc(bc_dbc *dbc, bc_desc **out);
SQLRETURN bc_desc_free(bc_desc *d);
/* Record n (1-based), growing count when needed; NULL (HY001 pushed) on allocation failure. */
bc_desc_rec *bc_desc_rec_get(bc_desc *d, SQLSMALLINT n);
void bc_desc_rec_reset(bc_desc_rec *r);
/* Set the record's type fields from a concise type (verbose type, datetime code). */
void bc_desc_rec_set_type(bc_desc_rec *r, SQLSMALLINT concise);
SQLRETURN bc_desc_get_field(bc_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char **str);
SQLRETURN bc_desc_set_field(bc_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char *str);
SQLRETURN bc_desc_copy(bc_desc *src, bc_desc *dst);

/* Where record r's value, indicator and length live for row `row` (0-based) of an array,
 * honouring SQL_DESC_BIND_TYPE (column-wise or row-wise) and SQL_DESC_BIND_OFFSET_PTR.
 * Pointers are NULL when not bound. */
void bc_desc_bound_ptrs(const bc_desc *d, const bc_desc_rec *r, SQLULEN row, SQLPOINTER *data,
                        SQLLEN **ind, SQLLEN **len);

/* diagget.c: header and record fields of a handle's diagnostics. */
SQLRETURN bc_diag_get_field(bc_handle *h, SQLSMALLINT rec, SQLSMALLINT field, SQLLEN *num,
                            const char **str);
/* The SQLSTATE a record shows to this application (2.x states for ODBC 2 apps). */
const char *bc_diag_state_for_app(bc_handle *h, const bc_diag_rec *r);

/* Check that h is a live handle of the given type; lock it and clear its diagnostics.
 * Returns SQL_INVALID_HANDLE or SQL_SUCCESS. bc_handle_leave unlocks and records retcode. */
SQLRETURN bc_handle_enter(SQLHANDLE h, SQLSMALLINT type);
SQLRETURN bc_handle_leave(SQLHANDLE h, SQLRETURN rc);

#endif
