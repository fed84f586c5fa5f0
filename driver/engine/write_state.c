/*
 * The engine's write state: the operations a statement queued, the outcomes of the last write
 * statement, and the paths remembered for DELETE. All owned here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "write_internal.h"

bc_write_state *bc_write_state_new(void)
{
    return calloc(1, sizeof(bc_write_state));
}

void bc_write_ops_clear(bc_write_state *w)
{
    for (int i = 0; i < w->nops; i++) {
        free(w->ops[i].path);
        cJSON_Delete(w->ops[i].body);
    }
    w->nops = 0;
    for (int i = 0; i < w->nkeys; i++)
        free(w->keys[i].path);
    w->nkeys = 0;
}

void bc_write_results_clear(bc_write_state *w)
{
    for (int i = 0; i < w->nres; i++)
        free(w->res[i].message);
    w->nres = 0;
    w->changed = 0;
    w->table = NULL;
}

void bc_write_state_free(bc_write_state *w)
{
    if (w == NULL)
        return;
    bc_write_ops_clear(w);
    bc_write_results_clear(w);
    free(w->ops);
    free(w->res);
    free(w->keys);
    free(w);
}

/* Make room for one more element of size sz in *arr (n used, *cap allocated). */
static int grow(void **arr, int n, int *cap, size_t sz)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, (size_t)ncap * sz);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

int bc_write_push_op(bc_write_state *w, const bc_wop *op)
{
    if (grow((void **)&w->ops, w->nops, &w->capops, sizeof *w->ops) != 0)
        return -1;
    w->ops[w->nops++] = *op;
    return 0;
}

int bc_write_push_result(bc_write_state *w, const bc_wop *op, long long id, bool ok, long status,
                         const char *sqlstate, const char *message)
{
    bc_wresult *r;

    if (grow((void **)&w->res, w->nres, &w->capres, sizeof *w->res) != 0)
        return -1;
    r = &w->res[w->nres];
    memset(r, 0, sizeof *r);
    r->kind = op->kind;
    r->row = op->row;
    r->id = id;
    r->ok = ok;
    r->status = status;
    snprintf(r->sqlstate, sizeof r->sqlstate, "%s", sqlstate ? sqlstate : "");
    if (message != NULL && (r->message = bc_strdup(message)) == NULL)
        return -1;
    w->nres++;
    if (ok)
        w->changed++;
    return 0;
}

int bc_write_key_note(bc_write_state *w, const bc_table_def *t, long long rowid, const char *path)
{
    bc_wkey *k;

    if (bc_write_key_find(w, t, rowid) != NULL)
        return 0;
    if (grow((void **)&w->keys, w->nkeys, &w->capkeys, sizeof *w->keys) != 0)
        return -1;
    k = &w->keys[w->nkeys];
    k->t = t;
    k->rowid = rowid;
    if ((k->path = bc_strdup(path)) == NULL)
        return -1;
    w->nkeys++;
    return 0;
}

/* Newest first: SQLite deletes the rows it has just read. */
const char *bc_write_key_find(const bc_write_state *w, const bc_table_def *t, long long rowid)
{
    for (int i = w->nkeys - 1; i >= 0; i--)
        if (w->keys[i].t == t && w->keys[i].rowid == rowid)
            return w->keys[i].path;
    return NULL;
}
