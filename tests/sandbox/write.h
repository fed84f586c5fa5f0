/*
 * The sandbox's write side: POST, PUT and DELETE on the writable resources, validated as the
 * official reference documents (required fields, 422 bodies with field messages, batch limits
 * with 413, 207 for a batch update that applies only some rows), with ids assigned and the
 * lists changed so that later reads in the same process see the writes.
 */
#ifndef SB_WRITE_H
#define SB_WRITE_H

#include "sandbox.h"

struct cJSON;

/* Readers take the lock shared, writes exclusive. */
void sb_store_lock(int write);
void sb_store_unlock(void);

/* path as sb_route_api gets it; body the raw request body (may be NULL). Always fills rp. */
void sb_route_write(sb_store *st, const char *method, const char *path, const char *body,
                    size_t len, const sb_args *args, sb_reply *rp);

/* GET of a list filtered by the unique field the driver checks after a write that got no
 * answer (products and brands ?name=, customers ?email:in=, coupons ?code=): 1 when path and
 * arguments are such a lookup (rp filled), else 0. */
int sb_route_lookup(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp);

/* write_records.c: PUT and DELETE on a price list's records; 1 when path is one (rp filled). */
int sb_route_records(sb_store *st, const char *method, const char *path, const char *body,
                     size_t len, sb_reply *rp);

/* write_batch.c: the array endpoints (customer attributes, inventory locations, category
 * trees, channel listings, the batch metafield endpoints); 1 when path is one (rp filled). */
int sb_route_batches(sb_store *st, const char *method, const char *path, const char *body,
                     size_t len, const sb_args *args, sb_reply *rp);

/* write_attribute_values.c: the customer attribute values' upsert and DELETE; 1 when path
 * is their endpoint (rp filled). */
int sb_route_attribute_values(sb_store *st, const char *method, const char *path, const char *body,
                              size_t len, const sb_args *args, sb_reply *rp);
/* Remove every value of attribute attr (its definition is being deleted). */
void sb_attribute_values_drop(sb_store *st, long attr);

/* write_option_values.c: the values of a product's option, kept inside the option; 1 when
 * path is one of their endpoints (rp filled). */
int sb_route_option_values(sb_store *st, const char *method, const char *path, const char *body,
                           size_t len, sb_reply *rp);

/* write_order_items.c: the "products" of a PUT on order `order` applied to its items; 1 on
 * success (also when there are none), 0 with *why when the body cannot apply (nothing
 * changed). */
int sb_order_items_apply(sb_store *st, long order, const struct cJSON *body, const char **why);

/* write_store.c: list changes. idx is an item's position; -1 when absent. */
long sb_wr_index(const sb_resource *r, long id);
long sb_wr_next_id(const sb_resource *r);
struct cJSON *sb_wr_parse(const sb_resource *r, long idx); /* caller deletes */
int sb_wr_insert(sb_resource *r, long id, long parent_id, const struct cJSON *obj);
int sb_wr_replace(sb_resource *r, long idx, const struct cJSON *obj);
void sb_wr_remove(sb_resource *r, long idx);

#endif
