/*
 * The engine's JSON -> SQLite value conversion (bc_vtab_result) on any JSON value and every
 * column type. It is reached the way the virtual table reaches it, from inside a SQLite call
 * (a scalar function stands in for xColumn), and the result is read back as text so that
 * every produced value is touched. The first byte picks the column type.
 */
#include "fuzz.h"

#include "engine/vtab_internal.h"

static const bc_col_type types[] = {
    BC_COL_INTEGER, BC_COL_BIGINT,   BC_COL_DOUBLE,    BC_COL_DECIMAL, BC_COL_BIT,
    BC_COL_VARCHAR, BC_COL_LONGTEXT, BC_COL_TIMESTAMP, BC_COL_DATE,    BC_COL_JSON};

typedef struct fuzz_value {
    const bc_column_def *col;
    const cJSON *v;
} fuzz_value;

static void fuzz_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    const fuzz_value *fv = sqlite3_user_data(ctx);
    bc_vtab_result(ctx, fv->col, fv->v);
}

static sqlite3 *open_db(fuzz_value *fv)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    if (sqlite3_create_function(db, "fuzz_value", 0, SQLITE_UTF8, fv, fuzz_fn, NULL, NULL) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    bc_column_def col = {.name = "c", .type = types[data[0] % (sizeof types / sizeof types[0])]};
    cJSON *v = cJSON_ParseWithLength((const char *)data + 1, size - 1);
    fuzz_value fv = {&col, v};
    sqlite3 *db = open_db(&fv);
    sqlite3_stmt *vm = NULL;

    if (db != NULL && sqlite3_prepare_v2(db, "SELECT fuzz_value(), typeof(fuzz_value())", -1, &vm,
                                         NULL) == SQLITE_OK) {
        if (sqlite3_step(vm) == SQLITE_ROW) {
            const unsigned char *text = sqlite3_column_text(vm, 0);
            int n = sqlite3_column_bytes(vm, 0);
            BC_FUZZ_ASSERT(text == NULL || (int)strlen((const char *)text) <= n);
        }
    }
    sqlite3_finalize(vm);
    sqlite3_close(db);
    cJSON_Delete(v);
    return 0;
}
