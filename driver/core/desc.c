/*
 * Descriptors: the implicit ARD/APD/IRD/IPD of each statement and explicitly allocated ones.
 * Records are 1-based (recs[0] is the unused bookmark record); strings in records are owned.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_handles.h"
#include "bc_util.h"

void bc_desc_init(bc_desc *d, bc_desc_kind kind, bc_dbc *dbc, bc_stmt *owner)
{
    memset(d, 0, sizeof *d);
    bc_handle_init(&d->h, SQL_HANDLE_DESC, owner != NULL ? &owner->h : &dbc->h);
    d->kind = kind;
    d->implicit = owner != NULL;
    d->stmt = owner;
    d->dbc = dbc;
    d->alloc_type = owner != NULL ? SQL_DESC_ALLOC_AUTO : SQL_DESC_ALLOC_USER;
    d->array_size = 1;
    d->bind_type = SQL_BIND_BY_COLUMN;
}

static void rec_free_strings(bc_desc_rec *r)
{
    free(r->name);
    free(r->base_column_name);
    free(r->table_name);
    free(r->base_table_name);
    free(r->schema_name);
    free(r->type_name);
    free(r->local_type_name);
    free(r->literal_prefix);
    free(r->literal_suffix);
}

void bc_desc_rec_reset(bc_desc_rec *r)
{
    rec_free_strings(r);
    memset(r, 0, sizeof *r);
    r->type = r->concise_type = SQL_C_DEFAULT;
    r->parameter_type = SQL_PARAM_INPUT;
    r->nullable = SQL_NULLABLE_UNKNOWN;
}

void bc_desc_clear(bc_desc *d)
{
    for (int i = 0; i < d->cap; i++)
        rec_free_strings(&d->recs[i]);
    free(d->recs);
    d->recs = NULL;
    d->cap = 0;
    d->count = 0;
}

bc_desc_rec *bc_desc_rec_get(bc_desc *d, SQLSMALLINT n)
{
    if (n < 0)
        return NULL;
    if (n >= d->cap) {
        int cap = d->cap > 0 ? d->cap : 8;
        while (cap <= n)
            cap *= 2;
        bc_desc_rec *recs = realloc(d->recs, (size_t)cap * sizeof *recs);
        if (recs == NULL) {
            bc_diag_push(&d->h.diag, "HY001", 0, "Out of memory growing a descriptor.");
            return NULL;
        }
        memset(recs + d->cap, 0, (size_t)(cap - d->cap) * sizeof *recs);
        for (int i = d->cap; i < cap; i++)
            bc_desc_rec_reset(&recs[i]);
        d->recs = recs;
        d->cap = (SQLSMALLINT)cap;
    }
    if (n > d->count)
        d->count = n;
    return &d->recs[n];
}

/* "SQL_DESC_TYPE ... for the datetime and interval data types, this field returns the
 * verbose data type, SQL_DATETIME or SQL_INTERVAL", with the subcode in
 * SQL_DESC_DATETIME_INTERVAL_CODE. */
void bc_desc_rec_set_type(bc_desc_rec *r, SQLSMALLINT concise)
{
    r->concise_type = concise;
    r->type = concise;
    r->datetime_interval_code = 0;
    switch (concise) {
    case SQL_TYPE_DATE:
        r->type = SQL_DATETIME;
        r->datetime_interval_code = SQL_CODE_DATE;
        break;
    case SQL_TYPE_TIME:
        r->type = SQL_DATETIME;
        r->datetime_interval_code = SQL_CODE_TIME;
        break;
    case SQL_TYPE_TIMESTAMP:
        r->type = SQL_DATETIME;
        r->datetime_interval_code = SQL_CODE_TIMESTAMP;
        break;
    default:
        break;
    }
}

SQLRETURN bc_desc_alloc(bc_dbc *dbc, bc_desc **out)
{
    bc_desc *d = malloc(sizeof *d);

    if (d == NULL)
        return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory allocating a descriptor.");
    bc_desc_init(d, BC_DESC_ARD, dbc, NULL);
    d->next = dbc->descs;
    dbc->descs = d;
    *out = d;
    return SQL_SUCCESS;
}

/* "When an explicitly allocated descriptor is freed, all statement handles to which it was
 * associated revert to the implicitly allocated descriptors." Caller holds dbc's lock. */
SQLRETURN bc_desc_free(bc_desc *d)
{
    bc_dbc *dbc = d->dbc;

    if (d->implicit)
        return bc_diag_push(&d->h.diag, "HY017", 0,
                            "An implicitly allocated descriptor cannot be freed.");
    for (bc_stmt *s = dbc->stmts; s != NULL; s = s->next) {
        if (s->ard_cur == d)
            s->ard_cur = &s->ard;
        if (s->apd_cur == d)
            s->apd_cur = &s->apd;
    }
    for (bc_desc **pp = &dbc->descs; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == d) {
            *pp = d->next;
            break;
        }
    }
    bc_desc_clear(d);
    bc_handle_destroy(&d->h);
    free(d);
    return SQL_SUCCESS;
}

static char **rec_str(bc_desc_rec *r, SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_NAME:
    case SQL_DESC_LABEL:
        return &r->name;
    case SQL_DESC_BASE_COLUMN_NAME:
        return &r->base_column_name;
    case SQL_DESC_TABLE_NAME:
        return &r->table_name;
    case SQL_DESC_BASE_TABLE_NAME:
        return &r->base_table_name;
    case SQL_DESC_SCHEMA_NAME:
        return &r->schema_name;
    case SQL_DESC_TYPE_NAME:
        return &r->type_name;
    case SQL_DESC_LOCAL_TYPE_NAME:
        return &r->local_type_name;
    case SQL_DESC_LITERAL_PREFIX:
        return &r->literal_prefix;
    case SQL_DESC_LITERAL_SUFFIX:
        return &r->literal_suffix;
    default:
        return NULL;
    }
}

/* Pointer to a small-integer record field, NULL if the field is not one. */
static SQLSMALLINT *rec_small(bc_desc_rec *r, SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_TYPE:
        return &r->type;
    case SQL_DESC_CONCISE_TYPE:
        return &r->concise_type;
    case SQL_DESC_DATETIME_INTERVAL_CODE:
        return &r->datetime_interval_code;
    case SQL_DESC_PRECISION:
        return &r->precision;
    case SQL_DESC_SCALE:
        return &r->scale;
    case SQL_DESC_NULLABLE:
        return &r->nullable;
    case SQL_DESC_PARAMETER_TYPE:
        return &r->parameter_type;
    case SQL_DESC_UNSIGNED:
        return &r->unsigned_;
    case SQL_DESC_FIXED_PREC_SCALE:
        return &r->fixed_prec_scale;
    case SQL_DESC_SEARCHABLE:
        return &r->searchable;
    case SQL_DESC_UPDATABLE:
        return &r->updatable;
    case SQL_DESC_CASE_SENSITIVE:
        return &r->case_sensitive;
    default:
        return NULL;
    }
}

static SQLRETURN get_header(bc_desc *d, SQLSMALLINT field, SQLPOINTER v)
{
    switch (field) {
    case SQL_DESC_ALLOC_TYPE:
        *(SQLSMALLINT *)v = d->alloc_type;
        return SQL_SUCCESS;
    case SQL_DESC_ARRAY_SIZE:
        *(SQLULEN *)v = d->array_size;
        return SQL_SUCCESS;
    case SQL_DESC_ARRAY_STATUS_PTR:
        *(SQLPOINTER *)v = d->array_status_ptr;
        return SQL_SUCCESS;
    case SQL_DESC_BIND_OFFSET_PTR:
        *(SQLPOINTER *)v = d->bind_offset_ptr;
        return SQL_SUCCESS;
    case SQL_DESC_BIND_TYPE:
        *(SQLINTEGER *)v = d->bind_type;
        return SQL_SUCCESS;
    case SQL_DESC_COUNT:
        *(SQLSMALLINT *)v = d->count;
        return SQL_SUCCESS;
    case SQL_DESC_ROWS_PROCESSED_PTR:
        *(SQLPOINTER *)v = d->rows_processed_ptr;
        return SQL_SUCCESS;
    default:
        return SQL_NO_DATA; /* not a header field */
    }
}

static SQLRETURN get_rec_other(bc_desc_rec *r, SQLSMALLINT field, SQLPOINTER v)
{
    switch (field) {
    case SQL_DESC_DATA_PTR:
        *(SQLPOINTER *)v = r->data_ptr;
        return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR:
        *(SQLPOINTER *)v = r->octet_length_ptr;
        return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR:
        *(SQLPOINTER *)v = r->indicator_ptr;
        return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH:
        *(SQLLEN *)v = r->octet_length;
        return SQL_SUCCESS;
    case SQL_DESC_LENGTH:
        *(SQLULEN *)v = r->length;
        return SQL_SUCCESS;
    case SQL_DESC_DISPLAY_SIZE:
        *(SQLLEN *)v = r->display_size;
        return SQL_SUCCESS;
    case SQL_DESC_NUM_PREC_RADIX:
        *(SQLINTEGER *)v = r->num_prec_radix;
        return SQL_SUCCESS;
    case SQL_DESC_AUTO_UNIQUE_VALUE:
        *(SQLINTEGER *)v = r->auto_unique;
        return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
        *(SQLINTEGER *)v = 0;
        return SQL_SUCCESS;
    case SQL_DESC_UNNAMED:
        *(SQLSMALLINT *)v = (r->name != NULL && r->name[0]) ? SQL_NAMED : SQL_UNNAMED;
        return SQL_SUCCESS;
    default:
        return SQL_ERROR;
    }
}

SQLRETURN bc_desc_get_field(bc_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char **str)
{
    SQLINTEGER scratch[4];
    SQLRETURN rc;

    *str = NULL;
    if (value == NULL)
        value = scratch;
    rc = get_header(d, field, value);
    if (rc != SQL_NO_DATA)
        return rc;
    if (d->kind == BC_DESC_IRD && d->stmt != NULL && d->stmt->state == BC_STMT_ALLOCATED)
        return bc_diag_push(&d->h.diag, "HY007", 0, "The statement is not prepared.");
    if (rec < 1)
        return bc_diag_push(&d->h.diag, "07009", 0, "Invalid descriptor record %d.", rec);
    if (rec > d->count)
        return SQL_NO_DATA;
    bc_desc_rec *r = &d->recs[rec];
    char **sp = rec_str(r, field);
    if (sp != NULL || field == SQL_DESC_CATALOG_NAME) {
        *str = sp != NULL && *sp != NULL ? *sp : "";
        return SQL_SUCCESS;
    }
    SQLSMALLINT *small = rec_small(r, field);
    if (small != NULL) {
        *(SQLSMALLINT *)value = *small;
        return SQL_SUCCESS;
    }
    if (get_rec_other(r, field, value) == SQL_SUCCESS)
        return SQL_SUCCESS;
    return bc_diag_push(&d->h.diag, "HY091", 0, "Descriptor field %d is not known.", field);
}

static SQLRETURN set_header(bc_desc *d, SQLSMALLINT field, SQLPOINTER v)
{
    switch (field) {
    case SQL_DESC_ARRAY_SIZE:
        if ((SQLULEN)v == 0)
            return bc_diag_push(&d->h.diag, "HY024", 0, "SQL_DESC_ARRAY_SIZE must be at least 1.");
        d->array_size = (SQLULEN)v;
        return SQL_SUCCESS;
    case SQL_DESC_ARRAY_STATUS_PTR:
        d->array_status_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_BIND_OFFSET_PTR:
        d->bind_offset_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_BIND_TYPE:
        d->bind_type = (SQLINTEGER)(SQLLEN)v;
        return SQL_SUCCESS;
    case SQL_DESC_ROWS_PROCESSED_PTR:
        d->rows_processed_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_COUNT: {
        SQLSMALLINT n = (SQLSMALLINT)(SQLLEN)v;
        if (n < 0)
            return bc_diag_push(&d->h.diag, "07009", 0, "SQL_DESC_COUNT cannot be negative.");
        if (n > 0 && bc_desc_rec_get(d, n) == NULL)
            return SQL_ERROR;
        for (int i = n + 1; i <= d->count && i < d->cap; i++)
            bc_desc_rec_reset(&d->recs[i]);
        d->count = n;
        return SQL_SUCCESS;
    }
    case SQL_DESC_ALLOC_TYPE:
        return bc_diag_push(&d->h.diag, "HY091", 0, "SQL_DESC_ALLOC_TYPE is read-only.");
    default:
        return SQL_NO_DATA;
    }
}

static SQLRETURN set_rec(bc_desc *d, bc_desc_rec *r, SQLSMALLINT field, SQLPOINTER v,
                         const char *str)
{
    char **sp = rec_str(r, field);

    if (sp != NULL) {
        char *c = bc_strdup(str != NULL ? str : "");
        if (c == NULL)
            return bc_diag_push(&d->h.diag, "HY001", 0, "Out of memory.");
        free(*sp);
        *sp = c;
        return SQL_SUCCESS;
    }
    switch (field) {
    case SQL_DESC_TYPE:
    case SQL_DESC_CONCISE_TYPE:
        bc_desc_rec_set_type(r, (SQLSMALLINT)(SQLLEN)v);
        return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR:
        r->data_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR:
        r->octet_length_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR:
        r->indicator_ptr = v;
        return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH:
        r->octet_length = (SQLLEN)v;
        return SQL_SUCCESS;
    case SQL_DESC_LENGTH:
        r->length = (SQLULEN)v;
        return SQL_SUCCESS;
    case SQL_DESC_NUM_PREC_RADIX:
        r->num_prec_radix = (SQLINTEGER)(SQLLEN)v;
        return SQL_SUCCESS;
    default:
        break;
    }
    SQLSMALLINT *small = rec_small(r, field);
    if (small != NULL) {
        *small = (SQLSMALLINT)(SQLLEN)v;
        return SQL_SUCCESS;
    }
    return bc_diag_push(&d->h.diag, "HY091", 0, "Descriptor field %d cannot be set.", field);
}

SQLRETURN bc_desc_set_field(bc_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char *str)
{
    SQLRETURN rc;

    /* Of an IRD only the two pointers the application owns may be set. */
    if (d->kind == BC_DESC_IRD && field != SQL_DESC_ARRAY_STATUS_PTR &&
        field != SQL_DESC_ROWS_PROCESSED_PTR)
        return bc_diag_push(&d->h.diag, "HY016", 0,
                            "An implementation row descriptor cannot be modified.");
    rc = set_header(d, field, value);
    if (rc != SQL_NO_DATA)
        return rc;
    if (rec < 1)
        return bc_diag_push(&d->h.diag, "07009", 0, "Invalid descriptor record %d.", rec);
    bc_desc_rec *r = bc_desc_rec_get(d, rec);
    if (r == NULL)
        return SQL_ERROR;
    return set_rec(d, r, field, value, str);
}

static int rec_copy(bc_desc_rec *dst, const bc_desc_rec *src)
{
    bc_desc_rec_reset(dst);
    *dst = *src;
    dst->name = bc_strdup(src->name);
    dst->base_column_name = bc_strdup(src->base_column_name);
    dst->table_name = bc_strdup(src->table_name);
    dst->base_table_name = bc_strdup(src->base_table_name);
    dst->schema_name = bc_strdup(src->schema_name);
    dst->type_name = bc_strdup(src->type_name);
    dst->local_type_name = bc_strdup(src->local_type_name);
    dst->literal_prefix = bc_strdup(src->literal_prefix);
    dst->literal_suffix = bc_strdup(src->literal_suffix);
    return 0;
}

SQLRETURN bc_desc_copy(bc_desc *src, bc_desc *dst)
{
    if (dst->kind == BC_DESC_IRD)
        return bc_diag_push(&dst->h.diag, "HY016", 0,
                            "An implementation row descriptor cannot be modified.");
    bc_desc_clear(dst);
    if (src->count > 0 && bc_desc_rec_get(dst, src->count) == NULL)
        return SQL_ERROR;
    for (int i = 1; i <= src->count; i++)
        rec_copy(&dst->recs[i], &src->recs[i]);
    dst->count = src->count;
    dst->array_size = src->array_size;
    dst->array_status_ptr = src->array_status_ptr;
    dst->bind_offset_ptr = src->bind_offset_ptr;
    dst->bind_type = src->bind_type;
    dst->rows_processed_ptr = src->rows_processed_ptr;
    return SQL_SUCCESS;
}
