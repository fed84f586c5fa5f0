/*
 * A product option's values (write.h): POST /v3/catalog/products/{p}/options/{o}/values
 * creates one, PUT and DELETE .../values/{v} change and remove one, as the reference
 * documents (label and sort_order required, at most 250 values per option). The values live
 * in the option's option_values array, so every write rewrites the option.
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_VALUES_PER_OPTION = 250 };

static const char k_prefix[] = "v3/catalog/products/";

/* product, option and (0 when absent) value ids of a values path; 0 when it is not one. */
static int parse_path(const char *path, long ids[3])
{
    char *end;
    const char *p = path;

    if (strncmp(p, k_prefix, sizeof k_prefix - 1) != 0)
        return 0;
    ids[0] = strtol(p + sizeof k_prefix - 1, &end, 10);
    if (strncmp(end, "/options/", 9) != 0)
        return 0;
    ids[1] = strtol(end + 9, &end, 10);
    if (strncmp(end, "/values", 7) != 0)
        return 0;
    p = end + 7;
    ids[2] = 0;
    if (*p == '/' && p[1] >= '0' && p[1] <= '9')
        ids[2] = strtol(p + 1, &end, 10), p = end;
    return *p == '\0' || (p[0] == '/' && p[1] == '\0');
}

static void answer(sb_reply *rp, cJSON *value)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "data", value);
    sb_add_obj(o, "meta");
    sb_reply_json(rp, 200, o);
}

/* The largest value id of every option, plus one: value ids are unique in the store. */
static long next_value_id(const sb_resource *opts)
{
    long max = 0;
    for (size_t i = 0; i < opts->count; i++) {
        cJSON *o = sb_wr_parse(opts, (long)i), *v;
        cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(o, "option_values"))
        {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(v, "id");
            if (cJSON_IsNumber(id) && (long)id->valuedouble > max)
                max = (long)id->valuedouble;
        }
        cJSON_Delete(o);
    }
    return max + 1;
}

static int find_value(const cJSON *values, long id)
{
    int i = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, values)
    {
        const cJSON *vid = cJSON_GetObjectItemCaseSensitive(v, "id");
        if (cJSON_IsNumber(vid) && (long)vid->valuedouble == id)
            return i;
        i++;
    }
    return -1;
}

/* 422 problems of a value body: the required fields and their types. */
static cJSON *check_value(const cJSON *in)
{
    cJSON *errors = cJSON_CreateObject();
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(in, "label");
    const cJSON *order = cJSON_GetObjectItemCaseSensitive(in, "sort_order");

    if (!cJSON_IsString(label) || label->valuestring[0] == '\0')
        cJSON_AddStringToObject(errors, "label", "The field 'label' is required");
    if (!cJSON_IsNumber(order))
        cJSON_AddStringToObject(errors, "sort_order", "The field 'sort_order' is required");
    if (cJSON_GetArraySize(errors) == 0) {
        cJSON_Delete(errors);
        return NULL;
    }
    return errors;
}

/* The value as stored: the body's fields (but its id) over base. */
static cJSON *merged(const cJSON *base, const cJSON *in, long id)
{
    cJSON *v = base ? cJSON_Duplicate(base, 1) : cJSON_CreateObject();
    const cJSON *f;
    cJSON_ArrayForEach(f, in)
    {
        if (strcmp(f->string, "id") == 0)
            continue;
        cJSON_DeleteItemFromObjectCaseSensitive(v, f->string);
        cJSON_AddItemToObject(v, f->string, cJSON_Duplicate(f, 1));
    }
    cJSON_DeleteItemFromObjectCaseSensitive(v, "id");
    cJSON_AddNumberToObject(v, "id", (double)id);
    if (!cJSON_GetObjectItemCaseSensitive(v, "is_default"))
        cJSON_AddFalseToObject(v, "is_default");
    if (!cJSON_GetObjectItemCaseSensitive(v, "value_data"))
        cJSON_AddNullToObject(v, "value_data");
    return v;
}

/* Apply the write to the option at idx (parsed as opt); rp filled. */
static void write_value(sb_resource *opts, long idx, cJSON *opt, const char *method, long vid,
                        const cJSON *in, sb_reply *rp)
{
    cJSON *values = cJSON_GetObjectItemCaseSensitive(opt, "option_values");
    int at = vid > 0 ? find_value(values, vid) : -1;
    cJSON *errors, *v;

    if (vid > 0 && at < 0) {
        sb_reply_v3_problem(rp, 404, "The option has no value with this id.", NULL);
        return;
    }
    if (strcmp(method, "DELETE") == 0) {
        cJSON_DeleteItemFromArray(values, at);
        sb_wr_replace(opts, idx, opt);
        sb_reply_set(rp, 204, "application/json", strdup(""), 0);
        return;
    }
    if ((errors = check_value(in)) != NULL) {
        sb_reply_v3_problem(rp, 422, "The option value was not valid; see errors for the fields",
                            errors);
        return;
    }
    if (vid == 0 && cJSON_GetArraySize(values) >= MAX_VALUES_PER_OPTION) {
        sb_reply_v3_problem(rp, 422, "An option holds at most 250 values.", NULL);
        return;
    }
    v = merged(vid > 0 ? cJSON_GetArrayItem(values, at) : NULL, in,
               vid > 0 ? vid : next_value_id(opts));
    if (vid > 0)
        cJSON_ReplaceItemInArray(values, at, cJSON_Duplicate(v, 1));
    else
        cJSON_AddItemToArray(values, cJSON_Duplicate(v, 1));
    if (sb_wr_replace(opts, idx, opt) != 0) {
        cJSON_Delete(v);
        sb_reply_v3_problem(rp, 500, "The sandbox ran out of memory.", NULL);
        return;
    }
    answer(rp, v);
}

int sb_route_option_values(sb_store *st, const char *method, const char *path, const char *body,
                           size_t len, sb_reply *rp)
{
    long ids[3];
    sb_resource *opts = &st->res[SB_RES_PRODUCT_OPTIONS];
    long idx;
    cJSON *opt, *in = NULL;
    int creating = strcmp(method, "POST") == 0;

    if (!parse_path(path, ids) || strcmp(method, "GET") == 0)
        return 0;
    if (creating != (ids[2] == 0) ||
        (!creating && strcmp(method, "PUT") != 0 && strcmp(method, "DELETE") != 0)) {
        sb_reply_v3_problem(rp, 405, "The sandbox does not take this method on this path.", NULL);
        return 1;
    }
    idx = sb_wr_index(opts, ids[1]);
    if (idx < 0 || opts->items[idx].parent_id != ids[0]) {
        sb_reply_v3_problem(rp, 404, "The product has no option with this id.", NULL);
        return 1;
    }
    if (strcmp(method, "DELETE") != 0 &&
        !cJSON_IsObject(in = body ? cJSON_ParseWithLength(body, len) : NULL)) {
        cJSON_Delete(in);
        sb_reply_v3_problem(rp, 400, "The request body is not valid JSON.", NULL);
        return 1;
    }
    opt = sb_wr_parse(opts, idx);
    write_value(opts, idx, opt, method, ids[2], in, rp);
    cJSON_Delete(opt);
    cJSON_Delete(in);
    return 1;
}
