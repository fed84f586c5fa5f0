/*
 * Customer attributes (/v3/customers/attributes), their values per customer
 * (/v3/customers/attribute-values, parent_id = customer id) and customer metafields
 * (/v3/customers/metafields). Values and metafields point at real customers and attributes.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_ATTR = 46, TAG_ATTR_VALUE = 47, TAG_CUST_META = 48, ATTR_COUNT = 3 };

static const char *const attr_names[ATTR_COUNT] = {"Lieblingsfarbe", "Shoe size", "Birthday"};
static const char *const attr_types[ATTR_COUNT] = {"string", "number", "date"};

static void add_iso_dates(cJSON *o, const sb_config *cfg, unsigned tag, long id)
{
    char created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, tag, id);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + 120);
    sb_add_str(o, "date_modified", modified);
    sb_add_str(o, "date_created", created);
}

static cJSON *attribute_json(const sb_config *cfg, long id)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "name", attr_names[id - 1]);
    sb_add_str(o, "type", attr_types[id - 1]);
    sb_add_num(o, "id", (double)id);
    add_iso_dates(o, cfg, TAG_ATTR, id);
    return o;
}

static void attr_value_text(long attr, long customer, char *buf, size_t n)
{
    static const char *const colours[] = {"Blau", "Grün", "Rot", "紫"};
    if (attr == 1)
        snprintf(buf, n, "%s", colours[customer % 4]);
    else if (attr == 2)
        snprintf(buf, n, "%ld", 36 + customer % 10);
    else
        snprintf(buf, n, "19%02ld-0%ld-1%ld", 60 + customer % 40, 1 + customer % 9, customer % 10);
}

static cJSON *attr_value_json(const sb_config *cfg, long id, long attr, long customer)
{
    char text[40];
    attr_value_text(attr, customer, text, sizeof text);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "attribute_id", (double)attr);
    sb_add_str(o, "attribute_value", text);
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "customer_id", (double)customer);
    add_iso_dates(o, cfg, TAG_ATTR_VALUE, id);
    return o;
}

static int gen_values(const sb_config *cfg, sb_resource *out)
{
    long next_id = 1;
    for (long c = 1; c <= cfg->customers; c++) {
        long n = sb_rand_range(cfg->seed, TAG_ATTR_VALUE, c, 0, 0, 2);
        for (long a = 1; a <= n; a++, next_id++)
            if (sb_resource_add(out, next_id, c, attr_value_json(cfg, next_id, a, c)) != 0)
                return -1;
    }
    return 0;
}

static cJSON *metafield_json(const sb_config *cfg, long id, long customer)
{
    char value[40], created[40], modified[40];
    long long t = sb_epoch_for(cfg->seed, TAG_CUST_META, id);
    snprintf(value, sizeof value, "tier-%ld", 1 + customer % 3);
    sb_fmt_iso(created, sizeof created, t);
    sb_fmt_iso(modified, sizeof modified, t + 60);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "permission_set", "app_only");
    sb_add_str(o, "namespace", "Loyalty");
    sb_add_str(o, "key", "tier");
    sb_add_str(o, "value", value);
    sb_add_str(o, "description", "Loyalty tier — Treuestufe.");
    sb_add_str(o, "resource_type", "customer");
    sb_add_num(o, "resource_id", (double)customer);
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "date_created", created);
    sb_add_str(o, "date_modified", modified);
    sb_add_str(o, "owner_client_id", "sandbox-app");
    return o;
}

int sb_gen_customer_attributes(const sb_config *cfg, sb_store *st)
{
    long mid = 1;
    for (long id = 1; id <= ATTR_COUNT; id++)
        if (sb_resource_add(&st->res[SB_RES_CUSTOMER_ATTRIBUTES], id, 0, attribute_json(cfg, id)))
            return -1;
    if (gen_values(cfg, &st->res[SB_RES_CUSTOMER_ATTRIBUTE_VALUES]) != 0)
        return -1;
    for (long c = 2; c <= cfg->customers; c += 4, mid++)
        if (sb_resource_add(&st->res[SB_RES_CUSTOMER_METAFIELDS], mid, c,
                            metafield_json(cfg, mid, c)) != 0)
            return -1;
    return 0;
}
