/*
 * Sending the queued rows: consecutive rows of one kind and one path go out together in the
 * API's batch form (an array body for POST/PUT, an id:in list for DELETE) up to the spec's
 * batch size, one request at a time through the api layer (which paces them with the store's
 * rate limiter). Every row gets an outcome; a row is counted as changed only when the API's
 * answer says it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "write_internal.h"

static const char *method_of(const bc_wop *op)
{
    if (op->kind == BC_WOP_INSERT)
        return op->ws->insert_method ? op->ws->insert_method : "POST";
    if (op->kind == BC_WOP_DELETE)
        return op->ws->delete_method ? op->ws->delete_method : "DELETE";
    return "PUT";
}

/* Rows per request for op's kind; an array body (or id list) when the spec says so. */
static int batch_size(const bc_wop *op, bool *as_list)
{
    const bc_write_spec *ws = op->ws;
    bool delete_list = ws->delete_in_param || ws->delete_body || ws->delete_ids_body;
    int n = op->kind == BC_WOP_INSERT   ? ws->insert_batch
            : op->kind == BC_WOP_UPDATE ? ws->update_batch
            : delete_list               ? ws->delete_batch
                                        : 1;

    *as_list = n > 1;
    return n > 1 ? n : 1;
}

static int group_len(const bc_write_state *w, int i)
{
    bool list;
    int max = batch_size(&w->ops[i], &list), n = 1;

    while (i + n < w->nops && n < max && w->ops[i + n].kind == w->ops[i].kind &&
           w->ops[i + n].t == w->ops[i].t && strcmp(w->ops[i + n].path, w->ops[i].path) == 0)
        n++;
    return n;
}

/* "DELETE /v3/customers?id:in=1,2,3" */
static char *delete_list_path(const bc_wop *ops, int n)
{
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_printf(&b, "%s?%s=", ops[0].path, ops[0].ws->delete_in_param);
    for (int k = 0; k < n; k++)
        bc_buf_printf(&b, "%s%lld", k ? "," : "", ops[k].id);
    return bc_buf_steal(&b);
}

/* [1, 2, 3]: the ids of a DELETE whose endpoint takes them as its body. */
static cJSON *delete_ids_body(const bc_wop *ops, int n)
{
    cJSON *arr = cJSON_CreateArray();

    for (int k = 0; arr != NULL && k < n; k++)
        if (!cJSON_AddItemToArray(arr, cJSON_CreateNumber((double)ops[k].id))) {
            cJSON_Delete(arr);
            return NULL;
        }
    return arr;
}

/* The body of a group: one object, or an array referring to (not owning) the objects. */
static cJSON *group_body(const bc_wop *ops, int n, bool as_list)
{
    const char *wrap = ops[0].ws->body_wrap;
    cJSON *arr, *outer;

    if (ops[0].body == NULL || (!as_list && wrap == NULL))
        return ops[0].body;
    if ((arr = cJSON_CreateArray()) == NULL)
        return NULL;
    for (int k = 0; k < n; k++)
        if (!cJSON_AddItemReferenceToArray(arr, ops[k].body)) {
            cJSON_Delete(arr);
            return NULL;
        }
    if (wrap == NULL)
        return arr;
    /* {"products": [rows]}: the rows go through their parent's PUT. */
    if ((outer = cJSON_CreateObject()) == NULL || !cJSON_AddItemToObject(outer, wrap, arr)) {
        cJSON_Delete(outer);
        cJSON_Delete(arr);
        return NULL;
    }
    return outer;
}

static int fail_group(bc_engine *e, const bc_wop *ops, int n, const bc_error *err, bool unknown)
{
    for (int k = 0; k < n; k++) {
        if (bc_write_push_result(e->w, &ops[k], ops[k].id, false, err->native, err->sqlstate,
                                 err->message) != 0)
            return -1;
        e->w->res[e->w->nres - 1].unknown = unknown;
    }
    return 0;
}

static const cJSON *answer_items(const cJSON *out);

/* The spec's unique value of a row (its probe column), NULL when it has none. */
static const char *probe_value(const bc_wop *op)
{
    const cJSON *v = op->ws->probe_column
                         ? cJSON_GetObjectItemCaseSensitive(op->body, op->ws->probe_column)
                         : NULL;
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* GET insert_path?probe_param=v1,v2 for the rows' unique values; NULL when it failed. */
static cJSON *probe_lookup(bc_engine *e, const bc_wop *ops, int n)
{
    const bc_write_spec *ws = ops[0].ws;
    cJSON *out = NULL;
    bc_error err;
    bc_buf b;
    int sent = 0;

    bc_buf_init(&b);
    bc_buf_printf(&b, "%s?%s=", ws->insert_path, ws->probe_param);
    for (int k = 0; k < n; k++) {
        char *esc = probe_value(&ops[k]) ? bc_http_escape(probe_value(&ops[k])) : NULL;
        if (esc != NULL)
            bc_buf_printf(&b, "%s%s", sent++ ? "," : "", esc);
        free(esc);
    }
    if (n > 1)
        bc_buf_puts(&b, "&limit=250");
    char *path = bc_buf_steal(&b);
    bc_error_clear(&err);
    if (sent == 0 || path == NULL || bc_api_get(e->api, path, &out, NULL, &err) != 0) {
        cJSON_Delete(out);
        out = NULL;
    }
    free(path);
    return out;
}

/* The id of op's row in a lookup's answer, 0 when it is not there. */
static long long probe_find(const cJSON *out, const bc_wop *op)
{
    const char *want = probe_value(op);
    const cJSON *it;

    cJSON_ArrayForEach(it, answer_items(out))
    {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(it, op->ws->probe_column);
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(it, "id");
        if (want != NULL && cJSON_IsString(f) && strcmp(f->valuestring, want) == 0 &&
            cJSON_IsNumber(idv))
            return bc_double_to_ll(idv->valuedouble);
    }
    return 0;
}

/* The ids of inserted rows found by the spec's unique column (after a POST without a usable
 * answer, or one that answers without the rows): ids[k] is 0 when the row is not there, -1
 * when it cannot be looked up. One GET for the group when the filter takes a list. */
static void probe_inserts(bc_engine *e, const bc_wop *ops, int n, long long *ids)
{
    const char *param = ops[0].ws->probe_param;
    int step = param != NULL && strstr(param, ":in") != NULL ? n : 1;

    for (int k = 0; k < n; k += step) {
        int m = step < n - k ? step : n - k;
        cJSON *out = param != NULL ? probe_lookup(e, &ops[k], m) : NULL;
        for (int j = k; j < k + m; j++)
            ids[j] = out != NULL && probe_value(&ops[j]) ? probe_find(out, &ops[j]) : -1;
        cJSON_Delete(out);
    }
}

/* Rows of a POST whose outcome is unknown: those found afterwards were written; the others
 * stay unknown, saying whether the check found nothing or could not be made. */
static int resolve_unknown_inserts(bc_engine *e, const bc_wop *ops, int n, const bc_error *err)
{
    long long *ids = calloc((size_t)n, sizeof *ids);

    if (ids == NULL)
        return -1;
    probe_inserts(e, ops, n, ids);
    for (int k = 0; k < n; k++) {
        long long id = ids[k];
        char msg[sizeof err->message + 200];
        int rc;
        if (id > 0) {
            e->w->last_id = id;
            snprintf(msg, sizeof msg,
                     "The request got no usable answer, but the driver found the row afterwards "
                     "(id %lld): it was written.",
                     id);
            rc = bc_write_push_result(e->w, &ops[k], id, true, err->native, "01000", msg);
        } else {
            snprintf(msg, sizeof msg, "%s%s", err->message,
                     id == 0 ? " No such row existed when the driver checked right after; it may "
                               "still appear."
                             : "");
            rc = bc_write_push_result(e->w, &ops[k], 0, false, err->native, err->sqlstate, msg);
            if (rc == 0)
                e->w->res[e->w->nres - 1].unknown = true;
        }
        if (rc != 0) {
            free(ids);
            return -1;
        }
    }
    free(ids);
    return 0;
}

/* No answer at all, a time-out, or a server error: a POST or PUT may have been applied. */
static bool outcome_is_unknown(const bc_wop *op, const bc_error *err)
{
    if (op->kind == BC_WOP_DELETE && op->ws->delete_method == NULL)
        return false; /* the api layer repeats DELETEs; a lost one simply failed */
    if (err->native >= 500)
        return true;
    /* Cancelled (HY008) or timed out while in flight: the request may have arrived. */
    return err->native == 0 &&
           (strcmp(err->sqlstate, "08S01") == 0 || strcmp(err->sqlstate, "HYT00") == 0 ||
            strcmp(err->sqlstate, "HY008") == 0);
}

/* A POST or PUT that got no answer may or may not have been applied: it is not sent again
 * (it could write twice), and the rows say so. */
static void outcome_unknown(const char *method, const char *path, bc_error *err)
{
    char was[sizeof err->message];

    long native = err->native;

    snprintf(was, sizeof was, "%s", err->message);
    bc_error_clear(err);
    bc_error_set(err, "08S01", native,
                 "Outcome unknown: %s %s did not complete (%s). BigCommerce may or may not have "
                 "applied it, and the driver does not repeat it; read the rows back before "
                 "running the statement again.",
                 method, path, was);
}

/* The detail text of a 207's "errors" member: title and field messages. Caller frees. */
static char *multi_status_text(const cJSON *out)
{
    const cJSON *errs = cJSON_GetObjectItemCaseSensitive(out, "errors");
    const cJSON *title = cJSON_GetObjectItemCaseSensitive(errs, "title");
    const cJSON *fields = cJSON_GetObjectItemCaseSensitive(errs, "errors");
    const cJSON *it;
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_puts(&b, "BigCommerce applied only part of the request (HTTP 207)");
    if (cJSON_IsString(title))
        bc_buf_printf(&b, ": %s", title->valuestring);
    cJSON_ArrayForEach(it, fields)
    {
        if (cJSON_IsString(it))
            bc_buf_printf(&b, "; %s: %s", it->string ? it->string : "", it->valuestring);
    }
    return bc_buf_steal(&b);
}

/* The answered objects: v3 {data: [...]} or {data: {...}}, v2 the object itself. */
static const cJSON *answer_items(const cJSON *out)
{
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(out, "data");

    return data != NULL ? data : out;
}

static const cJSON *answer_item(const cJSON *items, int k)
{
    if (cJSON_IsArray(items))
        return cJSON_GetArrayItem(items, k);
    return k == 0 && cJSON_IsObject(items) ? items : NULL;
}

/* The ids of the inserted rows from the answer, in the rows' order; where the answer does not
 * carry them (InventoryLocations answers with a transaction id only) from a lookup by the
 * spec's unique column. ids[k] is 0 when unknown. */
static void inserted_ids(bc_engine *e, const bc_wop *ops, int n, const cJSON *out, long long *ids)
{
    const cJSON *items = answer_items(out);
    bool missing = false;

    for (int k = 0; k < n; k++) {
        const cJSON *id =
            cJSON_GetObjectItemCaseSensitive(answer_item(items, k), bc_write_answer_key(ops[0].ws));
        ids[k] = cJSON_IsNumber(id) ? bc_double_to_ll(id->valuedouble) : 0;
        missing |= ids[k] == 0;
    }
    if (missing && ops[0].ws->probe_param != NULL) {
        probe_inserts(e, ops, n, ids);
        for (int k = 0; k < n; k++)
            ids[k] = ids[k] > 0 ? ids[k] : 0;
    }
}

static int record_inserts(bc_engine *e, const bc_wop *ops, int n, const cJSON *out, long status,
                          const char *warning)
{
    /* Rows written through their parent are answered with the parent, not with themselves. */
    bool has_ids = bc_catalog_column_index(ops[0].t, bc_write_answer_key(ops[0].ws)) >= 0 &&
                   ops[0].ws->body_wrap == NULL;
    long long *ids = calloc((size_t)n, sizeof *ids);
    int rc = ids == NULL ? -1 : 0;

    /* An answer that lists no rows at all (InventoryLocations' transaction id) still says
     * the request was applied; only the ids are missing. */
    const cJSON *items = answer_items(out);
    bool listed = cJSON_IsArray(items) ||
                  cJSON_GetObjectItemCaseSensitive(items, bc_write_answer_key(ops[0].ws)) != NULL;

    if (rc == 0 && has_ids)
        inserted_ids(e, ops, n, out, ids);
    for (int k = 0; rc == 0 && k < n; k++) {
        if (!has_ids) { /* an upsert of objects without ids: the 2xx is the answer */
            rc = bc_write_push_result(e->w, &ops[k], 0, true, status, warning ? "01000" : "",
                                      warning);
        } else if (ids[k] > 0) {
            e->w->last_id = ids[k];
            rc = bc_write_push_result(e->w, &ops[k], ids[k], true, status, warning ? "01000" : "",
                                      warning);
        } else if (!listed) {
            rc = bc_write_push_result(e->w, &ops[k], 0, true, status, "01000",
                                      "BigCommerce applied the request but answered without the "
                                      "new row's id, and the driver could not find it by its "
                                      "unique column; read the table back for the id.");
        } else {
            rc = bc_write_push_result(e->w, &ops[k], 0, false, status, "HY000",
                                      "BigCommerce accepted the request but did not return this "
                                      "row; read the table back to see whether it was created.");
        }
    }
    free(ids);
    return rc;
}

/* UPDATE and DELETE: every row written, except on a 207 the rows the answer leaves out. */
static int record_changes(bc_engine *e, const bc_wop *ops, int n, const cJSON *out, long status,
                          const char *detail)
{
    const cJSON *items = answer_items(out);
    bool partial = status == 207 && cJSON_IsArray(items);

    for (int k = 0; k < n; k++) {
        bool ok =
            !partial || bc_write_answered_id(items, bc_write_answer_key(ops[0].ws), ops[k].id);
        /* A row the batch answer lists went through whole; a lone 207 row only in part. */
        const char *msg = !ok ? detail : status == 207 && !partial ? detail : NULL;
        if (bc_write_push_result(e->w, &ops[k], ops[k].id, ok, status,
                                 msg == NULL ? ""
                                 : ok        ? "01000"
                                             : "HY000",
                                 msg) != 0)
            return -1;
    }
    return 0;
}

/* One request: its rows (ops[0..n)), and what goes out. */
typedef struct group {
    const bc_wop *ops;
    int n;
    char *path;
    cJSON *body; /* ops[0].body itself, or an array referring to the rows' bodies */
} group;

static int group_prepare(group *g)
{
    bool as_list;

    batch_size(&g->ops[0], &as_list);
    g->path = g->ops[0].kind == BC_WOP_DELETE && g->ops[0].ws->delete_in_param
                  ? delete_list_path(g->ops, g->n)
                  : bc_strdup(g->ops[0].path);
    if (g->ops[0].kind == BC_WOP_DELETE && g->ops[0].ws->delete_ids_body) {
        g->body = delete_ids_body(g->ops, g->n);
        return g->path == NULL || g->body == NULL ? -1 : 0;
    }
    g->body = group_body(g->ops, g->n, as_list);
    return g->path == NULL || (g->ops[0].body != NULL && g->body == NULL) ? -1 : 0;
}

static void group_free(group *g)
{
    if (g->body != g->ops[0].body)
        cJSON_Delete(g->body);
    free(g->path);
}

/* Every row of the group gets its outcome from the request's result. */
static int group_record(bc_engine *e, const group *g, bc_api_result *r)
{
    const bc_wop *ops = g->ops;
    int rc;

    if (r->rc != 0 && bc_write_applied_in_part(r->status, r->out))
        return bc_write_record_partial(e, ops, g->n, r->out, &r->err);
    if (r->rc != 0) {
        bool unknown = outcome_is_unknown(&ops[0], &r->err);
        if (unknown)
            outcome_unknown(method_of(&ops[0]), ops[0].path, &r->err);
        if (unknown && ops[0].kind == BC_WOP_INSERT)
            return resolve_unknown_inserts(e, ops, g->n, &r->err);
        return fail_group(e, ops, g->n, &r->err, unknown);
    }
    char *detail = r->status == 207 ? multi_status_text(r->out) : NULL;
    rc = ops[0].kind == BC_WOP_INSERT ? record_inserts(e, ops, g->n, r->out, r->status, detail)
                                      : record_changes(e, ops, g->n, r->out, r->status, detail);
    free(detail);
    return rc;
}

/* Whether the requests may run side by side: no object is the target of two of them (an
 * array of parameters may update one id twice, and then the order matters). */
static bool independent(const bc_write_state *w)
{
    for (int i = 0; i < w->nops; i++)
        for (int j = i + 1; w->ops[i].kind != BC_WOP_INSERT && j < w->nops; j++)
            if (w->ops[j].id == w->ops[i].id)
                return false;
    return true;
}

int bc_write_flush(bc_engine *e)
{
    bc_write_state *w = e->w;
    int ngroups = 0, rc = 0;
    group *gs = calloc((size_t)(w->nops > 0 ? w->nops : 1), sizeof *gs);
    bc_api_req *reqs = calloc((size_t)(w->nops > 0 ? w->nops : 1), sizeof *reqs);
    bc_api_result *res = calloc((size_t)(w->nops > 0 ? w->nops : 1), sizeof *res);

    w->last_id = 0;
    if (w->nops == 0) { /* a transaction without rows (CREATE VIRTUAL TABLE opens one too) */
        free(gs);
        free(reqs);
        free(res);
        return 0;
    }
    if (gs == NULL || reqs == NULL || res == NULL)
        rc = -1;
    for (int i = 0; rc == 0 && i < w->nops; ngroups++) {
        gs[ngroups] = (group){.ops = &w->ops[i], .n = group_len(w, i)};
        i += gs[ngroups].n;
        if (group_prepare(&gs[ngroups]) != 0)
            rc = -1;
        reqs[ngroups] =
            (bc_api_req){method_of(gs[ngroups].ops), gs[ngroups].path, gs[ngroups].body};
    }
    if (rc == 0) {
        int window = w->ops[0].ws->window > 0 ? w->ops[0].ws->window : BC_WRITE_WINDOW;
        bc_api_request_many(e->api, reqs, ngroups, independent(w) ? window : 1, res);
        for (int g = 0; g < ngroups; g++)
            if (rc == 0 && group_record(e, &gs[g], &res[g]) != 0)
                rc = -1;
    }
    for (int g = 0; g < ngroups; g++) {
        group_free(&gs[g]);
        if (res != NULL)
            cJSON_Delete(res[g].out);
    }
    free(gs);
    free(reqs);
    free(res);
    return rc;
}
