/* Brands (/v3/catalog/brands): ids 1..--brands, names with accented Latin, CJK and emoji. */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 1 };

static const char *const brand_names[] = {
    "Common Good", "Maison Élégance",   "日本ブランド", "Nordlys Øst",  "🎉 Festive Co",
    "Señor Café",  "Bergström & Söhne", "Zürich Works", "青山デザイン", "Açaí Naturals",
};

static cJSON *brand_json(const sb_config *cfg, long id)
{
    char name[128], url[160], img[200];
    const char *base = brand_names[(id - 1) % (long)(sizeof brand_names / sizeof *brand_names)];
    (void)cfg;
    /* the id keeps names unique once the list wraps */
    if (id <= (long)(sizeof brand_names / sizeof *brand_names))
        snprintf(name, sizeof name, "%s", base);
    else
        snprintf(name, sizeof name, "%s %ld", base, id);
    snprintf(url, sizeof url, "/brands/brand-%ld/", id);
    snprintf(img, sizeof img,
             "https://cdn11.bigcommerce.com/s-sandbox/product_images/b/brand_%ld.png", id);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", name);
    sb_add_str(o, "page_title", name);
    cJSON *kw = sb_add_arr(o, "meta_keywords");
    sb_arr_push(kw, cJSON_CreateString("brand"));
    sb_arr_push(kw, cJSON_CreateString(name));
    sb_add_str(o, "meta_description", "");
    sb_add_str(o, "search_keywords", "");
    sb_add_str(o, "image_url", (id % 3 == 0) ? "" : img);
    cJSON *cu = sb_add_obj(o, "custom_url");
    sb_add_str(cu, "url", url);
    sb_add_bool(cu, "is_customized", 0);
    return o;
}

int sb_gen_brands(const sb_config *cfg, sb_resource *out)
{
    for (long id = 1; id <= cfg->brands; id++)
        if (sb_resource_add(out, id, 0, brand_json(cfg, id)) != 0)
            return -1;
    return 0;
}

long sb_product_brand(const sb_config *cfg, long id)
{
    /* about one product in six has no brand (brand_id 0), as in real catalogs */
    if (cfg->brands <= 0 || sb_rand_range(cfg->seed, 4, id, 40, 0, 5) == 0)
        return 0;
    return sb_rand_range(cfg->seed, 4, id, 41, 1, cfg->brands);
}
