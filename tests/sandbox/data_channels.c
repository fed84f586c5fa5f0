/*
 * Channels (/v3/channels), their product listings (/v3/channels/{id}/listings) and the
 * sites of the channels (/v3/sites). Channel 3 has no listings; listings name real products.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_CHANNEL = 40, TAG_LISTING = 41, SITE_FIRST_ID = 1000 };

typedef struct channel_info {
    const char *name, *type, *platform, *status;
} channel_info;

static const channel_info channels[] = {
    {"Sandbox Boutique — Storefront", "storefront", "bigcommerce", "active"},
    {"Amazon Marktplatz Deutschland", "marketplace", "amazon", "active"},
    {"Point de vente Café", "pos", "square", "inactive"},
};
enum { CHANNEL_COUNT = (int)(sizeof channels / sizeof channels[0]) };

static void add_dates(cJSON *o, const sb_config *cfg, unsigned tag, long id, const char *k1,
                      const char *k2)
{
    char created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, tag, id);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + sb_rand_range(cfg->seed, tag, id, 7, 0, 86400));
    sb_add_str(o, k1, created);
    sb_add_str(o, k2, modified);
}

static cJSON *channel_json(const sb_config *cfg, long id)
{
    const channel_info *c = &channels[id - 1];
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "external_id", id == 2 ? "A1PA6795UKMFR9" : "");
    sb_add_bool(o, "is_listable_from_ui", id != 1);
    sb_add_bool(o, "is_enabled", c->status[0] == 'a');
    sb_add_bool(o, "is_visible", 1);
    sb_add_str(o, "status", c->status);
    sb_add_str(o, "name", c->name);
    sb_add_str(o, "type", c->type);
    sb_add_str(o, "platform", c->platform);
    add_dates(o, cfg, TAG_CHANNEL, id, "date_created", "date_modified");
    sb_add_str(o, "icon_url", "");
    return o;
}

static cJSON *listing_json(const sb_config *cfg, long channel, long id, long product)
{
    char name[160];
    const char *state = sb_rand_range(cfg->seed, TAG_LISTING, id, 1, 0, 3) ? "active" : "pending";
    sb_product_name(cfg, product, name, sizeof name);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "channel_id", (double)channel);
    sb_add_num(o, "listing_id", (double)id);
    sb_add_str(o, "external_id", "");
    sb_add_num(o, "product_id", (double)product);
    sb_add_str(o, "state", state);
    sb_add_str(o, "name", name);
    sb_add_str(o, "description", "Listed on this channel only — édition limitée.");
    add_dates(o, cfg, TAG_LISTING, id, "date_created", "date_modified");
    cJSON *v = cJSON_CreateObject();
    sb_add_num(v, "channel_id", (double)channel);
    sb_add_num(v, "product_id", (double)product);
    sb_add_num(v, "variant_id", (double)(product + 1000)); /* the product's base variant */
    sb_add_str(v, "state", state);
    sb_add_str(v, "name", name);
    sb_arr_push(sb_add_arr(o, "variants"), v);
    return o;
}

static int gen_listings(const sb_config *cfg, sb_resource *out)
{
    long next_id = 1;
    for (long ch = 1; ch < CHANNEL_COUNT && cfg->products > 0; ch++) {
        /* one to three listings on the first channels; the last channel lists nothing */
        long n = sb_rand_range(cfg->seed, TAG_LISTING, ch, 2, 1, 3);
        long product = sb_rand_range(cfg->seed, TAG_LISTING, ch, 3, 1, cfg->products);
        for (long k = 0; k < n && k < cfg->products; k++, next_id++) {
            long pid = (product + k * 7 - 1) % cfg->products + 1;
            if (sb_resource_add(out, next_id, ch, listing_json(cfg, ch, next_id, pid)) != 0)
                return -1;
        }
    }
    return 0;
}

static cJSON *site_json(const sb_config *cfg, long id, long channel)
{
    char url[200];
    snprintf(url, sizeof url, "https://%s%s.sandbox.example", channel == 1 ? "" : "cafe.",
             cfg->store_hash);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "url", url);
    sb_add_num(o, "channel_id", (double)channel);
    add_dates(o, cfg, TAG_CHANNEL + 100, id, "created_at", "updated_at");
    sb_add_str(o, "ssl_status", channel == 1 ? "dedicated" : "shared");
    cJSON *u = cJSON_CreateObject();
    sb_add_str(u, "url", url);
    sb_add_str(u, "type", "primary");
    sb_arr_push(sb_add_arr(o, "urls"), u);
    sb_add_bool(o, "is_checkout_url_customized", 0);
    return o;
}

int sb_gen_channels(const sb_config *cfg, sb_store *st)
{
    for (long id = 1; id <= CHANNEL_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_CHANNELS], id, 0, channel_json(cfg, id)) != 0)
            return -1;
    if (gen_listings(cfg, &st->res[SB_RES_CHANNEL_LISTINGS]) != 0)
        return -1;
    /* the storefront and the point of sale have a site; the marketplace has none */
    if (sb_resource_add(&st->res[SB_RES_SITES], SITE_FIRST_ID, 0,
                        site_json(cfg, SITE_FIRST_ID, 1)) != 0)
        return -1;
    return sb_resource_add(&st->res[SB_RES_SITES], SITE_FIRST_ID + 1, 0,
                           site_json(cfg, SITE_FIRST_ID + 1, 3));
}
