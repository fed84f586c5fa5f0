/*
 * How each writable table maps INSERT, UPDATE and DELETE onto the API (docs/ARCHITECTURE.md, "A
 * write"). Kept apart from the table definitions: a table with a spec here (and not marked is_view)
 * takes writes; every other table is read-only. Columns are named by their SQL names, so the spec
 * follows the table definition without repeating it.
 *
 * A path may hold {placeholders} named after the table's columns ("{product_id}", "{id}"):
 * the row's values fill them. A batch size above 1 means the request body is a JSON array of
 * up to that many objects (or, for DELETE, that many ids in the delete_in_param filter).
 */
#ifndef BC_WRITE_SPEC_H
#define BC_WRITE_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include "bc_catalog.h"

typedef struct bc_write_spec {
    const char *table; /* the catalog table's SQL name */
    /* INSERT: POST insert_path (or insert_method: "PUT" where the API creates by upserting);
     * NULL when the API cannot create these objects. */
    const char *insert_path;
    const char *insert_method;
    int insert_batch;
    const char *insert_columns; /* space-separated SQL names the POST body accepts */
    /* UPDATE: PUT update_path; with a batch above 1 the ids travel in the body's objects. */
    const char *update_path;
    int update_batch;
    const char *update_columns;
    /* Columns the PUT body must carry even when the UPDATE does not change them (the
     * reference marks them required, or they name the object); their current values are
     * sent. Only update_columns may be assigned. */
    const char *update_required;
    /* DELETE: delete_path; with delete_in_param ("id:in") up to delete_batch ids per request. */
    const char *delete_path;
    const char *delete_in_param;
    int delete_batch;
    /* After a POST that got no usable answer, the row is looked up on insert_path with
     * ?probe_param=<its probe_column value> (a value the API keeps unique), so that a row
     * that was created is reported written rather than unknown. NULL when there is no such
     * column. */
    const char *probe_param;
    const char *probe_column;
    /* Requests of one statement in flight at once; 0 = BC_WRITE_WINDOW. */
    int window;
    /* Rows written through their parent (OrderItems through the order's PUT): the rows of a
     * request travel as the array body_wrap of one object ({"products": [...]}), and a
     * DELETE is delete_method with the row's id and delete_body ({"quantity": 0}). */
    const char *body_wrap;
    const char *delete_method;
    const char *delete_body;
    /* DELETE whose ids travel as a JSON array body ([1, 2, 3]) instead of an id:in filter
     * (the batch metafield endpoints), up to delete_batch per request. */
    bool delete_ids_body;
    /* The key the API's answers name a row by, when it is not "id" (a channel listing's
     * "listing_id"); the table's primary-key column has the same name. */
    const char *answer_key;
    /* Why an operation whose path is NULL is impossible, for the refusal message (the
     * reference has no such endpoint ...); NULL: the generic text. */
    const char *why_not;
    /* Columns the request bodies name differently from the answers, as "sql=body" words
     * ("attribute_value=value"); NULL when every body field is the column's own name. */
    const char *body_names;
} bc_write_spec;

/* The spec of a table (case-insensitive name), NULL when the table takes no writes. */
const bc_write_spec *bc_write_spec_find(const char *table);
/* The field a request body gives column name: its body_names entry, else NULL. The text
 * is copied into buf. */
const char *bc_write_spec_body_name(const bc_write_spec *ws, const char *name, char *buf, size_t n);
/* Whether name is a word of the space-separated list (NULL list: false). */
bool bc_write_spec_lists(const char *list, const char *name);

#endif
