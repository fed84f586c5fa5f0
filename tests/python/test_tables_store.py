"""Customer, channel, shipping, content, store, geography, tax and webhook tables through the
driver manager: each returns exactly the sandbox's JSON, SQLColumns agrees with SELECT *, and
a child table costs one request per parent id when given one and walks the parent when not."""

import json

import pytest

from table_checks import assert_row_matches

API = "/stores/sandbox"

# table: (list endpoint, key columns)
TOP_LEVEL = {
    "Blogposts": ("/v2/blog/posts", ("id",)),
    "BlogTags": ("/v2/blog/tags", ("tag",)),
    "Channels": ("/v3/channels", ("id",)),
    "Countries": ("/v2/countries", ("id",)),
    "Currencies": ("/v2/currencies", ("id",)),
    "CustomerAddresses": ("/v3/customers/addresses", ("id",)),
    "CustomerAttributes": ("/v3/customers/attributes", ("id",)),
    "CustomerAttributeValues": ("/v3/customers/attribute-values", ("id",)),
    "CustomerGroups": ("/v2/customer_groups", ("id",)),
    "CustomerMetafields": ("/v3/customers/metafields", ("id",)),
    "Pages": ("/v3/content/pages", ("id",)),
    "Redirects": ("/v3/storefront/redirects", ("id",)),
    "ShippingZones": ("/v2/shipping/zones", ("id",)),
    "Sites": ("/v3/sites", ("id",)),
    "States": ("/v2/countries/states", ("id",)),
    "StoreLogs": ("/v3/store/systemlogs", ("id",)),
    "Stores": ("/v2/store", ("id",)),
    "Subscribers": ("/v3/customers/subscribers", ("id",)),
    "TaxClasses": ("/v2/tax_classes", ("id",)),
    "Webhooks": ("/v3/hooks", ("id",)),
    "Wishlists": ("/v3/wishlists", ("id",)),
}
# children read per parent id: (parent list, child path per parent, parent key column, key)
CHILDREN = {
    "ChannelListings": ("/v3/channels", "/v3/channels/{}/listings", "channel_id", ("listing_id",)),
    "ShippingMethods": ("/v2/shipping/zones", "/v2/shipping/zones/{}/methods", "zone_id", ("id",)),
}
# child views of nested arrays: (parent list, array key, parent key column, key)
NESTED = {
    "ShippingZoneLocations": ("/v2/shipping/zones", "locations", "zone_id", ("id",)),
    "WishlistItems": ("/v3/wishlists", "items", "wishlist_id", ("id",)),
}
TABLES = {"ChannelListings", "Channels", "Currencies", "CustomerAddresses", "ShippingMethods",
          "ShippingZones"}
ALL = sorted(set(TOP_LEVEL) | set(CHILDREN) | set(NESTED))


def children_of(sb, table, pid):
    """One parent's rows of a child table, as the API gives them plus the parent key."""
    _, path, pcol, _ = CHILDREN[table]
    body = sb.get(path.format(pid))
    items = [] if body is None else body["data"] if isinstance(body, dict) else body
    return [dict(item, **{pcol: pid}) for item in items]


def expected_rows(sb, table):
    if table in TOP_LEVEL:
        body = sb.get_all(TOP_LEVEL[table][0]) if table != "Stores" else [sb.get("/v2/store")]
        return body
    if table in CHILDREN:
        parents = sb.get_all(CHILDREN[table][0])
        return [row for p in parents for row in children_of(sb, table, p["id"])]
    parent_path, key, pcol, _ = NESTED[table]
    return [dict(x, **{pcol: p["id"]}) for p in sb.get_all(parent_path) for x in p[key]]


def key_of(table):
    for group in (TOP_LEVEL, CHILDREN, NESTED):
        if table in group:
            return group[table][-1]
    raise KeyError(table)


@pytest.mark.parametrize("table", ALL)
def test_select_star_returns_the_sandbox_rows_and_values(sandbox, connect, table):
    cur = connect(sandbox).cursor()
    rows = cur.execute(f"SELECT * FROM {table}").fetchall()
    names = [d[0] for d in cur.description]
    key = key_of(table)
    want = expected_rows(sandbox, table)
    assert len(want) > 0 and len(rows) == len(want)
    got = {tuple(str(getattr(r, k)) for k in key): r for r in rows}
    assert len(got) == len(rows), "the key columns identify a row"
    for item in (want[0], want[len(want) // 2], want[-1]):
        row = got[tuple(str(item[k]) for k in key)]
        assert_row_matches(table, row, names, item)


# SQLColumns DATA_TYPE -> the Python type pyodbc puts in cursor.description


@pytest.mark.parametrize("table", sorted(CHILDREN))
def test_child_with_parent_id_makes_one_request_per_parent(sandbox, connect, table):
    _, path, pcol, _ = CHILDREN[table]
    cur = connect(sandbox).cursor()
    want = {pid: children_of(sandbox, table, pid) for pid in (1, 2)}
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT * FROM {table} WHERE {pcol} = 2").fetchall()
    assert len(rows) == len(want[2]) > 0
    assert [r["path"] for r in sandbox.api_requests()] == [API + path.format(2)]
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT * FROM {table} WHERE {pcol} IN (1, 2)").fetchall()
    assert len(rows) == len(want[1]) + len(want[2])
    assert sorted(r["path"] for r in sandbox.api_requests()) == sorted(
        API + path.format(pid) for pid in (1, 2))


@pytest.mark.parametrize("table", sorted(CHILDREN))
def test_child_without_parent_id_walks_the_parent(sandbox, connect, table):
    parent_path, path, _, _ = CHILDREN[table]
    parents = [p["id"] for p in sandbox.get_all(parent_path)]
    cur = connect(sandbox).cursor()
    sandbox.clear_requests()
    count = cur.execute(f"SELECT COUNT(*) FROM {table}").fetchval()
    paths = [r["path"] for r in sandbox.api_requests()]
    assert count == len(expected_rows(sandbox, table))
    assert API + parent_path in paths
    assert sorted(p for p in paths if p != API + parent_path) == sorted(
        API + path.format(pid) for pid in parents)


@pytest.mark.parametrize("table", sorted(NESTED))
def test_nested_view_reads_only_its_parent_endpoint(sandbox, connect, table):
    parent_path, _, pcol, _ = NESTED[table]
    want = expected_rows(sandbox, table)
    pid = want[-1][pcol]
    cur = connect(sandbox).cursor()
    sandbox.clear_requests()
    rows = cur.execute(f"SELECT * FROM {table} WHERE {pcol} = ?", pid).fetchall()
    assert len(rows) == sum(1 for w in want if w[pcol] == pid) > 0
    assert {r["path"] for r in sandbox.api_requests()} <= {API + parent_path,
                                                            f"{API}{parent_path}/{pid}"}


def test_references_point_at_real_rows(sandbox, connect):
    cur = connect(sandbox).cursor()
    checks = [
        "SELECT COUNT(*) FROM CustomerAddresses a LEFT JOIN Customers c ON c.id = a.customer_id"
        " WHERE c.id IS NULL",
        "SELECT COUNT(*) FROM ChannelListings l LEFT JOIN Products p ON p.id = l.product_id"
        " WHERE p.id IS NULL",
        "SELECT COUNT(*) FROM WishlistItems i LEFT JOIN Products p ON p.id = i.product_id"
        " WHERE p.id IS NULL",
        "SELECT COUNT(*) FROM States s LEFT JOIN Countries c ON c.id = s.country_id"
        " WHERE c.id IS NULL",
        "SELECT COUNT(*) FROM CustomerAttributeValues v LEFT JOIN CustomerAttributes a"
        " ON a.id = v.attribute_id WHERE a.id IS NULL",
    ]
    for sql in checks:
        assert cur.execute(sql).fetchval() == 0, sql


def test_customer_address_filter_returns_that_customers_addresses(sandbox, connect):
    want = [a for a in sandbox.get_all("/v3/customers/addresses") if a["customer_id"] == 2]
    cur = connect(sandbox).cursor()
    rows = cur.execute("SELECT id, city FROM CustomerAddresses WHERE customer_id = 2").fetchall()
    assert sorted((r.id, r.city) for r in rows) == sorted((a["id"], a["city"]) for a in want)


def test_pages_by_id_list_are_one_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.clear_requests()
    names = [r.name for r in cur.execute("SELECT name FROM Pages WHERE id IN (1, 3) ORDER BY id")]
    assert names == ["About us", "Versand & Rückgabe"]
    assert len(sandbox.api_requests()) == 1


def test_stores_is_one_row_with_the_store_hash(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = cur.execute("SELECT id, name, default_site_id FROM Stores").fetchall()
    assert len(rows) == 1
    assert rows[0].id == "sandbox"
    assert rows[0].name == "Sandbox Boutique — Ünïcode 商店 🎉"
    assert rows[0].default_site_id == 1000


def test_foreign_keys_report_the_parent_relations(sandbox, connect):
    cur = connect(sandbox).cursor()
    for table, parent, pcol, fcol in [
        ("ChannelListings", "Channels", "id", "channel_id"),
        ("ShippingMethods", "ShippingZones", "id", "zone_id"),
        ("ShippingZoneLocations", "ShippingZones", "id", "zone_id"),
        ("WishlistItems", "Wishlists", "id", "wishlist_id"),
    ]:
        fks = cur.foreignKeys(foreignTable=table).fetchall()
        assert [(f.pktable_name, f.pkcolumn_name, f.fkcolumn_name) for f in fks] == [
            (parent, pcol, fcol)], table


def test_store_id_is_a_64_bit_number(sandbox, connect):
    cur = connect(sandbox).cursor()
    col = cur.columns(table="Stores", column="store_id").fetchone()
    assert col.data_type == -5  # SQL_BIGINT
    value = cur.execute("SELECT store_id FROM Stores").fetchval()
    assert value == sandbox.get("/v2/store")["store_id"] and value > 2**32


def test_customer_profile_and_segments(sandbox, connect):
    # Both fields come only when asked for (include=), as the reference documents.
    want = {c["id"]: c for c in
            sandbox.get_all("/v3/customers?include=shopper_profile_id,segment_ids")}
    cur = connect(sandbox).cursor()
    rows = cur.execute("SELECT id, shopper_profile_id, segment_ids FROM Customers").fetchall()
    assert len(rows) == len(want)
    for r in rows:
        assert r.shopper_profile_id == want[r.id]["shopper_profile_id"]
        assert len(r.shopper_profile_id) == 36
        assert json.loads(r.segment_ids) == want[r.id]["segment_ids"]
    assert any(json.loads(r.segment_ids) for r in rows)
