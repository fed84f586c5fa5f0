/*
 * bc-bench: times queries through the unixODBC driver manager against a bc-sandbox with
 * injected latency, next to a naive sequential REST client measured in the same run, and
 * prints the ratio. Nothing here links the driver: it is loaded by libodbc, as in an
 * application. Wall-clock numbers are printed, never asserted; the exit status only says
 * whether every scenario ran and the driver's rows matched the baseline's.
 */
#ifndef BC_BENCH_H
#define BC_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <sql.h>
#include <sqlext.h>
#include "sandbox_launch.h"

#define BENCH_MAX_IDS 64
#define BENCH_MAX_REPS 9

/* What one timed run of a query (driver or baseline) produced. The checksum (a sum of ids)
 * lets the driver's rows be compared with the baseline's beyond their count. */
typedef struct bench_result {
    bool ok;
    long long ms;
    long rows;
    long long checksum;
    int requests; /* API requests the sandbox logged during the run */
} bench_result;

/* The sandbox the run talks to: started by bc-bench (pid > 0) or given by --url (pid 0). */
typedef struct bench_sandbox {
    sandbox_child child; /* pid 0 when given by --url */
    char url[128];
    char store_hash[64];
    char token[128];
} bench_sandbox;

/* Options of the run, from the command line. */
typedef struct bench_opts {
    const char *driver;  /* path of libbigcommerceodbc.so */
    const char *sandbox; /* path of bc-sandbox, when bc-bench starts it */
    const char *url;     /* a running sandbox instead (its store hash and token are defaults) */
    long products, orders, customers, latency_ms;
    int reps;
    int lookups;      /* point lookups of scenario 2, orders joined in scenario 3 */
    const char *only; /* scenario numbers to run ("1,4"); NULL = all */
    bool verbose;     /* print the driver's request paths of each scenario to stderr */
} bench_opts;

/* Ids picked from the store before timing starts (untimed set-up requests). */
typedef struct bench_ids {
    long product_ids[BENCH_MAX_IDS];
    int n_products;
    long order_ids[BENCH_MAX_IDS];
    int n_orders;
    /* The joins over many parents (scenarios 5 and 7) take the parents up to these ids: the
     * BENCH_JOIN_PARENTS-th order and product of the first page. */
    long join_max_order, join_max_product;
    char sku[64]; /* a product's sku, for the filter scenario */
} bench_ids;

#define BENCH_JOIN_PARENTS 200
/* The date the date-filter scenario (10) asks orders from. */
#define BENCH_SINCE "2025-06-01"

/* ---- bench_sandbox.c: the sandbox process and its control endpoints --------------------- */
bool bench_sandbox_start(bench_sandbox *sb, const char *path, const bench_opts *o);
void bench_sandbox_attach(bench_sandbox *sb, const char *url);
void bench_sandbox_stop(bench_sandbox *sb);
/* API requests (paths under /stores/) in the sandbox's log; -1 when the log is unreadable.
 * With verbose, their paths and queries go to stderr. */
int bench_sandbox_requests(const bench_sandbox *sb, bool verbose);
bool bench_sandbox_clear(const bench_sandbox *sb);

/* ---- bench_http.c: a small blocking libcurl client (the naive baseline's transport) ----- */
typedef struct bench_http bench_http;
/* One easy handle reused for every request, so the baseline keeps its connection alive as
 * any sensible sequential client would. Caller frees with bench_http_free. */
bench_http *bench_http_new(const bench_sandbox *sb);
void bench_http_free(bench_http *h);
/* GET {url}/stores/{hash}{path}; returns the HTTP status (0 on a transport error) and, for a
 * 200 with a JSON body, the parsed document in *json (caller frees with cJSON_Delete). */
struct cJSON;
long bench_http_get(bench_http *h, const char *path, struct cJSON **json);
/* method (POST, PUT, DELETE) {url}/stores/{hash}{path} with a JSON body (or none); the HTTP
 * status, and a 2xx answer's JSON in *json when json is not NULL (caller frees). */
long bench_http_send(bench_http *h, const char *method, const char *path, const char *body,
                     struct cJSON **json);
/* A request outside /stores/ (the control endpoints) by method and path from the root; the
 * body goes to *body when body is not NULL (NUL-terminated, caller frees; NULL if empty). */
long bench_http_raw(bench_http *h, const char *method, const char *path, char **body);

/* The same request as a new libcurl easy handle (not yet added to a multi handle) that writes the
 * body into *body; the handle uses h's headers, so h must outlive it. NULL on failure. */
void *bench_http_easy(const bench_http *h, const char *path, sandbox_body *body);

/* ---- bench_multi.c: the second baseline, a libcurl multi client with 8 pages in flight -- */
bool bench_multi_scan_wide(bench_http *h, const bench_ids *ids, bench_result *r);

/* ---- bench_naive.c: the baseline client, one request after another -------------------- */
/* Each works on a handle that has already made one request (as the driver's connect has),
 * and fills rows and checksum; the caller times it and counts its requests. */
bool bench_naive_scan_products(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_point_lookups(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_join(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_count_orders(bench_http *h, const bench_ids *ids, bench_result *r);
/* The wide scan (scenario 11): every page of products, the fields of bench_wide_fields
 * ("id, name, price, sku") read from each item. */
bool bench_naive_scan_wide(bench_http *h, const bench_ids *ids, bench_result *r);
extern const char *const bench_wide_fields[];
/* Counts the items of arr and sums their ids (-1 for an item missing one of fields). */
void bench_naive_add_rows(const struct cJSON *arr, const char *const *fields, bench_result *r);
/* Untimed: picks n ids spread over the first page of products and of orders. */
bool bench_naive_pick_ids(bench_http *h, int n, bench_ids *ids);

/* ---- bench_odbc.c: the same work through the driver manager ---------------------------- */
/* Writes the private odbcinst.ini/odbc.ini and sets ODBCSYSINI/ODBCINI; call before any
 * other ODBC call. Returns false when the temp dir cannot be made. */
bool bench_odbc_init(const char *driver_path);
void bench_odbc_cleanup(void);
/* A connection with SQLDriverConnect (which makes the driver's one check request); NULL on
 * failure, with the reason in bench_odbc_last_error(). Close with bench_odbc_disconnect. */
SQLHDBC bench_odbc_connect(const bench_sandbox *sb);
void bench_odbc_disconnect(SQLHDBC dbc);
bool bench_odbc_scan_products(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
/* SELECT id, name, price, sku FROM Products (scenario 11). */
bool bench_odbc_scan_wide(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_point_lookups(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_join(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_count_orders(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
/* Runs sql and fetches every row; the first column (a BIGINT, or with product_row the
 * "id, name, price" columns) goes into the checksum. */
bool bench_direct(SQLHDBC dbc, const char *sql, bool product_row, bench_result *r);

/* ---- bench_joins.c: joins, filters and sorts through the driver (scenarios 5-10) -------- */
bool bench_odbc_join_all(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_customer_orders(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_product_variants(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_product_images(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_sku(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_top_prices(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_orders_since(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
/* ---- bench_naive_joins.c: the same by the naive client, one request after another ------ */
bool bench_naive_join_all(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_customer_orders(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_product_variants(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_product_images(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_sku(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_top_prices(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_orders_since(bench_http *h, const bench_ids *ids, bench_result *r);
/* The last ODBC error as "STATE message" (static buffer), for the report. */
const char *bench_odbc_last_error(void);

/* ---- bench_writes.c: INSERT, UPDATE, DELETE of BENCH_WRITE_ROWS customers (21-23) ------- */
#define BENCH_WRITE_ROWS 50
/* Untimed, before a run: a fresh tag for the run's emails; or that and the customers an
 * UPDATE or DELETE works on, created through the API. */
bool bench_write_new_tag(const bench_sandbox *sb);
bool bench_write_create_rows(const bench_sandbox *sb);
/* Untimed, after a run: what the store holds now, as rows and a checksum. */
bool bench_write_check_insert(const bench_sandbox *sb, bench_result *r);
bool bench_write_check_update(const bench_sandbox *sb, bench_result *r);
bool bench_write_check_delete(const bench_sandbox *sb, bench_result *r);
bool bench_odbc_insert_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_update_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_odbc_delete_customers(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
bool bench_naive_insert_customers(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_update_customers(bench_http *h, const bench_ids *ids, bench_result *r);
bool bench_naive_delete_customers(bench_http *h, const bench_ids *ids, bench_result *r);

/* ---- bench_run.c: repetitions, medians, the table ------------------------------------- */
int bench_run_all(const bench_sandbox *sb, const bench_opts *o, const bench_ids *ids);

/* Milliseconds of a monotonic clock. */

#endif
