/*
 * ODBC search patterns (SQLTables, SQLColumns ...): '%' any run, '_' one character, '\'
 * escapes the next character. Matching is ASCII case-insensitive, like SQLite identifiers,
 * so "products" finds Products.
 */
#include <ctype.h>
#include "engine_internal.h"

/* Length of the UTF-8 character at s (1 for invalid bytes, so matching always advances). */
static int char_len(const unsigned char *s)
{
    if (*s < 0x80)
        return 1;
    if ((*s & 0xe0) == 0xc0)
        return 2;
    if ((*s & 0xf0) == 0xe0)
        return 3;
    if ((*s & 0xf8) == 0xf0)
        return 4;
    return 1;
}

static bool same_char(const unsigned char *p, const unsigned char *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (v[i] == '\0' || tolower(p[i]) != tolower(v[i]))
            return false;
    }
    return true;
}

static bool match(const unsigned char *p, const unsigned char *v)
{
    while (*p) {
        if (*p == '%') {
            while (*p == '%')
                p++;
            if (*p == '\0')
                return true;
            for (; *v; v += char_len(v))
                if (match(p, v))
                    return true;
            return false;
        }
        if (*v == '\0')
            return false;
        if (*p == '_') {
            p++;
            v += char_len(v);
            continue;
        }
        if (*p == '\\' && p[1] != '\0')
            p++;
        int n = char_len(p);
        if (!same_char(p, v, n))
            return false;
        p += n;
        v += n;
    }
    return *v == '\0';
}

bool bc_like_match(const char *pattern, const char *value)
{
    if (pattern == NULL)
        return true;
    if (value == NULL)
        return false;
    return match((const unsigned char *)pattern, (const unsigned char *)value);
}

static void like_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *p = (const char *)sqlite3_value_text(argv[0]);
    const char *v = (const char *)sqlite3_value_text(argv[1]);

    if (p == NULL || v == NULL) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    sqlite3_result_int(ctx, bc_like_match(p, v));
}

int bc_like_register(sqlite3 *db)
{
    return sqlite3_create_function(db, "bc_like", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   like_fn, NULL, NULL);
}
