/*
 * Marketing (v2): coupons (/v2/coupons, SB_COUPON_COUNT of them, ids from 1) and gift
 * certificates (/v2/gift_certificates). A coupon's code, type and amount are pure functions
 * of its id so that the orders' coupon rows name them consistently; a gift certificate
 * bought in an order names that order and its customer.
 */
#include "data_order_subs.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 43, GIFT_TAG = 44 };

static const char *const coupon_types[] = {"per_item_discount", "percentage_discount",
                                           "per_total_discount", "shipping_discount",
                                           "free_shipping"};

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

void sb_coupon_code(long id, char *buf, size_t n)
{
    snprintf(buf, n, "SAVE%02ld-%c%c", id, (char)('A' + id % 26), (char)('K' + id % 13));
}

int sb_coupon_type_number(long id)
{
    return (int)(id % (long)COUNT_OF(coupon_types));
}

long long sb_coupon_amount_cents(long id)
{
    return sb_coupon_type_number(id) == 4 ? 0 : (5 + id % 4 * 5) * 100;
}

static cJSON *coupon_json(const sb_config *cfg, long id)
{
    static const char *const names[] = {"Spring sale",  "Soldes d'été",    "Black Friday",
                                        "Welcome back", "Rentrée ✏️", "VIP"};
    char name[64], code[32], date[48], expires[48];
    snprintf(name, sizeof name, "%s %ld", names[id % COUNT_OF(names)], id);
    sb_coupon_code(id, code, sizeof code);
    long long t = sb_epoch_for(cfg->seed, TAG, id);
    sb_fmt_rfc2822(date, sizeof date, t);
    sb_fmt_rfc2822(expires, sizeof expires, t + 86400LL * 90);
    cJSON *c = cJSON_CreateObject();
    sb_add_num(c, "id", (double)id);
    sb_add_str(c, "date_created", date);
    sb_add_num(c, "num_uses", (double)sb_rand_range(cfg->seed, TAG, id, 1, 0, 40));
    sb_add_str(c, "name", name);
    sb_add_str(c, "type", coupon_types[sb_coupon_type_number(id)]);
    sb_add_money(c, "amount", sb_coupon_amount_cents(id));
    sb_add_money(c, "min_purchase", id % 3 == 0 ? 5000 : 0);
    sb_add_str(c, "expires", id % 2 ? expires : "");
    sb_add_bool(c, "enabled", id % 5 != 0);
    sb_add_str(c, "code", code);
    cJSON *applies = sb_add_obj(c, "applies_to");
    sb_add_str(applies, "entity", "categories");
    sb_arr_push(sb_add_arr(applies, "ids"), cJSON_CreateNumber(0));
    sb_add_num(c, "max_uses", id % 4 == 0 ? 100 : 0);
    sb_add_num(c, "max_uses_per_customer", id % 3 == 0 ? 1 : 0);
    cJSON *restricted = sb_add_obj(c, "restricted_to");
    if (id % 6 == 0) /* one country code as text, as the reference has it */
        sb_add_str(restricted, "countries", "FR");
    cJSON *methods = sb_add_arr(c, "shipping_methods");
    if (sb_coupon_type_number(id) == 3)
        sb_arr_push(methods, cJSON_CreateString("shipping_flatrate"));
    return c;
}

static cJSON *gift_json(const sb_config *cfg, long id)
{
    static const char *const statuses[] = {"active", "pending", "disabled", "expired"};
    char code[32], bought[48], expiry[48], from_email[64];
    const char *first = "Guest", *last = "Shopper";
    long order_id = cfg->orders > 0 ? sb_order_first_id() + (id * 5) % cfg->orders : 0;
    long customer = cfg->customers > 0 ? 1 + id % cfg->customers : 0;
    if (customer > 0)
        sb_customer_name(cfg, customer, &first, &last);
    char from[96];
    snprintf(from, sizeof from, "%s %s", first, last);
    sb_customer_email(customer, from_email, sizeof from_email);
    snprintf(code, sizeof code, "GC-%04lX-%04lX", id * 2749 % 65536,
             (unsigned long)(sb_rand(cfg->seed, GIFT_TAG, id, 1) % 65536));
    long long t = sb_epoch_for(cfg->seed, GIFT_TAG, id);
    /* v2 gift certificates carry Unix seconds as digit strings, not RFC 2822 dates */
    snprintf(bought, sizeof bought, "%lld", t);
    snprintf(expiry, sizeof expiry, "%lld", t + 86400LL * 365);
    long long amount = (25 + id % 4 * 25) * 100;
    cJSON *g = cJSON_CreateObject();
    sb_add_num(g, "id", (double)id);
    sb_add_str(g, "to_name", id % 2 ? "Zoë Müller" : "Sam Lee");
    sb_add_str(g, "to_email", id % 2 ? "zoe@example.com" : "sam@example.com");
    sb_add_str(g, "from_name", from);
    sb_add_str(g, "from_email", from_email);
    sb_add_money(g, "amount", amount);
    sb_add_num(g, "customer_id", (double)customer);
    sb_add_num(g, "order_id", (double)order_id);
    sb_add_money(g, "balance", id % 3 == 0 ? amount / 2 : amount);
    sb_add_str(g, "purchase_date", bought);
    sb_add_str(g, "expiry_date", id % 4 == 0 ? "" : expiry);
    sb_add_str(g, "template", "celebration.html");
    sb_add_str(g, "message", id % 2 ? "Joyeux anniversaire ! 🎂" : "Congratulations.");
    sb_add_str(g, "code", code);
    sb_add_str(g, "status", statuses[id % COUNT_OF(statuses)]);
    sb_add_str(g, "currency_code", "USD");
    return g;
}

int sb_gen_coupons(const sb_config *cfg, sb_resource *coupons, sb_resource *gifts)
{
    for (long id = 1; id <= SB_COUPON_COUNT; id++)
        if (sb_resource_add(coupons, id, 0, coupon_json(cfg, id)) != 0)
            return -1;
    for (long id = 1; id <= SB_GIFT_CERTIFICATE_COUNT; id++)
        if (sb_resource_add(gifts, id, 0, gift_json(cfg, id)) != 0)
            return -1;
    return 0;
}
