/*
 * Price lists (/v3/pricelists), their records (/v3/pricelists/{id}/records) and their
 * assignments (/v3/pricelists/assignments).
 *
 * Three lists: "Wholesale" (USD) prices about half of the variants, "Revendeurs Zürich" (EUR)
 * about a quarter, and "Archived" none. Records point at real variants: they are built from
 * the variant list, so sb_gen_product_variants must run first.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_PL = 49, PRICE_LISTS = 3 };

static const char *const list_names[PRICE_LISTS] = {"Wholesale", "Revendeurs Zürich", "Archived"};
static const char *const list_currency[PRICE_LISTS] = {"usd", "eur", "usd"};
static const int list_share[PRICE_LISTS] = {2, 4, 0}; /* one variant in N; 0 = none */

static cJSON *price_list_json(const sb_config *cfg, long id)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", list_names[id - 1]);
    sb_add_iso_date(o, "date_created", cfg, TAG_PL, id);
    sb_add_iso_date(o, "date_modified", cfg, TAG_PL + 100, id);
    sb_add_bool(o, "active", id != PRICE_LISTS);
    return o;
}

static double number_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/* One record of list for the variant whose JSON is `variant`. */
static cJSON *record_json(const sb_config *cfg, long list, long seq, const cJSON *variant)
{
    const cJSON *sku = cJSON_GetObjectItemCaseSensitive(variant, "sku");
    long vid = (long)number_of(variant, "id");
    /* list prices are 10 % (list 1) or 20 % (list 2) below the catalog, in whole cents */
    double base = number_of(variant, "calculated_price");
    double price = (double)(long long)(base * (100 - 10 * list) + 0.5) / 100.0;
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "price_list_id", (double)list);
    sb_add_num(o, "variant_id", (double)vid);
    sb_add_num(o, "product_id", number_of(variant, "product_id"));
    sb_add_str(o, "sku", cJSON_IsString(sku) ? sku->valuestring : "");
    sb_add_str(o, "currency", list_currency[list - 1]);
    sb_add_num(o, "price", price);
    if (vid % 3 == 0) /* no sale price: the field is left out, the schema has no null */
        sb_add_num(o, "sale_price", price - 0.5);
    /* retail_price and map_price are not set on a record: left out, as sale_price */
    sb_add_num(o, "calculated_price", vid % 3 == 0 ? price - 0.5 : price);
    sb_add_iso_date(o, "date_created", cfg, TAG_PL + 10 * (unsigned)list, seq);
    sb_add_iso_date(o, "date_modified", cfg, TAG_PL + 10 * (unsigned)list + 1, seq);
    cJSON *tiers = sb_add_arr(o, "bulk_pricing_tiers");
    if (vid % 4 == 0) {
        cJSON *t = cJSON_CreateObject();
        sb_add_num(t, "quantity_min", 10);
        sb_add_num(t, "quantity_max", 0);
        sb_add_str(t, "type", "percent");
        sb_add_num(t, "amount", 5);
        sb_arr_push(tiers, t);
    }
    return o;
}

static int gen_records(const sb_config *cfg, sb_store *st, long list)
{
    const sb_resource *variants = &st->res[SB_RES_PRODUCT_VARIANTS];
    long seq = 0;
    if (list_share[list - 1] == 0)
        return 0;
    for (size_t i = 0; i < variants->count; i++) {
        const sb_item *it = &variants->items[i];
        if (sb_rand(cfg->seed, TAG_PL, it->id, (unsigned)list) % (uint64_t)list_share[list - 1])
            continue;
        cJSON *v = cJSON_ParseWithLength(it->json, it->len);
        if (!v)
            return -1;
        cJSON *rec = record_json(cfg, list, ++seq, v);
        cJSON_Delete(v);
        if (sb_resource_add(&st->res[SB_RES_PRICELIST_RECORDS], seq, list, rec) != 0)
            return -1;
    }
    return 0;
}

static cJSON *assignment_json(long id, long list, long group, long channel)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "price_list_id", (double)list);
    sb_add_num(o, "customer_group_id", (double)group);
    sb_add_num(o, "channel_id", (double)channel);
    return o;
}

int sb_gen_pricelists(const sb_config *cfg, sb_store *st)
{
    /* list 1 for groups 1 and 3, list 2 for group 2; list 3 is not assigned */
    static const long assignments[][3] = {{1, 1, 1}, {2, 2, 1}, {1, 3, 1}};
    for (long id = 1; id <= PRICE_LISTS; id++)
        if (sb_resource_add(&st->res[SB_RES_PRICELISTS], id, 0, price_list_json(cfg, id)) != 0 ||
            gen_records(cfg, st, id) != 0)
            return -1;
    for (long k = 0; k < 3; k++)
        if (sb_resource_add(&st->res[SB_RES_PRICELIST_ASSIGNMENTS], k + 1, 0,
                            assignment_json(k + 1, assignments[k][0], assignments[k][1],
                                            assignments[k][2])) != 0)
            return -1;
    return 0;
}
