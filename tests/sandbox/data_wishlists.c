/*
 * Wishlists (/v3/wishlists): some customers have one, holding zero to three real products
 * (variant = the product's base variant). parent_id = customer id for the customer_id filter.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>

enum { TAG_WISHLIST = 49 };

static cJSON *wishlist_json(const sb_config *cfg, long id, long customer, long *next_item)
{
    static const char *const names[] = {"Geburtstag 🎂", "Summer wishes", "Pour Noël"};
    char token[64];
    long n = sb_rand_range(cfg->seed, TAG_WISHLIST, id, 1, 0, 3);
    snprintf(token, sizeof token, "%08lx-0000-4000-8000-%012ld",
             (unsigned long)cfg->seed & 0xffffffffUL, id % 1000000000000L);
    cJSON *o = cJSON_CreateObject();
    sb_add_num(o, "id", (double)id);
    sb_add_num(o, "customer_id", (double)customer);
    sb_add_str(o, "name", names[id % 3]);
    sb_add_bool(o, "is_public", id % 2 == 0);
    sb_add_str(o, "token", token);
    cJSON *items = sb_add_arr(o, "items");
    for (long k = 0; k < n && cfg->products > 0; k++) {
        long pid = sb_rand_range(cfg->seed, TAG_WISHLIST, id, 10 + (unsigned)k, 1, cfg->products);
        cJSON *it = cJSON_CreateObject();
        sb_add_num(it, "id", (double)(*next_item)++);
        sb_add_num(it, "product_id", (double)pid);
        sb_add_num(it, "variant_id", (double)(pid + 1000));
        sb_arr_push(items, it);
    }
    return o;
}

int sb_gen_wishlists(const sb_config *cfg, sb_store *st)
{
    long id = 1, next_item = 1;
    for (long c = 1; c <= cfg->customers; c++) {
        if (sb_rand_range(cfg->seed, TAG_WISHLIST, c, 0, 0, 2) != 0)
            continue; /* about a third of the customers keep a wishlist */
        if (sb_resource_add(&st->res[SB_RES_WISHLISTS], id, c,
                            wishlist_json(cfg, id, c, &next_item)) != 0)
            return -1;
        id++;
    }
    return 0;
}
