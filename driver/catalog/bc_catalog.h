/*
 * The table catalog (docs/ARCHITECTURE.md): every BigCommerce table is data, one bc_table_def, read
 * by the virtual-table module (engine/), the catalog functions (SQLTables, SQLColumns ...),
 * the system tables and the README. Adding a table is adding a definition here (in
 * driver/catalog/tables_*.c) plus sandbox data.
 */
#ifndef BC_CATALOG_H
#define BC_CATALOG_H

#include <stdbool.h>
#include "bc_api.h" /* bc_paging: how an endpoint pages */

/* How a column's JSON value becomes an SQLite value, and which SQL type it reports. */
typedef enum {
    BC_COL_INTEGER,   /* SQL_INTEGER; JSON number */
    BC_COL_BIGINT,    /* SQL_BIGINT */
    BC_COL_DOUBLE,    /* SQL_DOUBLE; JSON number (weights, dimensions, rates) */
    BC_COL_DECIMAL,   /* SQL_DECIMAL(20,4): money; v2 sends "12.3400" strings, v3 numbers */
    BC_COL_BIT,       /* SQL_BIT; JSON true/false (or "true"/"false", 0/1) */
    BC_COL_VARCHAR,   /* SQL_WVARCHAR(length) */
    BC_COL_LONGTEXT,  /* SQL_WLONGVARCHAR: descriptions and other unbounded text */
    BC_COL_TIMESTAMP, /* SQL_TYPE_TIMESTAMP; RFC 2822 (v2) or ISO 8601 (v3) -> "YYYY-MM-DD HH:MM:SS"
                         UTC */
    BC_COL_DATE,      /* SQL_TYPE_DATE; "YYYY-MM-DD" */
    BC_COL_JSON       /* SQL_WLONGVARCHAR; a nested object/array serialized as JSON text */
} bc_col_type;

enum {
    BC_COLF_NOT_NULL = 1 << 0,
    BC_COLF_PK = 1 << 1,         /* part of the primary key */
    BC_COLF_PARENT_KEY = 1 << 2, /* the parent's id, substituted into the endpoint path */
    BC_COLF_INSERT = 1 << 3,     /* INSERT may set it */
    BC_COLF_UPDATE = 1 << 4,     /* UPDATE may set it */
    BC_COLF_SORTABLE = 1 << 5,   /* the endpoint can sort by it (see sort_param) */
    BC_COLF_FROM_PARENT = 1 << 6 /* child view of a nested array: value taken from the parent row */
};

typedef struct bc_column_def {
    const char *name; /* SQL name, e.g. "date_created" */
    bc_col_type type;
    const char *json_path; /* dot path in the item ("billing_address.email"); NULL = name */
    int length;            /* WVARCHAR length; 0 = BC_DEFAULT_VARCHAR_LEN */
    unsigned flags;        /* BC_COLF_* */
    /* API filter parameters that apply exactly the SQL predicate, NULL when unsupported.
     * eq: "col = v" (e.g. "id:in" on v3, "id" ...); in: "col IN (...)" as a comma list
     * (e.g. "id:in"); min/max: inclusive bounds (e.g. "date_modified:min"). */
    const char *filter_eq;
    const char *filter_in;
    const char *filter_min;
    const char *filter_max;
    /* A substring filter ("name:like"): the API returns every row whose value contains the
     * text, ignoring case, so LIKE 'abc%' is sent as its literal prefix and checked again. */
    const char *filter_like;
    /* Exclusive lower bound on the key ("id:greater"), NULL when the endpoint has none: a
     * scan whose pages stop agreeing can then go on from the last key it handed out. */
    const char *filter_after;
    /* Field for ?sort= when BC_COLF_SORTABLE: "sort=f&direction=asc|desc", or for v2 tables
     * and tables with sort_suffix "sort=f:asc|desc". */
    const char *sort_param;
    /* The include= value without which the API leaves this field out ("images"; with an
     * extra parameter it needs: "consignments&consignment_structure=object"); NULL when the
     * field always comes. A child view of a nested array takes its array column's. */
    const char *include;
    const char *description;
} bc_column_def;

typedef enum { BC_API_V2, BC_API_V3 } bc_api_version;

typedef struct bc_table_def {
    const char *name;     /* SQL name, e.g. "OrderItems" */
    const char *endpoint; /* path under /stores/{hash}, with {placeholders} for parent keys:
                           * "/v2/orders/{order_id}/products" */
    bc_api_version version;
    bc_paging paging;
    bool is_view;                 /* read-only object: reported as VIEW */
    const char *parent_table;     /* table whose rows give the placeholder, e.g. "Orders" */
    const char *parent_column;    /* this table's column holding the parent id, e.g. "order_id" */
    const char *parent_id_column; /* the parent table's key column, e.g. "id" */
    /* Child view of a nested array: rows are the elements of rows_path inside each row of
     * parent_table's endpoint, instead of a request of its own. NULL for ordinary tables. */
    const char *rows_path;
    /* A child whose rows the parent's list also returns, in an array of this name, when it
     * is asked with include= of the same name, as the same objects its own endpoint gives
     * (Products with include=images: the objects of /v3/catalog/products/{id}/images). Many
     * parents' children are then read through the parent's list, 250 parents a page or 50
     * ids a request (engine/vtab_child_include.c), instead of one request per parent; one
     * given parent still costs one request to the table's own endpoint. Reads only: writes
     * go to the endpoint. NULL when the parent's list has no such include. */
    const char *parent_include;
    /* A list of this child's rows for every parent at once ("/v3/catalog/products/metafields"),
     * each row naming its parent in collection_key ("resource_id"). A scan that would walk
     * every parent reads it instead, its pages several in flight, and the parent key column
     * takes the row's collection_key. Only for plans that send nothing to the per-parent
     * list (engine/vtab_collection.c). NULL when the API has no such list. */
    const char *collection_endpoint;
    const char *collection_key;
    /* v2 lists: the documented count endpoint ("/v2/orders/count", answering {"count": N}),
     * which lets a scan request pages 2..N at once. NULL when there is none, and on child
     * lists (a parent's children nearly always fit one page: a count would double the
     * requests). Only on endpoints without placeholders. */
    const char *count_endpoint;
    /* The count endpoint takes every filter the list takes (/v2/orders/count does), so a
     * filtered scan can count too; false: a scan with pushed filters pages one by one. */
    bool count_filtered;
    /* The count endpoint also counts rows the list never returns (/v2/orders/count counts
     * Incomplete orders, which GET /v2/orders leaves out): it may size a scan's pages, but
     * it never answers COUNT(*), which must equal the rows SELECT * returns. */
    bool count_exceeds_list;
    bool sort_suffix; /* v3 list whose sort takes the direction as a suffix (/v3/customers) */
    /* "/v2/orders/{id}" when a single object can be fetched by id: the plan of id = ? on a
     * table without an id filter, and the request of a lookup of one id through the filter
     * (engine/vtab_point.c). */
    const char *id_path_endpoint;
    const bc_column_def *columns;
    int ncolumns;
    const char *description;
} bc_table_def;

/* All tables, in case-insensitive name order (sorted when the library loads; never
 * written after that). */
extern const bc_table_def *bc_tables[];
extern const int bc_table_count;

const bc_table_def *bc_catalog_find(const char *name);                /* case-insensitive */
int bc_catalog_column_index(const bc_table_def *t, const char *name); /* -1 when absent */
/* Index of the primary-key column(s): the first BC_COLF_PK column, -1 when none. */
int bc_catalog_pk_index(const bc_table_def *t);

/* SQL type information for a column type (and length), as SQLDescribeCol/SQLColumns report
 * it. decl is the SQLite declared type used in CREATE VIRTUAL TABLE, from which
 * bc_type_from_decl() recovers the same information for result columns. */
typedef struct bc_sql_type {
    short sql_type;        /* SQL_INTEGER, SQL_WVARCHAR, SQL_TYPE_TIMESTAMP ... */
    const char *type_name; /* "INTEGER", "NVARCHAR", "TIMESTAMP" ... as in SQLGetTypeInfo */
    long column_size;
    short decimal_digits;
    long display_size;
    long octet_length;    /* bytes of the SQL_C_DEFAULT representation */
    short num_prec_radix; /* 10, 2 or 0 */
    bool is_unsigned;
} bc_sql_type;

void bc_type_of_column(const bc_column_def *c, bc_sql_type *out);
/* Declared type text for CREATE VIRTUAL TABLE, e.g. "NVARCHAR(255)", "DECIMAL(20,4)". */
const char *bc_decl_of_column(const bc_column_def *c, char *buf, int buflen);
/* Type information from an SQLite declared type as produced above (or NULL / unknown text:
 * then NVARCHAR(BC_DEFAULT_VARCHAR_LEN)). */
void bc_type_from_decl(const char *decl, bc_sql_type *out);
/* VARBINARY(BC_DEFAULT_VARCHAR_LEN): an undeclared result column holding a BLOB. */
void bc_type_varbinary(bc_sql_type *out);

#endif
