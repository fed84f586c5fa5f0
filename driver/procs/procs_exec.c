/*
 * Running the web-flow procedures. The result row is bound to an SQLite statement
 * "SELECT ?1 AS "URL"" prepared by bc_proc_prepare_result, so the statement layer fetches a
 * procedure's result like any other result set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "bc_auth.h"
#include "bc_procs.h"

#define MAX_INPUTS 16

/* The inputs of one call, by the procedure's input order; NULL when not given. */
typedef struct proc_inputs {
    const char *v[MAX_INPUTS];
    bool unbound[MAX_INPUTS]; /* given as '?' but no value was supplied */
} proc_inputs;

int bc_proc_prepare_result(sqlite3 *db, const bc_proc_call *c, sqlite3_stmt **vm, bc_error *err)
{
    char sql[1024];
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT ");

    *vm = NULL;
    for (int i = 0; i < c->proc->noutputs && n < sizeof sql; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s?%d AS \"%s\"", i ? ", " : "", i + 1,
                              c->proc->outputs[i].name);
    if (n >= sizeof sql)
        return bc_error_set(err, "HY000", 0, "The result of %s is too wide.", c->proc->name);
    if (sqlite3_prepare_v2(db, sql, -1, vm, NULL) != SQLITE_OK)
        return bc_error_set(err, "HY000", 0, "Cannot prepare the result of %s: %s", c->proc->name,
                            sqlite3_errmsg(db));
    return 0;
}

static int input_index(const bc_proc_def *d, const char *name)
{
    for (int j = 0; j < d->ninputs; j++)
        if (strcasecmp(d->inputs[j].name, name) == 0)
            return j;
    return -1;
}

static int collect_inputs(const bc_proc_call *c, char *const *vals, int nvals, proc_inputs *in,
                          bc_error *err)
{
    const bc_proc_def *d = c->proc;
    int pos = 0;

    memset(in, 0, sizeof *in);
    for (int i = 0; i < c->nargs; i++) {
        const bc_proc_arg *a = &c->args[i];
        int k = a->name ? input_index(d, a->name) : pos++;
        const char *v = a->value;
        if (k < 0 || k >= d->ninputs || k >= MAX_INPUTS)
            continue; /* the parser already rejected these */
        if (a->param_index > 0) {
            v = a->param_index <= nvals ? vals[a->param_index - 1] : NULL;
            in->unbound[k] = a->param_index > nvals;
        }
        in->v[k] = (v != NULL && v[0] != '\0') ? v : NULL;
    }
    for (int k = 0; k < d->ninputs && k < MAX_INPUTS; k++)
        if (d->inputs[k].required && in->v[k] == NULL)
            return bc_error_set(err, in->unbound[k] ? "07002" : "HY000", 0,
                                "Procedure %s needs its input %s.", d->name, d->inputs[k].name);
    return 0;
}

static int missing_input(const bc_proc_def *d, const proc_inputs *in, int k, const char *why,
                         bc_error *err)
{
    return bc_error_set(err, in->unbound[k] ? "07002" : "HY000", 0,
                        "Procedure %s needs its input %s%s.", d->name, d->inputs[k].name, why);
}

/* AuthMode: true for APP, false for WEB (the default). */
static int auth_mode(const bc_proc_def *d, const char *v, bool *app, bc_error *err)
{
    *app = v != NULL && strcasecmp(v, "APP") == 0;
    if (v != NULL && !*app && strcasecmp(v, "WEB") != 0)
        return bc_error_set(err, "HY024", 0,
                            "AuthMode '%s' of procedure %s is not valid: use APP or WEB.", v,
                            d->name);
    return 0;
}

static int bind_texts(sqlite3_stmt *vm, const char *const *texts, int n, bc_error *err)
{
    sqlite3_reset(vm);
    sqlite3_clear_bindings(vm);
    for (int i = 0; i < n; i++)
        if (texts[i] != NULL &&
            sqlite3_bind_text(vm, i + 1, texts[i], -1, SQLITE_TRANSIENT) != SQLITE_OK)
            return bc_error_set(err, "HY001", 0, "Out of memory binding the procedure result.");
    return 0;
}

static bool both_missing(const bc_props *p)
{
    return p->oauth_client_id == NULL && p->store_id == NULL;
}

/* Names only the properties that are really absent. */
static const char *missing_client_props(const bc_props *p)
{
    if (both_missing(p))
        return "OAuthClientId and StoreId";
    return p->oauth_client_id == NULL ? "OAuthClientId" : "StoreId";
}

static int run_authorization_url(const bc_props *p, const bc_proc_def *d, const proc_inputs *in,
                                 sqlite3_stmt *vm, bc_error *err)
{
    const char *callback = in->v[1] ? in->v[1] : p->callback_url;
    const char *texts[1];
    char *url;
    bool app;
    int rc;

    if (auth_mode(d, in->v[0], &app, err) != 0)
        return -1;
    if (callback == NULL)
        return missing_input(d, in, 1, " (or set the CallbackURL property)", err);
    if (p->oauth_client_id == NULL || p->store_id == NULL)
        return bc_error_set(err, "HY000", 0,
                            "%s needs the %s connection propert%s; add %s to the connection "
                            "string or DSN.",
                            d->name, missing_client_props(p), both_missing(p) ? "ies" : "y",
                            both_missing(p) ? "them" : "it");
    if (bc_auth_authorize_url(p, callback, in->v[2], in->v[3], app, &url, err) != 0)
        return -1;
    texts[0] = url;
    rc = bind_texts(vm, texts, 1, err);
    free(url);
    return rc;
}

static int bind_token(sqlite3_stmt *vm, const bc_props *p, const bc_token *t, bc_error *err)
{
    const char *store = p->store_id;
    const char *texts[5];

    if (t->context != NULL && strncmp(t->context, "stores/", 7) == 0)
        store = t->context + 7;
    texts[0] = t->access_token;
    texts[1] = t->refresh_token;
    texts[2] = NULL;
    texts[3] = store;
    texts[4] = t->scope;
    if (bind_texts(vm, texts, 5, err) != 0)
        return -1;
    if (t->expires_at != 0)
        sqlite3_bind_int64(vm, 3, t->expires_at - (long long)time(NULL));
    return 0;
}

static int obtain_token(const bc_props *p, const bc_proc_def *d, const proc_inputs *in, bc_token *t,
                        bc_error *err)
{
    const char *callback = in->v[2] ? in->v[2] : p->callback_url;
    const char *scope = in->v[3] ? in->v[3] : p->scope;
    bool app;

    if (auth_mode(d, in->v[0], &app, err) != 0)
        return -1;
    if (in->v[1] == NULL && !app)
        return missing_input(d, in, 1, " (the code of the redirect) when AuthMode is WEB", err);
    return bc_auth_grant_token(p, in->v[1], callback, scope, t, err);
}

static int run_access_token(const bc_props *p, bc_api *api, const bc_proc_def *d,
                            const proc_inputs *in, sqlite3_stmt *vm, bc_error *err)
{
    bc_token t;
    int rc;

    if (obtain_token(p, d, in, &t, err) != 0)
        return -1;
    /* The connection may now read data with the new token. */
    if (api != NULL)
        bc_api_set_token(api, t.access_token);
    rc = bind_token(vm, p, &t, err);
    bc_token_free(&t);
    return rc;
}

int bc_proc_execute(const bc_props *p, bc_api *api, const bc_proc_call *c,
                    char *const *param_values, int nvalues, sqlite3_stmt *vm, bc_error *err)
{
    proc_inputs in;

    if (collect_inputs(c, param_values, nvalues, &in, err) != 0)
        return -1;
    if (strcmp(c->proc->name, "GetOAuthAuthorizationURL") == 0)
        return run_authorization_url(p, c->proc, &in, vm, err);
    if (strcmp(c->proc->name, "GetOAuthAccessToken") == 0)
        return run_access_token(p, api, c->proc, &in, vm, err);
    return bc_error_set(err, "HY000", 0, "Procedure %s has no implementation.", c->proc->name);
}
