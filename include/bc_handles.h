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

#define BC_HANDLE_MAGIC 0x42434f44u /* "BCOD" */

typedef struct bc_handle {
    unsigned magic;        /* BC_HANDLE_MAGIC while alive, 0 after free */
    SQLSMALLINT type;      /* SQL_HANDLE_ENV / DBC / STMT / DESC */
    struct bc_handle *parent;
    pthread_mutex_t lock;  /* recursive */
    bc_diag diag;
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
} bc_dbc;

/* One descriptor record (ODBC's SQL_DESC_* fields for one column or parameter). */
typedef struct bc_desc_rec {
    SQLSMALLINT type;            /* SQL_DESC_TYPE (verbose: SQL_DATETIME for dates) */
    SQLSMALLINT concise_type;    /* SQL_DESC_CONCISE_TYPE */
    SQLSMALLINT datetime_interval_code;
    SQLPOINTER data_ptr;         /* SQL_DESC_DATA_PTR */
    SQLLEN *octet_length_ptr;    /* SQL_DESC_OCTET_LENGTH_PTR */
    SQLLEN *indicator_ptr;       /* SQL_DESC_INDICATOR_PTR */
    SQLLEN octet_length;         /* SQL_DESC_OCTET_LENGTH (buffer length) */
    SQLULEN length;              /* SQL_DESC_LENGTH */
    SQLSMALLINT precision;
    SQLSMALLINT scale;
    SQLSMALLINT nullable;
    SQLSMALLINT parameter_type;  /* IPD: SQL_PARAM_INPUT ... */
    SQLSMALLINT unsigned_;
    SQLSMALLINT fixed_prec_scale;
    SQLSMALLINT searchable;
    SQLSMALLINT updatable;
    SQLSMALLINT auto_unique;
    SQLSMALLINT case_sensitive;
    SQLINTEGER display_size;
    SQLINTEGER num_prec_radix;
    char *name;                  /* SQL_DESC_NAME / LABEL (UTF-8, owned) */
    char *base_column_name;
    char *table_name;
    char *base_table_name;
    char *schema_name;
    char *type_name;             /* SQL_DESC_TYPE_NAME */
    char *local_type_name;
    char *literal_prefix, *literal_suffix;
} bc_desc_rec;

typedef enum { BC_DESC_ARD, BC_DESC_APD, BC_DESC_IRD, BC_DESC_IPD } bc_desc_kind;

typedef struct bc_desc {
    bc_handle h;
    bc_desc_kind kind;
    bool implicit;          /* owned by a statement */
    struct bc_stmt *stmt;   /* owning statement when implicit */
    bc_dbc *dbc;
    struct bc_desc *next;   /* in dbc->descs when explicit */
    /* header fields */
    SQLSMALLINT alloc_type;
    SQLULEN array_size;          /* SQL_DESC_ARRAY_SIZE */
    SQLUSMALLINT *array_status_ptr;
    SQLLEN *bind_offset_ptr;
    SQLINTEGER bind_type;        /* SQL_BIND_BY_COLUMN or row size */
    SQLULEN *rows_processed_ptr;
    SQLSMALLINT count;           /* SQL_DESC_COUNT */
    bc_desc_rec *recs;           /* recs[0] is the bookmark record; 1..count the columns */
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
    char *sql;            /* the SQL as SQLite runs it (escapes rewritten) */
    sqlite3_stmt *vm;     /* the prepared statement; result sets always come from one */
    bool has_row;         /* vm holds a row not yet handed out (SQLExecute steps once) */
    bool done;            /* vm returned SQLITE_DONE */
    SQLLEN row_count;     /* SQLRowCount */
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
    SQLULEN row_number;
    SQLULEN cursor_scrollable;
    SQLULEN cursor_sensitivity;
    SQLULEN async_enable;
    SQLULEN metadata_id;
    SQLULEN *rows_fetched_ptr_dummy;
    char *cursor_name;
    void *proc_state; /* procedures (auth/) may keep per-statement data here */
} bc_stmt;

/* Check that h is a live handle of the given type; lock it and clear its diagnostics.
 * Returns SQL_INVALID_HANDLE or SQL_SUCCESS. bc_handle_leave unlocks and records retcode. */
SQLRETURN bc_handle_enter(SQLHANDLE h, SQLSMALLINT type);
SQLRETURN bc_handle_leave(SQLHANDLE h, SQLRETURN rc);

#endif
