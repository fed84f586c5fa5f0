"""(c) The reference's example bodies read through the driver: a replay server answers
each request with the example of its operation, and for every table whose endpoint has
one, every column named like an example field equals the example's value (dates, money,
booleans, NULLs, JSON text), and no example field is left without a column.

A table's endpoint is learnt from a sandbox run (the last request of SELECT * FROM t).
Tables that share their endpoint with another are child views of a nested array; they are
read through their parent's JSON column and left out here."""

import datetime
import email.utils
import json
import re
from decimal import Decimal, InvalidOperation

import pytest

import known
import reference
from replay import STORE, Replay

API = "/stores/sandbox"


def endpoints(sb, cur, ops):
    """{table: operation} of the tables read with a request of their own."""
    found = {}
    for t in [t.table_name for t in cur.tables(schema="BigCommerce")]:
        sb.clear_requests()
        try:
            cur.execute(f'SELECT * FROM "{t}" LIMIT 1').fetchall()
        except Exception:  # test_requests reports it
            continue
        log = sb.api_requests()
        if log:
            op = reference.find(ops, "GET", log[-1]["path"][len(API):])
            if op is not None:
                found[t] = op
    return found


def items_of(example):
    if isinstance(example, dict) and "data" in example:
        data = example["data"]
        return data if isinstance(data, list) else [data]
    if isinstance(example, list):
        return example
    return [example] if isinstance(example, dict) else []


def direct_tables(found, columns):
    """Of the tables sharing an endpoint, the one whose columns cover most example fields."""
    by_op = {}
    for t, op in found.items():
        by_op.setdefault(op.template, []).append(t)
    keep = {}
    for template, tables in by_op.items():
        op = found[tables[0]]
        items = items_of(op.example())
        keys = set().union(*(i.keys() for i in items if isinstance(i, dict))) if items else set()
        best = max(tables, key=lambda t: (len(keys & set(columns[t])), -len(t)))
        keep[best] = op
    return keep


def to_utc(text):
    """An API date (RFC 2822, ISO 8601 or a Unix-time string) as naive UTC."""
    if text.isdigit():
        return datetime.datetime.fromtimestamp(int(text), datetime.timezone.utc).replace(
            tzinfo=None)
    try:
        d = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if d.tzinfo is not None:
        d = d.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return d


def expected_value(type_name, ex):
    """The value the driver should return for example value ex in a column of type_name."""
    t = type_name.upper()
    if ex is None:
        return None
    if t in ("INTEGER", "BIGINT", "SMALLINT", "TINYINT"):
        return int(ex)
    if t in ("DECIMAL", "NUMERIC"):
        return Decimal(str(ex))
    if t in ("DOUBLE", "FLOAT", "REAL"):
        return float(ex)
    if t == "BIT":
        return ex in (True, 1, "1", "true")
    if t in ("TIMESTAMP", "DATETIME"):
        return None if ex == "" else to_utc(ex)
    if t == "DATE":
        return None if ex == "" else to_utc(ex).date() if "T" in ex or " " in ex else \
            datetime.date.fromisoformat(ex)
    return ex


def same(type_name, ex, got):
    try:
        want = expected_value(type_name, ex)
    except (ValueError, TypeError, InvalidOperation) as exc:
        return False, f"example {ex!r} is not a {type_name}: {exc}"
    if isinstance(want, (dict, list)) or (isinstance(want, (int, float, bool))
                                          and isinstance(got, str)):
        try:
            ok = json.loads(got) == want if got is not None else False
        except ValueError:
            ok = False
    elif isinstance(want, float) and isinstance(got, float):
        ok = abs(want - got) <= 1e-9 * max(1.0, abs(want))
    elif isinstance(want, datetime.datetime) and isinstance(got, datetime.datetime):
        ok = want.replace(microsecond=0) == got  # timestamps are held to the second
    else:
        ok = want == got
    return ok, f"example {ex!r} read as {got!r}"


def keyed_select(table, op, names, items):
    """SELECT * of the table, with its endpoint's placeholders given (from the example
    where it has the field, else 1) so that no parent is walked."""
    conds, args = [], []
    for ph in re.findall(r"\{([^}]+)\}", op.template):
        if ph in names:
            conds.append(f'"{ph}" = ?')
            args.append(next((i[ph] for i in items if isinstance(i.get(ph), int)), 1))
    where = " WHERE " + " AND ".join(conds) if conds else ""
    return f'SELECT * FROM "{table}"{where}', args


def compare_table(cur, table, op, types, findings):
    items = [i for i in items_of(op.example()) if isinstance(i, dict)]
    try:
        sql, args = keyed_select(table, op, types, items)
        cur.execute(sql, *args)
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except Exception as exc:
        findings[(table, "query")] = str(exc)[:200]
        return
    if not rows:
        findings[(table, "rows")] = f"no row read from the example of {op}"
        return
    for k in sorted(set().union(*(i.keys() for i in items))):
        if k not in names and not any(n.startswith(k + "_") for n in names):
            findings[(table, k)] = "example field without a column"
    for i, row in enumerate(rows):
        item = items[i % len(items)]
        for name, got in zip(names, row):
            if name not in item or (table, name) in findings:
                continue
            ok, msg = same(types[name], item[name], got)
            if not ok:
                findings[(table, name)] = msg


def test_reference_examples_read_back_column_by_column(sandbox, connect, reference_ops):
    cur = connect(sandbox).cursor()
    found = endpoints(sandbox, cur, reference_ops)
    columns, types = {}, {}
    for t in found:
        cols = cur.columns(table=t).fetchall()
        columns[t] = [c.column_name for c in cols]
        types[t] = {c.column_name: c.type_name for c in cols}
    tables = {t: op for t, op in direct_tables(found, columns).items() if op.example()}
    assert len(tables) > 30, f"only {len(tables)} tables have an example to replay"
    server = Replay(reference_ops)
    try:
        sb = type("Store", (), {"store_hash": STORE, "token": "replay", "url": server.url})
        rcur = connect(sb, Timeout=10).cursor()
        findings = {}
        for t, op in sorted(tables.items()):
            compare_table(rcur, t, op, types[t], findings)
    finally:
        server.stop()
    print(f"\n{len(tables)} tables read back from the reference's examples")
    known.check("replay", findings)
