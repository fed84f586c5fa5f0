/* Customers (/v3/customers): ids 1..--customers; names mix accented Latin, CJK and emoji. */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 3 };

static const char *const first_names[] = {
    "Jane",  "José", "Zoë",   "François", "美咲", "Łukasz", "Søren", "Ana",
    "Björn", "太郎", "Chloé", "Mia 🎉",    "Oğuz", "Renée",  "Wei",
};
static const char *const last_names[] = {
    "Doe",    "Müller", "García", "山田",  "Ørsted",  "Nowak",
    "Dubois", "Şahin",  "佐藤",   "Smith", "O'Brien", "Ångström",
};

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

void sb_customer_name(const sb_config *cfg, long id, const char **first, const char **last)
{
    *first = sb_pick(first_names, COUNT_OF(first_names), cfg->seed, TAG, id, 1);
    *last = sb_pick(last_names, COUNT_OF(last_names), cfg->seed, TAG, id, 2);
}

void sb_customer_email(long id, char *buf, size_t n)
{
    snprintf(buf, n, "customer%ld@example.com", id);
}

static void add_timestamps(cJSON *o, const sb_config *cfg, long id)
{
    char created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, TAG, id);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + sb_rand_range(cfg->seed, TAG, id, 3, 0, 86400 * 30));
    sb_add_str(o, "date_created", created);
    sb_add_str(o, "date_modified", modified);
}

static cJSON *customer_json(const sb_config *cfg, long id)
{
    const char *first, *last;
    char email[64], phone[32], ip[32];
    sb_customer_name(cfg, id, &first, &last);
    sb_customer_email(id, email, sizeof email);
    snprintf(phone, sizeof phone, "+1 512 555 %04ld", id % 10000);
    snprintf(ip, sizeof ip, "10.0.%ld.%ld", (id / 250) % 250, id % 250 + 1);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "email", email);
    sb_add_str(o, "first_name", first);
    sb_add_str(o, "last_name", last);
    sb_add_str(o, "company", id % 4 == 0 ? "Ångström Trading GmbH" : "");
    sb_add_str(o, "phone", phone);
    sb_add_str(o, "registration_ip_address", ip);
    sb_add_str(o, "notes", "");
    sb_add_str(o, "tax_exempt_category", "");
    sb_add_num(o, "customer_group_id", (double)(id % 3));
    sb_add_num(o, "id", (double)id);
    add_timestamps(o, cfg, id);
    sb_add_num(o, "address_count", 0);
    sb_add_num(o, "attribute_count", 0);
    cJSON *auth = sb_add_obj(o, "authentication");
    sb_add_bool(auth, "force_password_reset", 0);
    sb_add_arr(o, "addresses");
    sb_add_arr(o, "attributes");
    sb_add_arr(o, "form_fields");
    sb_add_arr(o, "store_credit_amounts");
    sb_add_bool(o, "accepts_product_review_abandoned_cart_emails", id % 2 == 0);
    sb_add_num(o, "origin_channel_id", 1);
    sb_arr_push(sb_add_arr(o, "channel_ids"), cJSON_CreateNumber(1));
    char profile[48];
    snprintf(profile, sizeof profile, "5f0c6a1e-0000-4000-8000-%012ld", id);
    sb_add_str(o, "shopper_profile_id", profile);
    cJSON *segments = sb_add_arr(o, "segment_ids");
    if (id % 4 == 0)
        sb_arr_push(segments, cJSON_CreateString("9a3e2d10-5b7c-4e21-8f00-00000000000a"));
    return o;
}

int sb_gen_customers(const sb_config *cfg, sb_resource *out)
{
    for (long id = 1; id <= cfg->customers; id++)
        if (sb_resource_add(out, id, 0, customer_json(cfg, id)) != 0)
            return -1;
    return 0;
}
