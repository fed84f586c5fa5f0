/*
 * Private to driver/api/: the pure parts of the pager, unit-tested without a server.
 */
#ifndef BC_PAGER_INTERNAL_H
#define BC_PAGER_INTERNAL_H

#include <cjson/cJSON.h>

/* Items per request: the client's page size (1..BC_MAX_PAGE_SIZE, see bc_api_new),
 * or max_rows when a smaller cap makes a bigger page pointless. */
long bc_pager_limit(int page_size, long max_rows);

/* The items of a response document. Returns the JSON to free afterwards (doc itself, or a
 * new array that took doc or doc.data over) and sets *items to the array inside it, NULL
 * when the document has no items. A bare array, {"data":[...]}, and a single object (v2
 * /v2/store, v3 {"data":{...}}) wrapped as one item. Consumes doc; NULL with *items NULL
 * for a NULL doc, and also (doc freed) on allocation failure. */
cJSON *bc_pager_items(cJSON *doc, cJSON **items);

/* meta.pagination.total_pages of a v3 page; 1 when absent (an unpaginated endpoint). */
int bc_pager_total_pages(const cJSON *doc);

/* Last page worth fetching: total_pages, or fewer when max_rows > 0 needs fewer. */
int bc_pager_last_page(int total_pages, long max_rows, long limit);

/* Pages of limit items that a v2 count document ({"count": N, ...}) stands for, or -1 when
 * it is not one or says fewer than limit items: the caller asks only after page 1 came back
 * full, so such a count cannot be right (then paging goes on one page at a time). */
int bc_pager_pages_of_count(const cJSON *doc, long limit);

/* Drop items from the end of items so that delivered + size <= max_rows (max_rows > 0). */
void bc_pager_truncate(cJSON *items, long max_rows, long delivered);

/* The value for after= of the next cursor page, from meta.cursor_pagination.links.next
 * ("?limit=5&after=XYZ", already encoded) or else its end_cursor; without
 * meta.cursor_pagination, from meta.pagination.links.next's after=; NULL when there is no next
 * page or on allocation failure. Caller frees. */
char *bc_pager_next_cursor(const cJSON *doc);

#endif
