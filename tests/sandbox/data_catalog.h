/*
 * Helpers shared by the catalog, pricing, inventory and promotion generators
 * (data_product_*.c, data_pricelists.c, data_inventory.c, data_promotions.c,
 * data_catalog_meta.c). Private to those files.
 */
#ifndef SB_DATA_CATALOG_H
#define SB_DATA_CATALOG_H

#include "sandbox.h"

struct cJSON;

/* Builds child k (0-based) with the given id of parent pid; NULL when out of memory. */
typedef struct cJSON *(*sb_child_fn)(const sb_config *cfg, long pid, long id, int k);

/* For parents 1..nparents, 0..max children each (count a pure function of seed, tag and
 * parent), numbered 1, 2 ... across parents so the list is sorted by (parent, id) and by id. */
int sb_gen_per_parent(const sb_config *cfg, sb_resource *out, long nparents, unsigned tag, int max,
                      sb_child_fn fn);
/* Adds key: an ISO 8601 date derived from (seed, tag, id). */
void sb_add_iso_date(struct cJSON *o, const char *key, const sb_config *cfg, unsigned tag, long id);
/* A metafield of resource `type` ("product", "category", "brand") owned by `owner`. */
struct cJSON *sb_metafield_json(const sb_config *cfg, unsigned tag, const char *type, long owner,
                                long id, int k);

#endif
