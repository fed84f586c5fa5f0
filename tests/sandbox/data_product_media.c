/*
 * A product's images, videos, custom fields and metafields
 * (/v3/catalog/products/{id}/images ...): 0-3 of each per product, so some products have
 * none. Ids are numbered across all products in product order, so each list is sorted by
 * (product, id) and by id alike. The embedded arrays of the product objects stay empty; these
 * lists are the source of truth.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_IMG = 41, TAG_VID = 42, TAG_CF = 43, TAG_MF = 44 };

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

static cJSON *image_json(const sb_config *cfg, long pid, long id, int k)
{
    static const char *const sizes[] = {"zoom", "standard", "thumbnail", "tiny"};
    static const char *const dims[] = {"1280x1280", "500x659", "220x290", "44x58"};
    char url[200], key[32], desc[96];
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "product_id", (double)pid);
    sb_add_bool(o, "is_thumbnail", k == 0);
    sb_add_num(o, "sort_order", k);
    snprintf(desc, sizeof desc, k == 1 ? "Vue de détail %d" : "Image %d", k + 1);
    sb_add_str(o, "description", desc);
    snprintf(url, sizeof url, "https://cdn11.bigcommerce.com/s-sandbox/product_images/p%ld_%ld.jpg",
             pid, id);
    sb_add_str(o, "image_url", url);
    snprintf(url, sizeof url, "p/%ld/%ld_source.jpg", pid, id);
    sb_add_str(o, "image_file", url);
    for (size_t i = 0; i < COUNT_OF(sizes); i++) {
        snprintf(key, sizeof key, "url_%s", sizes[i]);
        snprintf(url, sizeof url,
                 "https://cdn11.bigcommerce.com/s-sandbox/images/stencil/%s/products/%ld/%ld.jpg",
                 dims[i], pid, id);
        sb_add_str(o, key, url);
    }
    sb_add_iso_date(o, "date_modified", cfg, TAG_IMG, id);
    return o;
}

static cJSON *video_json(const sb_config *cfg, long pid, long id, int k)
{
    char vid[16], title[96];
    cJSON *o = cJSON_CreateObject();
    /* YouTube ids are 11 characters */
    snprintf(vid, sizeof vid, "sbx%08lx",
             (unsigned long)(sb_rand(cfg->seed, TAG_VID, id, 1) >> 32));
    snprintf(title, sizeof title, k % 2 ? "Démonstration %ld" : "Product tour %ld", id);
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "product_id", (double)pid);
    sb_add_str(o, "title", title);
    sb_add_str(o, "description", "How to use it, step by step.");
    sb_add_num(o, "sort_order", k);
    sb_add_str(o, "type", "youtube");
    sb_add_str(o, "video_id", vid);
    snprintf(vid, sizeof vid, "0%ld:%02ld", sb_rand_range(cfg->seed, TAG_VID, id, 2, 1, 9),
             sb_rand_range(cfg->seed, TAG_VID, id, 3, 0, 59));
    sb_add_str(o, "length", vid);
    return o;
}

static cJSON *custom_field_json(const sb_config *cfg, long id, int k)
{
    static const char *const names[] = {"Material", "Origin", "Größe", "Care"};
    static const char *const values[] = {"Coton bio", "Made in Japan (日本製)", "M", "Hand wash"};
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", names[k % COUNT_OF(names)]);
    sb_add_str(o, "value", sb_pick(values, COUNT_OF(values), cfg->seed, TAG_CF, id, 1));
    return o;
}

static cJSON *cf_adapter(const sb_config *cfg, long pid, long id, int k)
{
    (void)pid;
    return custom_field_json(cfg, id, k);
}

static cJSON *mf_adapter(const sb_config *cfg, long pid, long id, int k)
{
    return sb_metafield_json(cfg, TAG_MF, "product", pid, id, k);
}

static int gen(const sb_config *cfg, sb_store *st, sb_res_id res, unsigned tag, sb_child_fn fn)
{
    return sb_gen_per_parent(cfg, &st->res[res], cfg->products, tag, 3, fn);
}

int sb_gen_product_media(const sb_config *cfg, sb_store *st)
{
    if (gen(cfg, st, SB_RES_PRODUCT_IMAGES, TAG_IMG, image_json) != 0 ||
        gen(cfg, st, SB_RES_PRODUCT_VIDEOS, TAG_VID, video_json) != 0 ||
        gen(cfg, st, SB_RES_PRODUCT_CUSTOM_FIELDS, TAG_CF, cf_adapter) != 0)
        return -1;
    return gen(cfg, st, SB_RES_PRODUCT_METAFIELDS, TAG_MF, mf_adapter);
}
