/* Addresses of bound buffers in arrays of parameters and rowsets. "For row-wise binding the
 * address is data + offset + row * SQL_DESC_BIND_TYPE; for column-wise binding the element
 * size is the C type's size or, for variable-length types, SQL_DESC_OCTET_LENGTH." */
#include "bc_convert.h"
#include "bc_handles.h"

static char *advance(void *base, SQLLEN offset, SQLULEN row, SQLLEN elem)
{
    if (base == NULL)
        return NULL;
    return (char *)base + offset + (SQLLEN)row * elem;
}

void bc_desc_bound_ptrs(const bc_desc *d, const bc_desc_rec *r, SQLULEN row, SQLPOINTER *data,
                        SQLLEN **ind, SQLLEN **len)
{
    SQLLEN offset = d->bind_offset_ptr != NULL ? *d->bind_offset_ptr : 0;
    SQLLEN data_elem, ind_elem;

    if (d->bind_type != SQL_BIND_BY_COLUMN) {
        data_elem = d->bind_type;
        ind_elem = d->bind_type;
    } else {
        data_elem = bc_c_type_size(r->concise_type);
        if (data_elem == 0)
            data_elem = r->octet_length;
        ind_elem = sizeof(SQLLEN);
    }
    *data = advance(r->data_ptr, offset, row, data_elem);
    *ind = (SQLLEN *)advance(r->indicator_ptr, offset, row, ind_elem);
    *len = (SQLLEN *)advance(r->octet_length_ptr, offset, row, ind_elem);
}
