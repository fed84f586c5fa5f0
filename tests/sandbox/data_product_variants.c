/*
 * Product options (/v3/catalog/products/{id}/options) and variants (/v3/catalog/variants).
 *
 * A product has 0-2 options of 2-3 values each. Its variants are one per value of its first
 * option (combined with the first value of the second option, when there is one); a product
 * without options has only its base variant. The first variant's id is product id + 1000,
 * which is the product's base_variant_id; further variants get 10^9 + 10 * product + k, so
 * the list stays sorted by (product, id). Variants' option_values point at the real option
 * and value ids of their product.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

enum { TAG_OPT = 48, MAX_OPTIONS = 2, MAX_VALUES = 3 };

typedef struct opt_value {
    long id;
    const char *label;
} opt_value;

typedef struct opt {
    long id;
    const char *display_name;
    int nvalues;
    opt_value values[MAX_VALUES];
} opt;

typedef struct gen_state {
    const sb_config *cfg;
    sb_store *st;
    long next_option, next_value;
} gen_state;

static const char *const option_names[] = {"Size", "Couleur", "Matière"};
static const char *const option_types[] = {"rectangles", "swatch", "dropdown"};
static const char *const value_labels[][MAX_VALUES] = {
    {"S", "M", "L"},
    {"Rouge", "Bleu nuit", "Vert d'eau"},
    {"Coton", "Lin", "Laine mérinos"},
};
static const char *const swatch_colors[] = {"#C62828", "#1A237E", "#80CBC4"};

static cJSON *option_json(long pid, const opt *o, int kind, int k)
{
    char name[64];
    cJSON *j = cJSON_CreateObject();
    snprintf(name, sizeof name, "%s%ld-%ld", o->display_name, 1704067200L + o->id, pid);
    sb_add_num(j, "id", (double)o->id);
    sb_add_num(j, "product_id", (double)pid);
    sb_add_str(j, "display_name", o->display_name);
    sb_add_str(j, "type", option_types[kind]);
    sb_add_obj(j, "config");
    sb_add_num(j, "sort_order", k);
    sb_add_str(j, "name", name);
    cJSON *vals = sb_add_arr(j, "option_values");
    for (int v = 0; v < o->nvalues; v++) {
        cJSON *vj = cJSON_CreateObject();
        sb_add_num(vj, "id", (double)o->values[v].id);
        sb_add_str(vj, "label", o->values[v].label);
        sb_add_num(vj, "sort_order", v);
        if (kind == 1) {
            cJSON *colors = sb_add_arr(sb_add_obj(vj, "value_data"), "colors");
            sb_arr_push(colors, cJSON_CreateString(swatch_colors[v]));
        } else {
            sb_add_null(vj, "value_data");
        }
        sb_add_bool(vj, "is_default", v == 0);
        sb_arr_push(vals, vj);
    }
    return j;
}

static void push_value(cJSON *arr, const opt *o, int v)
{
    cJSON *j = cJSON_CreateObject();
    sb_add_num(j, "id", (double)o->values[v].id);
    sb_add_str(j, "label", o->values[v].label);
    sb_add_num(j, "option_id", (double)o->id);
    sb_add_str(j, "option_display_name", o->display_name);
    sb_arr_push(arr, j);
}

static cJSON *variant_json(const sb_config *cfg, long pid, long id, int k, const opt *opts,
                           int nopts)
{
    char sku[48];
    double price = (double)sb_product_price_cents(cfg, pid) / 100.0;
    cJSON *j = cJSON_CreateObject();
    sb_product_sku(pid, sku, sizeof sku);
    if (nopts > 0)
        snprintf(sku + strlen(sku), sizeof sku - strlen(sku), "-%d", k + 1);
    sb_add_num(j, "id", (double)id);
    sb_add_num(j, "product_id", (double)pid);
    sb_add_str(j, "sku", sku);
    if (nopts > 0)
        sb_add_num(j, "sku_id", (double)id);
    else
        sb_add_null(j, "sku_id");
    /* the base variant inherits the product's price (null); others cost a little more */
    if (k == 0) {
        sb_add_null(j, "price");
        sb_add_null(j, "weight");
    } else {
        sb_add_num(j, "price", price + k);
        sb_add_num(j, "weight", 0.5 * k);
    }
    sb_add_num(j, "calculated_price", price + k);
    /* the base variant inherits the product's weight */
    sb_add_num(j, "calculated_weight", k == 0 ? sb_product_weight(cfg, pid) : 0.5 * k);
    sb_add_num(j, "cost_price", (double)(sb_product_price_cents(cfg, pid) / 2) / 100.0);
    sb_add_null(j, "sale_price");
    sb_add_null(j, "retail_price");
    if (id % 7 == 0) /* a minimum advertised price on some variants */
        sb_add_num(j, "map_price", price + k + 5);
    else
        sb_add_null(j, "map_price");
    sb_add_null(j, "width");
    sb_add_null(j, "height");
    sb_add_null(j, "depth");
    sb_add_bool(j, "is_free_shipping", 0);
    sb_add_null(j, "fixed_cost_shipping_price");
    sb_add_bool(j, "purchasing_disabled", id % 13 == 0);
    sb_add_str(j, "purchasing_disabled_message", id % 13 == 0 ? "Bientôt disponible" : "");
    sb_add_str(j, "image_url", "");
    sb_add_str(j, "upc", "");
    sb_add_str(j, "mpn", k == 0 ? "" : sku);
    if (id % 5 == 0) {
        char gtin[16];
        snprintf(gtin, sizeof gtin, "0400%09d", (int)(id % 1000000000));
        sb_add_str(j, "gtin", gtin);
    } else {
        sb_add_null(j, "gtin");
    }
    sb_add_num(j, "inventory_level", (double)sb_rand_range(cfg->seed, TAG_OPT, id, 5, 0, 200));
    sb_add_num(j, "inventory_warning_level", 3);
    sb_add_str(j, "bin_picking_number", k == 0 ? "" : "A-12");
    cJSON *vals = sb_add_arr(j, "option_values");
    for (int o = 0; o < nopts; o++)
        push_value(vals, &opts[o], o == 0 ? k : 0);
    return j;
}

static int gen_product(gen_state *g, long pid)
{
    const sb_config *cfg = g->cfg;
    opt opts[MAX_OPTIONS];
    int nopts = (int)sb_rand_range(cfg->seed, TAG_OPT, pid, 0, 0, MAX_OPTIONS);
    for (int i = 0; i < nopts; i++) {
        /* the kinds of one product's options differ: (pid + i) mod 3 */
        int kind = (int)((pid + i) % 3);
        opt *o = &opts[i];
        o->id = ++g->next_option;
        o->display_name = option_names[kind];
        o->nvalues = (int)sb_rand_range(cfg->seed, TAG_OPT, o->id, 1, 2, MAX_VALUES);
        for (int v = 0; v < o->nvalues; v++)
            o->values[v] = (opt_value){++g->next_value, value_labels[kind][v]};
        if (sb_resource_add(&g->st->res[SB_RES_PRODUCT_OPTIONS], o->id, pid,
                            option_json(pid, o, kind, i)) != 0)
            return -1;
    }
    int nvariants = nopts > 0 ? opts[0].nvalues : 1;
    for (int k = 0; k < nvariants; k++) {
        long id = k == 0 ? pid + 1000 : 1000000000L + 10 * pid + k;
        if (sb_resource_add(&g->st->res[SB_RES_PRODUCT_VARIANTS], id, pid,
                            variant_json(cfg, pid, id, k, opts, nopts)) != 0)
            return -1;
    }
    return 0;
}

int sb_gen_product_variants(const sb_config *cfg, sb_store *st)
{
    gen_state g = {cfg, st, 0, 0};
    for (long pid = 1; pid <= cfg->products; pid++)
        if (gen_product(&g, pid) != 0)
            return -1;
    return 0;
}
