/*
 * Children of the coming parents (DESIGN.md §9). In a join such as Orders JOIN OrderItems
 * ON i.order_id = o.id, SQLite scans Orders and asks OrderItems for one order at a time:
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

bc_vcursor *bc_vahead_parent(bc_vcursor *c, const bc_table_def *pt, const char *path,
                             const char *value)
{
    char key[32];

    for (bc_vcursor *p = c->vt->e->open_cursors; p != NULL; p = p->next_open)
        if (p != c && p->vt->t == pt && p->item != NULL && p->vt->t->rows_path == NULL &&
            key_text(p->item, path, key, sizeof key) && strcmp(key, value) == 0)
            return p;
    return NULL;
}

void bc_vahead_start(bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;
    const bc_table_def *pt = vt->walk;
    char key[32];

    /* One placeholder, given by "= ?" (not walked, not an IN list), no cap on the rows. */
    if (pt == NULL || c->plan != BC_PLAN_ENDPOINT || c->nph != 1 || c->given[0] == NULL ||
        c->ntuples != 1 || c->chunk_param != NULL || c->max_rows > 0)
        return;
    int pcol = bc_catalog_column_index(pt, vt->ph_parent[0]);
    if (pcol < 0)
        return;
    const char *path = pt->columns[pcol].json_path ? pt->columns[pcol].json_path : vt->ph_parent[0];
    bc_vcursor *p = bc_vahead_parent(c, pt, path, c->given[0]);
    if (p == NULL)
        return;
    if (++c->asked < 2 || (c->ahead == NULL && (c->ahead = bc_api_ahead_new(vt->e->api)) == NULL))
        return;
    int depth = c->asked - 1, n = 0;
    for (cJSON *it = p->next_item; it != NULL && n < depth; it = it->next, n++) {
        if (bc_api_ahead_in_flight(c->ahead) >= bc_api_window(vt->e->api))
            break;
        if (!key_text(it, path, key, sizeof key))
            continue;
        char *vals[1] = {key};
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
