/*
 * Category trees (/v3/catalog/trees) and the batch metafield lists of categories and brands
 * (/v3/catalog/categories/metafields, /v3/catalog/brands/metafields): 0-2 metafields per
 * category or brand, owned by real ones.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>

enum { TAG_CMF = 52, TAG_BMF = 53 };

static cJSON *tree_json(long id, const char *name, long channel)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", name);
    sb_arr_push(sb_add_arr(o, "channels"), cJSON_CreateNumber((double)channel));
    return o;
}

static cJSON *category_mf(const sb_config *cfg, long owner, long id, int k)
{
    return sb_metafield_json(cfg, TAG_CMF, "category", owner, id, k);
}

static cJSON *brand_mf(const sb_config *cfg, long owner, long id, int k)
{
    return sb_metafield_json(cfg, TAG_BMF, "brand", owner, id, k);
}

int sb_gen_catalog_meta(const sb_config *cfg, sb_store *st)
{
    if (sb_resource_add(&st->res[SB_RES_CATEGORY_TREES], 1, 0, tree_json(1, "Default tree", 1)) !=
            0 ||
        sb_resource_add(&st->res[SB_RES_CATEGORY_TREES], 2, 0,
                        tree_json(2, "Arborescence boutique – FR", 2)) != 0)
        return -1;
    /* the metafields' parent is their owner, which the batch endpoints do not filter by */
    if (sb_gen_per_parent(cfg, &st->res[SB_RES_CATEGORY_METAFIELDS], cfg->categories, TAG_CMF, 2,
                          category_mf) != 0)
        return -1;
    return sb_gen_per_parent(cfg, &st->res[SB_RES_BRAND_METAFIELDS], cfg->brands, TAG_BMF, 2,
                             brand_mf);
}
