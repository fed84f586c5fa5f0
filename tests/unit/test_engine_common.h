/*
 * Shared fixture for the engine tests: an engine over an api with the given base URL and
 * token (NULL token: data requests fail with 28000), plus small query helpers.
 */
#ifndef TEST_ENGINE_COMMON_H
#define TEST_ENGINE_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "bc_api.h"
#include "bc_engine.h"
#include "bc_props.h"

typedef struct fixture {
    bc_api *api;
    bc_props props;
    bc_engine *e;
    volatile int cancel;
} fixture;

static inline fixture *fixture_open(const char *base_url, const char *token)
{
    fixture *f = calloc(1, sizeof *f);
    bc_api_config cfg = {.base_url = base_url, .store_hash = "sandbox", .access_token = token};
    bc_error err;

    bc_error_clear(&err);
    assert_non_null(f);
    cfg.http.timeout_s = 10;
    cfg.http.connect_timeout_s = 5;
    cfg.http.cancel_flag = &f->cancel;
    bc_props_init(&f->props);
    f->api = bc_api_new(&cfg, &err);
    assert_non_null(f->api);
    f->e = bc_engine_open(f->api, &f->props, &f->cancel, &err);
    if (f->e == NULL)
        fail_msg("engine open failed: %s %s", err.sqlstate, err.message);
    return f;
}

static inline void fixture_close(fixture *f)
{
    if (f == NULL)
        return;
    bc_engine_close(f->e);
    bc_api_free(f->api);
    bc_props_free(&f->props);
    free(f);
}

/* Run sql and return the first column of the first row as an integer. */
static inline long long query_int(bc_engine *e, const char *sql)
{
    sqlite3_stmt *vm = NULL;
    int rc = sqlite3_prepare_v2(bc_engine_db(e), sql, -1, &vm, NULL);
    long long v;

    if (rc != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(bc_engine_db(e)));
    bc_engine_begin_statement(e);
    rc = sqlite3_step(vm);
    if (rc != SQLITE_ROW) {
        bc_error err;
        bc_error_clear(&err);
        bc_engine_take_error(e, &err);
        fail_msg("step %s: %d %s %s", sql, rc, err.sqlstate, err.message);
    }
    v = sqlite3_column_int64(vm, 0);
    sqlite3_finalize(vm);
    return v;
}

/* Count the rows of a catalog function's statement. */
static inline int count_rows(sqlite3_stmt *vm)
{
    int n = 0;
    while (sqlite3_step(vm) == SQLITE_ROW)
        n++;
    sqlite3_reset(vm);
    return n;
}

#endif
