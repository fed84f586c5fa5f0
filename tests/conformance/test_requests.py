"""(a) Every request the driver makes in a representative run (every table read through
pyodbc against the sandbox, plus filtered, keyed, counted and include= queries) is a GET of
an operation of the reference, with query parameters the operation declares; and the
sandbox read every parameter it was sent (it logs the others as unknown_params)."""

import known
import reference

API = "/stores/sandbox"

QUERIES = [
    "SELECT COUNT(*) FROM Orders",
    "SELECT COUNT(*) FROM Products",
    "SELECT COUNT(*) FROM Coupons",
    "SELECT * FROM Orders WHERE id = 101",
    "SELECT * FROM Orders WHERE id IN (101, 102) ",
    "SELECT id FROM Orders WHERE id >= 101 AND id <= 105",
    "SELECT * FROM OrderItems WHERE order_id = 101",
    "SELECT id, images, videos, custom_fields FROM Products WHERE id IN (1, 2)",
    "SELECT id, addresses, attributes, form_fields, store_credit_amounts FROM Customers",
    "SELECT * FROM ProductVariants WHERE product_id = 1",
    "SELECT * FROM Products ORDER BY name LIMIT 5",
    "SELECT o.id, c.email FROM Orders o JOIN Customers c ON c.id = o.customer_id LIMIT 5",
]


def representative_run(sb, cur):
    tables = [t.table_name for t in cur.tables(schema="BigCommerce")]
    assert len(tables) > 50
    sb.clear_requests()
    failures = {}
    for t in tables:
        for sql in (f'SELECT * FROM "{t}" LIMIT 3', f'SELECT * FROM "{t}"'):
            try:
                cur.execute(sql).fetchall()
            except Exception as exc:  # reported with the request check's findings
                failures[(t, sql)] = str(exc)[:200]
    for sql in QUERIES:
        cur.execute(sql).fetchall()
    return sb.api_requests(), failures


def test_requests_are_operations_of_the_reference_with_declared_parameters(
        sandbox, connect, reference_ops):
    log, failures = representative_run(sandbox, connect(sandbox).cursor())
    assert len(log) > 100
    findings = {}
    for r in log:
        path = r["path"][len(API):]
        op = reference.find(reference_ops, r["method"], path)
        if op is None:
            findings[(f"{r['method']} {path}", "operation")] = "not an operation of the reference"
            continue
        keys = [kv.split("=", 1)[0] for kv in r["query"].split("&") if kv]
        for k in keys:
            if k not in op.query_params:
                findings[(op.template, k)] = f"parameter not declared by {op}"
        for k in r["unknown_params"]:
            findings[(op.template, k)] = "the sandbox did not read this parameter"
    for (table, sql), msg in failures.items():
        findings[(table, "query")] = f"{sql}: {msg}"
    known.check("request", findings)
