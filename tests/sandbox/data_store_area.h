/*
 * Sandbox resources of the customers, channels, shipping, content, store settings,
 * geography, tax and webhooks APIs: their generators and the two list shapes they need
 * beyond render.c's (field filters such as customer_id:in, and cursor pages with ?after=).
 */
#ifndef BC_SANDBOX_STORE_AREA_H
#define BC_SANDBOX_STORE_AREA_H

#include "sandbox.h"

/* Fills every resource below in st and names them; 0 on success. Reads only cfg, so it
 * may run in any order relative to the other generators. */
int sb_gen_store_area(const sb_config *cfg, sb_store *st);

int sb_gen_channels(const sb_config *cfg, sb_store *st);
int sb_gen_customer_extras(const sb_config *cfg, sb_store *st);
int sb_gen_customer_attributes(const sb_config *cfg, sb_store *st);
int sb_gen_wishlists(const sb_config *cfg, sb_store *st);
int sb_gen_shipping(const sb_config *cfg, sb_store *st);
int sb_gen_content(const sb_config *cfg, sb_store *st);
int sb_gen_settings(const sb_config *cfg, sb_store *st);
int sb_gen_geography(const sb_config *cfg, sb_store *st);

/* Addresses of a customer: 0-2, the same count everywhere it is needed. */
long sb_customer_address_count(const sb_config *cfg, long customer_id);

/* A v3 page of resource res whose items pass id:in and the resource's field filters
 * (customer_id:in, channel_id, site_id ...: see render_filters.c). */
void sb_render_v3_filtered(const sb_store *st, sb_res_id res, const sb_args *a, sb_reply *rp);
/* The same as a v2 page, for the v2 lists with documented field filters. */
void sb_render_v2_filtered(const sb_store *st, sb_res_id res, const sb_args *a, sb_reply *rp);
/* Indices of r's items (resource res) that pass a's field filters, *n of them; NULL when
 * out of memory. The caller frees. */
size_t *sb_filter_indices(const sb_resource *r, sb_res_id res, const sb_args *a, size_t *n);
/* 1 when a carries one of res's field filters (render_filters.c). */
int sb_filters_present(sb_res_id res, const sb_args *a);
/* Children of parent as a cursor page: ?limit=&after=<last id>, meta.pagination.links.next
 * carrying the next ?after=, as the channel listings endpoint answers. */
void sb_render_v3_after(const sb_store *st, sb_res_id res, long parent, const sb_args *a,
                        sb_reply *rp);

#endif
