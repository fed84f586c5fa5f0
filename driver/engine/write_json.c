/*
 * SQL values into the JSON a POST or PUT body carries, per the catalog's column type. Money
 * stays exact: a DECIMAL goes out as the digits SQLite holds (a JSON number on v3, the "12.34"
 * string v2 uses), never through a double.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "write_internal.h"

/* Whether s is a plain decimal number ("-12", "3.50"), as JSON can carry it verbatim. */
static bool is_decimal_text(const char *s)
{
    bool digits = false, dot = false;

    if (*s == '-')
        s++;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s))
            digits = true;
        else if (*s == '.' && !dot)
            dot = true;
        else
            return false;
    }
    return digits;
}

static bool json_number_shape(const char *s)
{
    const char *dot = strchr(s, '.');

    if (*s == '-')
        s++;
    if (s[0] == '0' && s[1] != '\0' && s[1] != '.')
        return false;
    return *s != '.' && (dot == NULL || isdigit((unsigned char)dot[1]));
}

static cJSON *money(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v, bc_error *err)
{
    char buf[64];
    const char *text;

    if (sqlite3_value_type(v) == SQLITE_FLOAT)
        snprintf(buf, sizeof buf, "%.4f", sqlite3_value_double(v));
    else
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_value_text(v));
    text = buf[0] == '+' ? buf + 1 : buf;
    if (!is_decimal_text(text)) {
        bc_error_set(err, "22018", 0,
                     "'%s' is not a number: column %s of %s takes a decimal amount such as 12.50.",
                     buf, c->name, t->name);
        return NULL;
    }
    if (t->version == BC_API_V2)
        return cJSON_CreateString(text);
    /* Verbatim when it is a JSON number as written ("007", "5." and ".5" are not). */
    if (json_number_shape(text))
        return cJSON_CreateRaw(text);
    return cJSON_CreateNumber(strtod(text, NULL));
}

static cJSON *integer(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v,
                      bc_error *err)
{
    int type = sqlite3_value_numeric_type(v);

    if (type == SQLITE_INTEGER ||
        (type == SQLITE_FLOAT && sqlite3_value_double(v) == (double)sqlite3_value_int64(v)))
        return cJSON_CreateNumber((double)sqlite3_value_int64(v));
    bc_error_set(err, "22018", 0, "'%s' is not a whole number: column %s of %s takes one.",
                 (const char *)sqlite3_value_text(v), c->name, t->name);
    return NULL;
}

static cJSON *number(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v, bc_error *err)
{
    int type = sqlite3_value_numeric_type(v);

    if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
        return cJSON_CreateNumber(sqlite3_value_double(v));
    bc_error_set(err, "22018", 0, "'%s' is not a number: column %s of %s takes one.",
                 (const char *)sqlite3_value_text(v), c->name, t->name);
    return NULL;
}

static cJSON *bit(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v, bc_error *err)
{
    const char *s = (const char *)sqlite3_value_text(v);

    if (sqlite3_value_numeric_type(v) == SQLITE_INTEGER)
        return cJSON_CreateBool(sqlite3_value_int64(v) != 0);
    if (bc_strcasecmp(s, "true") == 0 || bc_strcasecmp(s, "false") == 0)
        return cJSON_CreateBool(bc_strcasecmp(s, "true") == 0);
    bc_error_set(err, "22018", 0,
                 "'%s' is not a truth value: column %s of %s takes 1, 0, true "
                 "or false.",
                 s, c->name, t->name);
    return NULL;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), for the weekday. */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static cJSON *timestamp(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v,
                        bc_error *err)
{
    static const char *const wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char *s = (const char *)sqlite3_value_text(v);
    bc_timestamp ts;
    char out[64];

    if (bc_time_parse(s, &ts) != 0 || !bc_time_valid(&ts)) {
        bc_error_set(err, "22007", 0,
                     "'%s' is not a date and time: column %s of %s takes 'YYYY-MM-DD HH:MM:SS' "
                     "(UTC).",
                     s, c->name, t->name);
        return NULL;
    }
    if (c->type == BC_COL_DATE)
        snprintf(out, sizeof out, "%04d-%02d-%02d", ts.year, ts.month, ts.day);
    else if (t->version == BC_API_V2) {
        long days = days_from_civil(ts.year, ts.month, ts.day);
        snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", wd[((days % 7) + 7) % 7],
                 ts.day, mon[ts.month - 1], ts.year, ts.hour, ts.minute, ts.second);
    } else {
        snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", ts.year, ts.month, ts.day,
                 ts.hour, ts.minute, ts.second);
    }
    return cJSON_CreateString(out);
}

static cJSON *json_text(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v,
                        bc_error *err)
{
    const char *s = (const char *)sqlite3_value_text(v);
    cJSON *j = cJSON_ParseWithOpts(s, NULL, 1); /* "1, 2" is not JSON: nothing may follow */

    if (j == NULL)
        bc_error_set(err, "22018", 0,
                     "Column %s of %s takes JSON text (for example [1,2] or {\"a\":1}); '%.60s' is "
                     "not JSON.",
                     c->name, t->name, s);
    return j;
}

cJSON *bc_write_json_value(const bc_table_def *t, const bc_column_def *c, sqlite3_value *v,
                           bc_error *err)
{
    cJSON *j;

    if (sqlite3_value_type(v) == SQLITE_NULL)
        j = cJSON_CreateNull();
    else {
        switch (c->type) {
        case BC_COL_INTEGER:
        case BC_COL_BIGINT:
            j = integer(t, c, v, err);
            break;
        case BC_COL_DOUBLE:
            j = number(t, c, v, err);
            break;
        case BC_COL_DECIMAL:
            j = money(t, c, v, err);
            break;
        case BC_COL_BIT:
            j = bit(t, c, v, err);
            break;
        case BC_COL_TIMESTAMP:
        case BC_COL_DATE:
            j = timestamp(t, c, v, err);
            break;
        case BC_COL_JSON:
            j = json_text(t, c, v, err);
            break;
        default:
            j = cJSON_CreateString((const char *)sqlite3_value_text(v));
            break;
        }
    }
    if (j == NULL && !bc_error_is_set(err))
        bc_error_set(err, "HY001", 0, "Out of memory while building a request body.");
    return j;
}

int bc_write_json_put(cJSON *obj, const bc_column_def *c, cJSON *val)
{
    const char *path = c->json_path ? c->json_path : c->name;
    char part[128];

    for (const char *dot; (dot = strchr(path, '.')) != NULL; path = dot + 1) {
        size_t n = (size_t)(dot - path);
        cJSON *sub;
        if (n >= sizeof part)
            break;
        memcpy(part, path, n);
        part[n] = '\0';
        sub = cJSON_GetObjectItemCaseSensitive(obj, part);
        if (sub == NULL && (sub = cJSON_AddObjectToObject(obj, part)) == NULL) {
            cJSON_Delete(val);
            return -1;
        }
        obj = sub;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(obj, path);
    return cJSON_AddItemToObject(obj, path, val) ? 0 : -1;
}
