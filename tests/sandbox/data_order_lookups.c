/*
 * Fixed lists of a store: the order statuses (/v2/order_statuses, the fifteen BigCommerce
 * defines, ids 0-14), the enabled payment methods (/v2/payments/methods), and the option
 * values of order products (product_options inside /v2/orders/{id}/products; about one item
 * in three has one or two).
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#define COUNT_OF(a) (sizeof(a) / sizeof(a)[0])

static const char *const status_names[] = {
    "Incomplete",
    "Pending",
    "Shipped",
    "Partially Shipped",
    "Refunded",
    "Cancelled",
    "Declined",
    "Awaiting Payment",
    "Awaiting Pickup",
    "Awaiting Shipment",
    "Completed",
    "Awaiting Fulfillment",
    "Manual Verification Required",
    "Disputed",
    "Partially Refunded",
};

/* Where each status (by id) sits in the order workflow the control panel lists */
static const int workflow_position[] = {0, 1, 8, 6, 11, 9, 10, 2, 5, 4, 7, 3, 12, 13, 14};

const char *sb_order_status_custom_label(long status_id)
{
    if (status_id < 0 || (size_t)status_id >= COUNT_OF(status_names))
        return "";
    /* a merchant relabelled one status, as stores do */
    return status_id == 11 ? "À préparer" : status_names[status_id];
}

int sb_gen_order_statuses(const sb_config *cfg, sb_resource *out)
{
    (void)cfg;
    for (size_t i = 0; i < COUNT_OF(status_names); i++) {
        char desc[96];
        snprintf(desc, sizeof desc, "Orders whose status is %s.", status_names[i]);
        cJSON *s = cJSON_CreateObject();
        sb_add_num(s, "id", (double)i);
        sb_add_str(s, "name", status_names[i]);
        sb_add_str(s, "system_label", status_names[i]);
        sb_add_str(s, "custom_label", sb_order_status_custom_label((long)i));
        sb_add_str(s, "system_description", desc);
        sb_add_num(s, "order", workflow_position[i]);
        if (sb_resource_add(out, (long)i, 0, s) != 0)
            return -1;
    }
    return 0;
}

int sb_gen_payment_methods(const sb_config *cfg, sb_resource *out)
{
    static const struct {
        const char *code, *name;
        int test;
    } methods[] = {
        {"braintree", "Braintree", 0},
        {"cheque", "Chèque", 0},
        {"cod", "Cash on Delivery", 0},
        {"testgateway", "Test Payment Gateway", 1},
    };
    (void)cfg;
    for (size_t i = 0; i < COUNT_OF(methods); i++) {
        cJSON *m = cJSON_CreateObject();
        sb_add_str(m, "code", methods[i].code);
        sb_add_str(m, "name", methods[i].name);
        sb_add_bool(m, "test_mode", methods[i].test);
        if (sb_resource_add(out, (long)i + 1, 0, m) != 0)
            return -1;
    }
    return 0;
}

void sb_order_item_options(cJSON *arr, long item_id)
{
    static const struct {
        const char *name, *display, *value, *style;
    } opts[] = {
        {"Size", "Taille", "M", "Dropdown"},
        {"Colour", "Couleur", "Bleu ciel", "Swatch"},
    };
    int n = item_id % 3 == 0 ? (int)(1 + item_id % 2) : 0;
    for (int k = 0; k < n; k++) {
        char internal[32], value[16];
        snprintf(internal, sizeof internal, "%s-%ld", opts[k].name, 1 + item_id % 4);
        snprintf(value, sizeof value, "%ld", 10 + k * 10 + item_id % 5);
        cJSON *o = cJSON_CreateObject();
        sb_add_num(o, "id", (double)(item_id * 10 + k));
        sb_add_num(o, "option_id", (double)(k + 1));
        sb_add_num(o, "order_product_id", (double)item_id);
        sb_add_num(o, "product_option_id", (double)(100 + k));
        sb_add_str(o, "display_name", opts[k].display);
        sb_add_str(o, "display_value", opts[k].value);
        sb_add_str(o, "value", value);
        sb_add_str(o, "type", "Multiple choice");
        sb_add_str(o, "name", internal);
        sb_add_str(o, "display_style", opts[k].style);
        sb_add_str(o, "display_name_customer", opts[k].display);
        sb_add_str(o, "display_name_merchant", opts[k].name);
        sb_add_str(o, "display_value_customer", opts[k].value);
        sb_add_str(o, "display_value_merchant", opts[k].value);
        sb_arr_push(arr, o);
    }
}
