"""A scan finds only the members of the columns SQLite asks for (the first time a column is
asked for, the walk over every later row looks for it too). Whatever the columns, their order,
or whether a column is asked for on some rows only, the values are those of a SELECT * and of
the API; nested views, dotted JSON paths and JSON columns keep working."""

import json

import pytest

API = "/stores/sandbox"


@pytest.fixture
def store(start_sandbox):
    # three pages of products: the cells are resolved across page boundaries
    return start_sandbox(products=600, orders=30)


def rows_by_id(cur, sql):
    return {r[0]: tuple(r) for r in cur.execute(sql).fetchall()}


def test_narrow_scan_equals_the_same_columns_of_select_star(store, connect):
    cur = connect(store).cursor()
    wide = cur.execute("SELECT * FROM Products").fetchall()
    names = [d[0] for d in cur.description]
    cols = ["id", "name", "price", "sku", "categories", "inventory_level"]
    star = {r[0]: tuple(r[names.index(c)] for c in cols) for r in wide}
    narrow = rows_by_id(cur, "SELECT " + ", ".join(cols) + " FROM Products")
    assert len(narrow) == 600
    assert narrow == star
    api = {p["id"]: p for p in store.get_all("/v3/catalog/products")}
    assert {i: (r[3], float(r[2])) for i, r in narrow.items()} == \
        {i: (p["sku"], float(p["price"])) for i, p in api.items()}


def test_column_order_and_columns_read_on_some_rows_only(store, connect):
    cur = connect(store).cursor()
    star = rows_by_id(cur, "SELECT id, sku, name, categories FROM Products")
    # sku first seen on the third row, categories on the fifth: both are looked up on their
    # own there, then found by the walk over the rows after
    got = rows_by_id(cur, "SELECT id, CASE WHEN id % 3 = 0 THEN sku END,"
                          " CASE WHEN id % 5 = 0 THEN categories END, name FROM Products")
    assert len(got) == len(star) == 600
    for i, (_, sku, name, cats) in star.items():
        assert got[i] == (i, sku if i % 3 == 0 else None, cats if i % 5 == 0 else None, name)
    reordered = rows_by_id(cur, "SELECT id, categories, name, sku FROM Products")
    assert {i: (r[3], r[2], r[1]) for i, r in reordered.items()} == \
        {i: (r[1], r[2], r[3]) for i, r in star.items()}


def test_narrow_and_wide_scans_read_the_same_pages(store, connect):
    cur = connect(store).cursor()
    store.clear_requests()
    cur.execute("SELECT id FROM Products").fetchall()
    narrow = sorted(r["query"] for r in store.api_requests())  # pages 2-3 go out together
    store.clear_requests()
    cur.execute("SELECT id, name, price, sku, weight FROM Products").fetchall()
    wide = sorted(r["query"] for r in store.api_requests())
    assert narrow == wide and len(narrow) == 3


def test_json_column_and_json_functions_over_it(store, connect):
    cur = connect(store).cursor()
    rows = cur.execute("SELECT id, categories, json_array_length(categories),"
                       " json_extract(custom_url, '$.url') FROM Products").fetchall()
    api = {p["id"]: p for p in store.get_all("/v3/catalog/products")}
    assert len(rows) == 600
    for pid, cats, ncats, url in rows:
        assert json.loads(cats) == api[pid]["categories"]
        assert ncats == len(api[pid]["categories"])
        assert url == api[pid]["custom_url"]["url"]


def test_nested_view_and_values_taken_from_the_parent(store, connect):
    cur = connect(store).cursor()
    wide = cur.execute("SELECT * FROM OrderItemOptionValues").fetchall()
    names = [d[0] for d in cur.description]
    cols = ["order_id", "order_product_id", "id", "display_value"]
    star = sorted(tuple(r[names.index(c)] for c in cols) for r in wide)
    narrow = sorted(tuple(r) for r in cur.execute(
        "SELECT " + ", ".join(cols) + " FROM OrderItemOptionValues").fetchall())
    assert star and narrow == star
    expected = []
    for order in store.get_all("/v2/orders"):
        for item in store.get_all(f"/v2/orders/{order['id']}/products"):
            for v in item.get("product_options") or []:
                expected.append((order["id"], item["id"], v["id"], v["display_value"]))
    assert narrow == sorted(expected)


def test_dotted_paths_narrow_and_wide(store, connect):
    cur = connect(store).cursor()
    wide = cur.execute("SELECT * FROM InventoryItems").fetchall()
    names = [d[0] for d in cur.description]
    star = sorted((r[names.index("variant_id")], r[names.index("sku")]) for r in wide)
    narrow = sorted(tuple(r) for r in cur.execute(
        "SELECT variant_id, sku FROM InventoryItems").fetchall())
    assert star and narrow == star
    api = sorted((i["identity"]["variant_id"], i["identity"]["sku"])
                 for i in store.get_all("/v3/inventory/items"))
    assert narrow == api
