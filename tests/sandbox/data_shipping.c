/*
 * Shipping zones (/v2/shipping/zones, with their nested locations) and each zone's methods
 * (/v2/shipping/zones/{id}/methods, parent_id = zone id). The last zone has no locations
 * and no methods.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

typedef struct zone_info {
    const char *name, *type;
    const char *locs[3][3]; /* zip, country_iso2, state_iso2 */
    int nlocs;
} zone_info;

static const zone_info zones[] = {
    {"United States", "country", {{"", "US", ""}}, 1},
    {"Deutschland & Österreich", "country", {{"", "DE", ""}, {"", "AT", ""}}, 2},
    {"Austin — local delivery",
     "zip",
     {{"78701", "US", ""}, {"78702", "US", ""}, {"78703", "US", ""}},
     3},
    {"Rest of world", "global", {{"", "", ""}}, 0},
};
enum { ZONE_COUNT = (int)(sizeof zones / sizeof zones[0]) };

static cJSON *zone_json(long id, long *next_loc)
{
    const zone_info *z = &zones[id - 1];
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", z->name);
    sb_add_str(o, "type", z->type);
    cJSON *locs = sb_add_arr(o, "locations");
    for (int k = 0; k < z->nlocs; k++) {
        cJSON *l = cJSON_CreateObject();
        sb_add_num(l, "id", (double)(*next_loc)++);
        if (z->locs[k][0][0])
            sb_add_str(l, "zip", z->locs[k][0]);
        sb_add_str(l, "country_iso2", z->locs[k][1]);
        if (z->locs[k][2][0])
            sb_add_str(l, "state_iso2", z->locs[k][2]);
        sb_arr_push(locs, l);
    }
    cJSON *fs = sb_add_obj(o, "free_shipping");
    sb_add_bool(fs, "enabled", id == 1);
    sb_add_str(fs, "minimum_sub_total", id == 1 ? "100.0000" : "0.0000"); /* v2 money */
    sb_add_bool(fs, "exclude_fixed_shipping_products", 0);
    cJSON *hf = sb_add_obj(o, "handling_fees");
    sb_add_bool(hf, "display_separately", 1);
    sb_add_str(hf, "fixed_surcharge", id == 2 ? "2.5" : "0");
    sb_add_bool(o, "enabled", id != ZONE_COUNT);
    return o;
}

static cJSON *method_json(long id, int kind)
{
    static const char *const names[] = {"Flat Rate", "Abholung im Laden", "Ship by Weight"};
    static const char *const types[] = {"perorder", "total", "weight"};
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", names[kind]);
    sb_add_str(o, "type", types[kind]);
    cJSON *s = sb_add_obj(o, "settings");
    if (kind == 0)
        sb_add_num(s, "rate", 12);
    else if (kind == 2)
        sb_add_num(s, "default_cost", 8);
    sb_add_bool(o, "enabled", kind != 1);
    sb_add_str(sb_add_obj(o, "handling_fees"), "fixed_surcharge", "0");
    sb_add_bool(o, "is_fallback", 0);
    sb_arr_push(sb_add_arr(o, "channel_ids"), cJSON_CreateNumber(1));
    return o;
}

int sb_gen_shipping(const sb_config *cfg, sb_store *st)
{
    long next_loc = 1, next_method = 1;
    (void)cfg; /* zones are store settings, not generated per seed */
    for (long z = 1; z <= ZONE_COUNT; z++) {
        if (sb_resource_add(&st->res[SB_RES_SHIPPING_ZONES], z, 0, zone_json(z, &next_loc)) != 0)
            return -1;
        /* zone z gets 3, 2, 1, 0 methods */
        for (int k = 0; k < ZONE_COUNT - z; k++, next_method++)
            if (sb_resource_add(&st->res[SB_RES_SHIPPING_METHODS], next_method, z,
                                method_json(next_method, k)) != 0)
                return -1;
    }
    return 0;
}
