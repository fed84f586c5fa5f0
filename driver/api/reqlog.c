/*
 * The requests of the last statement, for the sys_requests table: what a query cost is the
 * number of requests it made, so the user can see them (method, path and query, status,
 * time). A statement's list becomes "the last" when the next statement that makes a request
 * begins, so querying sys_requests, which makes none, shows the statement before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "api_internal.h"

/* A runaway statement's list stops growing here: the first requests tell the story. */
#define REQLOG_MAX 100000

static void list_free(bc_api_reqlist *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i].path_query);
    free(l->v);
    memset(l, 0, sizeof *l);
}

void bc_api_requests_note(bc_api *a, const char *method, const char *path_query, long status,
                          long long ms)
{
    bc_api_reqlist *l = &a->reqlog_cur;

    if (l->n >= REQLOG_MAX)
        return;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        bc_api_logged *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (v == NULL)
            return; /* out of memory costs only the record */
        l->v = v;
        l->cap = cap;
    }
    bc_api_logged *e = &l->v[l->n];
    if ((e->path_query = bc_strdup(path_query)) == NULL)
        return;
    snprintf(e->method, sizeof e->method, "%s", method);
    e->status = status;
    e->ms = ms;
    l->n++;
}

void bc_api_requests_begin(bc_api *a)
{
    if (a == NULL || a->reqlog_cur.n == 0)
        return;
    list_free(&a->reqlog_last);
    a->reqlog_last = a->reqlog_cur;
    memset(&a->reqlog_cur, 0, sizeof a->reqlog_cur);
}

int bc_api_requests_last(bc_api *a, const bc_api_logged **out)
{
    /* While a statement runs, its own requests are the freshest story. */
    const bc_api_reqlist *l = a->reqlog_cur.n > 0 ? &a->reqlog_cur : &a->reqlog_last;

    *out = l->v;
    return l->n;
}

void bc_api_requests_free(bc_api *a)
{
    list_free(&a->reqlog_cur);
    list_free(&a->reqlog_last);
}
