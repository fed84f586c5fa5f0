"""What the engine pushes to the API, asserted on the sandbox's request log: every column
with an API filter, several filters in one request, bounds, parents reached through a filter,
several path placeholders, single parent objects for nested views, the per-statement
response cache, cursor pages that follow meta.pagination.links.next, and per-parent requests
sent concurrently."""

import json
from collections import Counter

API = "/stores/sandbox"


def requests_of(sb):
    return [(r["path"][len(API):], r.get("query", "")) for r in sb.api_requests()]


def run(sb, cur, sql, *params):
    sb.clear_requests()
    rows = cur.execute(sql, *params).fetchall()
    return rows, requests_of(sb)


# -- 1. generic filter pushdown -----------------------------------------------------------

def test_variants_by_product_id_in_list_make_one_filtered_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur,
                     "SELECT id, product_id FROM ProductVariants WHERE product_id IN (3, 4, 5)")
    assert reqs == [("/v3/catalog/variants", "product_id:in=3,4,5&page=1&limit=250")]
    expected = sorted((v["id"], v["product_id"])
                      for v in sandbox.get_all("/v3/catalog/variants")
                      if v["product_id"] in (3, 4, 5))
    assert sorted(tuple(r) for r in rows) == expected and expected


def test_two_pushed_filters_share_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT id FROM CustomerAddresses"
                     " WHERE customer_id IN (1, 2) AND id = 1")
    assert len(reqs) == 1
    path, query = reqs[0]
    assert path == "/v3/customers/addresses"
    assert "customer_id:in=1,2" in query and "id:in=1" in query
    expected = [a["id"] for a in sandbox.get_all("/v3/customers/addresses")
                if a["customer_id"] in (1, 2) and a["id"] == 1]
    assert [r[0] for r in rows] == expected


def test_inventory_items_and_price_records_push_their_in_lists(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur,
                     "SELECT COUNT(*) FROM InventoryItems WHERE product_id IN (1, 2)")
    assert reqs == [("/v3/inventory/items", "product_id:in=1,2&page=1&limit=250")]
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM PriceListRecords"
                     " WHERE price_list_id = 1 AND variant_id IN (1001, 1002, 1003)")
    assert reqs == [("/v3/pricelists/1/records",
                     "variant_id:in=1001,1002,1003&page=1&limit=250")]
    expected = [r for r in sandbox.get_all("/v3/pricelists/1/records")
                if r["variant_id"] in (1001, 1002, 1003)]
    assert rows[0][0] == len(expected)


def test_bounds_are_pushed_and_strict_ones_rechecked(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT id FROM Coupons WHERE id >= 3 AND id <= 5 ORDER BY id")
    assert reqs == [("/v2/coupons", "min_id=3&max_id=5&page=1&limit=250")]
    assert [r[0] for r in rows] == [3, 4, 5]
    rows, reqs = run(sandbox, cur, "SELECT id FROM Coupons WHERE id > 3 AND id < 6 ORDER BY id")
    assert reqs == [("/v2/coupons", "min_id=3&max_id=6&page=1&limit=250")]
    assert [r[0] for r in rows] == [4, 5]


# -- 2. parents reached through a filter ---------------------------------------------------

def test_variants_scan_their_own_endpoint_without_walking_products(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT COUNT(id) FROM ProductVariants")
    assert {p for p, _ in reqs} == {"/v3/catalog/variants"}
    assert rows[0][0] == len(sandbox.get_all("/v3/catalog/variants"))
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM ProductVariants WHERE product_id = 3")
    assert reqs == [("/v3/catalog/variants", "product_id:in=3&page=1&limit=250")]


def test_filter_reached_parents_are_foreign_keys(sandbox, connect):
    cur = connect(sandbox).cursor()
    for table, parent, fcol in [("ProductVariants", "Products", "product_id"),
                                ("InventoryItems", "Products", "product_id"),
                                ("PriceListAssignments", "PriceLists", "price_list_id"),
                                ("CustomerAddresses", "Customers", "customer_id"),
                                ("CustomerAttributeValues", "Customers", "customer_id"),
                                ("CustomerMetafields", "Customers", "resource_id"),
                                ("CategoryMetafields", "Categories", "resource_id"),
                                ("BrandMetafields", "Brands", "resource_id")]:
        fks = [(k.pktable_name, k.pkcolumn_name, k.fkcolumn_name)
               for k in cur.foreignKeys(foreignTable=table)]
        assert (parent, "id", fcol) in fks, (table, fks)


# -- 4. several placeholders ---------------------------------------------------------------

def test_quotes_with_both_keys_make_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    oid, cid = cur.execute("SELECT order_id, id FROM ShippingConsignments"
                           " ORDER BY order_id LIMIT 1").fetchone()
    rows, reqs = run(sandbox, cur, "SELECT order_id, shipping_consignment_id"
                     " FROM ShippingConsignmentQuotes"
                     " WHERE order_id = ? AND shipping_consignment_id = ?", oid, cid)
    assert reqs == [(f"/v2/orders/{oid}/consignments/shipping/{cid}/shipping_quotes", "")]
    assert [tuple(r) for r in rows] == [(oid, cid)] * len(rows) and rows


def test_quotes_by_order_walk_only_that_orders_consignments(sandbox, connect):
    cur = connect(sandbox).cursor()
    oid = cur.execute("SELECT MIN(order_id) FROM ShippingConsignments").fetchval()
    ncons = cur.execute("SELECT COUNT(*) FROM ShippingConsignments WHERE order_id = ?",
                        oid).fetchval()
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM ShippingConsignmentQuotes"
                     " WHERE order_id = ?", oid)
    assert reqs[0] == (f"/v2/orders/{oid}/consignments", "")
    assert len(reqs) == 1 + ncons


# -- 5. one request per distinct lookup ----------------------------------------------------

def test_coupon_by_id_is_one_request(sandbox, connect):
    # the reference has no GET /v2/coupons/{id}: the list's ?id= filter finds one coupon
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT code FROM Coupons WHERE id = ?", 3)
    assert reqs == [("/v2/coupons", "id=3&page=1&limit=250")]
    assert [r[0] for r in rows] == [sandbox.get("/v2/coupons?id=3")[0]["code"]]
    rows, reqs = run(sandbox, cur, "SELECT code FROM Coupons WHERE id = 3")
    assert reqs == [("/v2/coupons", "id=3&page=1&limit=250")]
    rows, reqs = run(sandbox, cur, "SELECT code FROM Coupons WHERE id = 99999")
    assert rows == [] and len(reqs) == 1


def test_product_by_id_takes_the_single_object_path(sandbox, connect):
    cur = connect(sandbox).cursor()
    sql = "SELECT id, name, price FROM Products WHERE id = ?"
    cur.execute(sql, 1).fetchall()  # prepared once, executed again below
    want = {p["id"]: (p["id"], p["name"], p["price"])
            for p in sandbox.get_all("/v3/catalog/products")}
    for pid in (2, 7, 11):
        rows, reqs = run(sandbox, cur, sql, pid)
        assert reqs == [(f"/v3/catalog/products/{pid}", "")]
        assert [(r[0], r[1], float(r[2])) for r in rows] == [want[pid]]
    rows, reqs = run(sandbox, cur, sql, 999999)  # a 404 there is no row
    assert rows == [] and reqs == [("/v3/catalog/products/999999", "")]
    for pid in (7, 999999):
        both = same_without_pushdown(cur, sql, sql.replace("WHERE id", "WHERE +id"), pid)
        assert [(i, n, float(p)) for i, n, p in both] == ([want[pid]] if pid in want else [])
    # A column read through include= goes along with it.
    rows, reqs = run(sandbox, cur, "SELECT images FROM Products WHERE id = 3")
    assert len(reqs) == 1 and reqs[0][0] == "/v3/catalog/products/3"
    assert "images" in reqs[0][1].split("include=")[1].split("&")[0].split(",")
    images = sandbox.get("/v3/catalog/products?id:in=3&include=images")["data"][0]["images"]
    assert images and json.loads(rows[0][0]) == images


def test_brand_by_id_takes_the_single_object_path(sandbox, connect):
    cur = connect(sandbox).cursor()
    want = sandbox.get("/v3/catalog/brands?id:in=2")["data"][0]["name"]
    rows, reqs = run(sandbox, cur, "SELECT name FROM Brands WHERE id = ?", 2)
    assert reqs == [("/v3/catalog/brands/2", "")] and [r[0] for r in rows] == [want]


def test_join_probing_brands_by_id_asks_for_each_brand_once(start_sandbox, connect):
    sb = start_sandbox(products=300)
    cur = connect(sb).cursor()
    sql = "SELECT p.id, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id ORDER BY p.id"
    rows, reqs = run(sb, cur, sql)
    asked = []
    for path, query in reqs:
        if path.startswith("/v3/catalog/brands/"):
            asked.append(path.rsplit("/", 1)[1])  # the object path
        elif path == "/v3/catalog/brands":
            asked.append(query.split("id:in=")[1].split("&")[0])  # or the list by id
    # one way or the other, never both for one brand
    assert asked and len(asked) == len(set(asked))
    assert [tuple(r) for r in rows] == same_without_pushdown(
        cur, sql, sql.replace("ON b.id", "ON +b.id"))


def test_product_by_id_with_another_filter_stays_a_list_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    p = sandbox.get("/v3/catalog/products?id:in=4")["data"][0]
    for other, match in ((p["brand_id"], [4]), (p["brand_id"] + 1000, [])):
        rows, reqs = run(sandbox, cur,
                         "SELECT id FROM Products WHERE id = ? AND brand_id = ?", 4, other)
        # the single-object path would drop the brand filter SQLite does not check again
        assert reqs == [("/v3/catalog/products", f"id:in=4&brand_id={other}&page=1&limit=250")]
        assert [r[0] for r in rows] == match
    rows, reqs = run(sandbox, cur, "SELECT id FROM Products WHERE id IN (4, 5)")
    assert reqs == [("/v3/catalog/products", "id:in=4,5&page=1&limit=250")]


def test_join_looks_up_each_customer_once(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT o.id, c.email FROM Orders o"
                     " JOIN Customers c ON c.id = o.customer_id")
    customers = [q for p, q in reqs if p == "/v3/customers"]
    orders = sandbox.get_all("/v2/orders")
    distinct = {o["customer_id"] for o in orders}  # 0 (a guest) is looked up and not found
    assert len(orders) > len(distinct)
    assert len(customers) == len(set(customers)) == len(distinct)
    assert len(reqs) == len(set(reqs))
    known = {c["id"] for c in sandbox.get_all("/v3/customers")}
    assert len(rows) == sum(1 for o in orders if o["customer_id"] in known)


def test_cache_does_not_outlive_the_statement(sandbox, connect):
    cur = connect(sandbox).cursor()
    run(sandbox, cur, "SELECT code FROM Coupons WHERE id = 3")
    rows, reqs = run(sandbox, cur, "SELECT code FROM Coupons WHERE id = 3")
    assert reqs == [("/v2/coupons", "id=3&page=1&limit=250")]


# -- 6. nested views by their parent's id --------------------------------------------------

def test_zone_locations_and_wishlist_items_fetch_one_parent(sandbox, connect):
    cur = connect(sandbox).cursor()
    zid = sandbox.get_all("/v2/shipping/zones")[0]["id"]
    rows, reqs = run(sandbox, cur,
                     "SELECT COUNT(*) FROM ShippingZoneLocations WHERE zone_id = ?", zid)
    assert reqs == [(f"/v2/shipping/zones/{zid}", "")]
    assert rows[0][0] == len(sandbox.get(f"/v2/shipping/zones/{zid}")["locations"])
    wl = sandbox.get_all("/v3/wishlists")[0]
    rows, reqs = run(sandbox, cur,
                     "SELECT COUNT(*) FROM WishlistItems WHERE wishlist_id = ?", wl["id"])
    assert reqs == [(f"/v3/wishlists/{wl['id']}", "")]
    assert rows[0][0] == len(wl["items"])


def test_variant_values_by_variant_id_filter_the_variants(sandbox, connect):
    cur = connect(sandbox).cursor()
    variant = next(v for v in sandbox.get_all("/v3/catalog/variants") if v["option_values"])
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM ProductVariantValues"
                     " WHERE variant_id = ?", variant["id"])
    assert len(reqs) == 1 and reqs[0][0] == "/v3/catalog/variants"
    assert rows[0][0] == len(variant["option_values"])


# -- 7. cursor pages through meta.pagination.links.next -----------------------------------

def test_channel_listings_follow_the_pagination_next_link(sandbox, connect):
    cur = connect(sandbox, Pagesize=2).cursor()
    total = sandbox.get("/v3/channels/1/listings?limit=250")["meta"]["pagination"]["total"]
    assert total > 2
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM ChannelListings WHERE channel_id = 1")
    assert rows[0][0] == total
    assert len(reqs) == (total + 1) // 2
    assert any("after=" in q for _, q in reqs)


# -- 8. per-parent requests at once --------------------------------------------------------

def test_child_rows_of_an_in_list_are_fetched_concurrently(start_sandbox, connect):
    # Latency keeps each request open long enough for the sandbox to see them overlap.
    sb = start_sandbox(latency_ms=200)
    cur = connect(sb).cursor()
    ids = [o["id"] for o in sb.get_all("/v2/orders")][:8]
    sql = "SELECT COUNT(*) FROM OrderItems WHERE order_id IN (%s)" % ",".join(map(str, ids))
    rows, reqs = run(sb, cur, sql)
    assert sorted(p for p, _ in reqs) == sorted(f"/v2/orders/{i}/products" for i in ids)
    # One after another, the sandbox would never serve two at once.
    assert 2 <= sb.stats()["max_in_flight"] <= MAX_WINDOW
    assert rows[0][0] == sum(len(sb.get(f"/v2/orders/{i}/products") or []) for i in ids)


def test_join_fetches_the_children_of_the_coming_parents_ahead(start_sandbox, connect):
    sb = start_sandbox(orders=120, latency_ms=60)
    cur = connect(sb).cursor()
    sql = ("SELECT o.id, i.id, i.quantity FROM Orders o"
           " JOIN OrderItems i ON i.order_id = o.id ORDER BY o.id, i.id")
    rows, reqs = run(sb, cur, sql)
    orders = sb.get_all("/v2/orders")
    children = [p for p, _ in reqs if p.endswith("/products")]
    # One request per order, none twice, none for an order SQLite never asked about.
    assert sorted(children) == sorted(f"/v2/orders/{o['id']}/products" for o in orders)
    assert len(reqs) == len(set(reqs)) == len(children) + 2  # + the count and one page
    # Several orders' items were in flight at once, while SQLite asked for one at a time.
    assert sb.stats()["max_in_flight"] >= 3
    want = sorted((o["id"], i["id"], i["quantity"]) for o in orders
                  for i in (sb.get(f"/v2/orders/{o['id']}/products") or []))
    assert [tuple(r) for r in rows] == want


def customer_orders_expected(sb, customers):
    by_customer = {}
    for o in sb.get_all("/v2/orders"):
        by_customer.setdefault(o["customer_id"], []).append(o["id"])
    return sorted((c["id"], oid) for c in customers for oid in by_customer.get(c["id"], [None]))


CUSTOMER_ORDERS = ("SELECT c.id, o.id FROM Customers c LEFT JOIN Orders o"
                   " ON o.customer_id = c.id ORDER BY c.id, o.id")


def test_join_reads_a_table_with_fewer_pages_than_outer_rows_once(start_sandbox, connect):
    sb = start_sandbox(customers=60, orders=300)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, CUSTOMER_ORDERS)
    customers = sb.get_all("/v3/customers")
    pages = -(-sb.get("/v2/orders/count")["count"] // 250)
    # 59 customers still to come at the first probe, Orders counted in 2 pages: no probe,
    # the count with page 1 (both taken again from the statement's cache by the scan), and
    # page 2.
    assert pages == 2
    assert sorted(reqs) == sorted([("/v3/customers", "page=1&limit=250"),
                                   ("/v2/orders/count", ""),
                                   ("/v2/orders", "page=1&limit=250"),
                                   ("/v2/orders", "page=2&limit=250")])
    assert sorted(tuple(r) for r in rows) == customer_orders_expected(sb, customers)
    assert same_without_pushdown(
        cur, CUSTOMER_ORDERS, CUSTOMER_ORDERS.replace("ON o.customer_id", "ON +o.customer_id")) \
        == [tuple(r) for r in rows]


def test_join_probes_a_table_with_more_pages_than_outer_rows(start_sandbox, connect):
    sb = start_sandbox(customers=6, orders=2500, latency_ms=60)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, CUSTOMER_ORDERS)
    customers = sb.get_all("/v3/customers")
    probes = [q for p, q in reqs if p == "/v2/orders" and "customer_id=" in q]
    # 11 pages of orders against 5 customers to come: the customers' own orders (a page or
    # two each; several in flight), after the one count that told it and the whole list's
    # page 1 sent with it (in case the list had been read).
    firsts = sorted(q for q in probes if "&page=1&" in q)
    assert firsts == sorted(f"customer_id={c['id']}&page=1&limit=250" for c in customers)
    assert len(set(probes)) == len(probes)
    assert [p for p, _ in reqs if p == "/v2/orders/count"] == ["/v2/orders/count"]
    assert [q for p, q in reqs if p == "/v2/orders" and "customer_id" not in q] == \
        ["page=1&limit=250"]
    assert len(reqs) == 1 + 2 + len(probes)
    assert sb.stats()["max_in_flight"] >= 2
    assert sorted(tuple(r) for r in rows) == customer_orders_expected(sb, customers)


def test_join_sizes_a_v3_inner_table_by_one_item_page(start_sandbox, connect):
    sb = start_sandbox(products=300)
    cur = connect(sb).cursor()
    sql = ("SELECT b.id, p.id FROM Brands b CROSS JOIN Products p ON p.brand_id = b.id"
           " ORDER BY b.id, p.id")
    rows, reqs = run(sb, cur, sql)
    brands = sb.get_all("/v3/catalog/brands")
    assert len(brands) > 4
    # meta.pagination.total of one item says 2 pages, fewer than the brands to come.
    assert reqs == [("/v3/catalog/brands", "page=1&limit=250"),
                    ("/v3/catalog/products", "page=1&limit=1"),
                    ("/v3/catalog/products", "page=1&limit=250"),
                    ("/v3/catalog/products", "page=2&limit=250")]
    ids = {b["id"] for b in brands}
    want = sorted((p["brand_id"], p["id"]) for p in sb.get_all("/v3/catalog/products")
                  if p["brand_id"] in ids)
    assert [tuple(r) for r in rows] == want
    assert same_without_pushdown(cur, sql, sql.replace("ON p.brand_id", "ON +p.brand_id")) == want


def test_join_with_few_outer_rows_neither_counts_nor_scans(start_sandbox, connect):
    sb = start_sandbox(customers=3, orders=300)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, CUSTOMER_ORDERS)
    customers = sb.get_all("/v3/customers")
    assert sorted(reqs) == sorted([("/v3/customers", "page=1&limit=250")] +
                                  [("/v2/orders", f"customer_id={c['id']}&page=1&limit=250")
                                   for c in customers])
    assert sorted(tuple(r) for r in rows) == customer_orders_expected(sb, customers)


def test_join_on_a_filtered_inner_table_counts_with_the_other_filters(start_sandbox, connect):
    sb = start_sandbox(customers=40, orders=600)
    cur = connect(sb).cursor()
    sql = ("SELECT c.id, o.id FROM Customers c LEFT JOIN Orders o"
           " ON o.customer_id = c.id AND o.status_id = 11 ORDER BY c.id, o.id")
    rows, reqs = run(sb, cur, sql)
    orders = [q for p, q in reqs if p.startswith("/v2/orders")]
    assert all("status_id=11" in q for q in orders) and "customer_id=" not in "".join(orders)
    assert ("/v2/orders/count", "status_id=11") in reqs
    by_customer = {}
    for o in sb.get_all("/v2/orders?status_id=11"):
        by_customer.setdefault(o["customer_id"], []).append(o["id"])
    want = sorted((c["id"], oid) for c in sb.get_all("/v3/customers")
                  for oid in by_customer.get(c["id"], [None]))
    assert sorted(tuple(r) for r in rows) == want
    assert same_without_pushdown(cur, sql, sql.replace("ON o.customer_id", "ON +o.customer_id")) \
        == [tuple(r) for r in rows]


def test_join_on_parents_read_by_id_fetches_their_children_ahead(start_sandbox, connect):
    sb = start_sandbox(orders=100, latency_ms=60)
    cur = connect(sb).cursor()
    ids = [o["id"] for o in sb.get_all("/v2/orders")][:12]
    sql = ("SELECT o.id, i.id FROM Orders o JOIN OrderItems i ON i.order_id = o.id"
           " WHERE o.id IN (%s) ORDER BY o.id, i.id" % ",".join(map(str, ids)))
    rows, reqs = run(sb, cur, sql)
    children = sorted(p for p, _ in reqs if p.endswith("/products"))
    assert children == sorted(f"/v2/orders/{i}/products" for i in ids)
    assert len(reqs) == len(set(reqs)) == 2 * len(ids)
    # The orders come one request each; their items need not wait for them one by one.
    assert sb.stats()["max_in_flight"] >= 3
    want = sorted((i, it["id"]) for i in ids for it in (sb.get(f"/v2/orders/{i}/products") or []))
    assert [tuple(r) for r in rows] == want


def test_join_under_a_row_cap_does_not_fetch_ahead(start_sandbox, connect):
    sb = start_sandbox(orders=60)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT o.id, i.id FROM Orders o"
                     " JOIN OrderItems i ON i.order_id = o.id LIMIT 1")
    assert len(rows) == 1
    assert len([p for p, _ in reqs if p.endswith("/products")]) <= 2


# -- 9. v2 pages through the count endpoint, v3 and v2 pages in a sliding window -----------

WINDOW = 4  # BC_PAGER_WINDOW: the fewest requests a scan keeps in flight
MAX_WINDOW = 16  # BC_API_WINDOW_MAX


def pages_requested(reqs, path):
    """The page numbers of the list requests to path, in the order they were logged."""
    return [int(dict(kv.split("=", 1) for kv in q.split("&"))["page"])
            for p, q in reqs if p == path]


def test_scan_of_orders_is_one_count_and_four_pages(start_sandbox, connect):
    # 990 listed orders and the 2 Incomplete ones the count adds still fit 4 pages of 250.
    sb = start_sandbox(orders=990)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Orders")
    assert rows[0][0] == 990
    assert [r for r in reqs if r[0] == "/v2/orders/count"] == [("/v2/orders/count", "")]
    # Pages 1..4 of 250, each once, and never the 204 past the end.
    assert sorted(pages_requested(reqs, "/v2/orders")) == [1, 2, 3, 4]
    assert len(reqs) == 5


def test_orders_range_sends_its_bounds_to_the_count_too(start_sandbox, connect):
    sb = start_sandbox(orders=1000)
    cur = connect(sb).cursor()
    ids = [o["id"] for o in sb.get_all("/v2/orders")]
    lo, hi = ids[10], ids[610]  # 601 orders: 3 pages
    rows, reqs = run(sb, cur, "SELECT COUNT(*), MIN(id), MAX(id) FROM Orders"
                     " WHERE id >= ? AND id <= ?", lo, hi)
    assert tuple(rows[0]) == (601, lo, hi)
    bounds = f"min_id={lo}&max_id={hi}"
    assert ("/v2/orders/count", bounds) in reqs
    assert sorted(pages_requested(reqs, "/v2/orders")) == [1, 2, 3]
    assert all(q.startswith(bounds) for p, q in reqs if p == "/v2/orders")
    assert len(reqs) == 4
    assert sb.get(f"/v2/orders/count?min_id={lo}&max_id={hi}")["count"] == 601


def test_filter_the_count_does_not_take_pages_one_by_one(start_sandbox, connect):
    sb = start_sandbox()
    cur = connect(sb, Pagesize=2).cursor()
    rows, reqs = run(sb, cur, "SELECT id FROM Coupons WHERE id >= 1 AND id <= 5 ORDER BY id")
    # /v2/coupons/count takes no filters: no count, and page after page to the short one.
    assert [p for p, _ in reqs] == ["/v2/coupons"] * 3
    assert pages_requested(reqs, "/v2/coupons") == [1, 2, 3]
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]


def test_whole_coupons_list_counts_and_fetches_the_rest_at_once(start_sandbox, connect):
    sb = start_sandbox(latency_ms=100)
    total = sb.get("/v2/coupons/count")["count"]
    assert total == len(sb.get_all("/v2/coupons")) and total > 6
    cur = connect(sb, Pagesize=2).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Coupons")
    assert rows[0][0] == total
    npages = (total + 1) // 2
    assert sorted(pages_requested(reqs, "/v2/coupons")) == list(range(1, npages + 1))
    assert [p for p, _ in reqs].count("/v2/coupons/count") == 1
    assert 2 <= sb.stats()["max_in_flight"] <= MAX_WINDOW


def test_row_cap_stops_the_orders_prefetch_at_the_pages_it_needs(start_sandbox, connect):
    sb = start_sandbox(orders=1000)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT id FROM Orders LIMIT 300")
    assert len(rows) == 300
    assert sorted(pages_requested(reqs, "/v2/orders")) == [1, 2]
    rows, reqs = run(sb, cur, "SELECT id FROM Orders LIMIT 20")
    # A cap one page covers needs no count.
    assert reqs == [("/v2/orders", "page=1&limit=20")]


def test_orders_scan_keeps_several_pages_in_flight(start_sandbox, connect):
    # 1990 listed orders (and 2 Incomplete ones the count adds): 8 pages of 250.
    sb = start_sandbox(orders=1990, latency_ms=150)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Orders")
    assert rows[0][0] == 1990
    assert sorted(pages_requested(reqs, "/v2/orders")) == list(range(1, 9))
    # More than page 1 and the count together: the window itself overlaps.
    assert 3 <= sb.stats()["max_in_flight"] <= MAX_WINDOW


def test_products_scan_keeps_a_sliding_window_in_flight(start_sandbox, connect):
    sb = start_sandbox(products=2500, latency_ms=150)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Products")
    assert rows[0][0] == 2500
    # 10 pages, each once, none past total_pages.
    assert sorted(pages_requested(reqs, "/v3/catalog/products")) == list(range(1, 11))
    # Pages 2.. overlap, as many as the window allows and no more.
    assert 3 <= sb.stats()["max_in_flight"] <= MAX_WINDOW



def test_window_grows_with_latency(start_sandbox, connect):
    sb = start_sandbox(products=5000, latency_ms=150)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Products")
    assert rows[0][0] == 5000
    assert sorted(pages_requested(reqs, "/v3/catalog/products")) == list(range(1, 21))
    # Slow answers: more than the fixed window of old in flight at once.
    assert WINDOW < sb.stats()["max_in_flight"] <= MAX_WINDOW


def test_window_stays_inside_the_quota_and_meets_no_429(start_sandbox, connect):
    sb = start_sandbox(products=2500, latency_ms=40, rate_limit_quota=6,
                       rate_limit_window_ms=1000)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(id) FROM Products")
    assert rows[0][0] == 2500
    # A 429 would be retried: every page exactly once means none was refused.
    assert pages_requested(reqs, "/v3/catalog/products").count(1) == 1
    assert sorted(pages_requested(reqs, "/v3/catalog/products")) == list(range(1, 11))
    assert sb.stats()["max_in_flight"] <= 6


def test_scan_closed_early_drops_its_pages_and_the_connection_goes_on(start_sandbox, connect):
    sb = start_sandbox(products=2500, latency_ms=50)
    conn = connect(sb)
    cur = conn.cursor()
    sb.clear_requests()
    cur.execute("SELECT id FROM Products")
    first = cur.fetchone()[0]
    cur.close()  # pages 2..5 are in flight: they are abandoned, not waited for
    pages = pages_requested(requests_of(sb), "/v3/catalog/products")
    # Page 1, and whichever look-ahead pages reached the sandbox before they were dropped.
    assert pages[0] == 1 and len(pages) == len(set(pages))
    assert set(pages) <= set(range(1, 2 + WINDOW))
    # The connection's multi handle is clean: the next statement reads every page once.
    rows, reqs = run(sb, conn.cursor(), "SELECT COUNT(*), MIN(id) FROM Products")
    assert tuple(rows[0]) == (2500, first)
    again = pages_requested(reqs, "/v3/catalog/products")
    assert sorted(set(again)) == list(range(1, 11))
    # A look-ahead request already sent when the cursor closed can reach the sandbox's log
    # only after it was cleared (seen under load): then it stands in this log, once, and
    # is missing from the first one. Any other repeat is a page read twice.
    for page, n in Counter(again).items():
        assert n == 1 or (n == 2 and page not in pages and page <= 1 + WINDOW), (page, again)


# -- a scan that reads no column is answered from the row count ---------------------------

def test_count_star_of_a_v3_table_is_one_single_item_request(start_sandbox, connect):
    sb = start_sandbox(products=1200)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(*) FROM Products")
    assert rows[0][0] == 1200 == len(sb.get_all("/v3/catalog/products"))
    assert reqs == [("/v3/catalog/products", "page=1&limit=1")]


def test_count_star_of_a_v2_table_uses_its_count_endpoint(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM Coupons")
    assert rows[0][0] == len(sandbox.get_all("/v2/coupons")) > 0
    assert reqs == [("/v2/coupons/count", "")]


def test_count_star_of_orders_equals_the_listed_rows_not_the_count(start_sandbox, connect):
    # /v2/orders/count also counts Incomplete orders, which the list never returns.
    sb = start_sandbox(orders=600)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(*) FROM Orders")
    listed = len(sb.get_all("/v2/orders"))
    assert rows[0][0] == listed == 600 < sb.get("/v2/orders/count")["count"]
    assert rows[0][0] == len(cur.execute("SELECT * FROM Orders").fetchall())
    assert sorted(pages_requested(reqs, "/v2/orders")) == [1, 2, 3]


def test_rows_without_columns_honour_limit_and_maxrows(start_sandbox, connect):
    sb = start_sandbox(products=300)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT COUNT(*) FROM (SELECT 1 FROM Products LIMIT 7)")
    assert rows[0][0] == 7 and len(reqs) == 1
    capped = connect(sb, MaxRows=50).cursor()
    assert capped.execute("SELECT COUNT(*) FROM Products").fetchval() == 300


def test_count_with_a_condition_still_reads_the_rows(start_sandbox, connect):
    sb = start_sandbox(products=600)
    cur = connect(sb).cursor()
    want = sum(1 for p in sb.get_all("/v3/catalog/products") if p["price"] > 100)
    rows, reqs = run(sb, cur, "SELECT COUNT(*) FROM Products WHERE price > 100")
    assert rows[0][0] == want
    assert sorted(pages_requested(reqs, "/v3/catalog/products")) == [1, 2, 3]


def test_count_star_of_a_walked_child_still_walks(sandbox, connect):
    cur = connect(sandbox).cursor()
    want = sum(len(sandbox.get(f"/v2/orders/{o['id']}/products") or [])
               for o in sandbox.get_all("/v2/orders"))
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM OrderItems")
    assert rows[0][0] == want
    assert any(p.endswith("/products") for p, _ in reqs)


# -- ORDER BY the API sorts by, with LIMIT: one request -----------------------------------

def same_without_pushdown(cur, sql, unpushed, *params):
    """The rows of sql, and of the same query with the pushed column written as an
    expression (+col), which SQLite never hands to the table: pushdown must not change them."""
    with_push = [tuple(r) for r in cur.execute(sql, *params).fetchall()]
    without = [tuple(r) for r in cur.execute(unpushed, *params).fetchall()]
    assert with_push == without
    return with_push


def test_products_by_price_desc_with_limit_is_one_sorted_request(start_sandbox, connect):
    sb = start_sandbox(products=600)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT price FROM Products ORDER BY price DESC LIMIT 5")
    assert reqs == [("/v3/catalog/products", "sort=price&direction=desc&page=1&limit=5")]
    prices = sorted((p["price"] for p in sb.get_all("/v3/catalog/products")), reverse=True)[:5]
    assert [float(r[0]) for r in rows] == prices
    assert same_without_pushdown(
        cur, "SELECT price FROM Products ORDER BY price DESC LIMIT 5",
        "SELECT price FROM Products ORDER BY +price DESC LIMIT 5") == [tuple(r) for r in rows]


def test_orders_by_date_use_the_v2_sort_suffix(start_sandbox, connect):
    sb = start_sandbox(orders=600)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT id, date_created FROM Orders"
                     " ORDER BY date_created LIMIT 3")
    assert reqs == [("/v2/orders", "sort=date_created:asc&page=1&limit=3")]
    assert same_without_pushdown(
        cur, "SELECT id, date_created FROM Orders ORDER BY date_created LIMIT 3",
        "SELECT id, date_created FROM Orders ORDER BY +date_created LIMIT 3") == \
        [tuple(r) for r in rows]


def test_customers_sort_takes_the_direction_as_a_suffix(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT id FROM Customers ORDER BY date_created DESC LIMIT 4")
    assert reqs == [("/v3/customers", "sort=date_created:desc&page=1&limit=4")]
    assert same_without_pushdown(
        cur, "SELECT id FROM Customers ORDER BY date_created DESC LIMIT 4",
        "SELECT id FROM Customers ORDER BY +date_created DESC LIMIT 4") == [tuple(r) for r in rows]


def test_text_order_and_two_keys_are_sorted_by_sqlite(sandbox, connect):
    cur = connect(sandbox).cursor()
    # The API orders text by its own collation, and ties by its own rule: SQLite sorts.
    rows, reqs = run(sandbox, cur, "SELECT name FROM Brands ORDER BY name LIMIT 2")
    assert all("sort=" not in q for _, q in reqs)
    rows, reqs = run(sandbox, cur, "SELECT id FROM Products ORDER BY price, id LIMIT 2")
    assert all("sort=" not in q for _, q in reqs)


# -- filters: text (checked again), LIKE prefixes, dates and money ranges -----------------

def test_products_by_sku_is_one_request_and_case_is_checked_again(sandbox, connect):
    cur = connect(sandbox).cursor()
    product = sandbox.get_all("/v3/catalog/products")[4]
    rows, reqs = run(sandbox, cur, "SELECT id FROM Products WHERE sku = ?", product["sku"])
    assert reqs == [("/v3/catalog/products", f"sku={product['sku']}&page=1&limit=250")]
    assert [r[0] for r in rows] == [product["id"]]
    # The store matches text ignoring case; SQL does not: the row is checked again.
    rows, reqs = run(sandbox, cur, "SELECT id FROM Products WHERE sku = ?",
                     product["sku"].lower())
    assert len(reqs) == 1 and rows == []
    rows, reqs = run(sandbox, cur, "SELECT id FROM Products WHERE sku IN (?, ?)",
                     product["sku"], "NO-SUCH-SKU")
    assert len(reqs) == 1 and reqs[0][1].endswith("&page=1&limit=250")
    assert sorted(reqs[0][1].split("&")[0][len("sku:in="):].split(",")) == \
        sorted([product["sku"], "NO-SUCH-SKU"])
    assert [r[0] for r in rows] == [product["id"]]


def test_customers_by_email_use_the_email_list_filter(sandbox, connect):
    cur = connect(sandbox).cursor()
    c = sandbox.get_all("/v3/customers")[2]
    rows, reqs = run(sandbox, cur, "SELECT id FROM Customers WHERE email = ?", c["email"])
    assert reqs == [("/v3/customers", "email:in=" + c["email"] + "&page=1&limit=250")]
    assert [r[0] for r in rows] == [c["id"]]
    # A comma would split the list: that value is not sent, and the answer is still right.
    rows, reqs = run(sandbox, cur, "SELECT id FROM Customers WHERE email = 'a,b@example.com'")
    assert rows == [] and all("email" not in q for _, q in reqs)


def test_like_prefix_uses_the_like_filter_and_is_checked_again(sandbox, connect):
    cur = connect(sandbox).cursor()
    brands = sandbox.get_all("/v3/catalog/brands")
    name = brands[1]["name"]
    prefix = name[:3]
    rows, reqs = run(sandbox, cur, "SELECT id FROM Brands WHERE name LIKE ? ORDER BY id",
                     prefix + "%")
    assert len(reqs) == 1 and reqs[0][0] == "/v3/catalog/brands"
    assert reqs[0][1].startswith("name:like=")
    assert same_without_pushdown(
        cur, "SELECT id FROM Brands WHERE name LIKE ? ORDER BY id",
        "SELECT id FROM Brands WHERE +name LIKE ? ORDER BY id", prefix + "%") == \
        [tuple(r) for r in rows]
    assert brands[1]["id"] in [r[0] for r in rows]
    # The store's like matches anywhere in the name: a name with the text inside is dropped.
    inner = name[1:4]
    rows = cur.execute("SELECT name FROM Brands WHERE name LIKE ?", inner + "%").fetchall()
    assert all(r[0].lower().startswith(inner.lower()) for r in rows)


def test_orders_since_a_date_ask_only_for_those_orders(start_sandbox, connect):
    sb = start_sandbox(orders=1000)
    cur = connect(sb).cursor()
    sql = "SELECT id FROM Orders WHERE date_created >= '2025-06-01' ORDER BY id"
    rows, reqs = run(sb, cur, sql)
    # ORDER BY id goes along as sort=id:asc; the count endpoint takes the same query.
    assert [p for p, _ in reqs].count("/v2/orders/count") == 1
    assert all(q.startswith("min_date_created=2025-05-31") for _, q in reqs)
    count = sb.get("/v2/orders/count?min_date_created=2025-05-31")["count"]
    assert len([p for p, _ in reqs if p == "/v2/orders"]) == (count + 249) // 250 < 4
    assert same_without_pushdown(
        cur, sql, "SELECT id FROM Orders WHERE +date_created >= '2025-06-01' ORDER BY id") == \
        [tuple(r) for r in rows]
    assert 0 < len(rows) < 1000


def test_orders_between_dates_and_totals_are_narrowed_and_checked(start_sandbox, connect):
    sb = start_sandbox(orders=600)
    cur = connect(sb).cursor()
    sql = ("SELECT id FROM Orders WHERE date_created < '2025-03-01 12:00:00'"
           " AND date_created > '2024-11-01' AND total_inc_tax > 100 ORDER BY id")
    rows, reqs = run(sb, cur, sql)
    assert all("max_date_created=2025-03-02" in q and "min_date_created=2024-10-31" in q
               and "min_total=100" in q for p, q in reqs if p == "/v2/orders")
    assert same_without_pushdown(
        cur, sql, sql.replace("WHERE date_created", "WHERE +date_created")
                     .replace("AND date_created", "AND +date_created")
                     .replace("AND total_inc_tax", "AND +total_inc_tax")) == \
        [tuple(r) for r in rows]
    assert rows


def test_orders_by_customer_and_status_are_filtered(start_sandbox, connect):
    sb = start_sandbox(orders=300)
    cur = connect(sb).cursor()
    o = sb.get_all("/v2/orders")[7]
    rows, reqs = run(sb, cur, "SELECT id FROM Orders WHERE customer_id = ? AND status_id = ?",
                     o["customer_id"], o["status_id"])
    assert [p for p, _ in reqs if p == "/v2/orders"] == ["/v2/orders"]
    assert all(f"customer_id={o['customer_id']}" in q and f"status_id={o['status_id']}" in q
               for _, q in reqs)
    want = [x["id"] for x in sb.get_all("/v2/orders")
            if x["customer_id"] == o["customer_id"] and x["status_id"] == o["status_id"]]
    assert sorted(r[0] for r in rows) == want


def test_odd_bounds_keep_their_meaning(start_sandbox, connect):
    sb = start_sandbox(orders=50)
    cur = connect(sb).cursor()
    ids = [o["id"] for o in sb.get_all("/v2/orders")]
    rows, reqs = run(sb, cur, "SELECT id FROM Orders WHERE id >= ? ORDER BY id", ids[3] - 0.5)
    assert [r[0] for r in rows] == ids[3:]
    assert reqs and all(f"min_id={ids[3]}" in q for _, q in reqs)
    rows, _ = run(sb, cur, "SELECT COUNT(*) FROM Orders WHERE id >= 'x'")
    assert rows[0][0] == 0
    rows, _ = run(sb, cur, "SELECT COUNT(id) FROM Orders WHERE date_created >= 'soon'")
    assert rows[0][0] == cur.execute(
        "SELECT COUNT(id) FROM Orders WHERE +date_created >= 'soon'").fetchval()



# -- children in bulk, and probes answered from rows read once ----------------------------

def test_variants_of_joined_products_come_fifty_parents_a_request(start_sandbox, connect):
    sb = start_sandbox(products=120)
    cur = connect(sb).cursor()
    sql = ("SELECT p.id, v.id, v.sku FROM Products p"
           " JOIN ProductVariants v ON v.product_id = p.id ORDER BY p.id, v.id")
    rows, reqs = run(sb, cur, sql)
    variant_reqs = [q for p, q in reqs if p == "/v3/catalog/variants"]
    # 120 parents in batches of 50 ids: 3 filtered requests instead of 120.
    assert len(variant_reqs) == 3
    asked = [int(x) for q in variant_reqs
             for x in q.split("product_id:in=")[1].split("&")[0].split(",")]
    assert sorted(asked) == list(range(1, 121))
    want = sorted((v["product_id"], v["id"], v["sku"])
                  for v in sb.get_all("/v3/catalog/variants") if v["product_id"] <= 120)
    assert [tuple(r) for r in rows] == want
    assert same_without_pushdown(
        cur, sql, sql.replace("ON v.product_id = p.id", "ON +v.product_id = p.id")) == want


def test_a_lone_variant_probe_is_an_ordinary_filtered_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows, reqs = run(sandbox, cur, "SELECT COUNT(*) FROM ProductVariants WHERE product_id = 3")
    assert reqs == [("/v3/catalog/variants", "product_id:in=3&page=1&limit=250")]


def test_probes_on_a_column_the_api_cannot_filter_read_the_table_once(start_sandbox, connect):
    sb = start_sandbox(orders=300)
    cur = connect(sb).cursor()
    sql = ("SELECT o.id, s.name FROM Orders o JOIN OrderStatuses s ON s.id = o.status_id"
           " ORDER BY o.id")
    rows, reqs = run(sb, cur, sql)
    assert [p for p, _ in reqs].count("/v2/order_statuses") == 1
    statuses = {s["id"]: s["name"] for s in sb.get_all("/v2/order_statuses")}
    want = [(o["id"], statuses[o["status_id"]]) for o in sb.get_all("/v2/orders")
            if o["status_id"] in statuses]
    assert [tuple(r) for r in rows] == want
    assert same_without_pushdown(cur, sql, sql.replace("s.id = o.status_id",
                                                       "+s.id = o.status_id")) == want
    # Text keys, a value no row has, and NULL.
    name = next(iter(statuses.values()))
    rows = cur.execute("SELECT o.id FROM Orders o JOIN OrderStatuses s ON s.name = ?"
                       " AND s.id = o.status_id", name).fetchall()
    assert len(rows) == sum(1 for o in sb.get_all("/v2/orders")
                            if statuses.get(o["status_id"]) == name)
    assert cur.execute("SELECT COUNT(*) FROM OrderStatuses WHERE name = 'none'").fetchval() == 0
    assert cur.execute("SELECT COUNT(*) FROM OrderStatuses WHERE name = NULL").fetchval() == 0

# -- sys_requests: what the last statement asked the API -----------------------------------

def test_sys_requests_lists_the_last_statements_requests(start_sandbox, connect):
    sb = start_sandbox(products=600)
    cur = connect(sb).cursor()
    rows, reqs = run(sb, cur, "SELECT price FROM Products ORDER BY price DESC LIMIT 5")
    log = cur.execute("SELECT seq, method, path, status, ms FROM sys_requests").fetchall()
    assert [(r.seq, r.method, r.path, r.status) for r in log] == [
        (1, "GET", "/v3/catalog/products?sort=price&direction=desc&page=1&limit=5", 200)]
    assert log[0].ms >= 0
    # Reading sys_requests makes no request: it still shows the statement before it.
    again = cur.execute("SELECT COUNT(*) FROM sys_requests").fetchval()
    assert again == 1
    cur.execute("SELECT COUNT(id) FROM Products").fetchall()
    paths = [r[0] for r in cur.execute("SELECT path FROM sys_requests ORDER BY seq")]
    assert sorted(paths) == sorted("/v3/catalog/products?" + q
                                   for p, q in requests_of(sb)[-len(paths):])
    assert len(paths) == 3  # pages 1..3 of 250


def test_sys_requests_is_listed_as_a_system_table(sandbox, connect):
    cur = connect(sandbox).cursor()
    names = [t.table_name for t in cur.tables(tableType="SYSTEM TABLE")]
    assert "sys_requests" in names
    cols = [c.column_name for c in cur.columns(table="sys_requests")]
    assert cols == ["seq", "method", "path", "status", "ms"]
