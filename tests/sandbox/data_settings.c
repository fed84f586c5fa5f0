/*
 * Store settings and records: currencies (/v2/currencies), tax classes (/v2/tax_classes,
 * ids as strings, as the reference shows), the system log (/v3/store/systemlogs) and
 * webhooks (/v3/hooks, times in epoch seconds).
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_LOG = 51, TAG_HOOK = 52, LOG_COUNT = 6, HOOK_COUNT = 3 };

typedef struct currency_info {
    const char *code, *name, *token, *country, *rate;
    int places;
} currency_info;

static const currency_info currencies[] = {
    {"USD", "US Dollar", "$", "US", "1.0000000000", 2},
    {"EUR", "Euro", "€", "DE", "0.9200000000", 2},
    {"JPY", "日本円", "¥", "JP", "151.2000000000", 0},
};
enum { CURRENCY_COUNT = (int)(sizeof currencies / sizeof currencies[0]) };

static cJSON *currency_json(const sb_config *cfg, long id)
{
    const currency_info *c = &currencies[id - 1];
    char updated[40];
    sb_fmt_rfc2822(updated, sizeof updated, sb_epoch_for(cfg->seed, TAG_LOG + 10, id));
    cJSON *o = cJSON_CreateObject();
    sb_add_bool(o, "is_default", id == 1);
    sb_add_str(o, "country_iso2", c->country);
    sb_arr_push(sb_add_arr(o, "default_for_country_codes"), cJSON_CreateString(c->country));
    sb_add_str(o, "currency_code", c->code);
    sb_add_str(o, "currency_exchange_rate", c->rate);
    sb_add_bool(o, "auto_update", id == 2);
    sb_add_str(o, "token_location", id == 2 ? "right" : "left");
    sb_add_str(o, "token", c->token);
    sb_add_str(o, "decimal_token", id == 2 ? "," : ".");
    sb_add_str(o, "thousands_token", id == 2 ? "." : ",");
    sb_add_num(o, "decimal_places", c->places);
    sb_add_str(o, "name", c->name);
    sb_add_bool(o, "enabled", 1);
    sb_add_bool(o, "is_transactional", id != 3);
    sb_add_bool(o, "use_default_name", id != 3);
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "last_updated", updated);
    return o;
}

static cJSON *tax_class_json(const sb_config *cfg, long id)
{
    static const char *const names[] = {"Non-Taxable Products", "Shipping", "Gift Wrapping",
                                        "Lebensmittel (ermäßigt)"};
    char num[16], created[40], updated[40];
    long long t = sb_epoch_for(cfg->seed, TAG_LOG + 20, id);
    snprintf(num, sizeof num, "%ld", id);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(updated, sizeof updated, t + 86400);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "id", num);
    sb_add_str(o, "name", names[id - 1]);
    sb_add_str(o, "created_at", created);
    sb_add_str(o, "updated_at", updated);
    return o;
}

static cJSON *log_json(const sb_config *cfg, long id)
{
    static const char *const types[] = {"general", "payment", "shipping", "tax", "notification"};
    static const char *const modules[] = {"Store", "PayPal", "UPS", "Avalara", "Mailer"};
    char created[40], summary[80];
    int k = (int)(sb_rand(cfg->seed, TAG_LOG, id, 1) % 5);
    sb_fmt_iso(created, sizeof created, sb_epoch_for(cfg->seed, TAG_LOG, id));
    snprintf(summary, sizeof summary, "%s event #%ld", modules[k], id);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "type", types[k]);
    sb_add_str(o, "module", modules[k]);
    sb_add_num(o, "severity", (double)(1 + id % 4));
    sb_add_str(o, "summary", summary);
    sb_add_str(o, "message", "Details — Einzelheiten — 詳細.");
    sb_add_str(o, "date_created", created);
    return o;
}

static cJSON *hook_json(const sb_config *cfg, long id)
{
    static const char *const scopes[] = {"store/order/created", "store/product/updated",
                                         "store/customer/*"};
    char dest[80];
    long long t = sb_epoch_for(cfg->seed, TAG_HOOK, id);
    snprintf(dest, sizeof dest, "https://hooks.example.com/bc/%ld", id);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "client_id", "sandbox-app");
    sb_add_str(o, "store_hash", cfg->store_hash);
    sb_add_str(o, "scope", scopes[id - 1]);
    sb_add_str(o, "destination", dest);
    sb_add_obj(o, "headers");
    sb_add_bool(o, "is_active", id != 3);
    sb_add_num(o, "created_at", (double)t);
    sb_add_num(o, "updated_at", (double)(t + 3600));
    return o;
}

int sb_gen_settings(const sb_config *cfg, sb_store *st)
{
    for (long id = 1; id <= CURRENCY_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_CURRENCIES], id, 0, currency_json(cfg, id)) != 0)
            return -1;
    for (long id = 1; id <= 4; id++)
        if (sb_resource_add(&st->res[SB_RES_TAX_CLASSES], id, 0, tax_class_json(cfg, id)) != 0)
            return -1;
    for (long id = 1; id <= LOG_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_STORE_LOGS], id, 0, log_json(cfg, id)) != 0)
            return -1;
    for (long id = 1; id <= HOOK_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_WEBHOOKS], id, 0, hook_json(cfg, id)) != 0)
            return -1;
    return 0;
}
