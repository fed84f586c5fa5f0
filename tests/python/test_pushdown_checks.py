"""Integer filters pushed to the API are not checked again by SQLite, so the driver holds
every row against what it sent: a store that ignores a filter (the sandbox's "ignore" fault
serves the request as if the parameter had not been sent) makes the statement fail with
HY000 naming the table and the parameter, never return the rows the filter excludes."""

import pyodbc
import pytest

from conftest import sqlstate

API = "/stores/sandbox"


def fails_naming(cur, sql, *words):
    with pytest.raises(pyodbc.Error) as err:
        cur.execute(sql).fetchall()
    assert sqlstate(err.value) == "HY000"
    text = str(err.value)
    assert "[BigCommerce][ODBC]" in text and "did not apply the filter" in text
    for w in words:
        assert w in text
    return text


def test_ignored_equality_fails_and_names_table_and_parameter(sandbox, connect):
    cur = connect(sandbox).cursor()
    customer = next(o["customer_id"] for o in sandbox.get_all("/v2/orders")
                    if o["customer_id"] > 0)
    sql = f"SELECT id, customer_id FROM Orders WHERE customer_id = {customer}"
    want = sorted((o["id"], o["customer_id"]) for o in sandbox.get_all("/v2/orders")
                  if o["customer_id"] == customer)
    sandbox.fault(ignore="customer_id", path_contains="/v2/orders", count=10)
    fails_naming(cur, sql, "customer_id=%d" % customer, "Orders")
    sandbox.clear_faults()
    assert sorted(tuple(r) for r in cur.execute(sql).fetchall()) == want


def test_ignored_in_list_fails(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(ignore="product_id:in", path_contains="/v3/catalog/variants", count=10)
    fails_naming(cur, "SELECT id FROM ProductVariants WHERE product_id IN (3, 4, 5)",
                 "product_id:in=3,", "ProductVariants")


def test_ignored_bound_fails_and_a_kept_one_does_not(sandbox, connect):
    cur = connect(sandbox).cursor()
    sql = "SELECT id FROM Coupons WHERE id >= 3 AND id <= 5 ORDER BY id"
    sandbox.fault(ignore="max_id", path_contains="/v2/coupons", count=10)
    fails_naming(cur, sql, "max_id=5", "Coupons")
    sandbox.clear_faults()
    # A strict bound goes as the inclusive one (a row equal to it is SQLite's to drop).
    assert [r[0] for r in cur.execute(
        "SELECT id FROM Coupons WHERE id > 3 AND id < 6 ORDER BY id").fetchall()] == [4, 5]


def test_filter_of_a_scan_read_for_a_join_is_checked(start_sandbox, connect):
    sb = start_sandbox(customers=40, orders=600)
    cur = connect(sb).cursor()
    # The probes' customer_id is answered from an index over Orders read once; the
    # status filter of that read is checked on its rows.
    sb.fault(ignore="status_id", path_contains="/v2/orders", count=50)
    fails_naming(cur, "SELECT c.id, o.id FROM Customers c JOIN Orders o"
                 " ON o.customer_id = c.id AND o.status_id = 11", "status_id=11", "Orders")


def test_children_read_in_bulk_stay_right_when_the_filter_is_ignored(start_sandbox, connect):
    sb = start_sandbox(products=120)
    cur = connect(sb).cursor()
    sql = ("SELECT p.id, v.id FROM Products p JOIN ProductVariants v ON v.product_id = p.id"
           " WHERE p.id <= 60 ORDER BY p.id, v.id")
    want = [tuple(r) for r in cur.execute(sql).fetchall()]
    assert want
    # Variants read 50 parents a request are looked up by their own product_id: a store
    # that sent every variant back costs memory, not the answer.
    sb.fault(ignore="product_id:in", path_contains="/v3/catalog/variants", count=50)
    assert [tuple(r) for r in cur.execute(sql).fetchall()] == want
    # (the fault is on: a lone filtered read of variants meets it)
    fails_naming(cur, "SELECT id FROM ProductVariants WHERE product_id IN (3, 4)",
                 "product_id:in=3,")


def test_point_lookup_by_the_object_path_needs_no_filter(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(ignore="id:in", path_contains="/v3/catalog/products", count=10)
    rows = cur.execute("SELECT id FROM Products WHERE id = ?", 7).fetchall()
    assert [r[0] for r in rows] == [7]
    fails_naming(cur, "SELECT id FROM Products WHERE id IN (7, 8)", "id:in=7,", "Products")


# -- text IN lists: the store's text filters ignore case; SQL's IN does not ---------------

def rows_both_ways(cur, sql, column):
    """The rows of sql, and of the same query with the column written as an expression
    (+col), which SQLite never hands to the table: they must be the same."""
    pushed = sorted(tuple(r) for r in cur.execute(sql).fetchall())
    local = sorted(tuple(r) for r in cur.execute(sql.replace(column, "+" + column, 1)).fetchall())
    assert pushed == local
    return pushed


def test_text_in_list_keeps_only_exact_matches_in_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    sku = sandbox.get("/v3/catalog/products?id:in=1")["data"][0]["sku"]
    other = sandbox.get("/v3/catalog/products?id:in=2")["data"][0]["sku"]
    assert sku != sku.lower()
    sql = f"SELECT id, sku FROM Products WHERE sku IN ('{sku.lower()}', '{other}')"
    sandbox.clear_requests()
    assert cur.execute(sql).fetchall() and len(sandbox.api_requests()) == 1
    sandbox.clear_requests()
    assert rows_both_ways(cur, sql, "sku IN") == [(2, other)]


def test_text_in_list_with_a_comma_is_still_checked(sandbox, connect):
    cur = connect(sandbox).cursor()
    other = sandbox.get("/v3/catalog/products?id:in=2")["data"][0]["sku"]
    sql = f"SELECT id, sku FROM Products WHERE sku IN ('a,b', '{other}')"
    assert rows_both_ways(cur, sql, "sku IN") == [(2, other)]
    email = sandbox.get_all("/v3/customers")[1]["email"]
    sql = f"SELECT email FROM Customers WHERE email IN ('x,y@example.com', '{email}')"
    assert rows_both_ways(cur, sql, "email IN") == [(email,)]


def test_text_in_list_under_nocase_keeps_sql_meaning(sandbox, connect):
    cur = connect(sandbox).cursor()
    skus = [sandbox.get(f"/v3/catalog/products?id:in={i}")["data"][0]["sku"] for i in (2, 3)]
    sql = (f"SELECT id FROM Products WHERE sku COLLATE NOCASE IN"
           f" ('{skus[0].lower()}', '{skus[1]}')")
    assert rows_both_ways(cur, sql, "sku COLLATE") == [(2,), (3,)]
