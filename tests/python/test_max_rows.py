"""MaxRows caps the rows a statement returns, never the rows a query reads: aggregates,
filters, joins, GROUP BY and ORDER BY under MaxRows give the same answer as without it (the
first MaxRows rows of it). Only a pushed LIMIT shortens the scan itself."""

API = "/stores/sandbox"
CAP = 50


def products(sb):
    return sb.get_all("/v3/catalog/products")


def both(sb, connect, sql):
    """The rows of sql without a cap and with MaxRows=CAP."""
    full = [tuple(r) for r in connect(sb).cursor().execute(sql).fetchall()]
    capped = [tuple(r) for r in connect(sb, MaxRows=CAP).cursor().execute(sql).fetchall()]
    return full, capped


def test_aggregates_over_a_filter_count_every_row(start_sandbox, connect):
    sb = start_sandbox(products=300)
    items = products(sb)
    cur = connect(sb, MaxRows=CAP).cursor()
    over_100 = [p for p in items if p["price"] > 100]
    assert len(over_100) > CAP
    assert cur.execute("SELECT COUNT(*) FROM Products WHERE price > 100").fetchval() == \
        len(over_100)
    assert cur.execute("SELECT COUNT(*) FROM Products").fetchval() == len(items)
    assert float(cur.execute("SELECT MAX(price) FROM Products").fetchval()) == \
        max(p["price"] for p in items)
    assert cur.execute("SELECT COUNT(*) FROM (SELECT id FROM Products WHERE price > 100)"
                       ).fetchval() == len(over_100)


def test_order_by_returns_the_first_rows_of_the_whole_order(start_sandbox, connect):
    sb = start_sandbox(products=300)
    full, capped = both(sb, connect, "SELECT id, price FROM Products ORDER BY price DESC, id")
    assert len(full) == 300
    assert capped == full[:CAP]
    top = sorted(products(sb), key=lambda p: (-p["price"], p["id"]))[0]
    assert capped[0][0] == top["id"]


def test_group_by_counts_every_row_of_each_group(start_sandbox, connect):
    sb = start_sandbox(products=300)
    full, capped = both(sb, connect,
                        "SELECT brand_id, COUNT(*) FROM Products GROUP BY brand_id ORDER BY 1")
    assert capped == full[:CAP]
    assert sum(n for _, n in full) == 300


def test_join_is_not_cut_short_by_the_cap(start_sandbox, connect):
    sb = start_sandbox(products=300)
    sql = ("SELECT p.id, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id"
           " WHERE p.price > 100")
    full, capped = both(sb, connect, sql)
    brands = {b["id"] for b in sb.get_all("/v3/catalog/brands")}
    want = [p["id"] for p in products(sb) if p["price"] > 100 and p["brand_id"] in brands]
    assert sorted(r[0] for r in full) == sorted(want)
    assert len(capped) == min(CAP, len(want))
    assert set(capped) <= set(full)


def test_plain_scan_returns_the_first_rows(start_sandbox, connect):
    sb = start_sandbox(products=600)
    want = [p["id"] for p in products(sb)][:CAP]
    rows = connect(sb, MaxRows=CAP).cursor().execute("SELECT id FROM Products").fetchall()
    assert [r[0] for r in rows] == want


def test_limit_under_max_rows_still_shortens_the_scan(start_sandbox, connect):
    sb = start_sandbox(products=600)
    cur = connect(sb, MaxRows=CAP).cursor()
    sb.clear_requests()
    rows = cur.execute("SELECT id FROM Products LIMIT 10").fetchall()
    pages = [r for r in sb.api_requests() if r["path"] == API + "/v3/catalog/products"]
    assert len(rows) == 10
    assert [r["query"] for r in pages] == ["page=1&limit=10"]
