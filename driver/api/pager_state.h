/*
 * Private to driver/api/: the pager's state, shared by pager.c (the paging styles) and
 * pager_window.c (the sliding window of look-ahead pages).
 */
#ifndef BC_PAGER_STATE_H
#define BC_PAGER_STATE_H

#include <stdbool.h>
#include <cjson/cJSON.h>
#include "bc_defaults.h"
#include "api_internal.h"

struct bc_pager {
    bc_api *a;
    char *path, *query;
    char *count_path; /* v2: where the number of items is, or NULL (sequential paging) */
    bc_paging paging;
    long max_rows, limit, delivered;
    int next_page;   /* the next page to hand out */
    int total_pages; /* v3, counted v2: -1 until page 1 (and the count) arrived */
    bool done;
    cJSON *cur; /* owns the items handed out last */
    /* The sliding window: pages next_page .. next_start-1 are in flight, page n in
     * win[n % BC_API_WINDOW_MAX]; last is the last page worth fetching (0: no window). */
    bc_api_call *win[BC_API_WINDOW_MAX];
    int next_start, last;
    char *after; /* cursor for the next CURSOR page */
    /* Consistency of the scan (pager_check.c). */
    char *key;       /* member that identifies an item, or NULL (no de-duplication) */
    long long *seen; /* keys handed out: an open-addressing set of seen_cap slots */
    bool *seen_used; /* which slots of seen are in use */
    size_t seen_n, seen_cap;
    long long max_key;      /* the greatest key handed out */
    bool keys_ascending;    /* every key handed out was greater than the one before */
    char *resume_param;     /* "id:greater", or NULL: the scan cannot go on by key */
    bool resume_inclusive;  /* resume_param is an inclusive bound ("min_id") */
    bool by_key;            /* the scan goes on by key (pager.c next_by_key) */
    long declared_total;    /* v3: meta.pagination.total of page 1; -1 when none */
    long declared_per_page; /* v3: meta.pagination.per_page of page 1; -1 when none */
};

/* path?query&page=N&limit=L. Caller frees; NULL on allocation failure. */
char *bc_pager_page_path(const bc_pager *p, int page);

/* pager_check.c. Take page 1's declaration (v3 meta.pagination). */
void bc_pager_declare(bc_pager *p, const cJSON *page1);
/* Whether doc, page number page (0 when pages are not numbered), contradicts the
 * declaration or repeats a key handed out before; *why (cap bytes) says how. */
bool bc_pager_contradiction(const bc_pager *p, int page, const cJSON *doc, char *why, size_t cap);
/* Record the keys of items as handed out. -1 when out of memory. */
int bc_pager_remember(bc_pager *p, const cJSON *items);
/* Whether the scan can go on by key (see bc_pager_set_resume_param). */
bool bc_pager_can_resume(const bc_pager *p);
/* The 40001 error of a contradiction that reading the page again did not resolve. */
int bc_pager_inconsistent(const bc_pager *p, const char *why, bc_error *err);
void bc_pager_check_free(bc_pager *p);

/* What the pager's pages must look like (a v3 envelope, a v2 array, any JSON). */
bc_api_expect bc_pager_expect(const bc_pager *p);

/* pager_window.c. Open the window over pages from..last and start what the rate limiter
 * admits without waiting (from > last: an empty window). */
void bc_pager_window_open(bc_pager *p, int from, int last);
/* Page next_page, waiting for it if needed, and start the next look-ahead pages. 1 with
 * *doc (the caller owns it; NULL for a 404 below a vanished parent), 0 when the window is
 * past its last page, -1 with err set. */
int bc_pager_window_next(bc_pager *p, cJSON **doc, bc_error *err);
/* Abandon every page still in flight. */
void bc_pager_window_close(bc_pager *p);

#endif
