/*
 * Answers that name the rows they applied: the key an answer gives a row, and a 422 that
 * still applied part of its batch (the batch metafield endpoints answer so: "data" lists the
 * objects created or changed, or the ids deleted, and "errors" why the others were not).
 * Such rows are reported written; the rest fail with the API's messages.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "write_internal.h"

const char *bc_write_answer_key(const bc_write_spec *ws)
{
    return ws->answer_key ? ws->answer_key : "id";
}

bool bc_write_answered_id(const cJSON *items, const char *key, long long id)
{
    const cJSON *it;

    cJSON_ArrayForEach(it, items)
    {
        const cJSON *v = cJSON_IsNumber(it) ? it : cJSON_GetObjectItemCaseSensitive(it, key);
        if (cJSON_IsNumber(v) && bc_double_to_ll(v->valuedouble) == id)
            return true;
    }
    return false;
}

bool bc_write_applied_in_part(long status, const cJSON *out)
{
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(out, "data");

    return status == 422 && cJSON_IsArray(data) && cJSON_GetArraySize(data) > 0;
}

/* Whether every text and number the row sent is what the answered object holds. */
static bool same_values(const cJSON *sent, const cJSON *got)
{
    const cJSON *f;

    cJSON_ArrayForEach(f, sent)
    {
        const cJSON *g = cJSON_GetObjectItemCaseSensitive(got, f->string);
        if (cJSON_IsString(f) &&
            !(cJSON_IsString(g) && strcmp(g->valuestring, f->valuestring) == 0))
            return false;
        if (cJSON_IsNumber(f) && !(cJSON_IsNumber(g) && g->valuedouble == f->valuedouble))
            return false;
    }
    return true;
}

/* The id of the created object that holds op's values and no earlier row claimed; 0 when
 * none does. */
static long long created_id(const cJSON *items, const bc_wop *op, const char *key, bool *used)
{
    const cJSON *it;
    int i = 0;

    cJSON_ArrayForEach(it, items)
    {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, key);
        if (!used[i] && cJSON_IsNumber(v) && same_values(op->body, it)) {
            used[i] = true;
            return bc_double_to_ll(v->valuedouble);
        }
        i++;
    }
    return 0;
}

int bc_write_record_partial(bc_engine *e, const bc_wop *ops, int n, const cJSON *out,
                            const bc_error *err)
{
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(out, "data");
    const char *key = bc_write_answer_key(ops[0].ws);
    bool *used = calloc((size_t)cJSON_GetArraySize(items) + 1, sizeof *used);

    if (used == NULL)
        return -1;
    for (int k = 0; k < n; k++) {
        long long id = ops[k].kind == BC_WOP_INSERT ? created_id(items, &ops[k], key, used)
                       : bc_write_answered_id(items, key, ops[k].id) ? ops[k].id
                                                                     : 0;
        bool ok = id > 0;
        if (ok && ops[k].kind == BC_WOP_INSERT)
            e->w->last_id = id;
        if (bc_write_push_result(e->w, &ops[k], ok ? id : ops[k].id, ok, err->native,
                                 ok ? "" : err->sqlstate, ok ? NULL : err->message) != 0) {
            free(used);
            return -1;
        }
    }
    free(used);
    return 0;
}
