/*
 * What is attached to an order: the coupon it used (/v2/orders/{id}/coupons, about one order
 * in four, naming a real coupon), the messages about it (/v2/orders/{id}/messages, 0-2), its
 * tax lines (/v2/orders/{id}/taxes; the sandbox charges no tax, so rates are 0) and its
 * metafields (/v3/orders/{id}/metafields, 0-2).
 */
#include "data_order_subs.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 42 };

static int add_coupon(const sb_order_fact *o, sb_order_seq *seq, sb_resource *out)
{
    char code[32];
    long coupon = 1 + o->id % SB_COUPON_COUNT;
    long id = seq->order_coupon++;
    sb_coupon_code(coupon, code, sizeof code);
    cJSON *c = cJSON_CreateObject();
    sb_add_num(c, "id", (double)id);
    sb_add_num(c, "coupon_id", (double)coupon);
    sb_add_num(c, "order_id", (double)o->id);
    sb_add_str(c, "code", code);
    sb_add_money(c, "amount", sb_coupon_amount_cents(coupon));
    sb_add_num(c, "type", sb_coupon_type_number(coupon));
    /* the orders' totals carry no discount, so the coupon took nothing off */
    sb_add_num(c, "discount", 0);
    return sb_resource_add(out, id, o->id, c);
}

static int add_messages(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                        sb_resource *out)
{
    static const char *const texts[] = {
        "Could you ship this before Friday?",
        "Pouvez-vous emballer la commande en papier cadeau ? Merci 🎁",
        "Your order has been dispatched.",
    };
    long n = o->id % 3 == 0 ? sb_rand_range(cfg->seed, TAG, o->id, 1, 1, 2) : 0;
    for (long k = 0; k < n; k++) {
        long id = seq->message++;
        int staff = k == 1;
        char date[48], subject[64];
        sb_fmt_rfc2822(date, sizeof date, o->created + 1800 * (k + 1));
        snprintf(subject, sizeof subject, "Order #%ld", o->id);
        cJSON *m = cJSON_CreateObject();
        sb_add_num(m, "id", (double)id);
        sb_add_num(m, "order_id", (double)o->id);
        sb_add_num(m, "staff_id", staff ? 1 : 0);
        sb_add_num(m, "customer_id", (double)o->customer_id);
        sb_add_str(m, "type", staff ? "staff" : "customer");
        sb_add_str(m, "subject", subject);
        sb_add_str(m, "message", staff ? texts[2] : texts[id % 2]);
        sb_add_str(m, "status", k == 0 ? "read" : "unread");
        sb_add_bool(m, "is_flagged", id % 4 == 0);
        sb_add_str(m, "date_created", date);
        cJSON *cu = sb_add_obj(m, "customer");
        sb_add_num(cu, "id", (double)o->customer_id);
        sb_add_str(cu, "first_name", o->first_name);
        sb_add_str(cu, "last_name", o->last_name);
        sb_add_str(cu, "email", o->email);
        if (sb_resource_add(out, id, o->id, m) != 0)
            return -1;
    }
    return 0;
}

static int add_tax(const sb_order_fact *o, sb_order_seq *seq, sb_resource *out)
{
    char product[24];
    long id = seq->tax++;
    snprintf(product, sizeof product, "%ld", o->items[0].id);
    cJSON *t = cJSON_CreateObject();
    sb_add_num(t, "id", (double)id);
    sb_add_num(t, "order_id", (double)o->id);
    sb_add_num(t, "order_address_id", (double)o->id);
    sb_add_num(t, "tax_rate_id", 1);
    sb_add_str(t, "sales_tax_id", "1");
    sb_add_num(t, "tax_class_id", 0);
    sb_add_str(t, "name", "Sales Tax");
    sb_add_str(t, "class", "Default Tax Class");
    sb_add_money(t, "rate", 0);
    sb_add_num(t, "priority", 0);
    sb_add_money(t, "priority_amount", 0);
    sb_add_money(t, "line_amount", 0);
    sb_add_num(t, "order_pickup_method_id", 0);
    sb_add_str(t, "order_product_id", product);
    sb_add_str(t, "line_item_type", "item");
    return sb_resource_add(out, id, o->id, t);
}

static int add_metafields(const sb_order_fact *o, sb_order_seq *seq, sb_resource *out)
{
    static const char *const keys[] = {"warehouse_note", "gift_wrap"};
    static const char *const values[] = {"Étagère B-12", "true"};
    long n = o->id % 5 == 0 ? 2 : (o->id % 5 == 1 ? 1 : 0);
    for (long k = 0; k < n; k++) {
        long id = seq->metafield++;
        char created[40], modified[40];
        sb_fmt_iso(created, sizeof created, o->created + 120);
        sb_fmt_iso(modified, sizeof modified, o->created + 7200);
        cJSON *m = cJSON_CreateObject();
        sb_add_num(m, "id", (double)id);
        sb_add_str(m, "key", keys[k]);
        sb_add_str(m, "value", values[k]);
        sb_add_str(m, "namespace", "Fulfilment");
        sb_add_str(m, "permission_set", k ? "read" : "app_only");
        sb_add_str(m, "resource_type", "order");
        sb_add_num(m, "resource_id", (double)o->id);
        sb_add_str(m, "description", k ? "Wrap as a gift." : "Where the parcel waits.");
        sb_add_str(m, "date_created", created);
        sb_add_str(m, "date_modified", modified);
        sb_add_str(m, "owner_client_id", "sandbox-app");
        if (sb_resource_add(out, id, o->id, m) != 0)
            return -1;
    }
    return 0;
}

int sb_gen_order_notes(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                       sb_store *st)
{
    if (o->id % 4 == 1 && add_coupon(o, seq, &st->res[SB_RES_ORDER_COUPONS]) != 0)
        return -1;
    if (add_messages(cfg, o, seq, &st->res[SB_RES_ORDER_MESSAGES]) != 0)
        return -1;
    if (o->nitems > 0 && o->id % 4 != 0 && add_tax(o, seq, &st->res[SB_RES_ORDER_TAXES]) != 0)
        return -1;
    return add_metafields(o, seq, &st->res[SB_RES_ORDER_METAFIELDS]);
}
