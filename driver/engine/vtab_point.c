/*
 * Point lookups. "id = v" on a table whose list filters by id (Products' id:in) is planned
 * as that filter, so that a join's probes keep the filter's look-ahead and its switch to
 * one scan (vtab_cursor.c). A probe that ends up as one plain request for one id, though,
 * is better sent to the table's single-object path (/v3/catalog/products/{id}): the same
 * row, without a page of a list whose matches the store must count (meta.pagination), and
 * the path a hand-written client uses. A missing id is a 404 there, which the cursor
 * reads as no row.
 *
 * Only when nothing else rides on the list request: another pushed filter or bound (which
 * SQLite may not check again), a sort, a cap. A cursor whose first probe came from a join
 * the look-ahead follows (vtab_ahead.c fetches the coming keys as list requests) keeps the
 * list requests, and one that took the object path fetches nothing ahead: a key is never
 * asked for both ways. An include= goes along: the single-object path takes it too.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

/* Every parameter of query (a&b&c) is an include=. */
static bool only_includes(const char *query)
{
    for (const char *p = query; p != NULL && *p;) {
        size_t n = strcspn(p, "&");
        if (n < 8 || strncmp(p, "include=", 8) != 0)
            return false;
        p += n + (p[n] == '&');
    }
    return true;
}

static bool is_point_probe(const bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;

    return vt->t->id_path_endpoint != NULL && vt->t->rows_path == NULL && vt->nph == 0 &&
           vt->pk >= 0 && c->plan == BC_PLAN_ENDPOINT && c->single && !c->in_batch &&
           c->eq_param != NULL && c->eq_col == vt->pk && c->chunk_param == NULL &&
           c->bulk_val == NULL && c->local_val == NULL && c->max_rows == 0 && c->ahead == NULL;
}

int bc_vpoint_redirect(bc_vcursor *c)
{
    char *rest = NULL, *vals[1];

    if (!is_point_probe(c))
        return 0;
    if (c->point_mode == 0) /* decided once, so one key is never asked for both ways */
        c->point_mode = c->asked == 0 ? 1 : -1;
    if (c->point_mode < 0)
        return 0;
    if (bc_vcursor_query_without_eq(c, &rest) != 0)
        return -1;
    if (!only_includes(rest)) {
        free(rest);
        return 0;
    }
    c->plan = BC_PLAN_ID_PATH;
    c->tmpl = c->vt->t->id_path_endpoint;
    c->paging = BC_PAGING_NONE;
    c->nph = 1;
    c->ph_name[0] = "id";
    c->ph_col[0] = c->vt->pk;
    c->single = false;
    vals[0] = c->eq_val;
    if (bc_vkeys_push(c, vals) != 0) {
        free(rest);
        return -1;
    }
    c->walk_done = true; /* the one tuple is all there is */
    free(c->query);
    c->query = rest;
    return 0;
}
