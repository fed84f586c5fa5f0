/*
 * Filtered and sorted lists of the main resources (products, brands, categories, customers,
 * orders): the query parameters the reference documents for each list, applied the way
 * the store applies them. Text matches ignore case (the store's database collation), so a
 * client that needs SQL's case rules must check again; bounds are inclusive; dates accept
 * ISO 8601 and RFC 2822. Sorting is by one field, ties in id order, with the direction as a
 * `direction` parameter (catalog) or a `:asc`/`:desc` suffix (customers, v2 orders).
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum { MAX_QF = 24, MAX_SORTS = 10 };

typedef enum { Q_EQ, Q_IN, Q_MIN, Q_MAX, Q_GT, Q_LIKE } q_op; /* Q_GT: exclusive (id:greater) */
typedef enum { K_NUM, K_TEXT, K_DATE } q_kind;

typedef struct q_filter {
    const char *param;
    const char *key; /* field of the item */
    q_op op;
    q_kind kind;
} q_filter;

typedef struct q_sort {
    const char *name; /* value of ?sort= */
    const char *key;
    q_kind kind;
} q_sort;

typedef struct q_table {
    sb_res_id res;
    int suffix_direction; /* sort=field:desc rather than sort=field&direction=desc */
    q_filter filters[MAX_QF];
    q_sort sorts[MAX_SORTS];
} q_table;

static const q_table tables[] = {
    {SB_RES_PRODUCTS,
     0,
     {{"id", "id", Q_EQ, K_NUM},
      {"id:in", "id", Q_IN, K_NUM},
      {"id:min", "id", Q_MIN, K_NUM},
      {"id:max", "id", Q_MAX, K_NUM},
      {"id:greater", "id", Q_GT, K_NUM},
      {"sku", "sku", Q_EQ, K_TEXT},
      {"sku:in", "sku", Q_IN, K_TEXT},
      {"name", "name", Q_EQ, K_TEXT},
      {"price", "price", Q_EQ, K_NUM},
      {"brand_id", "brand_id", Q_EQ, K_NUM},
      {"inventory_level", "inventory_level", Q_EQ, K_NUM},
      {"inventory_level:in", "inventory_level", Q_IN, K_NUM},
      {"inventory_level:min", "inventory_level", Q_MIN, K_NUM},
      {"inventory_level:max", "inventory_level", Q_MAX, K_NUM},
      {"total_sold", "total_sold", Q_EQ, K_NUM},
      {"date_modified:min", "date_modified", Q_MIN, K_DATE},
      {"date_modified:max", "date_modified", Q_MAX, K_DATE}},
     {{"id", "id", K_NUM},
      {"name", "name", K_TEXT},
      {"sku", "sku", K_TEXT},
      {"price", "price", K_NUM},
      {"calculated_price", "calculated_price", K_NUM},
      {"date_modified", "date_modified", K_DATE},
      {"date_last_imported", "date_last_imported", K_DATE},
      {"inventory_level", "inventory_level", K_NUM},
      {"total_sold", "total_sold", K_NUM}}},
    {SB_RES_BRANDS,
     0,
     {{"id", "id", Q_EQ, K_NUM},
      {"id:in", "id", Q_IN, K_NUM},
      {"id:min", "id", Q_MIN, K_NUM},
      {"id:max", "id", Q_MAX, K_NUM},
      {"id:greater", "id", Q_GT, K_NUM},
      {"name", "name", Q_EQ, K_TEXT},
      {"name:like", "name", Q_LIKE, K_TEXT}},
     {{"id", "id", K_NUM}, {"name", "name", K_TEXT}}},
    {SB_RES_CATEGORIES,
     0,
     {{"id", "id", Q_EQ, K_NUM},
      {"id:in", "id", Q_IN, K_NUM},
      {"id:min", "id", Q_MIN, K_NUM},
      {"id:max", "id", Q_MAX, K_NUM},
      {"id:greater", "id", Q_GT, K_NUM},
      {"name", "name", Q_EQ, K_TEXT},
      {"name:like", "name", Q_LIKE, K_TEXT},
      {"parent_id", "parent_id", Q_EQ, K_NUM},
      {"parent_id:in", "parent_id", Q_IN, K_NUM},
      {"parent_id:min", "parent_id", Q_MIN, K_NUM},
      {"parent_id:max", "parent_id", Q_MAX, K_NUM}},
     {{0}}},
    {SB_RES_CUSTOMERS,
     1,
     {{"id:in", "id", Q_IN, K_NUM},
      {"email:in", "email", Q_IN, K_TEXT},
      {"customer_group_id:in", "customer_group_id", Q_IN, K_NUM},
      {"date_created:min", "date_created", Q_MIN, K_DATE},
      {"date_created:max", "date_created", Q_MAX, K_DATE},
      {"date_modified:min", "date_modified", Q_MIN, K_DATE},
      {"date_modified:max", "date_modified", Q_MAX, K_DATE}},
     {{"date_created", "date_created", K_DATE},
      {"date_modified", "date_modified", K_DATE},
      {"last_name", "last_name", K_TEXT}}},
    {SB_RES_ORDERS,
     1,
     {{"min_id", "id", Q_MIN, K_NUM},
      {"max_id", "id", Q_MAX, K_NUM},
      {"customer_id", "customer_id", Q_EQ, K_NUM},
      {"channel_id", "channel_id", Q_EQ, K_NUM},
      {"status_id", "status_id", Q_EQ, K_NUM},
      {"email", "billing_address.email", Q_EQ, K_TEXT},
      {"min_total", "total_inc_tax", Q_MIN, K_NUM},
      {"max_total", "total_inc_tax", Q_MAX, K_NUM},
      {"min_date_created", "date_created", Q_MIN, K_DATE},
      {"max_date_created", "date_created", Q_MAX, K_DATE},
      {"min_date_modified", "date_modified", Q_MIN, K_DATE},
      {"max_date_modified", "date_modified", Q_MAX, K_DATE}},
     {{"id", "id", K_NUM},
      {"customer_id", "customer_id", K_NUM},
      {"date_created", "date_created", K_DATE},
      {"date_modified", "date_modified", K_DATE},
      {"status_id", "status_id", K_NUM}}},
};

static const q_table *table_of(sb_res_id res)
{
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (tables[i].res == res)
            return &tables[i];
    return NULL;
}

static int month_of(const char *s)
{
    static const char *const m[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, m[i], 3) == 0)
            return i;
    return -1;
}

/* Seconds east of UTC of "Z", "+HH:MM", "+HHMM"; 0 when absent. */
static long zone_of(const char *z)
{
    int h = 0, m = 0;
    if (*z != '+' && *z != '-')
        return 0;
    if (sscanf(z + 1, "%2d:%2d", &h, &m) < 2 && sscanf(z + 1, "%2d%2d", &h, &m) < 1)
        return 0;
    return (*z == '-' ? -1 : 1) * (h * 3600L + m * 60L);
}

/* ISO 8601 (date, or date and time with optional fraction and zone) or RFC 2822. */
int sb_parse_date(const char *s, long long *out)
{
    struct tm tm = {0};
    int n = 0, y, mo, d, h = 0, mi = 0, sec = 0;
    char mon[4];

    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3) {
        const char *p = s + n;
        int k = 0;
        if ((*p == 'T' || *p == ' ') && sscanf(p + 1, "%2d:%2d:%2d%n", &h, &mi, &sec, &k) == 3)
            p += 1 + k;
        else if (*p != '\0')
            return -1;
        while (*p == '.' || (*p >= '0' && *p <= '9'))
            p++;
        tm.tm_year = y - 1900;
        tm.tm_mon = mo - 1;
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = sec;
        *out = (long long)timegm(&tm) - zone_of(p);
        return 0;
    }
    const char *comma = strchr(s, ',');
    if (sscanf(comma ? comma + 1 : s, " %d %3s %d %d:%d:%d%n", &d, mon, &y, &h, &mi, &sec, &n) ==
            6 &&
        month_of(mon) >= 0) {
        const char *p = (comma ? comma + 1 : s) + n;
        while (*p == ' ')
            p++;
        tm.tm_year = y - 1900;
        tm.tm_mon = month_of(mon);
        tm.tm_mday = d;
        tm.tm_hour = h;
        tm.tm_min = mi;
        tm.tm_sec = sec;
        *out = (long long)timegm(&tm) - zone_of(p);
        return 0;
    }
    return -1;
}

static const cJSON *field(const cJSON *doc, const char *path)
{
    char key[64];
    while (doc && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        doc = cJSON_GetObjectItemCaseSensitive(doc, key);
        path += n + (path[n] == '.');
    }
    return doc;
}

/* A field as a number (JSON number, money string, or a date's epoch). 0 when it has none. */
static int number_of(const cJSON *v, q_kind kind, double *out)
{
    long long t;
    char *end;
    if (kind == K_DATE)
        return cJSON_IsString(v) && sb_parse_date(v->valuestring, &t) == 0 ? (*out = (double)t, 1)
                                                                           : 0;
    if (cJSON_IsNumber(v)) {
        *out = v->valuedouble;
        return 1;
    }
    if (cJSON_IsString(v) && *v->valuestring) {
        *out = strtod(v->valuestring, &end);
        return *end == '\0';
    }
    return 0;
}

static int text_matches(const char *have, const char *want, size_t n)
{
    return strlen(have) == n && strncasecmp(have, want, n) == 0;
}

/* One comma item of a filter's value against the field. */
static int value_matches(const cJSON *v, const q_filter *f, const char *want, size_t n)
{
    char buf[128];
    double a, b;
    long long t;
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, want, n);
    buf[n] = '\0';
    if (f->kind == K_TEXT) {
        if (!cJSON_IsString(v))
            return 0;
        return f->op == Q_LIKE ? strcasestr(v->valuestring, buf) != NULL
                               : text_matches(v->valuestring, buf, n);
    }
    if (!number_of(v, f->kind, &a))
        return 0;
    if (f->kind == K_DATE) {
        if (sb_parse_date(buf, &t) != 0)
            return 0;
        b = (double)t;
    } else {
        char *end;
        b = strtod(buf, &end);
        if (*end != '\0')
            return 0;
    }
    return f->op == Q_MIN ? a >= b : f->op == Q_MAX ? a <= b : f->op == Q_GT ? a > b : a == b;
}

static int filter_passes(const cJSON *doc, const q_filter *f, const char *want)
{
    const cJSON *v = field(doc, f->key);
    if (f->op != Q_IN && f->op != Q_LIKE)
        return value_matches(v, f, want, strlen(want));
    for (const char *p = want;;) { /* a comma list: any of them */
        size_t n = strcspn(p, ",");
        if (value_matches(v, f, p, n))
            return 1;
        if (p[n] == '\0')
            return 0;
        p += n + 1;
    }
}

typedef struct sort_key {
    size_t idx;
    long id;
    int has;
    double num;
    const char *text;
    cJSON *doc;
} sort_key;

static int sort_desc;
static q_kind sort_kind;

static int cmp_keys(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    int c = 0;
    if (a->has != b->has)
        c = a->has - b->has; /* missing values first ascending */
    else if (a->has && sort_kind == K_TEXT)
        c = strcasecmp(a->text, b->text);
    else if (a->has)
        c = a->num < b->num ? -1 : a->num > b->num;
    if (sort_desc)
        c = -c;
    return c ? c : (a->id < b->id ? -1 : a->id > b->id);
}

/* The sort the request asks for: the field, and whether descending. NULL when none. */
static const q_sort *sort_asked(const q_table *t, const sb_args *a, int *desc)
{
    const char *s = a->get(a->ctx, "sort");
    size_t n;
    if (!s || !*s)
        return NULL;
    n = strcspn(s, ":");
    *desc = 0;
    if (t->suffix_direction && s[n] == ':')
        *desc = strcmp(s + n + 1, "desc") == 0;
    if (!t->suffix_direction) {
        const char *d = a->get(a->ctx, "direction");
        *desc = d && strcmp(d, "desc") == 0;
    }
    for (int i = 0; i < MAX_SORTS && t->sorts[i].name; i++)
        if (strlen(t->sorts[i].name) == n && strncmp(t->sorts[i].name, s, n) == 0)
            return &t->sorts[i];
    return NULL;
}

static int asks_anything(const q_table *t, const sb_args *a)
{
    for (int f = 0; f < MAX_QF && t->filters[f].param; f++)
        if (a->get(a->ctx, t->filters[f].param))
            return 1;
    return 0;
}

int sb_query_filters_beyond_id(sb_res_id res, const sb_args *a)
{
    const q_table *t = table_of(res);

    for (int f = 0; t && f < MAX_QF && t->filters[f].param; f++)
        if (strcmp(t->filters[f].key, "id") != 0 && a->get(a->ctx, t->filters[f].param))
            return 1;
    return 0;
}

/* Parsed items, per resource, kept from the first filtered request on: parsing every item
 * of a big list for each request would make the sandbox, not the client, the bottleneck.
 * Rebuilt when the resource's size changes; used under the lock. */
typedef struct parsed {
    const sb_resource *r;
    size_t count;
    cJSON **docs;
} parsed;

static pthread_mutex_t parsed_lock = PTHREAD_MUTEX_INITIALIZER;
static parsed parsed_of[SB_RES_COUNT];

static cJSON **docs_of(const sb_resource *r, sb_res_id res)
{
    parsed *p = &parsed_of[res];

    if (p->r == r && p->count == r->count && p->docs)
        return p->docs;
    for (size_t i = 0; p->docs && i < p->count; i++)
        cJSON_Delete(p->docs[i]);
    free(p->docs);
    p->r = r;
    p->count = r->count;
    p->docs = calloc(r->count + 1, sizeof *p->docs);
    for (size_t i = 0; p->docs && i < r->count; i++)
        p->docs[i] = cJSON_ParseWithLength(r->items[i].json, r->items[i].len);
    return p->docs;
}

/* Indices of the matching items of r in the order asked; -1 on failure. *idx NULL = all,
 * in id order. */
long sb_query_select(const sb_resource *r, sb_res_id res, const sb_args *a, size_t **idx)
{
    const q_table *t = table_of(res);
    int desc = 0;
    const q_sort *so = t ? sort_asked(t, a, &desc) : NULL;
    sort_key *keys;
    long n = 0;

    *idx = NULL;
    if (!t || (!so && !asks_anything(t, a)))
        return (long)r->count;
    keys = calloc(r->count + 1, sizeof *keys);
    *idx = malloc((r->count + 1) * sizeof **idx);
    pthread_mutex_lock(&parsed_lock);
    cJSON **docs = docs_of(r, res);
    if (!keys || !*idx || !docs) {
        pthread_mutex_unlock(&parsed_lock);
        free(keys);
        free(*idx);
        *idx = NULL;
        return -1;
    }
    for (size_t i = 0; i < r->count; i++) {
        cJSON *doc = docs[i];
        int ok = doc != NULL;
        for (int f = 0; ok && f < MAX_QF && t->filters[f].param; f++) {
            const char *want = a->get(a->ctx, t->filters[f].param);
            ok = !want || filter_passes(doc, &t->filters[f], want);
        }
        if (!ok)
            continue;
        sort_key *k = &keys[n++];
        k->idx = i;
        k->id = r->items[i].id;
        k->doc = doc;
        if (so) {
            const cJSON *v = field(doc, so->key);
            if (so->kind == K_TEXT)
                k->has = cJSON_IsString(v) && (k->text = v->valuestring) != NULL;
            else
                k->has = number_of(v, so->kind, &k->num);
        }
    }
    if (so) {
        sort_desc = desc;
        sort_kind = so->kind;
        qsort(keys, (size_t)n, sizeof *keys, cmp_keys);
    }
    pthread_mutex_unlock(&parsed_lock);
    for (long i = 0; i < n; i++)
        (*idx)[i] = keys[i].idx;
    free(keys);
    return n;
}

void sb_render_query(const sb_store *st, sb_res_id res, int v2, const sb_args *a, sb_reply *rp)
{
    const sb_resource *r = &st->res[res];
    size_t *idx;
    long n = sb_query_select(r, res, a, &idx);

    if (n < 0)
        sb_reply_set(rp, 500, "application/json", NULL, 0);
    else if (v2)
        sb_render_v2_index(r, idx, (size_t)n, a, rp);
    else
        sb_render_v3_index(r, idx, (size_t)n, a, rp);
    free(idx);
}
