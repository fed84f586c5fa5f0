"""pyodbc through the driver manager against the sandbox: results equal the sandbox's JSON."""

import datetime
import decimal

import pyodbc
import pytest

from conftest import connstr


def by_id(items):
    return {item["id"]: item for item in items}


def test_fetchall_returns_every_product_with_its_values(start_sandbox, connect):
    sb = start_sandbox(products=30)
    cur = connect(sb).cursor()
    rows = cur.execute("SELECT id, name, sku FROM Products ORDER BY id").fetchall()
    want = sorted(sb.get_all("/v3/catalog/products"), key=lambda p: p["id"])
    assert [(r.id, r.name, r.sku) for r in rows] == [(p["id"], p["name"], p["sku"]) for p in want]


def test_paging_with_small_page_size_returns_every_row(start_sandbox, connect):
    sb = start_sandbox(products=23)
    cur = connect(sb, Pagesize=5).cursor()
    sb.clear_requests()
    assert cur.execute("SELECT COUNT(id) FROM Products").fetchval() == 23
    assert len(sb.api_requests()) == 5


def test_v2_orders_page_until_the_end(start_sandbox, connect):
    sb = start_sandbox(orders=260)
    cur = connect(sb).cursor()
    ids = [r[0] for r in cur.execute("SELECT id FROM Orders").fetchall()]
    assert sorted(ids) == sorted(o["id"] for o in sb.get_all("/v2/orders"))


def test_parameters_select_matching_rows(sandbox, connect):
    cur = connect(sandbox).cursor()
    products = by_id(sandbox.get_all("/v3/catalog/products"))
    row = cur.execute("SELECT id, name FROM Products WHERE id = ?", 4).fetchone()
    assert (row.id, row.name) == (4, products[4]["name"])
    name = products[6]["name"]
    assert cur.execute("SELECT id FROM Products WHERE name = ?", name).fetchval() == 6
    ids = [r[0] for r in cur.execute("SELECT id FROM Products WHERE id IN (?, ?, ?) ORDER BY id",
                                     3, 1, 2)]
    assert ids == [1, 2, 3]


def test_where_id_makes_exactly_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.clear_requests()
    rows = cur.execute("SELECT * FROM Products WHERE id = 5").fetchall()
    assert len(rows) == 1 and rows[0].id == 5
    log = sandbox.api_requests()
    assert len(log) == 1, log
    assert log[0]["path"].endswith("/v3/catalog/products/5")  # the single-object path


def test_description_types_match_the_catalog(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("SELECT id, name, price, weight, is_visible, date_created, description "
                "FROM Products WHERE id = 1")
    types = {d[0]: d[1] for d in cur.description}
    assert types == {
        "id": int,
        "name": str,
        "price": decimal.Decimal,
        "weight": float,
        "is_visible": bool,
        "date_created": datetime.datetime,
        "description": str,
    }
    price = next(d for d in cur.description if d[0] == "price")
    assert (price[4], price[5]) == (20, 4)  # precision, scale


def test_values_convert_to_python_types(sandbox, connect):
    cur = connect(sandbox).cursor()
    p = sandbox.get("/v3/catalog/products?id:in=1")["data"][0]
    row = cur.execute("SELECT price, weight, is_visible, date_created FROM Products "
                      "WHERE id = 1").fetchone()
    assert row.price == decimal.Decimal(str(p["price"])).quantize(decimal.Decimal("0.0001"))
    assert row.weight == pytest.approx(p["weight"])
    assert row.is_visible is bool(p["is_visible"])
    want = datetime.datetime.fromisoformat(p["date_created"]).astimezone(datetime.timezone.utc)
    assert row.date_created == want.replace(tzinfo=None)


def test_v2_money_and_rfc2822_dates(sandbox, connect):
    import email.utils

    cur = connect(sandbox).cursor()
    orders = by_id(sandbox.get_all("/v2/orders"))
    for row in cur.execute("SELECT id, total_inc_tax, date_created FROM Orders"):
        o = orders[row.id]
        assert row.total_inc_tax == decimal.Decimal(o["total_inc_tax"])
        when = email.utils.parsedate_to_datetime(o["date_created"])
        assert row.date_created == when.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def test_unicode_names_round_trip(start_sandbox, connect):
    sb = start_sandbox(products=30, customers=20)
    cur = connect(sb).cursor()
    names = {r.id: r.name for r in cur.execute("SELECT id, name FROM Products")}
    want = {p["id"]: p["name"] for p in sb.get_all("/v3/catalog/products")}
    assert names == want
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names.values())
    assert any(any(ord(ch) > 0xFFFF for ch in n) for n in names.values())
    customers = {r.id: (r.first_name, r.last_name)
                 for r in cur.execute("SELECT id, first_name, last_name FROM Customers")}
    assert customers == {c["id"]: (c["first_name"], c["last_name"])
                         for c in sb.get_all("/v3/customers")}
    emoji = next(n for n in names.values() if any(ord(ch) > 0xFFFF for ch in n))
    assert cur.execute("SELECT COUNT(*) FROM Products WHERE name = ?", emoji).fetchval() == 1


def test_long_description_arrives_whole(sandbox, connect):
    cur = connect(sandbox).cursor()
    want = sandbox.get("/v3/catalog/products?id:in=2")["data"][0]["description"]
    got = cur.execute("SELECT description FROM Products WHERE id = 2").fetchval()
    assert len(want) == 100000
    assert got == want


def test_join_orders_customers_items_matches_sandbox(start_sandbox, connect):
    sb = start_sandbox(orders=12, customers=6, products=20)
    cur = connect(sb).cursor()
    customers = by_id(sb.get_all("/v3/customers"))
    want = []
    for o in sb.get_all("/v2/orders"):
        if o["customer_id"] not in customers:
            continue
        for item in sb.get_all(f"/v2/orders/{o['id']}/products"):
            want.append((o["id"], customers[o["customer_id"]]["email"], item["id"],
                         item["product_id"], item["quantity"]))
    got = cur.execute(
        "SELECT o.id, c.email, i.id, i.product_id, i.quantity FROM Orders o "
        "JOIN Customers c ON c.id = o.customer_id JOIN OrderItems i ON i.order_id = o.id "
        "ORDER BY o.id, i.id").fetchall()
    assert [tuple(r) for r in got] == sorted(want, key=lambda t: (t[0], t[2]))
    assert want, "the sandbox should have orders of registered customers"
    sums = cur.execute(
        "SELECT o.id, SUM(i.quantity) FROM Orders o JOIN Customers c ON c.id = o.customer_id "
        "JOIN OrderItems i ON i.order_id = o.id GROUP BY o.id ORDER BY o.id").fetchall()
    expected = {}
    for order_id, _, _, _, qty in want:
        expected[order_id] = expected.get(order_id, 0) + qty
    assert [tuple(r) for r in sums] == sorted(expected.items())


def test_dsn_connection_and_connection_string_override(sandbox, odbc_ini):
    odbc_ini.add_dsn("bcpy", StoreId=sandbox.store_hash, OAuthAccessToken="wrong",
                     ApiBaseURL=sandbox.url)
    with pytest.raises(pyodbc.Error) as err:
        pyodbc.connect("DSN=bcpy", autocommit=True)
    assert err.value.args[0] == "28000"
    conn = pyodbc.connect(f"DSN=bcpy;OAuthAccessToken={sandbox.token}", autocommit=True)
    assert conn.cursor().execute("SELECT COUNT(*) FROM Brands").fetchval() == len(
        sandbox.get_all("/v3/catalog/brands"))
    conn.close()


def test_getinfo_through_pyodbc(sandbox, connect):
    conn = connect(sandbox)
    assert conn.getinfo(pyodbc.SQL_DBMS_NAME) == "BigCommerce"
    assert conn.getinfo(pyodbc.SQL_DRIVER_ODBC_VER) == "03.80"
    assert conn.getinfo(pyodbc.SQL_IDENTIFIER_QUOTE_CHAR) == '"'


def test_max_rows_property_caps_results(sandbox, connect):
    cur = connect(sandbox, MaxRows=3).cursor()
    assert len(cur.execute("SELECT id FROM Products").fetchall()) == 3


def test_connstr_helper_drops_none_and_overrides_case_insensitively(sandbox):
    s = connstr(sandbox, oauthaccesstoken=None, Timeout=5)
    assert "OAuthAccessToken" not in s and "oauthaccesstoken" not in s
    assert s.endswith(";Timeout=5")
    assert f"ApiBaseURL={sandbox.url}" in s
