/*
 * Orders (/v2/orders) and their line items (/v2/orders/{id}/products).
 * Order ids start at 100 as on a real store; each order has 1-4 items pointing at real
 * products, customer_id names a real customer or 0 (guest, about one in five), and every
 * total equals the sum of its items (no tax, shipping, handling or discounts).
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG = 5, ITEM_TAG = 6, FIRST_ORDER_ID = 100 };

static const struct {
    int id;
    const char *name;
} statuses[] = {
    {1, "Pending"},
    {2, "Shipped"},
    {7, "Awaiting Payment"},
    {10, "Completed"},
    {11, "Awaiting Fulfillment"},
    {5, "Cancelled"},
};

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

long sb_order_first_id(void)
{
    return FIRST_ORDER_ID;
}

typedef struct order_sums {
    long long cents;
    long quantity;
} order_sums;

static cJSON *item_json(const sb_config *cfg, long order_id, long item_id, long product_id,
                        long qty)
{
    char name[160], sku[32];
    long long unit = sb_product_price_cents(cfg, product_id);
    sb_product_name(cfg, product_id, name, sizeof name);
    sb_product_sku(product_id, sku, sizeof sku);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)item_id);
    sb_add_num(o, "order_id", (double)order_id);
    sb_add_num(o, "product_id", (double)product_id);
    sb_add_num(o, "order_pickup_method_id", 0);
    sb_add_num(o, "order_address_id", (double)order_id);
    sb_add_str(o, "name", name);
    sb_add_str(o, "sku", sku);
    sb_add_str(o, "type", "physical");
    const char *unit_keys[] = {"base_price", "price_ex_tax", "price_inc_tax"};
    for (size_t i = 0; i < COUNT_OF(unit_keys); i++)
        sb_add_money(o, unit_keys[i], unit);
    sb_add_money(o, "price_tax", 0);
    const char *total_keys[] = {"base_total", "total_ex_tax", "total_inc_tax"};
    for (size_t i = 0; i < COUNT_OF(total_keys); i++)
        sb_add_money(o, total_keys[i], unit * qty);
    sb_add_money(o, "total_tax", 0);
    sb_add_num(o, "quantity", (double)qty);
    const char *cost_keys[] = {"base_cost_price", "cost_price_inc_tax", "cost_price_ex_tax"};
    for (size_t i = 0; i < COUNT_OF(cost_keys); i++)
        sb_add_money(o, cost_keys[i], unit / 2);
    sb_add_money(o, "weight", 100);
    sb_add_money(o, "width", 100);
    sb_add_money(o, "height", 100);
    sb_add_money(o, "depth", 100);
    sb_add_money(o, "cost_price_tax", 0);
    sb_add_bool(o, "is_refunded", 0);
    sb_add_num(o, "quantity_refunded", 0);
    sb_add_money(o, "refund_amount", 0);
    sb_add_num(o, "return_id", 0);
    sb_add_num(o, "wrapping_id", 0);
    sb_add_str(o, "wrapping_name", "");
    const char *wrap_keys[] = {"base_wrapping_cost", "wrapping_cost_ex_tax",
                               "wrapping_cost_inc_tax", "wrapping_cost_tax"};
    for (size_t i = 0; i < COUNT_OF(wrap_keys); i++)
        sb_add_money(o, wrap_keys[i], 0);
    sb_add_str(o, "wrapping_message", "");
    sb_add_num(o, "quantity_shipped", 0);
    sb_add_null(o, "event_name");
    sb_add_null(o, "event_date");
    sb_add_money(o, "fixed_shipping_cost", 0);
    sb_add_str(o, "ebay_item_id", "");
    sb_add_str(o, "ebay_transaction_id", "");
    sb_add_null(o, "option_set_id");
    sb_add_null(o, "parent_order_product_id");
    sb_add_bool(o, "is_bundled_product", 0);
    sb_add_str(o, "bin_picking_number", "");
    sb_add_null(o, "external_id");
    sb_add_str(o, "brand", "");
    sb_add_arr(o, "applied_discounts");
    sb_order_item_options(sb_add_arr(o, "product_options"), item_id);
    sb_add_arr(o, "configurable_fields");
    sb_add_str(o, "upc", "");
    sb_add_num(o, "variant_id", (double)(product_id + 1000));
    sb_add_str(o, "name_customer", name);
    sb_add_str(o, "name_merchant", name);
    sb_add_null(o, "gift_certificate_id");
    sb_add_money(o, "discounted_total_inc_tax", unit * qty);
    return o;
}

/* Appends the order's items; returns -1 on allocation failure. */
static int gen_items(const sb_config *cfg, long order_id, long *next_item, sb_resource *items,
                     order_sums *sums)
{
    long n = sb_rand_range(cfg->seed, TAG, order_id, 1, 1, 4);
    sums->cents = 0;
    sums->quantity = 0;
    if (cfg->products <= 0)
        return 0;
    for (long k = 0; k < n; k++) {
        long item_id = (*next_item)++;
        long pid = sb_rand_range(cfg->seed, ITEM_TAG, item_id, 1, 1, cfg->products);
        long qty = sb_rand_range(cfg->seed, ITEM_TAG, item_id, 2, 1, 3);
        sums->cents += sb_product_price_cents(cfg, pid) * qty;
        sums->quantity += qty;
        if (sb_resource_add(items, item_id, order_id, item_json(cfg, order_id, item_id, pid, qty)))
            return -1;
    }
    return 0;
}

static void add_billing(cJSON *o, const sb_config *cfg, long customer_id, long order_id)
{
    const char *first = "Guest", *last = "Shopper";
    char email[64];
    if (customer_id > 0) {
        sb_customer_name(cfg, customer_id, &first, &last);
        sb_customer_email(customer_id, email, sizeof email);
    } else {
        snprintf(email, sizeof email, "guest%ld@example.com", order_id);
    }
    cJSON *b = sb_add_obj(o, "billing_address");
    sb_add_str(b, "first_name", first);
    sb_add_str(b, "last_name", last);
    sb_add_str(b, "company", "");
    sb_add_str(b, "street_1", "123 Main Street");
    sb_add_str(b, "street_2", "");
    sb_add_str(b, "city", "Austin");
    sb_add_str(b, "state", "Texas");
    sb_add_str(b, "zip", "78701");
    sb_add_str(b, "country", "United States");
    sb_add_str(b, "country_iso2", "US");
    sb_add_str(b, "phone", "");
    sb_add_str(b, "email", email);
    sb_add_arr(b, "form_fields");
}

static void add_links(cJSON *o, const sb_config *cfg, long id)
{
    static const char *const subs[][2] = {{"products", "products"},
                                          {"shipping_addresses", "shippingaddresses"},
                                          {"coupons", "coupons"}};
    char url[256], resource[96];
    for (size_t i = 0; i < COUNT_OF(subs); i++) {
        snprintf(url, sizeof url, "https://api.bigcommerce.com/stores/%s/v2/orders/%ld/%s",
                 cfg->store_hash, id, subs[i][1]);
        snprintf(resource, sizeof resource, "/orders/%ld/%s", id, subs[i][1]);
        cJSON *l = sb_add_obj(o, subs[i][0]);
        sb_add_str(l, "url", url);
        sb_add_str(l, "resource", resource);
    }
}

static void add_dates(cJSON *o, const sb_config *cfg, long id, int shipped)
{
    char created[48], modified[48], shipped_s[48];
    long long t = sb_epoch_for(cfg->seed, TAG, id);
    sb_fmt_rfc2822(created, sizeof created, t);
    sb_fmt_rfc2822(modified, sizeof modified, t + 3600);
    sb_fmt_rfc2822(shipped_s, sizeof shipped_s, t + 86400);
    sb_add_str(o, "date_created", created);
    sb_add_str(o, "date_modified", modified);
    sb_add_str(o, "date_shipped", shipped ? shipped_s : "");
}

static void add_money_fields(cJSON *o, const order_sums *s)
{
    static const char *const zero[] = {"subtotal_tax",          "shipping_cost_tax",
                                       "handling_cost_tax",     "wrapping_cost_tax",
                                       "store_credit_amount",   "gift_certificate_amount",
                                       "coupon_discount",       "total_tax",
                                       "base_handling_cost",    "base_shipping_cost",
                                       "base_wrapping_cost",    "discount_amount",
                                       "handling_cost_ex_tax",  "handling_cost_inc_tax",
                                       "refunded_amount",       "shipping_cost_ex_tax",
                                       "shipping_cost_inc_tax", "wrapping_cost_ex_tax",
                                       "wrapping_cost_inc_tax"};
    static const char *const total[] = {"subtotal_ex_tax", "subtotal_inc_tax", "total_ex_tax",
                                        "total_inc_tax"};
    for (size_t i = 0; i < COUNT_OF(zero); i++)
        sb_add_money(o, zero[i], 0);
    for (size_t i = 0; i < COUNT_OF(total); i++)
        sb_add_money(o, total[i], s->cents);
}

static void add_currency(cJSON *o)
{
    sb_add_num(o, "shipping_cost_tax_class_id", 2);
    sb_add_num(o, "handling_cost_tax_class_id", 2);
    sb_add_num(o, "wrapping_cost_tax_class_id", 3);
    sb_add_num(o, "currency_id", 1);
    sb_add_str(o, "currency_code", "USD");
    sb_add_str(o, "currency_exchange_rate", "1.0000000000");
    sb_add_num(o, "default_currency_id", 1);
    sb_add_str(o, "default_currency_code", "USD");
    sb_add_str(o, "store_default_currency_code", "USD");
    sb_add_str(o, "store_default_to_transactional_exchange_rate", "1.0000000000");
}

static void add_misc(cJSON *o, long id, long customer_id)
{
    char ip[32];
    snprintf(ip, sizeof ip, "192.0.2.%ld", id % 250 + 1);
    sb_add_num(o, "shipping_address_count", 1);
    sb_add_bool(o, "is_deleted", 0);
    sb_add_bool(o, "is_tax_inclusive_pricing", 0);
    sb_add_bool(o, "is_email_opt_in", id % 2 == 0);
    sb_add_str(o, "order_source", id % 5 == 0 ? "manual" : "www");
    sb_add_arr(o, "consignments");
    sb_add_arr(o, "fees");
    sb_add_num(o, "channel_id", 1);
    sb_add_num(o, "customer_id", (double)customer_id);
    sb_add_str(o, "customer_message", id % 6 == 0 ? "Merci beaucoup ! 🎉" : "");
    sb_add_str(o, "ebay_order_id", "0");
    sb_add_null(o, "external_id");
    sb_add_null(o, "external_merchant_id");
    sb_add_null(o, "external_source");
    sb_add_str(o, "geoip_country", "United States");
    sb_add_str(o, "geoip_country_iso2", "US");
    sb_add_str(o, "ip_address", ip);
    sb_add_str(o, "ip_address_v6", "");
    sb_add_bool(o, "order_is_digital", 0);
    sb_add_str(o, "payment_method", "Credit Card");
    sb_add_str(o, "credit_card_type", id % 3 == 0 ? "Mastercard" : "Visa");
    sb_add_str(o, "payment_provider_id", ""); /* no provider: empty, as in the reference */
    sb_add_str(o, "staff_notes", "");
    sb_add_str(o, "tax_provider_id", "BasicTaxProvider");
    sb_add_str(o, "customer_locale", "en");
    sb_add_str(o, "external_order_id", "");
    sb_add_str(o, "cart_id", "");
    sb_add_str(o, "payment_status", "captured");
}

static size_t order_status(const sb_config *cfg, long id);

static cJSON *order_json(const sb_config *cfg, long id, const order_sums *s)
{
    long customer_id = 0;
    if (cfg->customers > 0 && sb_rand_range(cfg->seed, TAG, id, 2, 0, 4) != 0)
        customer_id = sb_rand_range(cfg->seed, TAG, id, 3, 1, cfg->customers);
    size_t st = order_status(cfg, id);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    add_dates(o, cfg, id, statuses[st].id == 2 || statuses[st].id == 10);
    sb_add_str(o, "status", statuses[st].name);
    sb_add_str(o, "custom_status", sb_order_status_custom_label(statuses[st].id));
    sb_add_num(o, "status_id", statuses[st].id);
    add_currency(o);
    add_money_fields(o, s);
    add_misc(o, id, customer_id);
    add_links(o, cfg, id);
    add_billing(o, cfg, customer_id, id);
    sb_add_num(o, "items_shipped", statuses[st].id == 2 || statuses[st].id == 10 ? s->quantity : 0);
    sb_add_num(o, "items_total", (double)s->quantity);
    return o;
}

static size_t order_status(const sb_config *cfg, long id)
{
    return (size_t)sb_rand_range(cfg->seed, TAG, id, 4, 0, (long)COUNT_OF(statuses) - 1);
}

long sb_orders_incomplete(const sb_config *cfg)
{
    return cfg->orders > 0 ? 2 : 0;
}

static cJSON *status_count_json(long id, const char *name, long count, size_t sort_order)
{
    cJSON *s = cJSON_CreateObject();
    sb_add_num(s, "id", (double)id);
    sb_add_str(s, "name", name);
    sb_add_str(s, "system_label", name);
    sb_add_str(s, "custom_label", name);
    sb_add_str(s, "system_description", "");
    sb_add_num(s, "count", (double)count);
    sb_add_num(s, "sort_order", (double)sort_order);
    return s;
}

/* /v2/orders/count: {"count":N,"statuses":[{id,name,system_label,...,count,sort_order}]};
 * like the reference's example, it counts the Incomplete orders the list leaves out. */
static cJSON *count_json(const sb_config *cfg)
{
    long per[COUNT_OF(statuses)] = {0};
    for (long k = 0; k < cfg->orders; k++)
        per[order_status(cfg, FIRST_ORDER_ID + k)]++;
    cJSON *o = cJSON_CreateObject();
    cJSON *arr = sb_add_arr(o, "statuses");
    sb_arr_push(arr, status_count_json(0, "Incomplete", sb_orders_incomplete(cfg), 0));
    for (size_t i = 0; i < COUNT_OF(statuses); i++)
        sb_arr_push(arr, status_count_json(statuses[i].id, statuses[i].name, per[i], i + 1));
    sb_add_num(o, "count", (double)(cfg->orders + sb_orders_incomplete(cfg)));
    return o;
}

int sb_gen_orders(const sb_config *cfg, sb_resource *orders, sb_resource *items, sb_resource *count)
{
    long next_item = 1;
    for (long k = 0; k < cfg->orders; k++) {
        long id = FIRST_ORDER_ID + k;
        order_sums sums;
        if (gen_items(cfg, id, &next_item, items, &sums) != 0)
            return -1;
        if (sb_resource_add(orders, id, 0, order_json(cfg, id, &sums)) != 0)
            return -1;
    }
    return sb_resource_add(count, 0, 0, count_json(cfg));
}
