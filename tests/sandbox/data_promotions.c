/*
 * Promotions (/v3/promotions): five discount rules, alternately AUTOMATIC and COUPON, with
 * the coupon-only fields present only on coupon promotions, as the reference's two shapes
 * (SavedAutomaticPromotion, SavedCouponPromotion) have them.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_PROMO = 51, PROMOTIONS = 5 };

static const char *const promo_names[PROMOTIONS] = {
    "Free shipping over $50", "SUMMER10 coupon", "Soldes d'été −20 %",
    "VIP early access",       "新春セール",
};

static void add_rule(cJSON *rules, long id)
{
    cJSON *r = cJSON_CreateObject();
    cJSON *disc = sb_add_obj(sb_add_obj(sb_add_obj(r, "action"), "cart_value"), "discount");
    char pct[16];
    snprintf(pct, sizeof pct, "%ld", 5 * id);
    sb_add_str(disc, "percentage_amount", pct);
    sb_add_bool(r, "apply_once", 1);
    sb_add_bool(r, "stop", 0);
    cJSON *cart = sb_add_obj(sb_add_obj(r, "condition"), "cart");
    sb_add_str(cart, "minimum_spend", "50.00");
    sb_arr_push(rules, r);
}

static void add_coupon_fields(cJSON *o, const sb_config *cfg, long id)
{
    char code[32];
    snprintf(code, sizeof code, "SBX%ldOFF", 10 * id);
    cJSON *c = sb_add_obj(o, "codes"); /* one code object, as the reference's schema says */
    sb_add_num(c, "id", (double)(100 + id));
    sb_add_str(c, "code", code);
    sb_add_num(c, "current_uses", (double)id);
    sb_add_num(c, "max_uses", 100);
    sb_add_iso_date(c, "created", cfg, TAG_PROMO, id); /* made with its promotion */
    sb_add_bool(o, "coupon_overrides_other_promotions", 0);
    sb_add_bool(o, "coupon_overrides_automatic_when_offering_higher_discounts", id == 2);
    sb_add_bool(sb_add_obj(o, "multiple_codes"), "has_multiple_codes", 0);
    sb_add_str(o, "coupon_type", "SINGLE");
}

static cJSON *promotion_json(const sb_config *cfg, long id)
{
    int coupon = id % 2 == 0;
    char end[40];
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_str(o, "redemption_type", coupon ? "COUPON" : "AUTOMATIC");
    sb_add_str(o, "name", promo_names[id - 1]);
    sb_add_str(o, "display_name", promo_names[id - 1]);
    cJSON *ch = sb_add_arr(o, "channels");
    cJSON *one = cJSON_CreateObject();
    sb_add_num(one, "id", 1);
    sb_arr_push(ch, one);
    cJSON *cust = sb_add_obj(o, "customer");
    sb_add_arr(cust, "group_ids");
    sb_add_num(cust, "minimum_order_count", 0);
    sb_add_arr(cust, "excluded_group_ids");
    add_rule(sb_add_arr(o, "rules"), id);
    sb_add_num(o, "current_uses", (double)sb_rand_range(cfg->seed, TAG_PROMO, id, 1, 0, 50));
    if (id != 4) /* promotion 4 has no limit: the field is left out (no null in the schema) */
        sb_add_num(o, "max_uses", 100);
    sb_add_str(o, "status", id == 5 ? "DISABLED" : "ENABLED");
    sb_add_iso_date(o, "start_date", cfg, TAG_PROMO, id);
    if (id % 3 == 0) {
        sb_fmt_iso(end, sizeof end, sb_epoch_for(cfg->seed, TAG_PROMO, id) + 30L * 86400);
        sb_add_str(o, "end_date", end);
    } /* never ends: end_date left out, the schema has no null for it */
    sb_add_bool(o, "stop", 0);
    sb_add_bool(o, "can_be_used_with_other_promotions", id != 3);
    sb_add_str(o, "currency_code", id == 3 ? "EUR" : "*");
    sb_add_arr(o, "notifications");
    /* shipping_address and schedule are left out (no restriction): no null in the schema */
    sb_add_str(o, "created_from", id == 1 ? "react_ui" : "api");
    if (coupon)
        add_coupon_fields(o, cfg, id);
    return o;
}

int sb_gen_promotions(const sb_config *cfg, sb_store *st)
{
    for (long id = 1; id <= PROMOTIONS; id++)
        if (sb_resource_add(&st->res[SB_RES_PROMOTIONS], id, 0, promotion_json(cfg, id)) != 0)
            return -1;
    return 0;
}
