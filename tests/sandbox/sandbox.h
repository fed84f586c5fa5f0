/*
 * bc-sandbox: a local BigCommerce management API + OAuth server for tests, demos and
 * benchmarks. This header joins the sandbox's files; nothing in driver/ includes it.
 *
 * Data model: every resource is a list of items sorted by id, each item's JSON rendered once
 * at start-up; a request only slices and concatenates. Adding a resource is one generator
 * (data_*.c) plus one line in the generator table (store.c) and lines in the route table
 * (router.c).
 */
#ifndef BC_SANDBOX_H
#define BC_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

struct cJSON;

typedef struct sb_config {
    int port;
    const char *store_hash;
    const char *access_token;
    unsigned long seed;
    long products, orders, customers, brands, categories;
    long latency_ms;
    const char *client_id;
    const char *client_secret;
    const char *redirect_uri;
    long rate_quota;
    long rate_window_ms;
    long token_expires_in; /* seconds; 0 = issued tokens never expire */
} sb_config;

/* ---- resources (store.c) ---- */

typedef struct sb_item {
    long id;
    long parent_id; /* owning object's id for child resources, else 0 */
    char *json;     /* owned; compact JSON of the object */
    size_t len;
} sb_item;

typedef enum sb_res_id {
    SB_RES_BRANDS,
    SB_RES_CATEGORIES,
    SB_RES_CUSTOMERS,
    SB_RES_PRODUCTS,
    SB_RES_ORDERS,
    SB_RES_ORDER_PRODUCTS,
    SB_RES_ORDERS_COUNT, /* one pre-rendered /v2/orders/count document */
    SB_RES_STORE,        /* one /v2/store document */
    /* orders, payments, coupons (data_order_*.c, data_coupons.c) */
    SB_RES_COUPONS,
    SB_RES_GIFT_CERTIFICATES,
    SB_RES_PAYMENT_METHODS,
    SB_RES_ORDER_STATUSES,
    SB_RES_ORDER_SHIPMENTS,
    SB_RES_ORDER_SHIPPING_ADDRESSES,
    SB_RES_ORDER_CONSIGNMENTS, /* one document per order, keyed by order id */
    SB_RES_CONSIGNMENT_QUOTES, /* keyed by shipping consignment id, parent = order */
    SB_RES_ORDER_COUPONS,
    SB_RES_ORDER_MESSAGES,
    SB_RES_ORDER_TAXES,
    SB_RES_ORDER_REFUNDS,
    SB_RES_ORDER_TRANSACTIONS,
    SB_RES_ORDER_METAFIELDS,
    /* catalog, pricing, inventory, promotions (data_product_*.c, data_pricelists.c ...) */
    SB_RES_PRODUCT_IMAGES,
    SB_RES_PRODUCT_VIDEOS,
    SB_RES_PRODUCT_CUSTOM_FIELDS,
    SB_RES_PRODUCT_METAFIELDS,
    SB_RES_PRODUCT_REVIEWS,
    SB_RES_PRODUCT_BULK_RULES,
    SB_RES_PRODUCT_COMPLEX_RULES,
    SB_RES_PRODUCT_OPTIONS,
    SB_RES_PRODUCT_VARIANTS, /* parent = product; base variant id = product id + 1000 */
    SB_RES_PRICELISTS,
    SB_RES_PRICELIST_RECORDS, /* parent = price list */
    SB_RES_PRICELIST_ASSIGNMENTS,
    SB_RES_INVENTORY_LOCATIONS,
    SB_RES_INVENTORY_ITEMS, /* id = variant id, parent = product */
    SB_RES_PROMOTIONS,
    SB_RES_CATEGORY_TREES,
    SB_RES_CATEGORY_METAFIELDS,
    SB_RES_BRAND_METAFIELDS,
    /* customers' extras, channels, shipping, content, settings, geography (data_store_area.h) */
    SB_RES_CHANNELS,
    SB_RES_CHANNEL_LISTINGS, /* parent = channel */
    SB_RES_SITES,
    SB_RES_CURRENCIES,
    SB_RES_CUSTOMER_ADDRESSES, /* parent = customer */
    SB_RES_CUSTOMER_GROUPS,
    SB_RES_CUSTOMER_ATTRIBUTES,
    SB_RES_CUSTOMER_ATTRIBUTE_VALUES, /* parent = customer */
    SB_RES_CUSTOMER_METAFIELDS,       /* parent = customer */
    SB_RES_SUBSCRIBERS,
    SB_RES_WISHLISTS, /* parent = customer */
    SB_RES_SHIPPING_ZONES,
    SB_RES_SHIPPING_METHODS, /* parent = zone */
    SB_RES_BLOG_POSTS,
    SB_RES_BLOG_TAGS,
    SB_RES_PAGES,
    SB_RES_REDIRECTS,
    SB_RES_TAX_CLASSES,
    SB_RES_STORE_LOGS,
    SB_RES_WEBHOOKS,
    SB_RES_COUNTRIES,
    SB_RES_STATES, /* parent = country */
    SB_RES_COUNT
} sb_res_id;

typedef struct sb_resource {
    const char *name; /* singular noun used in error messages */
    sb_item *items;   /* sorted by (parent_id, id) */
    size_t count, cap;
} sb_resource;

typedef struct sb_store {
    const sb_config *cfg;
    sb_resource res[SB_RES_COUNT];
} sb_store;

/* Builds every resource from cfg (which must outlive the store). 0 on success. */
int sb_store_build(sb_store *st, const sb_config *cfg);
void sb_store_free(sb_store *st);
/* Room for one more item in r: 0, or -1 when out of memory. */
int sb_resource_reserve(sb_resource *r);
/* Renders obj, appends it, and deletes obj (also on failure). 0 on success. */
int sb_resource_add(sb_resource *r, long id, long parent_id, struct cJSON *obj);
const sb_item *sb_resource_find(const sb_resource *r, long id);
/* First index whose parent_id >= parent (items are grouped by parent). */
size_t sb_resource_lower_parent(const sb_resource *r, long parent);

/* ---- deterministic values (data_util.c) ---- */

uint64_t sb_rand(unsigned long seed, unsigned tag, long id, unsigned field);
long sb_rand_range(unsigned long seed, unsigned tag, long id, unsigned field, long lo, long hi);
const char *sb_pick(const char *const *list, size_t n, unsigned long seed, unsigned tag, long id,
                    unsigned field);
/* Seconds since the epoch of a resource's creation time, spread over 2024-2025. */
long long sb_epoch_for(unsigned long seed, unsigned tag, long id);
/* Formats into buf (>= 40 bytes). */
void sb_fmt_iso(char *buf, size_t n, long long epoch);
void sb_fmt_rfc2822(char *buf, size_t n, long long epoch);
void sb_fmt_money4(char *buf, size_t n, long long cents);
/* cJSON helpers that return obj for chaining; failures are caught by sb_json_ok(). */
struct cJSON *sb_add_str(struct cJSON *obj, const char *key, const char *val);
struct cJSON *sb_add_num(struct cJSON *obj, const char *key, double val);
struct cJSON *sb_add_bool(struct cJSON *obj, const char *key, int val);
struct cJSON *sb_add_money(struct cJSON *obj, const char *key, long long cents);
struct cJSON *sb_add_null(struct cJSON *obj, const char *key);
struct cJSON *sb_add_obj(struct cJSON *obj, const char *key); /* returns the child */
struct cJSON *sb_add_arr(struct cJSON *obj, const char *key); /* returns the child */
void sb_arr_push(struct cJSON *arr, struct cJSON *item);      /* deletes item on failure */
/* 1 when an add since the last call failed (out of memory); clears the flag. */
int sb_json_failed(void);

/* Per-id facts shared between generators so that references stay consistent. */
void sb_product_name(const sb_config *cfg, long id, char *buf, size_t n);
long long sb_product_price_cents(const sb_config *cfg, long id);
double sb_product_weight(const sb_config *cfg, long id);
void sb_product_sku(long id, char *buf, size_t n);
long sb_product_brand(const sb_config *cfg, long id);
void sb_customer_name(const sb_config *cfg, long id, const char **first, const char **last);
void sb_customer_email(long id, char *buf, size_t n);
long sb_order_first_id(void);
/* Incomplete orders (status_id 0: checkouts that reached payment and stopped). As on a real
 * store, GET /v2/orders never lists them but /v2/orders/count counts them; their ids follow
 * the last listed order's. */
long sb_orders_incomplete(const sb_config *cfg);

int sb_gen_brands(const sb_config *cfg, sb_resource *out);
int sb_gen_categories(const sb_config *cfg, sb_resource *out);
int sb_gen_customers(const sb_config *cfg, sb_resource *out);
int sb_gen_products(const sb_config *cfg, sb_resource *out);
/* Fills both orders and their line items (orders' totals are the items' sums). */
int sb_gen_orders(const sb_config *cfg, sb_resource *orders, sb_resource *items,
                  sb_resource *count);
int sb_gen_store(const sb_config *cfg, sb_resource *out);
int sb_gen_coupons(const sb_config *cfg, sb_resource *coupons, sb_resource *gift_certificates);
int sb_gen_order_statuses(const sb_config *cfg, sb_resource *out);
/* The merchant's name for an order status id (one status is relabelled). */
const char *sb_order_status_custom_label(long status_id);
int sb_gen_payment_methods(const sb_config *cfg, sb_resource *out);
/* After sb_gen_orders: every order's shipments, consignments, refunds ... from its JSON. */
int sb_gen_order_subs(const sb_config *cfg, sb_store *st);
/* Appends an order item's product_options (arr may be NULL: recorded as a failure). */
void sb_order_item_options(struct cJSON *arr, long item_id);

/* ---- HTTP response under construction (server.c sends it) ---- */

typedef struct sb_reply {
    unsigned status;
    const char *content_type;
    char *body; /* owned (malloc); NULL for an empty body */
    size_t len;
    char *location; /* owned; Location header for redirects */
} sb_reply;

/* Takes ownership of body. Returns 0, or -1 when body is NULL (allocation failed). */
int sb_reply_set(sb_reply *rp, unsigned status, const char *ctype, char *body, size_t len);
int sb_reply_json(sb_reply *rp, unsigned status, struct cJSON *doc); /* deletes doc */
int sb_reply_v3_error(sb_reply *rp, unsigned status, const char *title);
/* A v3 problem document (status, title, type) without its errors. */
struct cJSON *sb_v3_problem(unsigned status, const char *title);
/* Replies with one, errors its "errors" (taken over; an empty object when NULL). */
int sb_reply_v3_problem(sb_reply *rp, unsigned status, const char *title, struct cJSON *errors);
int sb_reply_v2_error(sb_reply *rp, unsigned status, const char *message);
void sb_reply_free(sb_reply *rp);

/* Read access to one request's query arguments (decoded). */
typedef const char *(*sb_arg_fn)(void *ctx, const char *key);
typedef struct sb_args {
    sb_arg_fn get;
    void *ctx;
} sb_args;

/* ---- API routing (router.c, render.c) ---- */

/* path is the part after /stores/{hash}/, e.g. "v3/catalog/products". Always fills rp. */
void sb_route_api(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp);
/* Rewrites a routed reply's include-only fields (include.c): dropped unless the request's
 * include= names them, filled from their own resource when it does. */
void sb_include_apply(const sb_store *st, const char *path, const sb_args *a, sb_reply *rp);
/* 2 for v2 paths, 3 otherwise: picks the error body shape. */
int sb_api_version(const char *path);
void sb_render_v3_list(const sb_resource *r, const sb_args *a, int with_id, sb_reply *rp);
void sb_render_v3_one(const sb_resource *r, long id, sb_reply *rp);
void sb_render_v2_list(const sb_resource *r, const sb_args *a, sb_reply *rp);
/* A v2 page (?page=&limit=, 204 past the end) of the items idx[0..total) of r. */
void sb_render_v2_index(const sb_resource *r, const size_t *idx, size_t total, const sb_args *a,
                        sb_reply *rp);
void sb_render_v2_children(const sb_resource *r, long parent, const sb_args *a, sb_reply *rp);
void sb_render_v2_one(const sb_resource *r, long id, sb_reply *rp);
void sb_render_singleton(const sb_resource *r, sb_reply *rp);
/* Count endpoints (render_count.c): {"count": N} of all of r, of parent's children, and
 * /v2/orders/count (doc: its unfiltered document; min_id/max_id applied as on the list). */
void sb_render_v2_count(const sb_resource *r, sb_reply *rp);
void sb_render_v2_children_count(const sb_resource *r, long parent, sb_reply *rp);
void sb_render_orders_count(const sb_resource *orders, long incomplete, const sb_resource *doc,
                            const sb_args *a, sb_reply *rp);
/* {data:[children of parent], meta}: paged = page/limit and meta.pagination, else meta {}. */
void sb_render_v3_children(const sb_resource *r, long parent, const sb_args *a, int paged,
                           sb_reply *rp);
/* v2/orders/{id}/consignments/shipping/{id}/shipping_quotes (path as sb_route_api gets it). */
void sb_render_consignment_quote(const sb_resource *quotes, const char *path, sb_reply *rp);
/* A v3 page ({data, meta.pagination}) over the items idx[0..total) of r (idx NULL = all). */
void sb_render_v3_index(const sb_resource *r, const size_t *idx, size_t total, const sb_args *a,
                        sb_reply *rp);
/* Lists with the documented filters and sort (render_query.c): products, brands, categories,
 * customers (v3) and orders (v2). sb_query_select gives the matching items' indices in the
 * order asked (*idx NULL and the count: all items in id order), -1 when out of memory. */
void sb_render_query(const sb_store *st, sb_res_id res, int v2, const sb_args *a, sb_reply *rp);
long sb_query_select(const sb_resource *r, sb_res_id res, const sb_args *a, size_t **idx);
int sb_parse_date(const char *s, long long *epoch);
/* 1 when a carries a filter of res's list (render_query.c) on a field other than the id. */
int sb_query_filters_beyond_id(sb_res_id res, const sb_args *a);
/* Catalog, pricing, inventory and promotion endpoints (router_catalog.c): 1 when path is one
 * of them (rp filled), else 0. */
int sb_route_catalog(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp);
/* Generators of those resources; each fills its lists in st. Price lists and inventory read
 * the variants, so they run after sb_gen_product_variants. */
int sb_gen_product_media(const sb_config *cfg, sb_store *st);
int sb_gen_product_rules(const sb_config *cfg, sb_store *st);
int sb_gen_product_variants(const sb_config *cfg, sb_store *st);
int sb_gen_pricelists(const sb_config *cfg, sb_store *st);
int sb_gen_inventory(const sb_config *cfg, sb_store *st);
int sb_gen_promotions(const sb_config *cfg, sb_store *st);
int sb_gen_catalog_meta(const sb_config *cfg, sb_store *st);

/* ---- request log (reqlog.c) ---- */

int sb_reqlog_init(void);
void sb_reqlog_free(void);
/* Returns the entry's sequence number, for sb_reqlog_note_unknown. */
long sb_reqlog_add(const char *method, const char *path, const char *query);
/* Records on entry seq the query parameters the endpoint did not read ("unknown_params"):
 * parameters the sandbox does not know for that endpoint, which tests compare with the
 * API reference. */
void sb_reqlog_note_unknown(long seq, const char *const *keys, int n);
char *sb_reqlog_json(void); /* caller frees; NULL on allocation failure */
void sb_reqlog_clear(void); /* also restarts max_in_flight */
/* Around the serving of one API request (latency included). */
void sb_reqlog_enter(void);
void sb_reqlog_leave(void);
char *sb_reqlog_stats_json(void); /* {"max_in_flight":N,"in_flight":N}; caller frees */

/* ---- faults (faults.c) ---- */

typedef struct sb_fault {
    unsigned status;      /* 0 = none */
    int malformed;        /* answer 200 with broken JSON */
    int reset;            /* close the connection without a reply */
    int applied;          /* serve the request (a write takes effect), then answer with status */
    long delay_ms;        /* sleep before answering */
    long reset_ms;        /* for 429: X-Rate-Limit-Time-Reset-Ms */
    long retry_after_s;   /* for 5xx: {"error":{"retry_after_seconds"}}, -1 = plain error */
    long shift;           /* render the page as if items before it were deleted (+) */
    char body[16];        /* damage the real reply's body: "truncated", "html", ... */
    char items[16];       /* alter the real list page: "short", "empty", "duplicate" */
    char ignore[48];      /* a query parameter served as if it were not sent */
    char match[128];      /* path_contains, "" = any */
    char query_match[64]; /* query_contains, "" = any */
} sb_fault;

int sb_faults_init(void);
void sb_faults_free(void);
/* Parses a JSON body such as {"status":500,"count":2} (see faults.c). 0 on success. */
int sb_faults_add_json(const char *body, size_t len);
void sb_faults_clear(void);
/* Takes one fault matching path and the raw query (may be NULL), if any: 1 and *out filled,
 * else 0. */
int sb_faults_take(const char *path, const char *query, sb_fault *out);
/* faults_apply.c: alter the real reply rp (a 200) as f's body or items say. */
void sb_fault_mangle(const sb_fault *f, const char *rest, sb_reply *rp);
/* The page shift of the request this thread serves (render.c reads it; 0 = none). */
extern _Thread_local long sb_render_shift;

/* ---- rate limit (ratelimit.c) ---- */

typedef struct sb_rate_state {
    long left, quota, reset_ms, window_ms;
    int limited; /* 1 = the quota is exhausted: answer 429 */
} sb_rate_state;

int sb_ratelimit_init(long quota, long window_ms);
void sb_ratelimit_free(void);
void sb_ratelimit_take(sb_rate_state *out);

/* ---- OAuth (oauth.c, oauth_page.c, form.c) ---- */

int sb_oauth_init(const sb_config *cfg);
void sb_oauth_free(void);
/* 1 when token is one the OAuth server issued and it has not expired. */
int sb_oauth_token_valid(const char *token);
/* method "GET"/"POST"; body/query args merged by the caller into args. */
void sb_oauth_authorize(const sb_args *args, sb_reply *rp);
void sb_oauth_decide(const sb_args *args, int approve, sb_reply *rp);
void sb_oauth_token(const sb_args *args, sb_reply *rp);
void sb_oauth_stats(sb_reply *rp);
char *sb_oauth_consent_html(const sb_config *cfg, const sb_args *args); /* caller frees */
char *sb_oauth_error_html(const char *message);                         /* caller frees */

/* Decoded key/value pairs of a form or JSON body. */
typedef struct sb_form {
    char **keys, **vals;
    size_t n;
} sb_form;

int sb_form_parse(sb_form *f, const char *body, size_t len, int is_json);
const char *sb_form_get(const sb_form *f, const char *key);
void sb_form_free(sb_form *f);
/* Percent-decodes src ('+' as space when plus_space); caller frees. */
char *sb_url_decode(const char *src, size_t len, int plus_space);
/* Percent-encodes for a query value; caller frees. */
char *sb_url_encode(const char *src);
char *sb_html_escape(const char *src); /* caller frees */

/* ---- server (server.c) ---- */

struct sb_server;
struct sb_server *sb_server_start(const sb_store *st, const sb_config *cfg);
int sb_server_port(const struct sb_server *s);
void sb_server_stop(struct sb_server *s);

#endif
