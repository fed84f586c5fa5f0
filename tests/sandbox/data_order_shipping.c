/*
 * Where an order goes: its shipping address (/v2/orders/{id}/shipping_addresses, one per
 * order, id = the order address id the order items name), its shipments (shipped and
 * completed orders only, 1-2 each, together holding every order item once), its consignments
 * (/v2/orders/{id}/consignments: one document per order) and the shipping quote of each
 * shipping consignment. A shipping consignment's id is the order address id, as on a store.
 */
#include "data_order_subs.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 40 };

typedef struct address {
    const char *street, *city, *state, *zip, *country, *iso2;
} address;

static const address addresses[] = {
    {"123 Main Street", "Austin", "Texas", "78701", "United States", "US"},
    {"8 Rue de Rivoli", "Paris", "Île-de-France", "75004", "France", "FR"},
    {"Bahnhofstrasse 1", "Zürich", "Zürich", "8001", "Switzerland", "CH"},
};

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

static const address *order_address(const sb_order_fact *o)
{
    return &addresses[(size_t)o->id % COUNT_OF(addresses)];
}

/* Pickup orders are collected in store and have no shipping consignment. */
static int is_pickup(const sb_order_fact *o)
{
    return o->id % 7 == 3;
}

void sb_order_add_address(cJSON *obj, const sb_order_fact *o)
{
    const address *a = order_address(o);
    sb_add_str(obj, "first_name", o->first_name);
    sb_add_str(obj, "last_name", o->last_name);
    sb_add_str(obj, "company", "");
    sb_add_str(obj, "street_1", a->street);
    sb_add_str(obj, "street_2", "");
    sb_add_str(obj, "city", a->city);
    sb_add_str(obj, "state", a->state);
    sb_add_str(obj, "zip", a->zip);
    sb_add_str(obj, "country", a->country);
    sb_add_str(obj, "country_iso2", a->iso2);
    sb_add_str(obj, "phone", "+1 512 555 0100");
    sb_add_str(obj, "email", o->email);
}

static void add_link(cJSON *obj, const char *key, const sb_config *cfg, const char *resource)
{
    char url[256];
    snprintf(url, sizeof url, "https://api.bigcommerce.com/stores/%s/v2%s", cfg->store_hash,
             resource);
    cJSON *l = sb_add_obj(obj, key);
    sb_add_str(l, "url", url);
    sb_add_str(l, "resource", resource);
}

static cJSON *shipping_address_json(const sb_config *cfg, const sb_order_fact *o)
{
    char res[96];
    cJSON *a = cJSON_CreateObject();
    sb_add_num(a, "id", (double)o->id);
    sb_add_num(a, "order_id", (double)o->id);
    sb_order_add_address(a, o);
    sb_add_num(a, "items_total", (double)o->quantity);
    sb_add_num(a, "items_shipped", sb_order_is_shipped(o) ? (double)o->quantity : 0);
    sb_add_str(a, "shipping_method", "Free Shipping");
    const char *zero[] = {
        "base_cost",          "cost_ex_tax",          "cost_inc_tax",          "cost_tax",
        "base_handling_cost", "handling_cost_ex_tax", "handling_cost_inc_tax", "handling_cost_tax"};
    for (size_t i = 0; i < COUNT_OF(zero); i++)
        sb_add_money(a, zero[i], 0);
    sb_add_num(a, "cost_tax_class_id", 2);
    sb_add_num(a, "handling_cost_tax_class_id", 2);
    sb_add_num(a, "shipping_zone_id", 1);
    sb_add_str(a, "shipping_zone_name", order_address(o)->country);
    sb_add_arr(a, "form_fields");
    snprintf(res, sizeof res, "/orders/%ld/shipping_addresses/%ld/shipping_quotes", o->id, o->id);
    add_link(a, "shipping_quotes", cfg, res);
    return a;
}

static cJSON *shipment_json(const sb_config *cfg, const sb_order_fact *o, long id, int k, int nship)
{
    char date[48], tracking[32], link[96];
    cJSON *s = cJSON_CreateObject();
    sb_add_num(s, "id", (double)id);
    sb_add_num(s, "order_id", (double)o->id);
    sb_add_num(s, "customer_id", (double)o->customer_id);
    sb_add_num(s, "order_address_id", (double)o->id);
    sb_fmt_rfc2822(date, sizeof date, o->created + 86400 + k * 3600);
    sb_add_str(s, "date_created", date);
    snprintf(tracking, sizeof tracking, "1Z%08lu",
             (unsigned long)(sb_rand(cfg->seed, TAG, id, 1) % 100000000));
    sb_add_str(s, "tracking_number", tracking);
    sb_add_money(s, "merchant_shipping_cost", 0);
    sb_add_str(s, "shipping_method", k ? "Livraison express" : "Standard Shipping");
    sb_add_str(s, "shipping_provider", k ? "" : "ups");
    sb_add_str(s, "tracking_carrier", k ? "" : "ups");
    sb_add_str(s, "tracking_link", "");
    sb_add_str(s, "comments", id % 3 == 0 ? "Colis déposé à l'accueil ✓" : "");
    sb_order_add_address(sb_add_obj(s, "billing_address"), o);
    sb_order_add_address(sb_add_obj(s, "shipping_address"), o);
    cJSON *items = sb_add_arr(s, "items");
    for (int i = k; i < o->nitems; i += nship) {
        cJSON *it = cJSON_CreateObject();
        sb_add_num(it, "order_product_id", (double)o->items[i].id);
        sb_add_num(it, "product_id", (double)o->items[i].product_id);
        sb_add_num(it, "quantity", (double)o->items[i].quantity);
        sb_arr_push(items, it);
    }
    sb_add_str(s, "shipping_provider_display_name", k ? "" : "UPS");
    snprintf(link, sizeof link, "https://www.ups.com/track?tracknum=%s", tracking);
    sb_add_str(s, "generated_tracking_link", k ? "" : link);
    return s;
}

/* arr may be NULL (allocation failed): sb_arr_push records it. */
static void fill_line_items(cJSON *arr, const sb_order_fact *o)
{
    for (int i = 0; i < o->nitems; i++) {
        cJSON *li = cJSON_CreateObject();
        sb_add_num(li, "id", (double)o->items[i].id);
        sb_add_num(li, "product_id", (double)o->items[i].product_id);
        sb_add_num(li, "quantity", (double)o->items[i].quantity);
        sb_arr_push(arr, li);
    }
}

static void add_shipping_consignment(cJSON *arr, const sb_config *cfg, const sb_order_fact *o)
{
    char res[128];
    cJSON *c = cJSON_CreateObject();
    sb_add_num(c, "id", (double)o->id);
    sb_order_add_address(c, o);
    sb_add_arr(c, "form_fields");
    fill_line_items(sb_add_arr(c, "line_items"), o);
    sb_add_num(c, "items_total", (double)o->quantity);
    sb_add_num(c, "items_shipped", sb_order_is_shipped(o) ? (double)o->quantity : 0);
    sb_add_str(c, "shipping_method", "Free Shipping");
    const char *zero[] = {
        "base_cost",          "cost_ex_tax",          "cost_inc_tax",          "cost_tax",
        "base_handling_cost", "handling_cost_ex_tax", "handling_cost_inc_tax", "handling_cost_tax"};
    for (size_t i = 0; i < COUNT_OF(zero); i++)
        sb_add_num(c, zero[i], 0);
    sb_add_num(c, "cost_tax_class_id", 2);
    sb_add_num(c, "handling_cost_tax_class_id", 2);
    sb_add_num(c, "shipping_zone_id", 1);
    sb_add_str(c, "shipping_zone_name", order_address(o)->country);
    snprintf(res, sizeof res, "/orders/%ld/consignments/shipping/%ld/shipping_quotes", o->id,
             o->id);
    add_link(c, "shipping_quotes", cfg, res);
    sb_arr_push(arr, c);
}

static void add_pickup(cJSON *arr, const sb_order_fact *o)
{
    cJSON *p = cJSON_CreateObject();
    sb_add_num(p, "id", (double)(o->id * 10 + 1));
    sb_add_num(p, "pickup_method_id", 1);
    sb_add_str(p, "pickup_method_display_name", "Retrait en magasin");
    sb_add_str(p, "collection_instructions", "Présentez votre numéro de commande à l'accueil.");
    sb_add_str(p, "collection_time_description", "Prêt sous 2 heures");
    cJSON *loc = sb_add_obj(p, "location");
    sb_add_num(loc, "id", 1);
    sb_add_str(loc, "name", "Boutique Rivoli");
    sb_add_str(loc, "code", "PARIS-1");
    sb_add_str(loc, "address_line_1", "8 Rue de Rivoli");
    sb_add_str(loc, "city", "Paris");
    sb_add_str(loc, "postal_code", "75004");
    sb_add_str(loc, "country_alpha2", "FR");
    fill_line_items(sb_add_arr(p, "line_items"), o);
    sb_arr_push(arr, p);
}

static void add_recipient(cJSON *arr, const sb_order_fact *o, int with_items)
{
    cJSON *d = cJSON_CreateObject();
    sb_add_str(d, "recipient_email", o->email);
    cJSON *items = sb_add_arr(d, "line_items");
    if (with_items)
        fill_line_items(items, o);
    sb_arr_push(arr, d);
}

static cJSON *consignments_json(const sb_config *cfg, const sb_order_fact *o)
{
    cJSON *c = cJSON_CreateObject();
    cJSON *pickups = sb_add_arr(c, "pickups");
    cJSON *shipping = sb_add_arr(c, "shipping");
    cJSON *downloads = sb_add_arr(c, "downloads");
    cJSON *gifts = sb_add_arr(sb_add_obj(c, "email"), "gift_certificates");
    if (is_pickup(o))
        add_pickup(pickups, o);
    else if (o->nitems > 0)
        add_shipping_consignment(shipping, cfg, o);
    if (o->id % 5 == 1)
        add_recipient(downloads, o, 1);
    if (o->id % 8 == 2)
        add_recipient(gifts, o, 0);
    return c;
}

static cJSON *quote_json(const sb_config *cfg, const sb_order_fact *o)
{
    char id[32], uuid[40], ts[48];
    snprintf(id, sizeof id, "%ld", o->id * 100 + 7);
    snprintf(uuid, sizeof uuid, "0f3c%04lx-5b1e-4d2a-9c77-%012llx", o->id % 0x10000,
             (unsigned long long)(sb_rand(cfg->seed, TAG, o->id, 2) & 0xffffffffffffULL));
    sb_fmt_rfc2822(ts, sizeof ts, o->created);
    cJSON *q = cJSON_CreateObject();
    sb_add_str(q, "id", id);
    sb_add_str(q, "uuid", uuid);
    sb_add_str(q, "timestamp", ts);
    sb_add_str(q, "shipping_provider_id", "freeshipping");
    sb_add_arr(q, "shipping_provider_quote");
    sb_add_str(q, "provider_code", "freeshipping");
    sb_add_str(q, "carrier_code", "");
    sb_add_str(q, "rate_code", "");
    sb_add_str(q, "rate_id", "");
    sb_add_num(q, "method_id", 1);
    return q;
}

static int gen_shipments(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                         sb_resource *out)
{
    if (!sb_order_is_shipped(o) || o->nitems == 0)
        return 0;
    int nship = o->nitems > 1 ? (int)sb_rand_range(cfg->seed, TAG, o->id, 3, 1, 2) : 1;
    for (int k = 0; k < nship; k++) {
        long id = seq->shipment++;
        if (sb_resource_add(out, id, o->id, shipment_json(cfg, o, id, k, nship)) != 0)
            return -1;
    }
    return 0;
}

int sb_gen_order_shipping(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                          sb_store *st)
{
    if (sb_resource_add(&st->res[SB_RES_ORDER_SHIPPING_ADDRESSES], o->id, o->id,
                        shipping_address_json(cfg, o)) != 0)
        return -1;
    if (gen_shipments(cfg, o, seq, &st->res[SB_RES_ORDER_SHIPMENTS]) != 0)
        return -1;
    /* keyed by order id: /v2/orders/{id}/consignments is one document */
    if (sb_resource_add(&st->res[SB_RES_ORDER_CONSIGNMENTS], o->id, 0, consignments_json(cfg, o)) !=
        0)
        return -1;
    if (!is_pickup(o) && o->nitems > 0 &&
        sb_resource_add(&st->res[SB_RES_CONSIGNMENT_QUOTES], o->id, o->id, quote_json(cfg, o)))
        return -1;
    return 0;
}
