/*
 * Customer addresses (/v3/customers/addresses), customer groups (/v2/customer_groups) and
 * newsletter subscribers (/v3/customers/subscribers). Addresses belong to real customers
 * (parent_id = customer id, so customer_id:in is a filter on the parent); some customers
 * have none.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_ADDRESS = 43, TAG_GROUP = 44, TAG_SUBSCRIBER = 45 };

typedef struct place {
    const char *city, *state, *postal, *country, *code;
} place;

static const place places[] = {
    {"Austin", "Texas", "78701", "United States", "US"},
    {"München", "Bayern", "80331", "Germany", "DE"},
    {"Montréal", "Quebec", "H2X 1Y4", "Canada", "CA"},
    {"東京", "Tokyo", "100-0001", "Japan", "JP"},
};

long sb_customer_address_count(const sb_config *cfg, long customer_id)
{
    return sb_rand_range(cfg->seed, TAG_ADDRESS, customer_id, 0, 0, 2);
}

static cJSON *address_json(const sb_config *cfg, long customer, long id)
{
    const char *first, *last;
    const place *p = &places[sb_rand(cfg->seed, TAG_ADDRESS, id, 1) % 4];
    char line[80], phone[32];
    sb_customer_name(cfg, customer, &first, &last);
    snprintf(line, sizeof line, "%ld Königstraße", 10 + id % 90);
    snprintf(phone, sizeof phone, "+1 512 555 %04ld", (id * 37) % 10000);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "address1", line);
    sb_add_str(o, "address2", id % 3 == 0 ? "Apt 4" : "");
    sb_add_str(o, "address_type", id % 2 ? "residential" : "commercial");
    sb_add_str(o, "city", p->city);
    sb_add_str(o, "company", "");
    sb_add_str(o, "country", p->country);
    sb_add_str(o, "country_code", p->code);
    sb_add_num(o, "customer_id", (double)customer);
    sb_add_str(o, "first_name", first);
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "last_name", last);
    sb_add_str(o, "phone", phone);
    sb_add_str(o, "postal_code", p->postal);
    sb_add_str(o, "state_or_province", p->state);
    sb_add_arr(o, "form_fields");
    return o;
}

static int gen_addresses(const sb_config *cfg, sb_resource *out)
{
    long next_id = 1;
    for (long c = 1; c <= cfg->customers; c++) {
        long n = sb_customer_address_count(cfg, c);
        for (long k = 0; k < n; k++, next_id++)
            if (sb_resource_add(out, next_id, c, address_json(cfg, c, next_id)) != 0)
                return -1;
    }
    return 0;
}

static cJSON *group_json(const sb_config *cfg, long id)
{
    static const char *const names[] = {"Retail", "Großhandel", "VIP ⭐"};
    char created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, TAG_GROUP, id);
    sb_fmt_rfc2822(created, sizeof created, t);
    sb_fmt_rfc2822(modified, sizeof modified, t + 3600 * id);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "name", names[id - 1]);
    sb_add_bool(o, "is_default", id == 1);
    sb_add_str(sb_add_obj(o, "category_access"), "type", id == 3 ? "specific" : "all");
    cJSON *rules = sb_add_arr(o, "discount_rules");
    if (id > 1) {
        cJSON *r = cJSON_CreateObject();
        sb_add_str(r, "type", "all");
        sb_add_str(r, "method", "percent");
        sb_add_str(r, "amount", id == 2 ? "10.0000" : "15.0000");
        sb_arr_push(rules, r);
    }
    sb_add_str(o, "date_created", created);
    sb_add_str(o, "date_modified", modified);
    sb_add_bool(o, "is_group_for_guests", 0);
    return o;
}

static cJSON *subscriber_json(const sb_config *cfg, long id, long customer)
{
    const char *first, *last;
    char email[64], created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, TAG_SUBSCRIBER, id);
    sb_customer_name(cfg, customer, &first, &last);
    sb_customer_email(customer, email, sizeof email);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + 600);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "email", email);
    sb_add_str(o, "first_name", first);
    sb_add_str(o, "last_name", last);
    sb_add_str(o, "source", id % 2 ? "storefront" : "customer");
    sb_add_null(o, "order_id"); /* not from an order: null, ids start at 1 */
    sb_add_num(o, "channel_id", 1);
    sb_add_arr(o, "consents");
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "date_modified", modified);
    sb_add_str(o, "date_created", created);
    return o;
}

int sb_gen_customer_extras(const sb_config *cfg, sb_store *st)
{
    long sid = 1;
    if (gen_addresses(cfg, &st->res[SB_RES_CUSTOMER_ADDRESSES]) != 0)
        return -1;
    /* customers' customer_group_id is id % 3, so groups 1 and 2 have members; 3 none */
    for (long id = 1; id <= 3; id++)
        if (sb_resource_add(&st->res[SB_RES_CUSTOMER_GROUPS], id, 0, group_json(cfg, id)) != 0)
            return -1;
    for (long c = 1; c <= cfg->customers; c += 3, sid++)
        if (sb_resource_add(&st->res[SB_RES_SUBSCRIBERS], sid, 0, subscriber_json(cfg, sid, c)))
            return -1;
    return 0;
}
