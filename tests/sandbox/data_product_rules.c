/*
 * A product's reviews, bulk pricing rules and complex rules
 * (/v3/catalog/products/{id}/reviews, .../bulk-pricing-rules, .../complex-rules): 0-3 each.
 * Bulk pricing tiers of one product never overlap: tier k covers quantities 5k+2 .. 5k+6.
 */
#include "data_catalog.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_REV = 45, TAG_BULK = 46, TAG_RULE = 47 };

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

static cJSON *review_json(const sb_config *cfg, long pid, long id, int k)
{
    static const char *const titles[] = {"Great value", "Très bon produit", "期待以上でした",
                                         "Not as pictured"};
    static const char *const names[] = {"Anna Müller", "Léa Dubois", "佐藤 花子", "Sam Smith"};
    static const char *const statuses[] = {"approved", "pending", "disapproved"};
    char email[64];
    cJSON *o = cJSON_CreateObject();
    long who = sb_rand_range(cfg->seed, TAG_REV, id, 1, 0, (long)COUNT_OF(names) - 1);
    (void)k;
    snprintf(email, sizeof email, "reviewer%ld@example.com", who + 1);
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "product_id", (double)pid);
    sb_add_str(o, "title", titles[(id + pid) % (long)COUNT_OF(titles)]);
    sb_add_str(o, "text", "Arrived quickly; the quality matches the description.");
    sb_add_str(o, "status", sb_pick(statuses, COUNT_OF(statuses), cfg->seed, TAG_REV, id, 2));
    sb_add_num(o, "rating", (double)sb_rand_range(cfg->seed, TAG_REV, id, 3, 1, 5));
    sb_add_str(o, "email", id % 5 == 0 ? "" : email);
    sb_add_str(o, "name", names[who]);
    sb_add_iso_date(o, "date_reviewed", cfg, TAG_REV, id);
    sb_add_iso_date(o, "date_created", cfg, TAG_REV, id);
    sb_add_iso_date(o, "date_modified", cfg, TAG_REV + 100, id);
    return o;
}

static cJSON *bulk_rule_json(const sb_config *cfg, long pid, long id, int k)
{
    static const char *const types[] = {"price", "percent", "fixed"};
    const char *type = types[(pid + k) % 3];
    cJSON *o = cJSON_CreateObject();
    (void)cfg;
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "quantity_min", 5 * k + 2);
    sb_add_num(o, "quantity_max", 5 * k + 6);
    sb_add_str(o, "type", type);
    /* percent: whole percents; price/fixed: money with cents */
    if (type[1] == 'e')
        sb_add_num(o, "amount", (double)(5 * (k + 1)));
    else
        sb_add_num(o, "amount", (double)(100 + 25 * k) / 100.0);
    return o;
}

static cJSON *adjuster(cJSON *o, const char *key, const char *type, double value)
{
    cJSON *a = sb_add_obj(o, key);
    sb_add_str(a, "adjuster", type);
    sb_add_num(a, "adjuster_value", value);
    return a;
}

static cJSON *complex_rule_json(const sb_config *cfg, long pid, long id, int k)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "product_id", (double)pid);
    sb_add_num(o, "sort_order", k);
    sb_add_bool(o, "enabled", id % 4 != 0);
    sb_add_bool(o, "stop", k == 0);
    sb_add_bool(o, "purchasing_disabled", id % 5 == 0);
    sb_add_str(o, "purchasing_disabled_message", id % 5 == 0 ? "Épuisé — bientôt de retour" : "");
    sb_add_bool(o, "purchasing_hidden", 0);
    sb_add_str(o, "image_url", "");
    adjuster(o, "price_adjuster", "relative",
             (double)sb_rand_range(cfg->seed, TAG_RULE, id, 1, 1, 9));
    adjuster(o, "weight_adjuster", "percentage", 0);
    cJSON *conds = sb_add_arr(o, "conditions");
    cJSON *c = cJSON_CreateObject();
    sb_add_null(c, "modifier_id");
    sb_add_null(c, "modifier_value_id");
    sb_add_num(c, "variant_id", (double)(pid + 1000));
    sb_add_num(c, "combination_id", 0); /* no v2 combination: 0, as in the reference */
    sb_arr_push(conds, c);
    return o;
}

static int gen(const sb_config *cfg, sb_store *st, sb_res_id res, unsigned tag, sb_child_fn fn)
{
    return sb_gen_per_parent(cfg, &st->res[res], cfg->products, tag, 3, fn);
}

int sb_gen_product_rules(const sb_config *cfg, sb_store *st)
{
    if (gen(cfg, st, SB_RES_PRODUCT_REVIEWS, TAG_REV, review_json) != 0 ||
        gen(cfg, st, SB_RES_PRODUCT_BULK_RULES, TAG_BULK, bulk_rule_json) != 0)
        return -1;
    return gen(cfg, st, SB_RES_PRODUCT_COMPLEX_RULES, TAG_RULE, complex_rule_json);
}
