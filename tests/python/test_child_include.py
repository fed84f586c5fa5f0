"""Children read through their parent's list with include= (issue 9): ProductImages,
ProductVideos, ProductCustomFields and ProductBulkPricingRules. A scan without the parent key
reads the product list's pages with include=X; a join probed by product_id reads 50 products
a request through id:in=...&include=X; one given product keeps its request to the child's
own endpoint. Rows are compared with the per-product path (WHERE product_id = ?), asked one
product at a time, and request counts are read from the sandbox's log."""

from urllib.parse import parse_qs

import pyodbc
import pytest

API = "/stores/sandbox"
PRODUCTS = "/v3/catalog/products"

# table -> (include name, child endpoint suffix)
CHILDREN = {
    "ProductImages": ("images", "images"),
    "ProductVideos": ("videos", "videos"),
    "ProductCustomFields": ("custom_fields", "custom-fields"),
    "ProductBulkPricingRules": ("bulk_pricing_rules", "bulk-pricing-rules"),
}


def requests_of(sb):
    return [(r["path"][len(API):], r.get("query", "")) for r in sb.api_requests()]


def run(sb, cur, sql, *params):
    sb.clear_requests()
    rows = cur.execute(sql, *params).fetchall()
    return [tuple(r) for r in rows], requests_of(sb)


def params(query):
    return {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}


def per_product(cur, table, product_ids):
    """The rows of table asked product by product: the child endpoint's own path."""
    rows = []
    for pid in product_ids:
        rows += [tuple(r) for r in
                 cur.execute(f"SELECT * FROM {table} WHERE product_id = ?", pid).fetchall()]
    return sorted(rows)


@pytest.fixture
def small(start_sandbox, connect):
    sb = start_sandbox(products=30)
    cur = connect(sb).cursor()
    ids = [r[0] for r in cur.execute("SELECT id FROM Products ORDER BY id").fetchall()]
    return sb, cur, ids


@pytest.mark.parametrize("table", sorted(CHILDREN))
def test_scan_reads_the_product_list_with_include(small, table):
    sb, cur, ids = small
    include, _ = CHILDREN[table]
    rows, reqs = run(sb, cur, f"SELECT * FROM {table}")
    assert [p for p, _ in reqs] == [PRODUCTS]
    assert params(reqs[0][1])["include"] == include
    expected = per_product(cur, table, ids)
    assert expected, "the sandbox gives some products children"
    assert sorted(rows) == expected
    # the parent key is there even where the nested objects carry none (custom fields)
    assert all(r[0] in ids for r in rows)


@pytest.mark.parametrize("table", sorted(CHILDREN))
def test_join_reads_children_fifty_products_a_request(small, table):
    sb, cur, ids = small
    include, _ = CHILDREN[table]
    rows, reqs = run(sb, cur, f"SELECT c.* FROM Products p JOIN {table} c"
                              " ON c.product_id = p.id")
    # the products' page, then one request of the product list for the 30 products
    assert reqs[0] == (PRODUCTS, "page=1&limit=250")
    assert len(reqs) == 2
    assert reqs[1][0] == PRODUCTS
    q = params(reqs[1][1])
    assert q["include"] == include
    assert sorted(int(v) for v in q["id:in"].split(",")) == ids
    assert sorted(rows) == per_product(cur, table, ids)


@pytest.mark.parametrize("table", sorted(CHILDREN))
def test_one_product_keeps_its_own_request(small, table):
    sb, cur, ids = small
    _, suffix = CHILDREN[table]
    pid = cur.execute(f"SELECT MIN(product_id) FROM {table}").fetchval()
    rows, reqs = run(sb, cur, f"SELECT * FROM {table} WHERE product_id = ?", pid)
    assert [p for p, _ in reqs] == [f"{PRODUCTS}/{pid}/{suffix}"]
    assert rows and all(r[0] == pid for r in rows)


def test_left_join_keeps_products_without_children(small):
    sb, cur, ids = small
    rows, reqs = run(sb, cur, "SELECT p.id, f.id, f.product_id FROM Products p"
                              " LEFT JOIN ProductCustomFields f ON f.product_id = p.id")
    assert len(reqs) == 2
    counts = {pid: len(per_product(cur, "ProductCustomFields", [pid])) for pid in ids}
    assert any(n == 0 for n in counts.values()), "the sandbox has products without fields"
    assert len(rows) == sum(max(1, n) for n in counts.values())
    for pid, fid, fpid in rows:
        assert (fid is None and fpid is None and counts[pid] == 0) or fpid == pid


def test_scan_with_limit_counts_rows_not_products(small):
    sb, cur, ids = small
    everything = cur.execute("SELECT id FROM ProductImages").fetchall()
    rows, _ = run(sb, cur, "SELECT id FROM ProductImages LIMIT 7")
    assert len(everything) > 7 and len(rows) == 7


def test_a_list_of_products_is_one_request(small):
    sb, cur, ids = small
    rows, reqs = run(sb, cur, "SELECT product_id, id FROM ProductVideos"
                              " WHERE product_id IN (2, 3, 4)")
    assert len(reqs) == 1 and reqs[0][0] == PRODUCTS
    q = params(reqs[0][1])
    assert q["include"] == "videos" and sorted(q["id:in"].split(",")) == ["2", "3", "4"]
    assert sorted(rows) == sorted(r[:2] for r in per_product(cur, "ProductVideos", [2, 3, 4]))
    # one value: the child's own endpoint
    rows, reqs = run(sb, cur, "SELECT id FROM ProductVideos WHERE product_id IN (3)")
    assert [p for p, _ in reqs] == [f"{PRODUCTS}/3/videos"]


def test_a_long_list_of_products_goes_fifty_a_request(start_sandbox, connect):
    sb = start_sandbox(products=120)
    cur = connect(sb).cursor()
    wanted = list(range(1, 121, 1))
    marks = ",".join("?" * len(wanted))
    rows, reqs = run(sb, cur, f"SELECT product_id, id FROM ProductCustomFields"
                              f" WHERE product_id IN ({marks})", *wanted)
    assert len(reqs) == 3 and all(p == PRODUCTS for p, _ in reqs)
    assert sorted(int(v) for _, q in reqs for v in params(q)["id:in"].split(",")) == wanted
    scan = cur.execute("SELECT product_id, id FROM ProductCustomFields").fetchall()
    assert sorted(rows) == sorted(tuple(r) for r in scan)


def test_store_of_500_products(start_sandbox, connect):
    """Issue 9's numbers: 502 requests before, 2 for the scan and 12 for the join now."""
    sb = start_sandbox(products=500)
    cur = connect(sb).cursor()
    scan, reqs = run(sb, cur, "SELECT * FROM ProductImages")
    assert len(reqs) == 2
    assert all(p == PRODUCTS and params(q)["include"] == "images" for p, q in reqs)
    assert sorted(params(q)["page"] for _, q in reqs) == ["1", "2"]
    joined, reqs = run(sb, cur, "SELECT i.* FROM Products p"
                                " JOIN ProductImages i ON i.product_id = p.id")
    assert len(reqs) == 12
    batches = [params(q) for _, q in reqs if "id:in" in params(q)]
    assert len(batches) == 10
    asked = [int(v) for b in batches for v in b["id:in"].split(",")]
    assert all(len(b["id:in"].split(",")) == 50 for b in batches)
    assert sorted(asked) == list(range(1, 501))
    assert sorted(joined) == sorted(scan)
    # SQLite skips the products the WHERE drops: the slices of 50 are those of the page all
    # the same, so the batches sent ahead are the ones then asked for
    some, reqs = run(sb, cur, "SELECT i.* FROM Products p JOIN ProductImages i"
                              " ON i.product_id = p.id WHERE p.id % 7 = 0")
    assert len(reqs) == 12
    assert sorted(some) == sorted(r for r in scan if r[0] % 7 == 0) and some


@pytest.mark.parametrize("sql", [
    "SELECT * FROM ProductImages",
    "SELECT i.* FROM Products p JOIN ProductImages i ON i.product_id = p.id",
])
def test_a_failing_product_list_fails_the_statement(small, sql):
    """The product list with include= refusing the request is an error, not products
    without images."""
    sb, cur, ids = small
    expected = sorted(tuple(r) for r in cur.execute(sql).fetchall())
    cur.execute("SELECT 1").fetchall()  # a new statement: its response cache is empty
    sb.fault(status=400, count=1, query_contains="include=images")
    with pytest.raises(pyodbc.Error) as err:
        cur.execute(sql).fetchall()
    assert err.value.args[0] == "HY000" and "(HTTP 400)" in str(err.value), err.value
    assert sorted(tuple(r) for r in cur.execute(sql).fetchall()) == expected
