/*
 * Probes through a filter, or one scan. A join such as Customers c LEFT JOIN Orders o ON
 * o.customer_id = c.id asks Orders once per customer, each time a filtered request
 * (customer_id=V). When more customers are still to come than Orders has pages, reading
 * Orders once and answering every probe from an index over its rows (vtab_batch.c) costs
 * fewer requests, and they go several at a time.
 *
 * - At the first probe of a join the outer cursor stands on the probed key, and the rest of
 *   its page is how many probes at least will follow (vtab_ahead.c counts them), each for
 *   another key. The
 *   table's size is then asked once: a v2 list through its count endpoint, in the form the
 *   scan sends it again (so the scan takes it from the statement's response cache and
 *   fetches its pages at once), a v3 list through one item's meta.pagination. When the
 *   pages are fewer than the probes to come, the table is read now and no probe goes to the
 *   API. The probes' own filter is left out; the other filters stay.
 * - Otherwise (the size unknown, or the table bigger than the probes to come) the probes go
 *   on, and after 8, 64 and 512 of them the switch is tried again if the table fits in half
 *   as many pages as the probes so far: past probes are what the table has cost.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

static bool is_integer_col(const bc_column_def *cd)
{
    return cd->type == BC_COL_INTEGER || cd->type == BC_COL_BIGINT;
}

/* A scan of c's table with query q (c's query without the probe's filter) counts its
 * rows through the v2 count endpoint, as vtab_rows.c's scan does. */
static bool counts(const bc_vcursor *c, const char *q)
{
    const bc_table_def *t = c->vt->t;

    return t->paging == BC_PAGING_V2 && t->count_endpoint != NULL && !c->has_include &&
           (q == NULL || t->count_filtered);
}

/* The request that tells how many rows that scan reads, and whether it answers
 * {"count": N} (else a one-item v3 page). NULL when there is none. Caller frees. */
static char *size_request(const bc_vcursor *c, const char *q, bool *counted)
{
    const bc_table_def *t = c->vt->t;

    if ((*counted = counts(c, q))) /* joined as the scan joins count_endpoint and query */
        return q ? bc_sprintf("%s?%s", t->count_endpoint, q) : bc_strdup(t->count_endpoint);
    if (t->paging == BC_PAGING_V3)
        return bc_sprintf("%s?%s%spage=1&limit=1", c->tmpl, q ? q : "", q ? "&" : "");
    return NULL;
}

long bc_vswitch_pages_at(const bc_vcursor *c, char *path, bool counted)
{
    cJSON *doc = NULL;
    const cJSON *n;
    long pages = -1;
    bc_error err;

    if (path == NULL)
        return -1;
    bc_error_clear(&err);
    if (bc_api_get(c->vt->e->api, path, &doc, NULL, &err) == 0) {
        n = counted ? cJSON_GetObjectItemCaseSensitive(doc, "count")
                    : bc_vtab_walk_path(doc, "meta.pagination.total");
        if (cJSON_IsNumber(n) && n->valuedouble >= 0 && n->valuedouble < 1e12)
            pages = ((long)n->valuedouble + BC_DEFAULT_PAGE_SIZE - 1) / BC_DEFAULT_PAGE_SIZE;
    }
    cJSON_Delete(doc);
    free(path);
    return pages;
}

/* The pages a scan of c's table reads, -1 when unknown (no way to ask, or the answer did
 * not tell: the probes then go on as they would have). */
static long table_pages(bc_vcursor *c, const char *q)
{
    bool counted;
    char *path = size_request(c, q, &counted);

    return bc_vswitch_pages_at(c, path, counted);
}

/* Read the table (c->query without the probe's filter) into a batch keyed by the probed
 * column: 1 built, 0 more than cap rows, -1 with err set. The probe's filter is forgotten
 * while the scan is set up, so that it counts its pages as a plain scan does. */
static int read_table(bc_vcursor *c, long cap, bc_error *err)
{
    const char *param = c->eq_param;
    int rc;

    if (bc_vbatch_covers(c, c->eq_col, c->eq_val))
        return 1;
    c->eq_param = NULL;
    rc = bc_vbatch_build(c, c->eq_col, NULL, 0, cap, err);
    c->eq_param = param;
    return rc;
}

/* At the first probe of a join: the most rows worth reading when the table's pages are
 * fewer than the probes to come, else 0. A v2 scan sends its page 1 with its count, so
 * page 1 goes out now with this count: a round trip less when the table is read, one
 * request spent (and waited for, so that the requests made do not depend on timing) when
 * it is not. */
static long size_first_probe(bc_vcursor *c, const char *q)
{
    bc_api_ahead *page1 = counts(c, q) ? bc_api_ahead_new(c->vt->e->api) : NULL;
    long pages, cap = 0;

    bc_api_ahead_start(page1, c->tmpl, q, c->paging);
    pages = table_pages(c, q);
    if (pages >= 0 && pages <= c->outer_coming) {
        cap = (pages + 1) * BC_DEFAULT_PAGE_SIZE; /* the count may have grown meanwhile */
        if (c->ahead == NULL) { /* the scan's first request waits for it (vtab_ahead.c) */
            c->ahead = page1;
            page1 = NULL;
        }
    }
    if (page1 != NULL)
        bc_api_ahead_settle(page1, c->tmpl, q, c->paging);
    bc_api_ahead_free(page1);
    return cap;
}

/* Whether reading the table (with query q) is due: 0 not now, else the most rows worth
 * reading. */
static long due_cap(bc_vcursor *c, const char *q)
{
    int a = c->asked;

    if (bc_vbatch_col(c) == c->eq_col) /* read before, under other filters */
        return (long)(a / 2 + 1) * BC_MAX_PAGE_SIZE;
    /* Probes of the table's own key (Brands.id = p.brand_id) come from a column of the outer
     * row that is not its key, and may repeat: its coming rows say nothing of them. */
    if (a == 1 && c->switch_tried_at == 0 && c->outer_coming >= BC_VPROBES_WORTH_SIZING &&
        c->eq_col != c->vt->pk) {
        c->switch_tried_at = 1; /* sized once */
        return size_first_probe(c, q);
    }
    if ((a == 8 || a == 64 || a == 512) && a > c->switch_tried_at)
        return (long)(a / 2) * BC_MAX_PAGE_SIZE;
    return 0;
}

int bc_vswitch_try(bc_vcursor *c, bc_error *err)
{
    long cap;
    char *q;
    int rc;

    if (c->no_switch || !is_integer_col(&c->vt->t->columns[c->eq_col]))
        return 0;
    if (bc_vcursor_query_without_eq(c, &q) != 0)
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    if ((cap = due_cap(c, q)) == 0) {
        free(q);
        return 0;
    }
    free(c->query);
    c->query = q;
    rc = read_table(c, cap, err);
    if (rc == 0) {
        c->switch_tried_at = c->asked;
        return 3;
    }
    if (rc == 1) {
        bc_vbatch_select(c, c->eq_val);
        c->started = true;
        bc_api_ahead_free(c->ahead); /* the probes it fetched ahead are answered here now */
        c->ahead = NULL;
    }
    return rc;
}
