/*
 * An order's items changed through PUT /v2/orders/{id} with "products" (write.h), as the
 * reference documents: an item without id is added, one with id is updated (only the fields
 * given), one with quantity 0 is removed. Checked whole before anything changes.
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

/* 1 when the items apply, else 0 with *why set. */
static int check_items(const sb_resource *items, long order, const cJSON *products,
                       const char **why)
{
    const cJSON *it;

    cJSON_ArrayForEach(it, products)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
        const cJSON *qty = cJSON_GetObjectItemCaseSensitive(it, "quantity");
        if (!cJSON_IsObject(it)) {
            *why = "Each item of products must be an object";
            return 0;
        }
        if (qty && (!cJSON_IsNumber(qty) || qty->valuedouble < 0)) {
            *why = "The quantity must be a whole number of zero or more";
            return 0;
        }
        if (cJSON_IsNumber(id)) {
            long idx = sb_wr_index(items, (long)id->valuedouble);
            if (idx < 0 || items->items[idx].parent_id != order) {
                *why = "An item id of products is not an item of this order";
                return 0;
            }
        } else if (!cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(it, "product_id")) &&
                   !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "name"))) {
            *why = "A new item needs product_id (or a name for a custom product)";
            return 0;
        }
    }
    return 1;
}

static void apply_item(sb_resource *items, long order, const cJSON *it)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(it, "id");
    const cJSON *qty = cJSON_GetObjectItemCaseSensitive(it, "quantity");
    long idx = cJSON_IsNumber(id) ? sb_wr_index(items, (long)id->valuedouble) : -1;
    cJSON *o = idx >= 0 ? sb_wr_parse(items, idx) : cJSON_CreateObject();
    const cJSON *f;

    if (idx >= 0 && cJSON_IsNumber(qty) && qty->valuedouble == 0) {
        sb_wr_remove(items, idx);
        cJSON_Delete(o);
        return;
    }
    if (!o)
        return;
    cJSON_ArrayForEach(f, it)
    {
        if (strcmp(f->string, "id") == 0)
            continue;
        cJSON_DeleteItemFromObjectCaseSensitive(o, f->string);
        cJSON_AddItemToObject(o, f->string, cJSON_Duplicate(f, 1));
    }
    if (idx >= 0) {
        sb_wr_replace(items, idx, o);
    } else {
        long nid = sb_wr_next_id(items);
        cJSON_AddNumberToObject(o, "id", (double)nid);
        cJSON_AddNumberToObject(o, "order_id", (double)order);
        if (!cJSON_GetObjectItemCaseSensitive(o, "quantity"))
            cJSON_AddNumberToObject(o, "quantity", 1);
        sb_wr_insert(items, nid, order, o);
    }
    cJSON_Delete(o);
}

int sb_order_items_apply(sb_store *st, long order, const cJSON *body, const char **why)
{
    const cJSON *products = cJSON_GetObjectItemCaseSensitive(body, "products");
    sb_resource *items = &st->res[SB_RES_ORDER_PRODUCTS];
    const cJSON *it;

    if (products == NULL)
        return 1;
    if (!cJSON_IsArray(products)) {
        *why = "products must be an array";
        return 0;
    }
    if (!check_items(items, order, products, why))
        return 0;
    cJSON_ArrayForEach(it, products) apply_item(items, order, it);
    return 1;
}
