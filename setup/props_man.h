/* The bigcommerce-odbc(7) manual page, written from the property table by bc-odbc-props. */
#ifndef BC_PROPS_MAN_H
#define BC_PROPS_MAN_H

#include "bc_props.h"

/* Prints a property's allowed values (range, list or URL form) to stdout. */
typedef void (*bc_props_allowed_fn)(const bc_prop_def *def, const char *ellipsis);

/* Prints the whole page, in roff, to stdout. */
void bc_props_man_page(const char *version, bc_props_allowed_fn allowed);

#endif
