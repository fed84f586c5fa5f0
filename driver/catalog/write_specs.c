/*
 * The write specs: which endpoint, method, batch form and batch size each writable table
 * uses, and which columns its POST and PUT bodies accept, all from the request schemas of the
 * official reference (the catalog files, customers.v3.yml, marketing.v2.yml, webhooks.v3.yml,
 * locations.v3.yml, promotions.v3.yml, channels.v3.yml).
 * Columns the reference marks read-only, or leaves out of a request schema, are not listed,
 * which is what makes assigning them fail.
 */
#include <string.h>
#include <strings.h>
#include "bc_write_spec.h"

#define PRODUCT_COLUMNS                                                                            \
    "name type sku description weight width depth height price cost_price retail_price "           \
    "sale_price map_price tax_class_id product_tax_code categories brand_id inventory_level "      \
    "inventory_warning_level inventory_tracking fixed_cost_shipping_price is_free_shipping "       \
    "is_visible is_featured related_products warranty bin_picking_number layout_file upc "         \
    "search_keywords availability_description availability gift_wrapping_options_type "            \
    "gift_wrapping_options_list sort_order condition is_condition_shown order_quantity_minimum "   \
    "order_quantity_maximum page_title meta_keywords meta_description view_count "                 \
    "preorder_release_date preorder_message is_preorder_only is_price_hidden price_hidden_label "  \
    "custom_url open_graph_type open_graph_title open_graph_description "                          \
    "open_graph_use_meta_description open_graph_use_product_name open_graph_use_image gtin mpn "   \
    "date_last_imported reviews_rating_sum reviews_count total_sold custom_fields "                \
    "bulk_pricing_rules images videos"

#define BRAND_COLUMNS                                                                              \
    "name page_title meta_keywords meta_description search_keywords image_url custom_url"

#define CATEGORY_COLUMNS                                                                           \
    "parent_id name description views sort_order page_title meta_keywords meta_description "       \
    "layout_file image_url is_visible search_keywords default_product_sort custom_url"

#define VARIANT_COLUMNS                                                                            \
    "cost_price price sale_price retail_price weight width height depth is_free_shipping "         \
    "fixed_cost_shipping_price purchasing_disabled purchasing_disabled_message upc "               \
    "inventory_level inventory_warning_level bin_picking_number"

#define CUSTOMER_COLUMNS                                                                           \
    "email first_name last_name company phone notes tax_exempt_category customer_group_id "        \
    "authentication form_fields store_credit_amounts "                                             \
    "accepts_product_review_abandoned_cart_emails origin_channel_id channel_ids"

#define ADDRESS_COLUMNS                                                                            \
    "address1 address2 address_type city company country_code first_name last_name phone "         \
    "postal_code state_or_province form_fields"

#define COUPON_COLUMNS                                                                             \
    "name type amount min_purchase expires enabled code applies_to max_uses "                      \
    "max_uses_per_customer restricted_to shipping_methods"

#define ORDER_COLUMNS                                                                              \
    "order_source consignments products shipping_addresses status_id billing_address fees "        \
    "base_handling_cost base_shipping_cost base_wrapping_cost channel_id customer_id "             \
    "customer_message date_created discount_amount ebay_order_id external_merchant_id "            \
    "external_source geoip_country geoip_country_iso2 handling_cost_ex_tax "                       \
    "handling_cost_inc_tax ip_address ip_address_v6 items_shipped items_total order_is_digital "   \
    "payment_method payment_provider_id refunded_amount shipping_cost_ex_tax "                     \
    "shipping_cost_inc_tax staff_notes subtotal_ex_tax subtotal_inc_tax tax_provider_id "          \
    "customer_locale external_order_id total_ex_tax total_inc_tax wrapping_cost_ex_tax "           \
    "wrapping_cost_inc_tax"

#define ORDER_ITEM_COLUMNS                                                                         \
    "name name_customer name_merchant product_options quantity price_inc_tax price_ex_tax upc "    \
    "sku wrapping_id wrapping_name wrapping_message wrapping_cost_ex_tax wrapping_cost_inc_tax"

#define SHIPMENT_COLUMNS                                                                           \
    "order_address_id tracking_number merchant_shipping_cost shipping_method "                     \
    "shipping_provider tracking_carrier tracking_link comments"

#define SHIPPING_METHOD_COLUMNS "name type settings enabled handling_fees is_fallback channel_ids"

#define CURRENCY_COLUMNS                                                                           \
    "is_default country_iso2 currency_exchange_rate auto_update token_location token "             \
    "decimal_token thousands_token decimal_places name enabled is_transactional"

#define LOCATION_COLUMNS                                                                           \
    "code label description managed_by_external_source type_id enabled operating_hours "           \
    "time_zone address storefront_visibility special_hours"

#define PROMOTION_COLUMNS                                                                          \
    "name display_name channels customer rules max_uses status start_date end_date stop "          \
    "can_be_used_with_other_promotions currency_code notifications shipping_address schedule "     \
    "codes coupon_overrides_other_promotions "                                                     \
    "coupon_overrides_automatic_when_offering_higher_discounts coupon_type"

#define METAFIELD_COLUMNS "permission_set namespace key value description"

#define LISTING_COLUMNS "external_id state name description variants"

#define OPTION_VALUE_COLUMNS "is_default label sort_order value_data"

/* The batch metafield endpoints of an owner kind (categories, brands, customers): POST and PUT
 * take arrays, DELETE takes the ids as its body. The reference sets no size per request; 50
 * keeps a request within the 50 metafields one owner may hold per app. */
#define BATCH_METAFIELDS(name, path)                                                               \
    {                                                                                              \
        .table = name, .insert_path = path, .insert_batch = 50,                                    \
        .insert_columns = METAFIELD_COLUMNS " resource_id", .update_path = path,                   \
        .update_batch = 50, .update_columns = METAFIELD_COLUMNS, .delete_path = path,              \
        .delete_ids_body = true, .delete_batch = 50                                                \
    }

static const bc_write_spec k_specs[] = {
    BATCH_METAFIELDS("BrandMetafields", "/v3/catalog/brands/metafields"),
    BATCH_METAFIELDS("CategoryMetafields", "/v3/catalog/categories/metafields"),
    /* Trees are created and renamed by one upsert (an object without id creates); the
     * reference refuses channels on an update, so only the name changes. */
    {.table = "CategoryTrees",
     .insert_path = "/v3/catalog/trees",
     .insert_method = "PUT",
     .insert_batch = 50,
     .insert_columns = "name channels",
     .update_path = "/v3/catalog/trees",
     .update_batch = 50,
     .update_columns = "name",
     .delete_path = "/v3/catalog/trees",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    /* Listings are named by listing_id; the reference has no DELETE for them. */
    {.table = "ChannelListings",
     .answer_key = "listing_id",
     .insert_path = "/v3/channels/{channel_id}/listings",
     .insert_batch = 50,
     .insert_columns = LISTING_COLUMNS " product_id",
     .update_path = "/v3/channels/{channel_id}/listings",
     .update_batch = 50,
     .update_columns = LISTING_COLUMNS,
     .update_required = "listing_id product_id state variants",
     .why_not = "BigCommerce has no request that removes a channel listing; UPDATE its state "
                "(for example to 'deleted') instead"},
    /* The attribute definitions (a store holds at most 50, so one request takes them all);
     * an attribute's type is fixed once created. */
    {.table = "CustomerAttributes",
     .insert_path = "/v3/customers/attributes",
     .insert_batch = 50,
     .insert_columns = "name type",
     .update_path = "/v3/customers/attributes",
     .update_batch = 50,
     .update_columns = "name",
     .update_required = "name",
     .delete_path = "/v3/customers/attributes",
     .delete_in_param = "id:in",
     .delete_batch = 50,
     .window = 3},
    /* The values customers hold: one upsert keyed by (customer_id, attribute_id), at most
     * ten customers per request; its body calls the value "value". */
    {.table = "CustomerAttributeValues",
     .insert_path = "/v3/customers/attribute-values",
     .insert_method = "PUT",
     .insert_batch = 10,
     .insert_columns = "attribute_id attribute_value customer_id",
     .update_path = "/v3/customers/attribute-values",
     .update_batch = 10,
     .update_columns = "attribute_value",
     .update_required = "attribute_id attribute_value customer_id",
     .delete_path = "/v3/customers/attribute-values",
     .delete_in_param = "id:in",
     .delete_batch = 50,
     .body_names = "attribute_value=value",
     .window = 3},
    BATCH_METAFIELDS("CustomerMetafields", "/v3/customers/metafields"),
    /* A creation answers with a transaction id only: the new ids are looked up by code,
     * which the API keeps unique. No size per request is documented; a store has at most
     * 100 active locations. */
    {.table = "InventoryLocations",
     .probe_param = "location_code:in",
     .probe_column = "code",
     .insert_path = "/v3/inventory/locations",
     .insert_batch = 100,
     .insert_columns = LOCATION_COLUMNS,
     .update_path = "/v3/inventory/locations",
     .update_batch = 100,
     .update_columns = LOCATION_COLUMNS,
     .delete_path = "/v3/inventory/locations",
     .delete_in_param = "location_id:in",
     .delete_batch = 100},
    {.table = "Brands",
     .probe_param = "name",
     .probe_column = "name",
     .insert_path = "/v3/catalog/brands",
     .insert_batch = 1,
     .insert_columns = BRAND_COLUMNS,
     .update_path = "/v3/catalog/brands/{id}",
     .update_batch = 1,
     .update_columns = BRAND_COLUMNS,
     .update_required = "name",
     .delete_path = "/v3/catalog/brands/{id}"},
    {.table = "Categories",
     .insert_path = "/v3/catalog/categories",
     .insert_batch = 1,
     .insert_columns = CATEGORY_COLUMNS,
     .update_path = "/v3/catalog/categories/{id}",
     .update_batch = 1,
     .update_columns = CATEGORY_COLUMNS,
     .update_required = "name parent_id",
     .delete_path = "/v3/catalog/categories",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    {.table = "Channels",
     .insert_path = "/v3/channels",
     .insert_batch = 1,
     .insert_columns = "external_id is_listable_from_ui is_visible status name type platform",
     .update_path = "/v3/channels/{id}",
     .update_batch = 1,
     .update_columns = "external_id is_listable_from_ui is_visible status name",
     .why_not = "BigCommerce has no request that deletes a channel; UPDATE its status to "
                "'deleted' instead"},
    {.table = "Coupons",
     .probe_param = "code",
     .probe_column = "code",
     .insert_path = "/v2/coupons",
     .insert_batch = 1,
     .insert_columns = COUPON_COLUMNS,
     .update_path = "/v2/coupons/{id}",
     .update_batch = 1,
     .update_columns = COUPON_COLUMNS,
     .update_required = "name type amount code applies_to",
     .delete_path = "/v2/coupons",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    {.table = "Currencies",
     .insert_path = "/v2/currencies",
     .insert_batch = 1,
     .insert_columns = CURRENCY_COLUMNS " currency_code",
     .update_path = "/v2/currencies/{id}",
     .update_batch = 1,
     .update_columns = CURRENCY_COLUMNS,
     .delete_path = "/v2/currencies/{id}"},
    {.table = "CustomerAddresses",
     .insert_path = "/v3/customers/addresses",
     .insert_batch = 10,
     .insert_columns = ADDRESS_COLUMNS " customer_id",
     .update_path = "/v3/customers/addresses",
     .update_batch = 10,
     .update_columns = ADDRESS_COLUMNS,
     .delete_path = "/v3/customers/addresses",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    {.table = "Customers",
     .probe_param = "email:in",
     .probe_column = "email",
     .insert_path = "/v3/customers",
     .insert_batch = 10,
     .insert_columns = CUSTOMER_COLUMNS " addresses attributes",
     .update_path = "/v3/customers",
     .update_batch = 10,
     .update_columns = CUSTOMER_COLUMNS " registration_ip_address",
     .delete_path = "/v3/customers",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    /* The reference changes an order's items through the order: PUT /v2/orders/{id} with
     * products [...]: without id adds, with id updates, quantity 0 removes. */
    {.table = "OrderItems",
     .insert_path = "/v2/orders/{order_id}",
     .insert_method = "PUT",
     .insert_batch = 50,
     .insert_columns = ORDER_ITEM_COLUMNS " product_id variant_id",
     .update_path = "/v2/orders/{order_id}",
     .update_batch = 50,
     .update_columns = ORDER_ITEM_COLUMNS,
     .delete_path = "/v2/orders/{order_id}",
     .delete_batch = 50,
     .body_wrap = "products",
     .delete_method = "PUT",
     .delete_body = "{\"quantity\":0}"},
    {.table = "Orders",
     .insert_path = "/v2/orders",
     .insert_batch = 1,
     .insert_columns = ORDER_COLUMNS " default_currency_code",
     .update_path = "/v2/orders/{id}",
     .update_batch = 1,
     .update_columns = ORDER_COLUMNS,
     .delete_path = "/v2/orders/{id}"},
    {.table = "OrderShipments",
     .insert_path = "/v2/orders/{order_id}/shipments",
     .insert_batch = 1,
     .insert_columns = SHIPMENT_COLUMNS " items",
     .update_path = "/v2/orders/{order_id}/shipments/{id}",
     .update_batch = 1,
     .update_columns = SHIPMENT_COLUMNS,
     .delete_path = "/v2/orders/{order_id}/shipments/{id}"},
    {.table = "PriceLists",
     .insert_path = "/v3/pricelists",
     .insert_batch = 1,
     .insert_columns = "name active",
     .update_path = "/v3/pricelists/{id}",
     .update_batch = 1,
     .update_columns = "name active",
     .update_required = "name",
     .delete_path = "/v3/pricelists/{id}"},
    /* An upsert keyed by (variant_id, currency): INSERT and UPDATE are the same PUT. */
    {.table = "PriceListRecords",
     .insert_path = "/v3/pricelists/{price_list_id}/records",
     .insert_method = "PUT",
     .insert_batch = 1000,
     .insert_columns = "variant_id sku currency price sale_price retail_price map_price "
                       "bulk_pricing_tiers",
     .update_path = "/v3/pricelists/{price_list_id}/records",
     .update_batch = 1000,
     .update_columns = "sku price sale_price retail_price map_price bulk_pricing_tiers",
     .update_required = "variant_id currency",
     .delete_path = "/v3/pricelists/{price_list_id}/records/{variant_id}/{currency}",
     .window = 2},
    {.table = "ProductImages",
     .insert_path = "/v3/catalog/products/{product_id}/images",
     .insert_batch = 1,
     .insert_columns = "is_thumbnail sort_order description image_url",
     .update_path = "/v3/catalog/products/{product_id}/images/{id}",
     .update_batch = 1,
     .update_columns = "is_thumbnail sort_order description image_url",
     .delete_path = "/v3/catalog/products/{product_id}/images/{id}"},
    {.table = "ProductMetafields",
     .insert_path = "/v3/catalog/products/{product_id}/metafields",
     .insert_batch = 1,
     .insert_columns = "key value namespace permission_set description",
     .update_path = "/v3/catalog/products/{product_id}/metafields/{id}",
     .update_batch = 1,
     .update_columns = "key value namespace permission_set description",
     .update_required = "key value namespace permission_set",
     .delete_path = "/v3/catalog/products/{product_id}/metafields/{id}"},
    {.table = "ProductOptions",
     .insert_path = "/v3/catalog/products/{product_id}/options",
     .insert_batch = 1,
     .insert_columns = "display_name type config sort_order",
     .update_path = "/v3/catalog/products/{product_id}/options/{id}",
     .update_batch = 1,
     .update_columns = "display_name type config sort_order",
     .delete_path = "/v3/catalog/products/{product_id}/options/{id}"},
    {.table = "ProductOptionValues",
     .insert_path = "/v3/catalog/products/{product_id}/options/{option_id}/values",
     .insert_batch = 1,
     .insert_columns = OPTION_VALUE_COLUMNS,
     .update_path = "/v3/catalog/products/{product_id}/options/{option_id}/values/{id}",
     .update_batch = 1,
     .update_columns = OPTION_VALUE_COLUMNS,
     .update_required = "label sort_order",
     .delete_path = "/v3/catalog/products/{product_id}/options/{option_id}/values/{id}"},
    {.table = "Promotions",
     .insert_path = "/v3/promotions",
     .insert_batch = 1,
     .insert_columns = PROMOTION_COLUMNS " redemption_type",
     .update_path = "/v3/promotions/{id}",
     .update_batch = 1,
     .update_columns = PROMOTION_COLUMNS,
     .delete_path = "/v3/promotions",
     .delete_in_param = "id:in",
     .delete_batch = 50},
    {.table = "ProductReviews",
     .insert_path = "/v3/catalog/products/{product_id}/reviews",
     .insert_batch = 1,
     .insert_columns = "title text status rating email name date_reviewed",
     .update_path = "/v3/catalog/products/{product_id}/reviews/{id}",
     .update_batch = 1,
     .update_columns = "title text status rating email name date_reviewed",
     .update_required = "title date_reviewed",
     .delete_path = "/v3/catalog/products/{product_id}/reviews/{id}"},
    {.table = "ProductVariants",
     .insert_path = "/v3/catalog/products/{product_id}/variants",
     .insert_batch = 1,
     .insert_columns = VARIANT_COLUMNS " sku",
     .update_path = "/v3/catalog/variants",
     .update_batch = 50,
     .update_columns = VARIANT_COLUMNS,
     .delete_path = "/v3/catalog/products/{product_id}/variants/{id}"},
    {.table = "Products",
     .probe_param = "name",
     .probe_column = "name",
     .insert_path = "/v3/catalog/products",
     .insert_batch = 1,
     .insert_columns = PRODUCT_COLUMNS,
     .update_path = "/v3/catalog/products",
     .update_batch = 10,
     .update_columns = PRODUCT_COLUMNS,
     .delete_path = "/v3/catalog/products",
     .delete_in_param = "id:in",
     .delete_batch = 250},
    {.table = "ShippingMethods",
     .insert_path = "/v2/shipping/zones/{zone_id}/methods",
     .insert_batch = 1,
     .insert_columns = SHIPPING_METHOD_COLUMNS,
     .update_path = "/v2/shipping/zones/{zone_id}/methods/{id}",
     .update_batch = 1,
     .update_columns = SHIPPING_METHOD_COLUMNS,
     .delete_path = "/v2/shipping/zones/{zone_id}/methods/{id}"},
    {.table = "ShippingZones",
     .insert_path = "/v2/shipping/zones",
     .insert_batch = 1,
     .insert_columns = "name type locations free_shipping handling_fees enabled",
     .update_path = "/v2/shipping/zones/{id}",
     .update_batch = 1,
     .update_columns = "name type locations free_shipping handling_fees enabled",
     .update_required = "name",
     .delete_path = "/v2/shipping/zones/{id}"},
    {.table = "Webhooks",
     .insert_path = "/v3/hooks",
     .insert_batch = 1,
     .insert_columns = "scope destination headers is_active",
     .update_path = "/v3/hooks/{id}",
     .update_batch = 1,
     .update_columns = "scope destination headers is_active",
     .delete_path = "/v3/hooks/{id}"},
};

const bc_write_spec *bc_write_spec_find(const char *table)
{
    if (table == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof k_specs / sizeof k_specs[0]; i++)
        if (strcasecmp(k_specs[i].table, table) == 0)
            return &k_specs[i];
    return NULL;
}

bool bc_write_spec_lists(const char *list, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = list; p != NULL && *p != '\0';) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

const char *bc_write_spec_body_name(const bc_write_spec *ws, const char *name, char *buf, size_t n)
{
    size_t len = strlen(name);

    for (const char *p = ws ? ws->body_names : NULL; p != NULL && *p != '\0';) {
        size_t word = strcspn(p, " ");
        if (word > len + 1 && strncmp(p, name, len) == 0 && p[len] == '=' && word - len - 1 < n) {
            memcpy(buf, p + len + 1, word - len - 1);
            buf[word - len - 1] = '\0';
            return buf;
        }
        p += word + (p[word] == ' ');
    }
    return NULL;
}
