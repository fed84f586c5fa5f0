/*
 * The one generator entry of the store-area resources (customers' extras, channels,
 * shipping, content, settings, geography): names the resources, then runs the generators.
 * Names live here rather than in store.c's table so this area adds one line there.
 */
#include "data_store_area.h"

typedef struct area_res {
    sb_res_id id;
    const char *name;
} area_res;

static const area_res names[] = {
    {SB_RES_CHANNELS, "Channel"},
    {SB_RES_CHANNEL_LISTINGS, "Channel listing"},
    {SB_RES_SITES, "Site"},
    {SB_RES_CURRENCIES, "Currency"},
    {SB_RES_CUSTOMER_ADDRESSES, "Customer address"},
    {SB_RES_CUSTOMER_GROUPS, "Customer group"},
    {SB_RES_CUSTOMER_ATTRIBUTES, "Customer attribute"},
    {SB_RES_CUSTOMER_ATTRIBUTE_VALUES, "Customer attribute value"},
    {SB_RES_CUSTOMER_METAFIELDS, "Metafield"},
    {SB_RES_SUBSCRIBERS, "Subscriber"},
    {SB_RES_WISHLISTS, "Wishlist"},
    {SB_RES_SHIPPING_ZONES, "Shipping zone"},
    {SB_RES_SHIPPING_METHODS, "Shipping method"},
    {SB_RES_BLOG_POSTS, "Blog post"},
    {SB_RES_BLOG_TAGS, "Blog tag"},
    {SB_RES_PAGES, "Page"},
    {SB_RES_REDIRECTS, "Redirect"},
    {SB_RES_TAX_CLASSES, "Tax class"},
    {SB_RES_STORE_LOGS, "System log"},
    {SB_RES_WEBHOOKS, "Webhook"},
    {SB_RES_COUNTRIES, "Country"},
    {SB_RES_STATES, "State"},
};

static int (*const generators[])(const sb_config *, sb_store *) = {
    sb_gen_channels,  sb_gen_customer_extras, sb_gen_customer_attributes,
    sb_gen_wishlists, sb_gen_shipping,        sb_gen_content,
    sb_gen_settings,  sb_gen_geography,
};

int sb_gen_store_area(const sb_config *cfg, sb_store *st)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        st->res[names[i].id].name = names[i].name;
    for (size_t g = 0; g < sizeof generators / sizeof generators[0]; g++)
        if (generators[g](cfg, st) != 0)
            return -1;
    return 0;
}
