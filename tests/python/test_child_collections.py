"""Children with a list across parents (issue 9): ProductMetafields and OrderMetafields hang
off each product or order, and the API also lists them all at once
(/v3/catalog/products/metafields, /v3/orders/metafields), each naming its parent in
resource_id. A scan without the parent key reads that list instead of one request per
parent; so does a join over more parents than the list has pages; one given parent, or a
join over a few, keeps the per-parent requests. Rows are compared with the per-parent path
(WHERE parent = ?), and request counts are read from the sandbox's log."""

import pytest

API = "/stores/sandbox"

# table -> (parent table, parent key column, the collection, the per-parent path)
CASES = {
    "ProductMetafields": ("Products", "product_id", "/v3/catalog/products/metafields",
                          "/v3/catalog/products/{}/metafields"),
    "OrderMetafields": ("Orders", "order_id", "/v3/orders/metafields",
                        "/v3/orders/{}/metafields"),
}


def run(sb, cur, sql, *params):
    sb.clear_requests()
    rows = [tuple(r) for r in cur.execute(sql, *params).fetchall()]
    return rows, [r["path"][len(API):] for r in sb.api_requests()]


@pytest.fixture
def store(start_sandbox, connect):
    sb = start_sandbox(products=300, orders=300)
    return sb, connect(sb).cursor()


@pytest.mark.parametrize("table", sorted(CASES))
def test_scan_reads_the_collection_not_every_parent(store, table):
    sb, cur = store
    parent, key, collection, _ = CASES[table]
    parents = cur.execute(f"SELECT COUNT(*) FROM {parent}").fetchone()[0]
    rows, paths = run(sb, cur, f"SELECT * FROM {table} ORDER BY id")
    assert rows, "the sandbox gives every parent metafields"
    assert set(paths) == {collection}
    assert len(paths) <= len(rows) // 250 + 1 < parents
    # the parent key comes from each row's resource_id, and matches the per-parent path
    col = [d[0] for d in cur.description].index(key)
    owners = sorted({r[col] for r in rows})
    sample = owners[:3] + owners[-2:]
    for pid in sample:
        mine, paths = run(sb, cur, f"SELECT * FROM {table} WHERE {key} = ? ORDER BY id", pid)
        assert paths == [CASES[table][3].format(pid)]
        assert mine == [r for r in rows if r[col] == pid]


@pytest.mark.parametrize("table", sorted(CASES))
def test_filters_and_aggregates_over_the_collection_agree(store, table):
    sb, cur = store
    _, key, collection, _ = CASES[table]
    rows, _ = run(sb, cur, f"SELECT {key}, namespace, key FROM {table}")
    counted, paths = run(sb, cur, f"SELECT {key}, COUNT(*) FROM {table} GROUP BY {key}")
    assert set(paths) == {collection}
    want = {}
    for r in rows:
        want[r[0]] = want.get(r[0], 0) + 1
    assert dict(counted) == want


@pytest.mark.parametrize("table", sorted(CASES))
def test_join_reads_the_collection_once_when_it_has_fewer_pages_than_parents(store, table):
    sb, cur = store
    parent, key, collection, per_parent = CASES[table]
    every, _ = run(sb, cur, f"SELECT * FROM {table}")
    joined, paths = run(sb, cur, f"SELECT m.* FROM {parent} p JOIN {table} m "
                                 f"ON m.{key} = p.id")
    assert sorted(joined) == sorted(every)
    mine = [p for p in paths if "metafields" in p]
    # one request for the size, then the collection's pages: no request per parent
    assert set(mine) == {collection}
    assert len(mine) == len(every) // 250 + 2
    assert not any(p == per_parent.format(i) for p in paths for i in range(1, 400))


@pytest.mark.parametrize("table", sorted(CASES))
def test_join_over_a_few_parents_keeps_their_own_requests(store, table):
    sb, cur = store
    parent, key, collection, per_parent = CASES[table]
    ids = [r[0] for r in cur.execute(f"SELECT id FROM {parent} ORDER BY id LIMIT 3")]
    joined, paths = run(sb, cur, f"SELECT m.id FROM {parent} p JOIN {table} m "
                                 f"ON m.{key} = p.id WHERE p.id IN (?, ?, ?) ORDER BY m.id", *ids)
    assert joined, "the sandbox gives every parent metafields"
    assert collection not in paths  # three parents: not worth asking the collection's size
    assert sorted(p for p in paths if "metafields" in p) == sorted(per_parent.format(i) for i in ids)
    want, _ = run(sb, cur, f"SELECT id FROM {table} WHERE {key} IN (?, ?, ?) ORDER BY id", *ids)
    assert joined == want


def test_writes_found_through_the_collection_go_to_each_parents_path(start_sandbox, connect):
    sb = start_sandbox(products=30)
    cur = connect(sb).cursor()
    key, n = cur.execute("SELECT key, COUNT(*) FROM ProductMetafields GROUP BY key "
                         "ORDER BY 2 DESC, 1").fetchone()
    owners = sorted((r.product_id, r.id) for r in cur.execute(
        "SELECT product_id, id FROM ProductMetafields WHERE key = ?", key))
    sb.clear_requests()
    cur.execute("UPDATE ProductMetafields SET value = 'changed' WHERE key = ?", key)
    assert cur.rowcount == n
    sent = [(r["method"], r["path"][len(API):]) for r in sb.api_requests()]
    assert sent[0] == ("GET", "/v3/catalog/products/metafields")
    assert sorted(sent[1:]) == sorted(("PUT", f"/v3/catalog/products/{p}/metafields/{i}")
                                      for p, i in owners)
    for pid, mid in owners[:3]:
        assert cur.execute("SELECT value FROM ProductMetafields WHERE product_id = ? AND id = ?",
                           pid, mid).fetchval() == "changed"
