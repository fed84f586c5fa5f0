/*
 * Money movements of an order (Orders v3): transactions (/v3/orders/{id}/transactions) for
 * every paid order, an authorization then its capture for the order total; and refunds
 * (/v3/orders/{id}/payment_actions/refunds) for about one paid order in six, refunding one
 * unit of one or two of the order's real items, each refund paid back in one payment.
 * v3 amounts are JSON numbers with two decimals; dates are ISO 8601.
 */
#include "data_order_subs.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 41 };

static double money(long long cents)
{
    return (double)cents / 100.0;
}

static void add_card(cJSON *t, long id)
{
    cJSON *avs = sb_add_obj(t, "avs_result");
    sb_add_str(avs, "code", "Y");
    sb_add_str(avs, "message", "Street address and 5-digit postal code match.");
    sb_add_str(avs, "street_match", "Match");
    sb_add_str(avs, "postal_match", "Match");
    cJSON *cvv = sb_add_obj(t, "cvv_result");
    sb_add_str(cvv, "code", "M");
    sb_add_str(cvv, "message", "CVV2 Match");
    cJSON *cc = sb_add_obj(t, "credit_card");
    char last4[8];
    snprintf(last4, sizeof last4, "%04ld", (id * 37) % 10000);
    sb_add_str(cc, "card_type", id % 2 ? "visa" : "mastercard");
    sb_add_str(cc, "card_iin", id % 2 ? "411111" : "555555");
    sb_add_str(cc, "card_last4", last4);
    sb_add_num(cc, "card_expiry_month", (double)(id % 12 + 1));
    sb_add_num(cc, "card_expiry_year", 2028);
}

static cJSON *transaction_json(const sb_order_fact *o, long id, long ref, int capture)
{
    char order_id[24], gw[32], date[40];
    snprintf(order_id, sizeof order_id, "%ld", o->id);
    snprintf(gw, sizeof gw, "gw-%ld-%s", o->id, capture ? "cap" : "auth");
    sb_fmt_iso(date, sizeof date, o->created + (capture ? 600 : 60));
    cJSON *t = cJSON_CreateObject();
    sb_add_num(t, "id", (double)id);
    sb_add_str(t, "order_id", order_id); /* the reference types it as a string */
    sb_add_str(t, "event", capture ? "capture" : "authorization");
    sb_add_str(t, "method", "credit_card");
    sb_add_num(t, "amount", money(o->total_cents));
    sb_add_str(t, "currency", "USD");
    sb_add_str(t, "gateway", "testgateway");
    sb_add_str(t, "gateway_transaction_id", gw);
    sb_add_bool(t, "test", 1);
    sb_add_str(t, "status", "ok");
    sb_add_bool(t, "fraud_review", 0);
    if (capture)
        sb_add_num(t, "reference_transaction_id", (double)ref);
    else
        sb_add_null(t, "reference_transaction_id");
    sb_add_null(t, "offline");
    sb_add_null(t, "custom");
    sb_add_str(t, "payment_method_id", "testgateway.card");
    sb_add_str(t, "date_created", date);
    sb_add_null(t, "payment_instrument_token");
    sb_add_null(t, "provider_instrument_token");
    sb_add_null(t, "provider_customer_id");
    add_card(t, id);
    sb_add_null(t, "gift_certificate");
    sb_add_null(t, "store_credit");
    sb_add_null(t, "custom_provider_field_result");
    return t;
}

static int has_refund(const sb_order_fact *o)
{
    return sb_order_is_paid(o) && o->nitems > 0 && o->id % 6 == 2;
}

static cJSON *refund_json(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq, long id)
{
    static const char *const reasons[] = {"Article endommagé", "Wrong size", "Не подошло"};
    char date[40], txn[32];
    int nref = o->nitems > 1 ? 2 : 1;
    long long total = 0;
    cJSON *r = cJSON_CreateObject();
    sb_add_num(r, "id", (double)id);
    sb_add_num(r, "order_id", (double)o->id);
    sb_add_num(r, "user_id", 1);
    sb_fmt_iso(date, sizeof date, o->created + 86400 * 5);
    sb_add_str(r, "created", date);
    const char *reason = sb_pick(reasons, 3, cfg->seed, TAG, id, 1);
    sb_add_str(r, "reason", reason);
    cJSON *items = sb_add_arr(r, "items");
    for (int i = 0; i < nref; i++) {
        cJSON *it = cJSON_CreateObject();
        sb_add_str(it, "item_type", "PRODUCT");
        sb_add_num(it, "item_id", (double)o->items[i].id);
        sb_add_str(it, "reason", reason);
        sb_add_num(it, "quantity", 1);
        sb_add_arr(it, "adjustments");
        sb_add_num(it, "requested_amount", money(o->items[i].unit_cents));
        total += o->items[i].unit_cents;
        sb_arr_push(items, it);
    }
    sb_add_num(r, "total_amount", money(total));
    sb_add_num(r, "total_tax", 0);
    sb_add_bool(r, "uses_merchant_override_values", 0);
    cJSON *pays = sb_add_arr(r, "payments");
    cJSON *p = cJSON_CreateObject();
    snprintf(txn, sizeof txn, "rf-%ld", id);
    sb_add_num(p, "id", (double)seq->refund_payment++);
    sb_add_str(p, "provider_id", "testgateway");
    sb_add_num(p, "amount", money(total));
    sb_add_bool(p, "offline", 0);
    sb_add_bool(p, "is_declined", 0);
    sb_add_str(p, "declined_message", "");
    sb_add_str(p, "transaction_id", txn);
    sb_arr_push(pays, p);
    return r;
}

int sb_gen_order_payments(const sb_config *cfg, const sb_order_fact *o, sb_order_seq *seq,
                          sb_store *st)
{
    sb_resource *tx = &st->res[SB_RES_ORDER_TRANSACTIONS];
    if (sb_order_is_paid(o)) {
        long auth = seq->transaction++;
        long cap = seq->transaction++;
        if (sb_resource_add(tx, auth, o->id, transaction_json(o, auth, 0, 0)) != 0 ||
            sb_resource_add(tx, cap, o->id, transaction_json(o, cap, auth, 1)) != 0)
            return -1;
    }
    if (has_refund(o)) {
        long id = seq->refund++;
        if (sb_resource_add(&st->res[SB_RES_ORDER_REFUNDS], id, o->id,
                            refund_json(cfg, o, seq, id)) != 0)
            return -1;
    }
    return 0;
}
