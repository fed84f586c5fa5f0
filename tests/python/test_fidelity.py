"""The driver asks the API only what the reference says it takes, and reads what it returns:
include= exactly when a query reads an include-only column, query parameters every endpoint
knows (the sandbox logs those it does not read), COUNT(*) equal to the rows listed."""

import json

API = "/stores/sandbox"


def requests_of(sb):
    return [(r["path"][len(API):], r.get("query", "")) for r in sb.api_requests()]


def params_of(query):
    return dict(kv.split("=", 1) for kv in query.split("&") if kv)


def run(sb, cur, sql, *params):
    sb.clear_requests()
    rows = cur.execute(sql, *params).fetchall()
    return rows, requests_of(sb)


def test_products_without_include_columns_send_no_include(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT id, name, price FROM Products")
    assert rows and reqs
    assert all("include" not in params_of(q) for _, q in reqs)


def test_products_images_come_with_include_and_equal_the_images_endpoint(sandbox, connect):
    cur = connect(sandbox).cursor()
    pid = cur.execute("SELECT MIN(product_id) FROM ProductImages").fetchval()
    rows, reqs = run(sandbox, cur, "SELECT images FROM Products WHERE id = ?", pid)
    [(path, query)] = reqs
    assert path == f"/v3/catalog/products/{pid}"  # one id: the single-object path
    assert "images" in params_of(query)["include"].split(",")
    want = sandbox.get(f"/v3/catalog/products/{pid}/images")["data"]
    assert json.loads(rows[0][0]) == want and want


def test_sandbox_leaves_include_only_fields_out_unless_asked(sandbox):
    plain = sandbox.get("/v3/catalog/products?limit=1")["data"][0]
    asked = sandbox.get("/v3/catalog/products?limit=1&include=images,variants")["data"][0]
    assert "images" not in plain and "variants" not in plain and "custom_fields" not in plain
    assert "images" in asked and "variants" in asked and "custom_fields" not in asked
    order = sandbox.get("/v2/orders?limit=1")[0]
    assert "fees" not in order and "consignments" not in order


def test_customers_addresses_need_include_addresses(sandbox, connect):
    cur = connect(sandbox).cursor()
    cid = cur.execute("SELECT MIN(customer_id) FROM CustomerAddresses").fetchval()
    rows, reqs = run(sandbox, cur, "SELECT addresses, store_credit_amounts FROM Customers "
                     "WHERE id = ?", cid)
    assert set(params_of(reqs[0][1])["include"].split(",")) == {"addresses", "storecredit"}
    got = json.loads(rows[0][0])
    assert got and all(a["customer_id"] == cid for a in got)
    rows, reqs = run(sandbox, cur, "SELECT email FROM Customers WHERE id = ?", cid)
    assert "include" not in params_of(reqs[0][1])


def test_orders_consignments_and_fees_need_include(sandbox, connect):
    """consignments in the object structure (include=consignments with
    consignment_structure=object, as the reference pairs them) equal the order's
    consignments endpoint; fees come with include=fees; other columns ask neither."""
    cur = connect(sandbox).cursor()
    oid = cur.execute("SELECT MIN(id) FROM Orders").fetchval()
    rows, reqs = run(sandbox, cur, "SELECT consignments, fees FROM Orders WHERE id = ?", oid)
    params = params_of(reqs[0][1])
    assert set(params["include"].split(",")) == {"consignments", "fees"}
    assert params["consignment_structure"] == "object"
    assert json.loads(rows[0][0]) == sandbox.get(f"/v2/orders/{oid}/consignments")
    assert json.loads(rows[0][1]) == []
    rows, reqs = run(sandbox, cur, "SELECT status FROM Orders WHERE id = ?", oid)
    assert not {"include", "consignment_structure"} & set(params_of(reqs[0][1]))


def test_customers_profile_and_segments_need_include(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT shopper_profile_id, segment_ids FROM Customers")
    assert all(set(params_of(q)["include"].split(",")) == {"shopper_profile_id",
                                                            "segment_ids"} for _, q in reqs)
    assert rows and all(r[0] is not None for r in rows)
    plain = sandbox.get("/v3/customers?limit=1")["data"][0]
    assert "shopper_profile_id" not in plain and "segment_ids" not in plain


def test_every_table_is_read_with_parameters_its_endpoint_knows(sandbox, connect):
    cur = connect(sandbox).cursor()
    tables = [t.table_name for t in cur.tables(schema="BigCommerce")]
    assert len(tables) > 50
    sandbox.clear_requests()
    for t in tables:
        cur.execute(f'SELECT * FROM "{t}" LIMIT 3').fetchall()
    log = sandbox.api_requests()
    assert len(log) >= len(tables)
    unknown = {(r["path"], p) for r in log for p in r["unknown_params"]}
    assert unknown == set()


def test_sum_of_money_is_the_exact_decimal_sum_of_the_api_strings(start_sandbox, connect):
    from decimal import Decimal
    sb = start_sandbox(orders=1000)
    cur = connect(sb).cursor()
    want = sum(Decimal(o["total_inc_tax"]) for o in sb.get_all("/v2/orders"))
    cur.execute("SELECT SUM(total_inc_tax), AVG(total_inc_tax), TOTAL(total_inc_tax) AS t "
                "FROM Orders")
    total, avg, total2 = cur.fetchone()
    assert [d[1] for d in cur.description] == [Decimal] * 3
    assert total == want == total2
    assert avg == (want / 1000).quantize(Decimal("0.00000001"))
    prices = [Decimal(str(p["price"])) for p in sb.get_all("/v3/catalog/products")]
    assert cur.execute("SELECT SUM(price) FROM Products").fetchval() == sum(prices)
