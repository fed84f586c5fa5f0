/* The store's profile (/v2/store): one object, its id being the store hash. */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

static void add_timezone(cJSON *o)
{
    cJSON *tz = sb_add_obj(o, "timezone");
    sb_add_str(tz, "name", "America/Chicago");
    sb_add_num(tz, "raw_offset", -21600);
    sb_add_num(tz, "dst_offset", -18000);
    sb_add_bool(tz, "dst_correction", 1);
    cJSON *df = sb_add_obj(tz, "date_format");
    sb_add_str(df, "display", "M jS Y");
    sb_add_str(df, "export", "M jS Y");
    sb_add_str(df, "extended_display", "M jS Y @ g:i A");
}

static void add_features(cJSON *o)
{
    cJSON *f = sb_add_obj(o, "features");
    sb_add_bool(f, "stencil_enabled", 1);
    sb_add_bool(f, "sitewidehttps_enabled", 1);
    sb_add_str(f, "facebook_catalog_id", "");
    sb_add_str(f, "checkout_type", "optimized");
    sb_add_bool(f, "wishlists_enabled", 0);
    sb_add_bool(f, "graphql_storefront_api_enabled", 1);
    sb_add_bool(f, "shopper_consent_tracking_enabled", 0);
    sb_add_bool(f, "multi_storefront_enabled", 0);
    cJSON *lim = sb_add_obj(f, "storefront_limits");
    sb_add_num(lim, "active", 1);
    sb_add_num(lim, "total_including_inactive", 1);
}

static void add_formats(cJSON *o)
{
    sb_add_str(o, "language", "en");
    sb_add_str(o, "currency", "USD");
    sb_add_str(o, "currency_symbol", "$");
    sb_add_str(o, "decimal_separator", ".");
    sb_add_str(o, "thousands_separator", ",");
    sb_add_num(o, "decimal_places", 2);
    sb_add_str(o, "currency_symbol_location", "left");
    sb_add_str(o, "weight_units", "Ounces");
    sb_add_str(o, "dimension_units", "Inches");
    sb_add_num(o, "dimension_decimal_places", 2);
    sb_add_str(o, "dimension_decimal_token", ".");
    sb_add_str(o, "dimension_thousands_token", ",");
}

static cJSON *store_json(const sb_config *cfg)
{
    char domain[160], secure[200], cp[200], uuid[40];
    snprintf(domain, sizeof domain, "%s.sandbox.example", cfg->store_hash);
    snprintf(secure, sizeof secure, "https://%s", domain);
    snprintf(cp, sizeof cp, "https://store-%s.mybigcommerce.com", cfg->store_hash);
    snprintf(uuid, sizeof uuid, "%08lx-0000-4000-8000-%012lx", cfg->seed & 0xffffffffUL,
             cfg->seed & 0xffffffffffffUL);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "id", cfg->store_hash);
    sb_add_str(o, "account_uuid", uuid);
    sb_add_str(o, "domain", domain);
    sb_add_str(o, "secure_url", secure);
    sb_add_str(o, "control_panel_base_url", cp);
    sb_add_str(o, "status", "live");
    sb_add_str(o, "name", "Sandbox Boutique — Ünïcode 商店 🎉");
    sb_add_str(o, "first_name", "Jane");
    sb_add_str(o, "last_name", "Doe");
    sb_add_str(o, "address", "123 Main Street, Austin, TX 78701");
    sb_add_str(o, "country", "United States");
    sb_add_str(o, "country_code", "US");
    sb_add_str(o, "infrastructure_region", "us-central1");
    sb_add_str(o, "phone", "+1 512 555 0100");
    sb_add_str(o, "admin_email", "admin@example.com");
    sb_add_str(o, "order_email", "orders@example.com");
    sb_add_str(o, "favicon_url", "");
    add_timezone(o);
    add_formats(o);
    sb_add_str(o, "plan_name", "Standard");
    sb_add_str(o, "plan_level", "Standard");
    sb_add_bool(o, "plan_is_trial", 0);
    sb_add_str(o, "industry", "Retail");
    cJSON *logo = sb_add_obj(o, "logo");
    sb_add_str(logo, "url", "");
    sb_add_bool(o, "is_price_entered_with_tax", 0);
    /* store ids are beyond 32 bits (the reference shows 13 digits) */
    sb_add_num(o, "store_id", 4884484000000.0 + (double)(cfg->seed % 1000000));
    sb_add_num(o, "default_channel_id", 1);
    sb_add_num(o, "default_site_id", 1000);
    sb_add_arr(o, "active_comparison_modules");
    add_features(o);
    return o;
}

int sb_gen_store(const sb_config *cfg, sb_resource *out)
{
    return sb_resource_add(out, 0, 0, store_json(cfg));
}
