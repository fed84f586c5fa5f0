/*
 * Customer attribute values (write.h): PUT /v3/customers/attribute-values upserts an array of
 * {attribute_id, value, customer_id[, id]}, a value per customer and attribute, for at most
 * ten customers per request; DELETE ?id:in= removes values. As the reference documents, the
 * body calls the value "value" while the lists answer it as "attribute_value"; a value must
 * suit its attribute's type (a number attribute takes only numbers).
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_CUSTOMERS_PER_CALL = 10 };

static const char k_path[] = "v3/customers/attribute-values";

static long number_of(const cJSON *obj, const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    return cJSON_IsNumber(v) ? (long)v->valuedouble : 0;
}

/* The stored value of (customer, attribute), -1 when none. */
static long find_value(const sb_resource *r, long customer, long attribute)
{
    for (size_t i = sb_resource_lower_parent(r, customer);
         i < r->count && r->items[i].parent_id == customer; i++) {
        cJSON *o = sb_wr_parse(r, (long)i);
        long a = number_of(o, "attribute_id");
        cJSON_Delete(o);
        if (a == attribute)
            return (long)i;
    }
    return -1;
}

static void add_error(cJSON *errors, int i, const char *field, const char *msg)
{
    char key[64];
    snprintf(key, sizeof key, "[%d].%s", i, field);
    cJSON_AddStringToObject(errors, key, msg);
}

/* The problems of item i: required fields, the customer and attribute, the value's type. */
static int check_item(const sb_store *st, const cJSON *it, int i, cJSON *errors)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(it, "value");
    long attr = number_of(it, "attribute_id"), customer = number_of(it, "customer_id");
    long aidx = sb_wr_index(&st->res[SB_RES_CUSTOMER_ATTRIBUTES], attr);
    int bad = 0;

    if (!cJSON_IsString(value)) {
        add_error(errors, i, "value", "The field 'value' is required");
        bad++;
    }
    if (aidx < 0) {
        add_error(errors, i, "attribute_id", "No customer attribute has this id.");
        bad++;
    }
    if (sb_wr_index(&st->res[SB_RES_CUSTOMERS], customer) < 0) {
        add_error(errors, i, "customer_id", "No customer has this id.");
        bad++;
    }
    if (aidx >= 0 && cJSON_IsString(value)) {
        cJSON *a = sb_wr_parse(&st->res[SB_RES_CUSTOMER_ATTRIBUTES], aidx);
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(a, "type");
        char *end;
        if (cJSON_IsString(type) && strcmp(type->valuestring, "number") == 0 &&
            (strtod(value->valuestring, &end), *value->valuestring == '\0' || *end != '\0')) {
            add_error(errors, i, "value", "This attribute holds numbers only.");
            bad++;
        }
        cJSON_Delete(a);
    }
    return bad;
}

/* The stored object for item it, created or changed; NULL when out of memory. */
static cJSON *upsert(sb_resource *r, const cJSON *it)
{
    long customer = number_of(it, "customer_id"), attr = number_of(it, "attribute_id");
    long idx = find_value(r, customer, attr), id = idx >= 0 ? r->items[idx].id : sb_wr_next_id(r);
    cJSON *o = idx >= 0 ? sb_wr_parse(r, idx) : cJSON_CreateObject();
    char when[64];

    sb_fmt_iso(when, sizeof when, (long long)time(NULL));
    if (idx < 0) {
        sb_add_num(o, "attribute_id", (double)attr);
        sb_add_num(o, "id", (double)id);
        sb_add_num(o, "customer_id", (double)customer);
        sb_add_str(o, "date_created", when);
    }
    cJSON_DeleteItemFromObjectCaseSensitive(o, "attribute_value");
    cJSON_AddStringToObject(
        o, "attribute_value",
        cJSON_GetObjectItemCaseSensitive(it, "value")->valuestring); /* checked before */
    cJSON_DeleteItemFromObjectCaseSensitive(o, "date_modified");
    cJSON_AddStringToObject(o, "date_modified", when);
    if ((idx >= 0 ? sb_wr_replace(r, idx, o) : sb_wr_insert(r, id, customer, o)) != 0) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Distinct customers of the request. */
static int customers_in(const cJSON *in)
{
    long seen[64];
    int n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, in)
    {
        long c = number_of(it, "customer_id");
        int known = 0;
        for (int k = 0; k < n; k++)
            known |= seen[k] == c;
        if (!known && n < 64)
            seen[n++] = c;
    }
    return n;
}

static void put_values(sb_store *st, const cJSON *in, sb_reply *rp)
{
    cJSON *errors = cJSON_CreateObject(), *out, *doc, *it;
    int i = 0, bad = 0;

    if (!cJSON_IsArray(in) || cJSON_GetArraySize(in) == 0 ||
        customers_in(in) > MAX_CUSTOMERS_PER_CALL) {
        cJSON_Delete(errors);
        sb_reply_v3_problem(rp, 422, "Send an array of values for 1 to 10 customers.", NULL);
        return;
    }
    cJSON_ArrayForEach(it, in) bad += check_item(st, it, i++, errors);
    if (bad > 0) {
        sb_reply_v3_problem(rp, 422, "The batch was not valid; nothing was changed. See errors.",
                            errors);
        return;
    }
    cJSON_Delete(errors);
    out = cJSON_CreateArray();
    cJSON_ArrayForEach(it, in)
    {
        cJSON *o = upsert(&st->res[SB_RES_CUSTOMER_ATTRIBUTE_VALUES], it);
        if (o != NULL)
            cJSON_AddItemToArray(out, o);
    }
    doc = cJSON_CreateObject();
    cJSON_AddItemToObject(doc, "data", out);
    sb_add_obj(doc, "meta");
    sb_reply_json(rp, 200, doc);
}

void sb_attribute_values_drop(sb_store *st, long attr)
{
    sb_resource *r = &st->res[SB_RES_CUSTOMER_ATTRIBUTE_VALUES];

    for (long i = (long)r->count - 1; i >= 0; i--) {
        cJSON *o = sb_wr_parse(r, i);
        if (number_of(o, "attribute_id") == attr)
            sb_wr_remove(r, i);
        cJSON_Delete(o);
    }
}

static void delete_values(sb_store *st, const sb_args *args, sb_reply *rp)
{
    const char *list = args->get(args->ctx, "id:in");
    sb_resource *r = &st->res[SB_RES_CUSTOMER_ATTRIBUTE_VALUES];

    if (list == NULL || *list == '\0') {
        sb_reply_v3_problem(rp, 422, "Give the ids to delete in id:in.", NULL);
        return;
    }
    for (const char *p = list;;) {
        char *end;
        long idx = sb_wr_index(r, strtol(p, &end, 10));
        if (end != p && idx >= 0)
            sb_wr_remove(r, idx);
        if (*end != ',')
            break;
        p = end + 1;
    }
    sb_reply_set(rp, 204, "application/json", strdup(""), 0);
}

int sb_route_attribute_values(sb_store *st, const char *method, const char *path, const char *body,
                              size_t len, const sb_args *args, sb_reply *rp)
{
    size_t n = sizeof k_path - 1;
    cJSON *doc;

    if (strncmp(path, k_path, n) != 0 || (path[n] != '\0' && strcmp(path + n, "/") != 0))
        return 0;
    if (strcmp(method, "DELETE") == 0) {
        delete_values(st, args, rp);
        return 1;
    }
    if (strcmp(method, "PUT") != 0)
        return 0;
    doc = body ? cJSON_ParseWithLength(body, len) : NULL;
    put_values(st, doc, rp);
    cJSON_Delete(doc);
    return 1;
}
