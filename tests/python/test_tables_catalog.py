"""Catalog, pricing, inventory and promotion tables through the driver manager: every table
returns exactly the sandbox's JSON, SQLColumns agrees with SELECT *, and child tables cost one
request per parent id (or walk their parent without one)."""


import pytest

from table_checks import assert_row_matches

PRODUCT_CHILDREN = {
    # table: (path under /v3/catalog/products/{id}, key columns)
    "ProductImages": ("images", ("id",)),
    "ProductVideos": ("videos", ("id",)),
    "ProductCustomFields": ("custom-fields", ("id",)),
    "ProductMetafields": ("metafields", ("id",)),
    "ProductReviews": ("reviews", ("id",)),
    "ProductBulkPricingRules": ("bulk-pricing-rules", ("id",)),
    "ProductRules": ("complex-rules", ("id",)),
    "ProductOptions": ("options", ("id",)),
}

# read through the product list's include= when several products are asked for
INCLUDED = {"ProductImages", "ProductVideos", "ProductCustomFields", "ProductBulkPricingRules"}

TOP_LEVEL = {
    "CategoryTrees": ("/v3/catalog/trees", ("id",)),
    "PriceLists": ("/v3/pricelists", ("id",)),
    "PriceListAssignments": ("/v3/pricelists/assignments", ("id",)),
    "ProductVariants": ("/v3/catalog/variants", ("id",)),
    "InventoryLocations": ("/v3/inventory/locations", ("id",)),
    "Promotions": ("/v3/promotions", ("id",)),
    "CategoryMetafields": ("/v3/catalog/categories/metafields", ("id",)),
    "BrandMetafields": ("/v3/catalog/brands/metafields", ("id",)),
}

ALL_TABLES = sorted(
    list(PRODUCT_CHILDREN)
    + list(TOP_LEVEL)
    + ["PriceListRecords", "ProductOptionValues", "ProductVariantValues", "InventoryItems"]
)
VIEWS = {
    "PriceListAssignments", "ProductBulkPricingRules", "ProductCustomFields", "ProductRules",
    "ProductVideos", "ProductVariantValues", "InventoryItems",
}

# SQLColumns DATA_TYPE -> the Python type pyodbc reports in cursor.description


def product_ids(sb):
    return sorted(p["id"] for p in sb.get_all("/v3/catalog/products"))


def expected_rows(sb, table):
    """(key columns, [flat dict per row]) from the sandbox's JSON, fetched directly."""
    if table in TOP_LEVEL:
        path, key = TOP_LEVEL[table]
        return key, sb.get_all(path)
    if table in PRODUCT_CHILDREN:
        sub, key = PRODUCT_CHILDREN[table]
        rows = []
        for pid in product_ids(sb):
            for item in sb.get_all(f"/v3/catalog/products/{pid}/{sub}"):
                rows.append(dict(item, product_id=pid))
        return key, rows
    if table == "PriceListRecords":
        rows = []
        for pl in sb.get_all("/v3/pricelists"):
            rows += sb.get_all(f"/v3/pricelists/{pl['id']}/records")
        return ("price_list_id", "variant_id", "currency"), rows
    if table == "ProductOptionValues":
        _, options = expected_rows(sb, "ProductOptions")
        rows = [dict(v, product_id=o["product_id"], option_id=o["id"])
                for o in options for v in o["option_values"]]
        return ("id",), rows
    if table == "ProductVariantValues":
        rows = [dict(v, variant_id=var["id"], product_id=var["product_id"])
                for var in sb.get_all("/v3/catalog/variants") for v in var["option_values"]]
        return ("variant_id", "option_id"), rows
    if table == "InventoryItems":
        rows = [dict(it["identity"], locations=it["locations"])
                for it in sb.get_all("/v3/inventory/items")]
        return ("variant_id",), rows
    raise KeyError(table)


@pytest.mark.parametrize("table", ALL_TABLES)
def test_select_star_returns_the_sandbox_rows_and_values(sandbox, connect, table):
    cur = connect(sandbox).cursor()
    rows = cur.execute(f"SELECT * FROM {table}").fetchall()
    names = [d[0] for d in cur.description]
    key, want = expected_rows(sandbox, table)
    assert len(rows) == len(want) and len(want) > 0
    got = {tuple(getattr(r, k) for k in key): r for r in rows}
    assert len(got) == len(rows), "key columns must identify a row"
    # every value of a sample of rows (first, middle, last) equals the JSON
    for item in (want[0], want[len(want) // 2], want[-1]):
        row = got[tuple(item[k] for k in key)]
        assert_row_matches(table, row, names, item)


@pytest.mark.parametrize("table", sorted(PRODUCT_CHILDREN) + ["ProductOptionValues"])
def test_product_child_with_product_id_makes_one_request_per_id(sandbox, connect, table):
    cur = connect(sandbox).cursor()
    sub = PRODUCT_CHILDREN.get(table, ("options",))[0]
    want = {pid: len(expected_rows_for(sandbox, table, pid)) for pid in (3, 8)}
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT * FROM {table} WHERE product_id = 3").fetchall()
    log = sandbox.api_requests()
    assert len(rows) == want[3]
    assert [r["path"] for r in log] == [f"/stores/sandbox/v3/catalog/products/3/{sub}"]
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT * FROM {table} WHERE product_id IN (3, 8)").fetchall()
    assert len(rows) == want[3] + want[8]
    if table in INCLUDED:  # the product list's id:in with include= (test_child_include.py)
        assert [(r["path"], "id:in=3,8" in r.get("query", "")) for r in sandbox.api_requests()
                ] == [("/stores/sandbox/v3/catalog/products", True)]
        return
    assert sorted(r["path"] for r in sandbox.api_requests()) == [
        f"/stores/sandbox/v3/catalog/products/{pid}/{sub}" for pid in (3, 8)]


def expected_rows_for(sb, table, pid):
    _, rows = expected_rows(sb, table)
    return [r for r in rows if r["product_id"] == pid]


# ProductImages and the other children the product list returns under include= are read
# through that list instead (test_child_include.py), ProductMetafields through the list of
# every product's metafields (test_child_collections.py).
@pytest.mark.parametrize("table", ["ProductReviews", "ProductOptionValues"])
def test_product_child_without_product_id_walks_products(start_sandbox, connect, table):
    sb = start_sandbox(products=12)
    cur = connect(sb).cursor()
    sub = PRODUCT_CHILDREN.get(table, ("options",))[0]
    sb.clear_requests()
    cur.execute(f"SELECT COUNT(*) FROM {table}").fetchval()
    paths = [r["path"] for r in sb.api_requests()]
    assert "/stores/sandbox/v3/catalog/products" in paths
    children = sorted(p for p in paths if p.endswith("/" + sub))
    assert children == sorted(f"/stores/sandbox/v3/catalog/products/{i}/{sub}"
                              for i in range(1, 13))


def test_price_list_records_with_price_list_id_make_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    want = sandbox.get_all("/v3/pricelists/2/records")
    sandbox.clear_requests()
    rows = cur.execute("SELECT variant_id, price FROM PriceListRecords WHERE price_list_id = 2"
                       " ORDER BY variant_id").fetchall()
    assert [(r.variant_id, float(r.price)) for r in rows] == sorted(
        (w["variant_id"], w["price"]) for w in want)
    assert [r["path"] for r in sandbox.api_requests()] == [
        "/stores/sandbox/v3/pricelists/2/records"]


def test_price_list_records_point_at_real_variants(sandbox, connect):
    cur = connect(sandbox).cursor()
    orphans = cur.execute(
        "SELECT COUNT(*) FROM PriceListRecords r LEFT JOIN ProductVariants v"
        " ON v.id = r.variant_id AND v.product_id = r.product_id WHERE v.id IS NULL").fetchval()
    assert orphans == 0


def test_variant_values_are_values_of_the_products_options(sandbox, connect):
    cur = connect(sandbox).cursor()
    bad = cur.execute(
        "SELECT COUNT(*) FROM ProductVariantValues vv LEFT JOIN ProductOptionValues ov"
        " ON ov.id = vv.id AND ov.option_id = vv.option_id AND ov.product_id = vv.product_id"
        " WHERE ov.id IS NULL").fetchval()
    assert bad == 0


def test_variants_filtered_by_product_match_the_api_filter(sandbox, connect):
    cur = connect(sandbox).cursor()
    want = sandbox.get_all("/v3/catalog/variants?product_id:in=1,7")
    rows = cur.execute(
        "SELECT id, sku FROM ProductVariants WHERE product_id IN (1, 7) ORDER BY id").fetchall()
    assert [(r.id, r.sku) for r in rows] == sorted((w["id"], w["sku"]) for w in want)


def test_foreign_keys_report_the_parent_relations(sandbox, connect):
    cur = connect(sandbox).cursor()
    for table, parent, pcol, fcol in [
        ("ProductImages", "Products", "id", "product_id"),
        ("PriceListRecords", "PriceLists", "id", "price_list_id"),
        ("ProductOptionValues", "ProductOptions", "id", "option_id"),
        ("ProductVariantValues", "ProductVariants", "id", "variant_id"),
    ]:
        fks = [(k.pktable_name, k.pkcolumn_name, k.fkcolumn_name)
               for k in cur.foreignKeys(foreignTable=table)]
        assert (parent, pcol, fcol) in fks, (table, fks)


def test_non_ascii_text_survives(sandbox, connect):
    cur = connect(sandbox).cursor()
    labels = {r[0] for r in cur.execute("SELECT label FROM InventoryLocations")}
    assert {"Lager Zürich", "東京倉庫"} <= labels


@pytest.mark.parametrize("table,key,ids,param", [
    ("ProductVariants", "id", (1003,), "id=1003"),
    ("InventoryItems", "variant_id", (1003, 1005), "variant_id:in=1003,1005"),
    ("InventoryLocations", "id", (2,), "location_id:in=2"),
    ("PriceLists", "id", (1, 3), "id:in=1,3"),
    ("Promotions", "id", (4,), "id=4"),
    ("CategoryTrees", "id", (2,), "id:in=2"),
])
def test_key_lookup_is_sent_to_the_api_as_its_filter(sandbox, connect, table, key, ids, param):
    cur = connect(sandbox).cursor()
    marks = ", ".join("?" * len(ids))
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT {key} FROM {table} WHERE {key} IN ({marks})", *ids).fetchall()
    assert sorted(r[0] for r in rows) == sorted(ids)
    log = sandbox.api_requests()
    assert len(log) == 1, log
    assert param in log[0]["query"].replace(":", ":").replace(",", ","), log[0]


# text columns the reference bounds (maxLength, the longest enum value) or whose format is
# fixed (ISO 4217 / 3166 codes, UUIDs): SQLColumns reports exactly that size
BOUNDED = [
    ("Products", "type", 8), ("Products", "availability", 9), ("Products", "condition", 11),
    ("Products", "name", 250), ("ProductVariants", "upc", 14), ("ProductVariants", "gtin", 14),
    ("ProductOptions", "type", 24), ("Channels", "status", 12), ("Orders", "currency_code", 3),
    ("Orders", "payment_status", 18), ("OrderItems", "type", 15), ("Coupons", "code", 50),
    ("GiftCertificates", "status", 8), ("Transactions", "event", 13),
    ("OrderShippingAddresses", "country_iso2", 2), ("Stores", "account_uuid", 36),
    ("CustomerAddresses", "postal_code", 30), ("Promotions", "redemption_type", 9),
]


@pytest.mark.parametrize("table,column,size", BOUNDED)
def test_text_columns_are_as_wide_as_the_reference_allows(sandbox, connect, table, column, size):
    cur = connect(sandbox).cursor()
    col = cur.columns(table=table, column=column).fetchone()
    assert (col.type_name, col.column_size) == ("NVARCHAR", size)
    longest = cur.execute(f'SELECT MAX(LENGTH("{column}")) FROM {table}').fetchval()
    assert longest is None or longest <= size


# fields the reference returns that once had no column
ADDED = {
    "ProductVariants": ["image_url", "map_price", "mpn", "gtin", "calculated_weight"],
    "ProductImages": ["image_file"],
    "Orders": ["custom_status", "credit_card_type"],
    "Customers": ["shopper_profile_id", "segment_ids"],
    "OrderStatuses": ["order"],
}


@pytest.mark.parametrize("table", sorted(ADDED))
def test_reference_fields_have_columns_with_values(sandbox, connect, table):
    cur = connect(sandbox).cursor()
    for column in ADDED[table]:
        assert cur.columns(table=table, column=column).fetchone() is not None, column
        n = cur.execute(f'SELECT COUNT("{column}") FROM {table}').fetchval()
        assert n > 0, (table, column)


def test_descriptions_are_short(sandbox, connect):
    cur = connect(sandbox).cursor()
    remarks = [(c.table_name, c.column_name, c.remarks) for c in cur.columns()]
    assert len(remarks) > 900
    long = [r for r in remarks if r[2] is not None and len(r[2]) > 80]
    assert long == []


# documented list filters on integer columns: (table, WHERE, list path, the item test, a
# parameter the request must carry)
PUSHED = [
    ("Products", "brand_id = 2", "/v3/catalog/products", lambda p: p["brand_id"] == 2,
     "brand_id=2"),
    ("Products", "inventory_level BETWEEN 20 AND 120", "/v3/catalog/products",
     lambda p: 20 <= p["inventory_level"] <= 120, "inventory_level:min=20"),
    ("Products", "id >= 3 AND id <= 7", "/v3/catalog/products", lambda p: 3 <= p["id"] <= 7,
     "id:max=7"),
    ("Categories", "parent_id = 0", "/v3/catalog/categories", lambda c: c["parent_id"] == 0,
     "parent_id=0"),
    ("Categories", "parent_id IN (1, 2)", "/v3/catalog/categories",
     lambda c: c["parent_id"] in (1, 2), "parent_id:in=1,2"),
    ("Customers", "customer_group_id = 1", "/v3/customers",
     lambda c: c["customer_group_id"] == 1, "customer_group_id:in=1"),
    ("StoreLogs", "severity >= 3", "/v3/store/systemlogs", lambda s: s["severity"] >= 3,
     "severity:min=3"),
    ("GiftCertificates", "order_id = 105", "/v2/gift_certificates",
     lambda g: g["order_id"] == 105, "order_id=105"),
]


@pytest.mark.parametrize("table,where,path,keep,param", PUSHED,
                         ids=[f"{p[0]}:{p[1]}" for p in PUSHED])
def test_documented_filters_are_sent_and_give_the_same_rows(sandbox, connect, table, where,
                                                           path, keep, param):
    want = sorted(item["id"] for item in sandbox.get_all(path) if keep(item))
    assert 0 < len(want) < len(sandbox.get_all(path))
    cur = connect(sandbox).cursor()
    sandbox.clear_requests()
    got = sorted(r[0] for r in cur.execute(f"SELECT id FROM {table} WHERE {where}"))
    assert got == want
    queries = [r.get("query", "") for r in sandbox.api_requests()]
    assert queries and all(r["path"] == "/stores/sandbox" + path
                           for r in sandbox.api_requests())
    assert all(param in q.split("&") for q in queries), queries


def test_no_value_is_longer_than_its_declared_size(sandbox, connect):
    cur = connect(sandbox).cursor()
    sized = {}
    for c in cur.columns():
        if c.type_name == "NVARCHAR" and c.column_size < 4000:
            sized.setdefault(c.table_name, []).append((c.column_name, c.column_size))
    assert len(sized) > 30
    for table, cols in sorted(sized.items()):
        lengths = ", ".join(f'MAX(LENGTH("{name}"))' for name, _ in cols)
        row = cur.execute(f"SELECT {lengths} FROM {table}").fetchone()
        over = [(name, size, n) for (name, size), n in zip(cols, row) if n and n > size]
        assert over == [], table
