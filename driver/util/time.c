/*
 * Date parsing for the two formats BigCommerce sends: RFC 2822 on v2 ("Tue, 20 Nov 2012
 * 00:00:00 +0000") and ISO 8601 on v3 ("2012-11-20T00:00:00+00:00"). Both are normalised to
 * UTC so that SQLite compares "YYYY-MM-DD HH:MM:SS" strings correctly. The arithmetic is done
 * here (days from the civil date) rather than with timegm()/mktime(), so the process's TZ
 * never leaks into values.
 */
#include <string.h>
#include "bc_util.h"

static bool bc_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int bc_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && bc_is_leap(y) ? 29 : days[m - 1];
}

bool bc_time_valid(const bc_timestamp *t)
{
    if (t == NULL || t->year < 1 || t->year > 9999 || t->month < 1 || t->month > 12)
        return false;
    if (t->day < 1 || t->day > bc_days_in_month(t->year, t->month))
        return false;
    /* second 60 is not accepted: SQL TIMESTAMP has no leap seconds */
    return t->hour >= 0 && t->hour <= 23 && t->minute >= 0 && t->minute <= 59 && t->second >= 0 &&
           t->second <= 59 && t->fraction < 1000000000u;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long long bc_days_from_civil(int y, int m, int d)
{
    long long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void bc_civil_from_days(long long z, int *y, int *m, int *d)
{
    long long era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Shift t by offset_min minutes (t is local time at UTC+offset, the result is UTC). */
static void bc_time_to_utc(bc_timestamp *t, int offset_min)
{
    long long secs;

    if (offset_min == 0)
        return;
    secs = bc_days_from_civil(t->year, t->month, t->day) * 86400LL + t->hour * 3600LL +
           t->minute * 60LL + t->second - offset_min * 60LL;
    long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    long long rem = secs - days * 86400;
    bc_civil_from_days(days, &t->year, &t->month, &t->day);
    t->hour = (int)(rem / 3600);
    t->minute = (int)(rem / 60 % 60);
    t->second = (int)(rem % 60);
}

/* Read exactly n digits; -1 when there are not n digits. */
static int bc_digits(const char **p, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9')
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

/* Read 1..max digits. */
static int bc_digits_upto(const char **p, int max)
{
    int v = 0, i = 0;

    while (i < max && (*p)[i] >= '0' && (*p)[i] <= '9')
        v = v * 10 + ((*p)[i++] - '0');
    if (i == 0)
        return -1;
    *p += i;
    return v;
}

/* ".123456789" -> nanoseconds; more than 9 digits are read and dropped. */
static unsigned bc_fraction(const char **p)
{
    unsigned ns = 0;
    int i = 0;

    if (**p != '.' && **p != ',')
        return 0;
    (*p)++;
    for (; **p >= '0' && **p <= '9'; (*p)++, i++)
        if (i < 9)
            ns = ns * 10 + (unsigned)(**p - '0');
    for (; i < 9; i++)
        ns *= 10;
    return ns;
}

/* "Z", "+hh:mm", "+hhmm", "+hh", or nothing (UTC). -1 on garbage. */
static int bc_iso_offset(const char **p, int *offset_min)
{
    const char *s = *p;
    int sign, hh, mm = 0;

    *offset_min = 0;
    if (*s == 'Z' || *s == 'z') {
        *p = s + 1;
        return 0;
    }
    if (*s != '+' && *s != '-')
        return 0;
    sign = *s++ == '-' ? -1 : 1;
    if ((hh = bc_digits(&s, 2)) < 0)
        return -1;
    if (*s == ':')
        s++;
    if (*s >= '0' && *s <= '9' && (mm = bc_digits(&s, 2)) < 0)
        return -1;
    if (hh > 23 || mm > 59)
        return -1;
    *offset_min = sign * (hh * 60 + mm);
    *p = s;
    return 0;
}

static int bc_time_parse_iso(const char *s, bc_timestamp *t)
{
    int off = 0;

    memset(t, 0, sizeof *t);
    if ((t->year = bc_digits(&s, 4)) < 0 || *s++ != '-' || (t->month = bc_digits(&s, 2)) < 0 ||
        *s++ != '-' || (t->day = bc_digits(&s, 2)) < 0)
        return -1;
    if (*s == 'T' || *s == 't' || *s == ' ') {
        s++;
        if ((t->hour = bc_digits(&s, 2)) < 0 || *s++ != ':' || (t->minute = bc_digits(&s, 2)) < 0)
            return -1;
        if (*s == ':' && (s++, t->second = bc_digits(&s, 2)) < 0)
            return -1;
        t->fraction = bc_fraction(&s);
        while (*s == ' ')
            s++;
        if (bc_iso_offset(&s, &off) < 0)
            return -1;
    }
    while (*s == ' ')
        s++;
    if (*s != '\0' || !bc_time_valid(t))
        return -1;
    bc_time_to_utc(t, off);
    return 0;
}

static int bc_month_index(const char *s)
{
    static const char *const names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, names[i], 3) == 0)
            return i + 1;
    return -1;
}

/* RFC 2822 zone: "+hhmm"/"-hhmm", or the obsolete names of section 4.3. */
static int bc_rfc_zone(const char *s, int *offset_min)
{
    static const struct {
        const char *name;
        int hours;
    } zones[] = {{"UT", 0},   {"GMT", 0},  {"Z", 0},    {"EST", -5}, {"EDT", -4}, {"CST", -6},
                 {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    int hh, mm, sign;

    *offset_min = 0;
    if (*s == '\0')
        return 0;
    if (*s == '+' || *s == '-') {
        sign = *s++ == '-' ? -1 : 1;
        if ((hh = bc_digits(&s, 2)) < 0 || (mm = bc_digits(&s, 2)) < 0 || mm > 59)
            return -1;
        *offset_min = sign * (hh * 60 + mm);
        return *s == '\0' || *s == ' ' ? 0 : -1;
    }
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        if (strcasecmp(s, zones[i].name) == 0) {
            *offset_min = zones[i].hours * 60;
            return 0;
        }
    }
    return -1;
}

static int bc_time_parse_rfc2822(const char *s, bc_timestamp *t)
{
    int off = 0;

    memset(t, 0, sizeof *t);
    /* The day of the week is optional and not checked against the date. */
    if (((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) {
        const char *comma = strchr(s, ',');
        if (comma == NULL)
            return -1;
        s = comma + 1;
    }
    while (*s == ' ')
        s++;
    if ((t->day = bc_digits_upto(&s, 2)) < 0 || *s++ != ' ')
        return -1;
    if ((t->month = bc_month_index(s)) < 0)
        return -1;
    s += 3;
    if (*s++ != ' ' || (t->year = bc_digits(&s, 4)) < 0 || *s++ != ' ')
        return -1;
    if ((t->hour = bc_digits(&s, 2)) < 0 || *s++ != ':' || (t->minute = bc_digits(&s, 2)) < 0)
        return -1;
    if (*s == ':' && (s++, t->second = bc_digits(&s, 2)) < 0)
        return -1;
    while (*s == ' ')
        s++;
    if (bc_rfc_zone(s, &off) < 0 || !bc_time_valid(t))
        return -1;
    bc_time_to_utc(t, off);
    return 0;
}

/* Unix seconds as decimal digits only ("1672670738"): v2 gift certificates send their dates
 * this way. Up to 11 digits keeps the year below 5000, far inside bc_time_valid. */
static int bc_time_parse_unix(const char *s, bc_timestamp *t)
{
    long long secs = 0, days;
    int n = 0, rest;

    for (; *s >= '0' && *s <= '9'; s++, n++)
        secs = secs * 10 + (*s - '0');
    if (n == 0 || n > 11 || *s != '\0')
        return -1;
    days = secs / 86400;
    rest = (int)(secs % 86400);
    bc_civil_from_days(days, &t->year, &t->month, &t->day);
    t->hour = rest / 3600;
    t->minute = rest / 60 % 60;
    t->second = rest % 60;
    t->fraction = 0;
    return 0;
}

int bc_time_parse(const char *s, bc_timestamp *out)
{
    bc_timestamp t;

    if (s == NULL || out == NULL)
        return -1;
    while (*s == ' ')
        s++;
    if (bc_time_parse_iso(s, &t) != 0 && bc_time_parse_rfc2822(s, &t) != 0 &&
        bc_time_parse_unix(s, &t) != 0)
        return -1;
    if (!bc_time_valid(&t)) /* a shift across year 1 or 9999 */
        return -1;
    *out = t;
    return 0;
}

static void bc_put_num(char *p, int v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
}

void bc_time_format(const bc_timestamp *t, char out[20])
{
    /* Digits are written directly: fields were validated, and this cannot truncate. */
    bc_put_num(out, t->year < 0 ? 0 : t->year, 4);
    out[4] = '-';
    bc_put_num(out + 5, t->month, 2);
    out[7] = '-';
    bc_put_num(out + 8, t->day, 2);
    out[10] = ' ';
    bc_put_num(out + 11, t->hour, 2);
    out[13] = ':';
    bc_put_num(out + 14, t->minute, 2);
    out[16] = ':';
    bc_put_num(out + 17, t->second, 2);
    out[19] = '\0';
}
