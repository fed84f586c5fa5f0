/*
 * Every tunable and limit of the driver in one place. Change a number here, not in the code
 * that uses it.
 */
#ifndef BC_DEFAULTS_H
#define BC_DEFAULTS_H

#define BC_DRIVER_NAME "libbigcommerceodbc.so"
#define BC_DRIVER_VERSION "00.01.0000"
#define BC_DRIVER_ODBC_VER "03.80"
#define BC_DBMS_NAME "BigCommerce"
#define BC_DBMS_VERSION "03.00.0000"
#define BC_SCHEMA_NAME "BigCommerce"
#define BC_MSG_PREFIX "[BigCommerce][ODBC] "

#define BC_DEFAULT_API_BASE_URL "https://api.bigcommerce.com"
#define BC_DEFAULT_OAUTH_SERVER_URL "https://login.bigcommerce.com"

/* Items per API page: BigCommerce accepts at most 250 on list endpoints. */
#define BC_DEFAULT_PAGE_SIZE 250
#define BC_MAX_PAGE_SIZE 250
/* Seconds per HTTP request; 0 means no limit. */
#define BC_DEFAULT_TIMEOUT_S 60
#define BC_DEFAULT_CONNECT_TIMEOUT_S 15
/* Retries of a DELETE after a 5xx or network error, and the first back-off. */
#define BC_HTTP_MAX_RETRIES 3
#define BC_HTTP_BACKOFF_MS 200
/* Retries of a GET (a read, safe to repeat) after a 5xx, a network error or a damaged body:
 * more than a DELETE gets, so that faults on 20 % of requests exhaust them about once in
 * two million requests (0.2^9), not once in 625 (0.2^4). The back-off doubles up to the cap,
 * so the longest run of waits is about 16 s; SQL_ATTR_QUERY_TIMEOUT cuts it short. */
#define BC_HTTP_MAX_READ_RETRIES 8
#define BC_HTTP_BACKOFF_MAX_MS 3200
/* A 429 is retried this often before the error reaches the user. */
#define BC_HTTP_MAX_429_RETRIES 5
/* Longest wait a rate-limit header may impose before we give up with HYT00. */
#define BC_RATE_LIMIT_MAX_WAIT_MS 60000
/* Largest response body accepted (a page of 250 products with descriptions is a few MB). */
#define BC_HTTP_MAX_BODY (256L * 1024 * 1024)
/* Verbosity 5 logs request and response bodies up to this many bytes each. */
#define BC_LOG_BODY_MAX 65536
/* Requests of one scan (pages, or children of the coming parents) in flight at once: at
 * least BC_PAGER_WINDOW, growing with the round-trip time up to BC_API_WINDOW_MAX (one more
 * per BC_API_WINDOW_STEP_MS of latency), never above half the quota the store has left. */
#define BC_PAGER_WINDOW 4
#define BC_API_WINDOW_MAX 16
#define BC_API_WINDOW_STEP_MS 10
/* Batches of one write statement in flight at once: the reference limits several write
 * endpoints (customers, their addresses) to 3 concurrent requests. */
#define BC_WRITE_WINDOW 3
/* Ids per request when an IN list is pushed down as id:in. */
#define BC_API_IN_CHUNK 50
/* The per-statement response cache (docs/ARCHITECTURE.md): repeated identical GETs inside one
 * statement are served once. Bounded by entries and by the bytes of the bodies it keeps;
 * the oldest entries go first. */
#define BC_API_CACHE_MAX_ENTRIES 256
#define BC_API_CACHE_MAX_BYTES (16L * 1024 * 1024)

/* Seconds the desktop OAuth flow waits for the browser's redirect. */
#define BC_DEFAULT_OAUTH_TIMEOUT_S 300
/* A failed desktop sign-in (denied, timed out, no browser) is answered from memory for this
 * long: after a failed SQLDriverConnectW, pyodbc and the driver manager retry the ANSI entry
 * point at once, which would otherwise open the browser a second time. */
#define BC_OAUTH_FAILURE_MEMORY_MS 5000

/* Column size reported for text columns whose length the API does not document. */
#define BC_DEFAULT_VARCHAR_LEN 4000
/* Column size reported for JSON text and long descriptions. */
#define BC_LONG_TEXT_LEN 2147483647

#endif
