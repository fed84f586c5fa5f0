/*
 * Products (/v3/catalog/products): ids 1..--products.
 *
 * Product id 2 has a `description` of exactly 100,000 Unicode code points (mixed ASCII,
 * accented Latin, CJK and emoji) so that clients can test chunked SQLGetData reads.
 * Every 7th product has a CJK name, every 11th an emoji name.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TAG = 4, LONG_DESC_ID = 2, LONG_DESC_CODEPOINTS = 100000 };

static const char *const adjectives[] = {
    "Organic", "Crème", "Vintage", "Smith", "Rustic", "Élan", "Nordic", "Classic", "Señorita",
};
static const char *const nouns[] = {
    "Journal", "Mug", "Chambray Towel", "Café Press", "Tote", "Candle", "Jar", "Blanket",
};

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

void sb_product_name(const sb_config *cfg, long id, char *buf, size_t n)
{
    /* the id keeps names unique, as BigCommerce requires */
    if (id % 7 == 0)
        snprintf(buf, n, "日本語の商品 %ld", id);
    else if (id % 11 == 0)
        snprintf(buf, n, "🎉 Party Pack %ld", id);
    else
        snprintf(buf, n, "%s %s %ld",
                 sb_pick(adjectives, COUNT_OF(adjectives), cfg->seed, TAG, id, 1),
                 sb_pick(nouns, COUNT_OF(nouns), cfg->seed, TAG, id, 2), id);
}

long long sb_product_price_cents(const sb_config *cfg, long id)
{
    return sb_rand_range(cfg->seed, TAG, id, 3, 199, 49999);
}

double sb_product_weight(const sb_config *cfg, long id)
{
    return (double)sb_rand_range(cfg->seed, TAG, id, 4, 1, 40) / 4.0;
}

void sb_product_sku(long id, char *buf, size_t n)
{
    snprintf(buf, n, "SKU-%05ld", id);
}

/* Returns a malloc'd string of exactly `codepoints` code points; caller frees. */
static char *long_description(size_t codepoints)
{
    static const char *const pieces[] = {"Größe ",  "日本語の説明 ", "🎉 ", "Lorem ipsum dolor. ",
                                         "Ça va? ", "漢字 "};
    char *buf = malloc(codepoints * 4 + 1); /* 4 bytes is the widest UTF-8 sequence */
    size_t len = 0, cps = 0, k = 0;
    if (!buf)
        return NULL;
    while (cps < codepoints) {
        const unsigned char *p = (const unsigned char *)pieces[k++ % COUNT_OF(pieces)];
        while (*p && cps < codepoints) {
            size_t w = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
            memcpy(buf + len, p, w);
            len += w;
            p += w;
            cps++;
        }
    }
    buf[len] = '\0';
    return buf;
}

static void add_prices(cJSON *o, const sb_config *cfg, long id)
{
    double price = (double)sb_product_price_cents(cfg, id) / 100.0;
    sb_add_num(o, "price", price);
    sb_add_num(o, "cost_price", (double)(sb_product_price_cents(cfg, id) / 2) / 100.0);
    sb_add_num(o, "retail_price", id % 5 == 0 ? price + 10.0 : 0);
    sb_add_num(o, "sale_price", id % 6 == 0 ? price - 1.0 : 0);
    sb_add_num(o, "map_price", 0);
    sb_add_num(o, "tax_class_id", 0);
    sb_add_str(o, "product_tax_code", "");
    sb_add_num(o, "calculated_price", id % 6 == 0 ? price - 1.0 : price);
}

static void add_dimensions(cJSON *o, const sb_config *cfg, long id)
{
    sb_add_num(o, "weight", sb_product_weight(cfg, id));
    sb_add_num(o, "width", (double)sb_rand_range(cfg->seed, TAG, id, 5, 1, 30));
    sb_add_num(o, "depth", (double)sb_rand_range(cfg->seed, TAG, id, 6, 1, 30));
    sb_add_num(o, "height", (double)sb_rand_range(cfg->seed, TAG, id, 7, 1, 30));
}

static void add_inventory(cJSON *o, const sb_config *cfg, long id)
{
    long cats = cfg->categories;
    cJSON *c = sb_add_arr(o, "categories");
    if (cats > 0)
        sb_arr_push(c, cJSON_CreateNumber((double)sb_rand_range(cfg->seed, TAG, id, 8, 1, cats)));
    sb_add_num(o, "brand_id", (double)sb_product_brand(cfg, id));
    sb_add_num(o, "inventory_level", (double)sb_rand_range(cfg->seed, TAG, id, 9, 0, 500));
    sb_add_num(o, "inventory_warning_level", 5);
    sb_add_str(o, "inventory_tracking", id % 3 == 0 ? "none" : "product");
    sb_add_num(o, "fixed_cost_shipping_price", 0);
    sb_add_bool(o, "is_free_shipping", id % 4 == 0);
    sb_add_bool(o, "is_visible", id % 9 != 0);
    sb_add_bool(o, "is_featured", id % 10 == 0);
    sb_add_arr(o, "related_products");
}

static void add_texts(cJSON *o, long id, const char *name)
{
    char upc[32], url[64];
    snprintf(upc, sizeof upc, "0%011ld", 40000000000L + id);
    snprintf(url, sizeof url, "/product-%ld/", id);
    sb_add_str(o, "warranty", "");
    sb_add_str(o, "bin_picking_number", "");
    sb_add_str(o, "layout_file", "product.html");
    sb_add_str(o, "upc", upc);
    sb_add_str(o, "search_keywords", "");
    sb_add_str(o, "availability_description", "");
    sb_add_str(o, "availability", "available");
    sb_add_str(o, "gift_wrapping_options_type", "any");
    sb_add_arr(o, "gift_wrapping_options_list");
    sb_add_num(o, "sort_order", 0);
    sb_add_str(o, "condition", id % 8 == 0 ? "Used" : "New");
    sb_add_bool(o, "is_condition_shown", 0);
    sb_add_num(o, "order_quantity_minimum", 0);
    sb_add_num(o, "order_quantity_maximum", 0);
    sb_add_str(o, "page_title", name);
    sb_add_arr(o, "meta_keywords");
    sb_add_str(o, "meta_description", "");
    cJSON *cu = sb_add_obj(o, "custom_url");
    sb_add_str(cu, "url", url);
    sb_add_bool(cu, "is_customized", 0);
    sb_add_bool(cu, "create_redirect", 0);
}

static void add_preorder_and_social(cJSON *o, const sb_config *cfg, long id)
{
    sb_add_num(o, "view_count", (double)sb_rand_range(cfg->seed, TAG, id, 10, 0, 9000));
    sb_add_null(o, "preorder_release_date");
    sb_add_str(o, "preorder_message", "");
    sb_add_bool(o, "is_preorder_only", 0);
    sb_add_bool(o, "is_price_hidden", 0);
    sb_add_str(o, "price_hidden_label", "");
    sb_add_str(o, "open_graph_type", "product");
    sb_add_str(o, "open_graph_title", "");
    sb_add_str(o, "open_graph_description", "");
    sb_add_bool(o, "open_graph_use_meta_description", 1);
    sb_add_bool(o, "open_graph_use_product_name", 1);
    sb_add_bool(o, "open_graph_use_image", 1);
    sb_add_str(o, "gtin", "");
    sb_add_str(o, "mpn", "");
    sb_add_str(o, "date_last_imported", "");
    sb_add_num(o, "reviews_rating_sum", (double)sb_rand_range(cfg->seed, TAG, id, 11, 0, 50));
    sb_add_num(o, "reviews_count", (double)sb_rand_range(cfg->seed, TAG, id, 12, 0, 10));
    sb_add_num(o, "total_sold", (double)sb_rand_range(cfg->seed, TAG, id, 13, 0, 300));
}

static void add_children_and_dates(cJSON *o, const sb_config *cfg, long id)
{
    char created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, TAG, id);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + sb_rand_range(cfg->seed, TAG, id, 14, 0, 86400 * 60));
    /* sub-resources come from their own endpoints; these arrays stay empty here */
    static const char *const empty_arrays[] = {
        "custom_fields", "bulk_pricing_rules", "images",  "videos", "parent_relations",
        "options",       "modifiers",          "channels"};
    for (size_t i = 0; i < COUNT_OF(empty_arrays); i++)
        sb_add_arr(o, empty_arrays[i]);
    sb_add_str(o, "date_created", created);
    sb_add_str(o, "date_modified", modified);
    sb_add_num(o, "base_variant_id", (double)(id + 1000));
    /* option_set_id is left out: no product is in a (legacy) option set, and the
     * reference's schema has no null for it */
    sb_add_str(o, "option_set_display", "right");
}

static cJSON *product_json(const sb_config *cfg, long id)
{
    char name[160], sku[32], desc[200];
    char *long_desc = NULL;
    sb_product_name(cfg, id, name, sizeof name);
    sb_product_sku(id, sku, sizeof sku);
    snprintf(desc, sizeof desc, "<p>%s — handmade, naturally.</p>", name);
    if (id == LONG_DESC_ID && !(long_desc = long_description(LONG_DESC_CODEPOINTS)))
        return NULL;
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", name);
    sb_add_str(o, "type", id % 12 == 0 ? "digital" : "physical");
    sb_add_str(o, "sku", sku);
    sb_add_str(o, "description", long_desc ? long_desc : desc);
    free(long_desc);
    add_dimensions(o, cfg, id);
    add_prices(o, cfg, id);
    add_inventory(o, cfg, id);
    add_texts(o, id, name);
    add_preorder_and_social(o, cfg, id);
    add_children_and_dates(o, cfg, id);
    return o;
}

int sb_gen_products(const sb_config *cfg, sb_resource *out)
{
    for (long id = 1; id <= cfg->products; id++)
        if (sb_resource_add(out, id, 0, product_json(cfg, id)) != 0)
            return -1;
    return 0;
}
