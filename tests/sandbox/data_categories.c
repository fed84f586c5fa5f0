/* Categories (/v3/catalog/categories): ids 1..--categories; the first few are roots, the rest
 * hang under an earlier category so parent_id always names a real category. */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 2 };

static const char *const cat_names[] = {
    "Kitchen",  "Bath",   "Garden",   "Café & Thé", "文房具", "Outdoor",
    "Épicerie", "Toys 🎈", "Lighting", "Textiles",   "Décor",  "おもちゃ",
};

static cJSON *category_json(const sb_config *cfg, long id)
{
    char name[128], url[96], desc[256];
    size_t nn = sizeof cat_names / sizeof *cat_names;
    long parent = id <= 3 ? 0 : sb_rand_range(cfg->seed, TAG, id, 1, 1, id - 1);
    if (id <= (long)nn)
        snprintf(name, sizeof name, "%s", cat_names[id - 1]);
    else
        snprintf(name, sizeof name, "%s %ld", cat_names[(id - 1) % (long)nn], id);
    snprintf(url, sizeof url, "/category-%ld/", id);
    snprintf(desc, sizeof desc, "<p>Everything for %s.</p>", name);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "parent_id", (double)parent);
    sb_add_str(o, "name", name);
    sb_add_str(o, "description", desc);
    sb_add_num(o, "views", (double)sb_rand_range(cfg->seed, TAG, id, 2, 0, 5000));
    sb_add_num(o, "sort_order", (double)(id % 10));
    sb_add_str(o, "page_title", name);
    sb_add_arr(o, "meta_keywords");
    sb_add_str(o, "meta_description", "");
    sb_add_str(o, "layout_file", "category.html");
    sb_add_str(o, "image_url", "");
    sb_add_bool(o, "is_visible", id % 7 != 0);
    sb_add_str(o, "search_keywords", "");
    sb_add_str(o, "default_product_sort", "use_store_settings");
    cJSON *cu = sb_add_obj(o, "custom_url");
    sb_add_str(cu, "url", url);
    sb_add_bool(cu, "is_customized", 0);
    return o;
}

int sb_gen_categories(const sb_config *cfg, sb_resource *out)
{
    for (long id = 1; id <= cfg->categories; id++)
        if (sb_resource_add(out, id, 0, category_json(cfg, id)) != 0)
            return -1;
    return 0;
}
