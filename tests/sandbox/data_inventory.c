/*
 * Multi-location inventory: locations (/v3/inventory/locations) and items
 * (/v3/inventory/items), one item per variant with its stock at every location. The default
 * location's stock equals the variant's inventory_level, as the Catalog API reports it; the
 * items are built from the variant list, so sb_gen_product_variants must run first.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_INV = 50, LOCATIONS = 3 };

typedef struct location_fact {
    const char *code, *label, *city, *country, *tz;
    int enabled;
} location_fact;

static const location_fact locations[LOCATIONS] = {
    {"BC-LOCATION-1", "Default location", "Austin", "US", "America/Chicago", 1},
    {"ZRH-1", "Lager Zürich", "Zürich", "CH", "Europe/Zurich", 1},
    {"TYO-1", "東京倉庫", "東京", "JP", "Asia/Tokyo", 0},
};

static void add_hours(cJSON *o)
{
    static const char *const days[] = {"sunday",   "monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday"};
    cJSON *h = sb_add_obj(o, "operating_hours");
    for (int d = 0; d < 7; d++) {
        cJSON *day = sb_add_obj(h, days[d]);
        sb_add_bool(day, "open", d != 0);
        sb_add_str(day, "opening", "09:00");
        sb_add_str(day, "closing", "18:00");
    }
}

static cJSON *location_json(const sb_config *cfg, long id)
{
    const location_fact *f = &locations[id - 1];
    char line[64];
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "code", f->code);
    sb_add_str(o, "label", f->label);
    sb_add_str(o, "description", id == 1 ? "Main warehouse." : "");
    sb_add_bool(o, "managed_by_external_source", id == 2);
    sb_add_str(o, "type_id", "PHYSICAL");
    sb_add_bool(o, "enabled", f->enabled);
    add_hours(o);
    sb_add_str(o, "time_zone", f->tz);
    sb_add_iso_date(o, "created_at", cfg, TAG_INV, id);
    sb_add_iso_date(o, "updated_at", cfg, TAG_INV + 100, id);
    cJSON *a = sb_add_obj(o, "address");
    snprintf(line, sizeof line, "%ld Warehouse Road", 100 * id);
    sb_add_str(a, "address1", line);
    sb_add_str(a, "address2", "");
    sb_add_str(a, "city", f->city);
    sb_add_str(a, "state", "");
    sb_add_str(a, "zip", "00000");
    sb_add_str(a, "email", "warehouse@example.com");
    sb_add_str(a, "phone", "+1 555 0100");
    cJSON *geo = sb_add_obj(a, "geo_coordinates");
    sb_add_num(geo, "latitude", 30.0 + (double)id);
    sb_add_num(geo, "longitude", -97.0 + (double)id);
    sb_add_str(a, "country_code", f->country);
    sb_add_bool(o, "storefront_visibility", f->enabled);
    sb_add_arr(o, "special_hours");
    return o;
}

static double number_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void add_stock(cJSON *arr, const sb_config *cfg, long vid, long loc, long onhand)
{
    const location_fact *f = &locations[loc - 1];
    long safety = loc == 1 ? 0 : 1;
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "location_id", (double)loc);
    sb_add_str(o, "location_code", f->code);
    sb_add_str(o, "location_name", f->label);
    sb_add_bool(o, "location_enabled", f->enabled);
    sb_add_num(o, "total_inventory_onhand", (double)onhand);
    sb_add_num(o, "available_to_sell", (double)(onhand > safety ? onhand - safety : 0));
    cJSON *s = sb_add_obj(o, "settings");
    sb_add_num(s, "safety_stock", (double)safety);
    sb_add_bool(s, "is_in_stock", onhand > 0);
    sb_add_num(s, "warning_level", (double)sb_rand_range(cfg->seed, TAG_INV, vid, 2, 0, 5));
    sb_add_str(s, "bin_picking_number", "");
    sb_arr_push(arr, o);
}

static cJSON *item_json(const sb_config *cfg, const cJSON *variant)
{
    long vid = (long)number_of(variant, "id");
    const cJSON *sku = cJSON_GetObjectItemCaseSensitive(variant, "sku");
    const cJSON *sku_id = cJSON_GetObjectItemCaseSensitive(variant, "sku_id");
    cJSON *o = cJSON_CreateObject();
    cJSON *id = sb_add_obj(o, "identity");
    sb_add_num(id, "product_id", number_of(variant, "product_id"));
    sb_add_str(id, "sku", cJSON_IsString(sku) ? sku->valuestring : "");
    if (cJSON_IsNumber(sku_id))
        sb_add_num(id, "sku_id", sku_id->valuedouble);
    else
        sb_add_null(id, "sku_id");
    sb_add_num(id, "variant_id", (double)vid);
    cJSON *locs = sb_add_arr(o, "locations");
    add_stock(locs, cfg, vid, 1, (long)number_of(variant, "inventory_level"));
    for (long loc = 2; loc <= LOCATIONS; loc++)
        add_stock(locs, cfg, vid, loc,
                  sb_rand_range(cfg->seed, TAG_INV, vid, (unsigned)loc, 0, 40));
    return o;
}

int sb_gen_inventory(const sb_config *cfg, sb_store *st)
{
    const sb_resource *variants = &st->res[SB_RES_PRODUCT_VARIANTS];
    for (long id = 1; id <= LOCATIONS; id++)
        if (sb_resource_add(&st->res[SB_RES_INVENTORY_LOCATIONS], id, 0, location_json(cfg, id)) !=
            0)
            return -1;
    for (size_t i = 0; i < variants->count; i++) {
        const sb_item *it = &variants->items[i];
        cJSON *v = cJSON_ParseWithLength(it->json, it->len);
        if (!v)
            return -1;
        cJSON *item = item_json(cfg, v);
        cJSON_Delete(v);
        if (sb_resource_add(&st->res[SB_RES_INVENTORY_ITEMS], it->id, it->parent_id, item) != 0)
            return -1;
    }
    return 0;
}
