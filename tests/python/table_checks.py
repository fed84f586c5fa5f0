"""Comparisons shared by the per-table tests: a fetched value against its JSON source, and
the Python type pyodbc gives each SQL type."""

import datetime
import decimal
import email.utils
import json

# SQL type code -> the Python type pyodbc returns for it.
PY_TYPE = {4: int, -5: int, 8: float, 3: decimal.Decimal, -7: bool, -9: str, -10: str,
           12: str, -1: str, 93: datetime.datetime, 91: datetime.date}


def same_value(got, want):
    """A fetched value equals its JSON source: nested JSON as text, money strings and numbers
    as decimals, v2 (RFC 2822), v3 (ISO 8601) and Unix-seconds dates as UTC, an empty v2 date
    as NULL."""
    if want is None or (want == "" and got is None):
        return got is None
    if isinstance(want, (dict, list)):
        return json.loads(got) == want
    if isinstance(want, bool):
        return got == want
    if isinstance(got, datetime.datetime):
        if want.isdigit():
            when = datetime.datetime.fromtimestamp(int(want), datetime.timezone.utc)
        elif want[:4].isdigit():
            when = datetime.datetime.fromisoformat(want)
        else:
            when = email.utils.parsedate_to_datetime(want)
        if when.tzinfo is not None:
            when = when.astimezone(datetime.timezone.utc)
        return got == when.replace(tzinfo=None)
    if isinstance(got, (int, float, decimal.Decimal)) and not isinstance(got, bool):
        return abs(decimal.Decimal(str(got)) - decimal.Decimal(str(want))) < decimal.Decimal("1e-6")
    return got == want


def assert_row_matches(table, row, names, item):
    """Every field of the JSON item has a column of the same name, and each column's value
    equals the field's."""
    missing = sorted(set(item) - set(names))
    assert not missing, (table, "fields without a column", missing)
    for name in names:
        if name in item:
            assert same_value(getattr(row, name), item[name]), (table, name, item[name])
