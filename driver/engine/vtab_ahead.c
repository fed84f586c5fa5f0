/*
 * Children of the coming parents (docs/ARCHITECTURE.md, "A query"). In a join such as Orders JOIN
 * OrderItems ON i.order_id = o.id, SQLite scans Orders and asks OrderItems for one order at a time:
 * one round trip after another. But the Orders cursor already holds the rest of its page,
 * which are the orders SQLite will ask about next, in that order. So when a child is asked
 * for the parent a parent cursor stands on, the children of the next parents on that page
 * are requested at once (a window of bc_api_window() requests, within the rate limiter);
 * their answers wait in the statement's response cache for the child's own requests.
 * The look-ahead starts with the second parent asked and grows by one per parent, so a
 * join that stops early (LIMIT) spends about as many requests as it asks for.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

void bc_vahead_register(bc_vcursor *c)
{
    c->next_open = c->vt->e->open_cursors;
    c->vt->e->open_cursors = c;
}

void bc_vahead_unregister(bc_vcursor *c)
{
    for (bc_vcursor **p = &c->vt->e->open_cursors; *p != NULL; p = &(*p)->next_open) {
        if (*p == c) {
            *p = c->next_open;
            break;
        }
    }
    bc_api_ahead_free(c->ahead);
    c->ahead = NULL;
}

/* An item's key at path as the text a path placeholder takes: integer keys only. */
static bool key_text(cJSON *item, const char *path, char *buf, size_t n)
{
    const cJSON *v = bc_vtab_walk_path(item, path);

    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long long)v->valuedouble)
        return false;
    snprintf(buf, n, "%lld", (long long)v->valuedouble);
    return true;
}

/* The keys (at path) of the parent rows after p's current one, in the order SQLite reaches
 * them: the rest of p's page, then for a parent read by id (o.id IN (...)) the ids it has
 * still to request. */
static int coming_keys(const bc_vcursor *p, const char *path, char (*keys)[32], int max)
{
    const bc_column_def *pk = p->vt->pk >= 0 ? &p->vt->t->columns[p->vt->pk] : NULL;
    int n = 0;

    for (cJSON *it = p->next_item; it != NULL && n < max; it = it->next)
        n += key_text(it, path, keys[n], sizeof keys[n]);
    if (p->plan != BC_PLAN_ID_PATH || pk == NULL || strcmp(path, bc_vtab_member(pk)) != 0)
        return n;
    for (int i = p->tuplepos; i < p->ntuples && n < max; i++)
        if (p->tuples[i] != NULL)
            snprintf(keys[n++], sizeof keys[0], "%s", p->tuples[i]);
    return n;
}

static int window_depth(const bc_vcursor *c)
{
    return c->asked - 1 < BC_API_WINDOW_MAX ? c->asked - 1 : BC_API_WINDOW_MAX;
}

const char *bc_vahead_parent_path(const bc_vtab *vt, const bc_table_def *pt)
{
    int i = bc_catalog_column_index(pt, vt->ph_parent[0]);

    return i >= 0 ? bc_vtab_member(&pt->columns[i]) : NULL;
}

bc_vcursor *bc_vahead_parent(bc_vcursor *c, const bc_table_def *pt, const char *path,
                             const char *value)
{
    char key[32];

    for (bc_vcursor *p = c->vt->e->open_cursors; p != NULL; p = p->next_open)
        if (p != c && p->vt->t == pt && p->item != NULL && p->rows_path == NULL &&
            key_text(p->item, path, key, sizeof key) && strcmp(key, value) == 0)
            return p;
    return NULL;
}

/* c's query with its equality filter's value replaced by value. Caller frees; NULL when
 * the filter is not found or out of memory. */
static char *query_for(const bc_vcursor *c, const char *value)
{
    char *from = bc_sprintf("%s=%s", c->eq_param, c->eq_val);
    const char *q = c->query, *at = NULL;
    size_t n = from ? strlen(from) : 0;

    for (const char *p = q; from && (p = strstr(p, from)) != NULL; p++)
        if ((p == q || p[-1] == '&') && (p[n] == '\0' || p[n] == '&')) {
            at = p;
            break;
        }
    free(from);
    if (at == NULL)
        return NULL;
    return bc_sprintf("%.*s%s=%s%s", (int)(at - q), q, c->eq_param, value, at + n);
}

int bc_vahead_rows_after(const bc_vcursor *p)
{
    int n = 0;

    for (const cJSON *it = p->next_item; it != NULL; it = it->next)
        n++;
    return n;
}

/* A probe "col = v" through a filter (Orders.customer_id = ?) while another cursor stands
 * on a row whose key is v (Customers.id): the same filter for the keys of the rows after it. */
static void start_filtered(bc_vcursor *c)
{
    bc_api *api = c->vt->e->api;
    char key[32];
    bc_vcursor *p = NULL;

    for (bc_vcursor *o = c->vt->e->open_cursors; o != NULL && p == NULL; o = o->next_open) {
        int pk = o->vt->pk;
        const bc_column_def *cd = pk >= 0 ? &o->vt->t->columns[pk] : NULL;
        /* a cursor past its last row keeps a pointer into its freed page: skip it */
        if (o != c && cd != NULL && !o->eof && o->item != NULL && o->rows_path == NULL &&
            key_text(o->item, bc_vtab_member(cd), key, sizeof key) && strcmp(key, c->eq_val) == 0)
            p = o;
    }
    if (p == NULL || c->point_mode > 0) /* its probes take the object path (vtab_point.c) */
        return;
    if (++c->asked == 1) /* at least this many probes follow (vtab_switch.c) */
        c->outer_coming = bc_vahead_rows_after(p);
    if (c->asked < 2 || bc_vbatch_col(c) == c->eq_col ||
        (c->ahead == NULL && (c->ahead = bc_api_ahead_new(api)) == NULL))
        return;
    const bc_column_def *cd = &p->vt->t->columns[p->vt->pk];
    const char *path = bc_vtab_member(cd);
    char keys[BC_API_WINDOW_MAX][32];
    int n = coming_keys(p, path, keys, window_depth(c));
    for (int i = 0; i < n && bc_api_ahead_in_flight(c->ahead) < bc_api_window(api); i++) {
        char *q = query_for(c, keys[i]);
        if (q != NULL)
            bc_api_ahead_start(c->ahead, c->tmpl, q, c->paging);
        free(q);
    }
}

void bc_vahead_start(bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;
    const bc_table_def *pt = vt->walk;

    if (c->single && c->eq_param != NULL && c->plan == BC_PLAN_ENDPOINT && c->chunk_param == NULL &&
        c->max_rows == 0 && vt->t->rows_path == NULL) {
        start_filtered(c);
        return;
    }
    /* One placeholder, given by "= ?" (not walked, not an IN list), no cap on the rows. */
    if (pt == NULL || c->plan != BC_PLAN_ENDPOINT || c->nph != 1 || c->given[0] == NULL ||
        c->ntuples != 1 || c->chunk_param != NULL || c->max_rows > 0)
        return;
    const char *path = bc_vahead_parent_path(vt, pt);
    if (path == NULL)
        return;
    bc_vcursor *p = bc_vahead_parent(c, pt, path, c->given[0]);
    if (p == NULL)
        return;
    if (++c->asked < 2 || (c->ahead == NULL && (c->ahead = bc_api_ahead_new(vt->e->api)) == NULL))
        return;
    char keys[BC_API_WINDOW_MAX][32];
    int n = coming_keys(p, path, keys, window_depth(c));
    for (int i = 0; i < n && bc_api_ahead_in_flight(c->ahead) < bc_api_window(vt->e->api); i++) {
        char *vals[1] = {keys[i]};
        char *child = bc_vkeys_fill(c, vals);
        if (child == NULL)
            return;
        bc_api_ahead_start(c->ahead, child, c->query, c->paging);
        free(child);
    }
}

int bc_vahead_next_keys(const bc_vcursor *p, const char *path, char **out, int max)
{
    char key[32];
    int n = 0;

    for (cJSON *it = p->next_item; it != NULL && n < max; it = it->next) {
        if (!key_text(it, path, key, sizeof key))
            continue;
        if ((out[n] = bc_strdup(key)) == NULL)
            break;
        n++;
    }
    return n;
}

void bc_vahead_settle(bc_vcursor *c, const char *path)
{
    if (c->ahead != NULL)
        bc_api_ahead_settle(c->ahead, path, c->query, c->paging);
}
