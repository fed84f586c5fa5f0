/*
 * Variable-length bookmarks (SQL_ATTR_USE_BOOKMARKS = SQL_UB_VARIABLE): column 0 of a result
 * set read from one table with its whole primary key. A row's bookmark is its key, so it names
 * the same row after the cursor is closed, on another statement, and after the row's other
 * columns change; a row that was deleted simply is not found any more.
 *
 * The bytes are the key columns in the table's order, each a tag and a value: 'i' and the
 * integer as 8 bytes, least significant first; 't', one length byte and up to 255 bytes of
 * text; 'n' for NULL. Applications treat them as opaque (SQL_C_VARBOOKMARK is binary).
 */
#include <string.h>
#include "bc_catalog.h"
#include "bc_handles.h"

static bool same_name(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

static int result_column_of(const bc_stmt *s, const char *name)
{
    for (int c = 1; c <= s->ncols && c <= s->ird.count; c++)
        if (same_name(s->ird.recs[c].base_column_name, name))
            return c;
    return 0;
}

int bc_bookmark_key_columns(const bc_stmt *s, int *cols, int max)
{
    const char *name = s->ncols > 0 && s->ird.count > 0 ? s->ird.recs[1].base_table_name : NULL;
    const bc_table_def *t = name != NULL && name[0] ? bc_catalog_find(name) : NULL;
    int n = 0;

    if (t == NULL)
        return 0;
    for (int c = 1; c <= s->ncols && c <= s->ird.count; c++)
        if (!same_name(s->ird.recs[c].base_table_name, name))
            return 0; /* columns of two tables: no one key names the row */
    for (int i = 0; i < t->ncolumns; i++) {
        if (!(t->columns[i].flags & BC_COLF_PK))
            continue;
        int c = result_column_of(s, t->columns[i].name);
        if (c == 0 || n >= max)
            return 0;
        cols[n++] = c;
    }
    return n;
}

size_t bc_bookmark_encode(sqlite3_value *const *keys, int nkeys, unsigned char *out)
{
    size_t n = 0;

    for (int k = 0; k < nkeys; k++) {
        if (sqlite3_value_type(keys[k]) == SQLITE_INTEGER) {
            unsigned long long v = (unsigned long long)sqlite3_value_int64(keys[k]);
            out[n++] = 'i';
            for (int b = 0; b < 8; b++)
                out[n++] = (unsigned char)(v >> (8 * b));
        } else if (sqlite3_value_type(keys[k]) == SQLITE_NULL) {
            out[n++] = 'n';
        } else {
            const unsigned char *text = sqlite3_value_text(keys[k]);
            int len = sqlite3_value_bytes(keys[k]);
            if (len > 255)
                len = 255; /* catalog keys are short codes; never reached in practice */
            out[n++] = 't';
            out[n++] = (unsigned char)len;
            memcpy(out + n, text, (size_t)len);
            n += (size_t)len;
        }
    }
    return n;
}

bool bc_bookmark_bind(sqlite3_stmt *vm, int first, const unsigned char *b, SQLLEN len, int nkeys)
{
    SQLLEN at = 0;

    for (int k = 0; k < nkeys; k++) {
        if (at >= len)
            return false;
        switch (b[at++]) {
        case 'i': {
            unsigned long long v = 0;
            if (len - at < 8)
                return false;
            for (int i = 0; i < 8; i++)
                v |= (unsigned long long)b[at + i] << (8 * i);
            at += 8;
            sqlite3_bind_int64(vm, first + k, (sqlite3_int64)v);
            break;
        }
        case 't': {
            if (at >= len || len - at - 1 < b[at])
                return false;
            int tl = b[at++];
            sqlite3_bind_text(vm, first + k, (const char *)b + at, tl, SQLITE_TRANSIENT);
            at += tl;
            break;
        }
        case 'n':
            sqlite3_bind_null(vm, first + k);
            break;
        default:
            return false;
        }
    }
    return at == len; /* trailing bytes: not one of ours */
}

bool bc_bookmark_bound(const bc_stmt *s)
{
    const bc_desc *ard = s->ard_cur;

    return s->use_bookmarks != SQL_UB_OFF && ard->cap > 0 &&
           (ard->recs[0].data_ptr != NULL || ard->recs[0].indicator_ptr != NULL);
}

static SQLRETURN bc_bookmark_check_unkeyed(bc_stmt *s)
{
    return bc_diag_push(&s->h.diag, "HY000", 0,
                        "Column 0 is the bookmark, and a bookmark is the row's key, but "
                        "this result set does not hold the whole key of one table; select the "
                        "key columns (id) of one table, or unbind column 0.");
}

SQLRETURN bc_bookmark_check(bc_stmt *s)
{
    int cols[BC_BOOKMARK_MAX_KEYS];

    if (!bc_bookmark_bound(s) || bc_bookmark_key_columns(s, cols, BC_BOOKMARK_MAX_KEYS) > 0)
        return SQL_SUCCESS;
    return bc_bookmark_check_unkeyed(s);
}

SQLRETURN bc_bookmark_fetch(bc_stmt *s, SQLULEN row, sqlite3_value *(*value_of)(bc_stmt *, int))
{
    const bc_desc_rec *r = &s->ard_cur->recs[0];
    int cols[BC_BOOKMARK_MAX_KEYS], n = bc_bookmark_key_columns(s, cols, BC_BOOKMARK_MAX_KEYS);
    sqlite3_value *keys[BC_BOOKMARK_MAX_KEYS];
    unsigned char bm[BC_BOOKMARK_MAX];
    SQLPOINTER data;
    SQLLEN *ind, *len;
    size_t size;

    for (int k = 0; k < n; k++)
        keys[k] = value_of(s, cols[k]);
    size = bc_bookmark_encode(keys, n, bm);
    bc_desc_bound_ptrs(s->ard_cur, r, row, &data, &ind, &len);
    if (ind != NULL) /* with a separate length buffer the indicator only says "not NULL" */
        *ind = len != NULL && len != ind ? 0 : (SQLLEN)size;
    if (len != NULL && len != ind)
        *len = (SQLLEN)size;
    if (data == NULL)
        return SQL_SUCCESS;
    memcpy(data, bm, size <= (size_t)r->octet_length ? size : (size_t)r->octet_length);
    if (size > (size_t)r->octet_length)
        return bc_diag_push_at(&s->h.diag, "01004", 0, (SQLLEN)row + 1, 0,
                               "The bookmark takes %zu bytes; the buffer of column 0 has %ld.",
                               size, (long)r->octet_length);
    return SQL_SUCCESS;
}

/* SQLGetData(column 0): the current row's bookmark, whole (it is short), as binary. */
SQLRETURN bc_bookmark_get_data(bc_stmt *s, SQLSMALLINT c_type, SQLPOINTER buf, SQLLEN buflen,
                               SQLLEN *ind)
{
    int cols[BC_BOOKMARK_MAX_KEYS], n;
    sqlite3_value *keys[BC_BOOKMARK_MAX_KEYS];
    unsigned char bm[BC_BOOKMARK_MAX];
    size_t size;

    if (s->use_bookmarks == SQL_UB_OFF)
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Column 0 is the bookmark column; set SQL_ATTR_USE_BOOKMARKS to "
                            "SQL_UB_VARIABLE before executing to read it.");
    if (c_type != SQL_C_VARBOOKMARK && c_type != SQL_C_DEFAULT)
        return bc_diag_push(&s->h.diag, "07006", 0,
                            "Bookmarks are variable-length: read column 0 as SQL_C_VARBOOKMARK.");
    if (buflen < 0)
        return bc_diag_push(&s->h.diag, "HY090", 0, "The buffer length is negative.");
    if ((n = bc_bookmark_key_columns(s, cols, BC_BOOKMARK_MAX_KEYS)) == 0)
        return bc_bookmark_check_unkeyed(s);
    for (int k = 0; k < n; k++)
        keys[k] = bc_rowset_value(s, cols[k]);
    size = bc_bookmark_encode(keys, n, bm);
    if (ind != NULL)
        *ind = (SQLLEN)size;
    if (buf != NULL)
        memcpy(buf, bm, size <= (size_t)buflen ? size : (size_t)buflen);
    if (size > (size_t)buflen)
        return bc_diag_push(&s->h.diag, "01004", 0,
                            "The bookmark takes %zu bytes; the buffer has %ld.", size,
                            (long)buflen);
    return SQL_SUCCESS;
}

bool bc_bookmark_integer(const unsigned char *b, SQLLEN len, long long *v)
{
    unsigned long long u = 0;

    if (b == NULL || len != 9 || b[0] != 'i')
        return false;
    for (int i = 0; i < 8; i++)
        u |= (unsigned long long)b[1 + i] << (8 * i);
    *v = (long long)u;
    return true;
}

/* The length of the bookmark of nkeys values at b, as its tags say; 0 when it is not one. */
static size_t bookmark_length(const unsigned char *b, int nkeys)
{
    size_t at = 0;

    for (int k = 0; k < nkeys; k++) {
        switch (b[at]) {
        case 'i':
            at += 9;
            break;
        case 'n':
            at += 1;
            break;
        case 't':
            at += 2 + (size_t)b[at + 1];
            break;
        default:
            return 0;
        }
    }
    return at;
}

SQLULEN bc_bookmark_find_kept(bc_stmt *s, const unsigned char *b)
{
    int cols[BC_BOOKMARK_MAX_KEYS], n = bc_bookmark_key_columns(s, cols, BC_BOOKMARK_MAX_KEYS);
    size_t len = n > 0 ? bookmark_length(b, n) : 0;
    sqlite3_value *keys[BC_BOOKMARK_MAX_KEYS];
    unsigned char bm[BC_BOOKMARK_MAX];

    for (SQLULEN row = 1; len > 0 && row <= s->static_rows; row++) {
        for (int k = 0; k < n; k++)
            keys[k] = bc_rowset_row_value(s, row, cols[k]);
        if (bc_bookmark_encode(keys, n, bm) == len && memcmp(bm, b, len) == 0)
            return row;
    }
    return 0;
}
