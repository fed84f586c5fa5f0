"""Writes on the tables added after the first twenty (issue 11): customer attribute
definitions, inventory locations, promotions, category trees, channel listings, the batch
metafield tables and product option values. Each family gets a round trip read back through
the driver, its batch form and size counted in the sandbox's request log, one 422 and one
refused read-only column."""

import pyodbc
import pytest

from conftest import sqlstate
from test_writes import api_path, data_requests, last_id, lastresult, writes


def sent(sb):
    return [(r["method"], api_path(r)) for r in writes(sb)]


def ids_written(cur):
    rows = lastresult(cur)
    assert all(r.status == "written" for r in rows), rows
    return [r.id for r in rows]


def refused_read_only(sb, cur, sql, column, table):
    sb.clear_requests()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute(sql)
    assert sqlstate(err.value) == "HY000"
    assert f"Column {column} of {table} is read-only" in str(err.value)
    assert data_requests(sb) == []


# -- customer attribute definitions ---------------------------------------------------------

def test_customer_attributes_are_a_table_written_in_batches(sandbox, connect):
    cur = connect(sandbox).cursor()
    assert cur.tables(table="CustomerAttributes").fetchone().table_type == "TABLE"
    cur.execute("INSERT INTO CustomerAttributes(name, type) VALUES "
                "('Shoe size', 'number'), ('Joined club', 'date')")
    assert cur.rowcount == 2
    new = ids_written(cur)
    assert sent(sandbox) == [("POST", "v3/customers/attributes")]  # one array of two
    marks = ",".join("?" * len(new))
    cur.execute(f"UPDATE CustomerAttributes SET name = name || ' (club)' WHERE id IN ({marks})",
                *new)
    assert cur.rowcount == 2
    got = cur.execute(f"SELECT name, type FROM CustomerAttributes WHERE id IN ({marks}) "
                      "ORDER BY id", *new).fetchall()
    assert [tuple(r) for r in got] == [("Shoe size (club)", "number"),
                                       ("Joined club (club)", "date")]
    cur.execute(f"DELETE FROM CustomerAttributes WHERE id IN ({marks})", *new)
    assert cur.rowcount == 2
    assert cur.execute(f"SELECT count(*) FROM CustomerAttributes WHERE id IN ({marks})",
                       *new).fetchone()[0] == 0
    assert sent(sandbox) == [
        ("POST", "v3/customers/attributes"), ("PUT", "v3/customers/attributes"),
        ("DELETE", "v3/customers/attributes")]
    assert writes(sandbox)[2]["query"] == f"id:in={new[0]},{new[1]}"


def test_customer_attribute_with_an_unknown_type_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO CustomerAttributes(name, type) VALUES ('Mood', 'colour')")
    assert "HTTP 422" in str(err.value) and "type" in str(err.value)
    assert [(r.status, r.http_status) for r in lastresult(cur)] == [("failed", 422)]
    refused_read_only(sandbox, cur, "UPDATE CustomerAttributes SET type = 'string' WHERE id = 1",
                      "type", "CustomerAttributes")


def test_attribute_values_are_upserted_per_customer_and_attribute(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO CustomerAttributes(name, type) VALUES ('Height', 'number')")
    attr = last_id(cur)
    rows = ", ".join(f"({attr}, '{170 + c}', {c})" for c in range(1, 13))
    cur.execute("INSERT INTO CustomerAttributeValues(attribute_id, attribute_value, customer_id) "
                f"VALUES {rows}")
    assert cur.rowcount == 12
    ids = ids_written(cur)
    # One upsert takes the values of at most ten customers: twelve rows are two requests.
    assert sent(sandbox)[1:] == [("PUT", "v3/customers/attribute-values")] * 2
    values = "SELECT customer_id, attribute_value FROM CustomerAttributeValues " \
             "WHERE attribute_id = ? AND customer_id IN (1, 2) ORDER BY customer_id"
    assert [tuple(r) for r in cur.execute(values, attr).fetchall()] == [(1, "171"), (2, "172")]
    sandbox.clear_requests()
    cur.execute("UPDATE CustomerAttributeValues SET attribute_value = '180' "
                "WHERE attribute_id = ? AND customer_id IN (1, 2)", attr)
    assert cur.rowcount == 2
    assert [tuple(r) for r in cur.execute(values, attr).fetchall()] == [(1, "180"), (2, "180")]
    # Inserting an existing (customer, attribute) changes it: the API's upsert keeps one value.
    cur.execute("INSERT INTO CustomerAttributeValues(attribute_id, attribute_value, customer_id) "
                "VALUES (?, '190', 1)", attr)
    assert last_id(cur) == ids[0]
    assert cur.execute(values, attr).fetchone()[1] == "190"
    cur.execute("DELETE FROM CustomerAttributeValues WHERE attribute_id = ?", attr)
    assert cur.rowcount == 12
    assert cur.execute("SELECT count(*) FROM CustomerAttributeValues WHERE attribute_id = ?",
                       attr).fetchone()[0] == 0
    assert sent(sandbox) == [("PUT", "v3/customers/attribute-values")] * 2 + [
        ("DELETE", "v3/customers/attribute-values")]
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO CustomerAttributeValues(attribute_id, attribute_value, "
                    "customer_id) VALUES (?, 'tall', 3)", attr)
    assert "HTTP 422" in str(err.value) and "numbers only" in str(err.value)
    refused_read_only(sandbox, cur, "UPDATE CustomerAttributeValues SET customer_id = 4 "
                      "WHERE id = 1", "customer_id", "CustomerAttributeValues")


# -- inventory locations ---------------------------------------------------------------------

def test_locations_insert_finds_its_ids_by_code(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO InventoryLocations(code, label, type_id, enabled) VALUES "
                "('BC-NORTH', 'North depot', 'PHYSICAL', 1), ('BC-POPUP', 'Pop-up', 'VIRTUAL', 0)")
    assert cur.rowcount == 2
    new = ids_written(cur)
    assert last_id(cur) == new[1]
    # The POST answers with a transaction id only: one lookup by code gives both ids.
    log = [(r["method"], api_path(r)) for r in data_requests(sandbox)]
    assert log == [("POST", "v3/inventory/locations"), ("GET", "v3/inventory/locations")]
    got = cur.execute("SELECT id, code, label, type_id, enabled FROM InventoryLocations "
                      "WHERE code IN ('BC-NORTH', 'BC-POPUP') ORDER BY code").fetchall()
    assert [tuple(r) for r in got] == [(new[0], "BC-NORTH", "North depot", "PHYSICAL", True),
                                       (new[1], "BC-POPUP", "Pop-up", "VIRTUAL", False)]
    sandbox.clear_requests()
    cur.execute("UPDATE InventoryLocations SET label = 'North depot 2' WHERE id = ?", new[0])
    assert cur.rowcount == 1
    assert cur.execute("SELECT label FROM InventoryLocations WHERE id = ?",
                       new[0]).fetchone()[0] == "North depot 2"
    cur.execute("DELETE FROM InventoryLocations WHERE id IN (?, ?)", *new)
    assert cur.rowcount == 2
    assert sent(sandbox) == [("PUT", "v3/inventory/locations"),
                             ("DELETE", "v3/inventory/locations")]
    assert writes(sandbox, "DELETE")[0]["query"] == f"location_id:in={new[0]},{new[1]}"
    assert cur.execute("SELECT count(*) FROM InventoryLocations WHERE id IN (?, ?)",
                       *new).fetchone()[0] == 0


def test_location_without_a_code_is_written_but_its_id_stays_unknown(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO InventoryLocations(label) VALUES ('Nameless shed')")
    # The answer holds a transaction id only and there is no code to look the row up by.
    assert cur.rowcount == 1
    assert any("01000" in m[0] and "without the new row's id" in m[1] for m in cur.messages)
    assert [(r.status, r.id) for r in lastresult(cur)] == [("written", None)]
    assert [(r["method"], api_path(r)) for r in data_requests(sandbox)] == [
        ("POST", "v3/inventory/locations")]
    assert cur.execute("SELECT count(*) FROM InventoryLocations WHERE label = 'Nameless shed'"
                       ).fetchone()[0] == 1


def test_location_code_taken_gets_the_422_and_dates_are_read_only(sandbox, connect):
    cur = connect(sandbox).cursor()
    code = cur.execute("SELECT code FROM InventoryLocations WHERE id = 1").fetchone()[0]
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO InventoryLocations(code, label) VALUES (?, 'Copy')", code)
    assert "HTTP 422" in str(err.value) and "code" in str(err.value)
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("DELETE FROM InventoryLocations WHERE id = 1")
    assert "HTTP 422" in str(err.value)
    assert cur.execute("SELECT count(*) FROM InventoryLocations WHERE id = 1").fetchone()[0] == 1
    refused_read_only(sandbox, cur,
                      "UPDATE InventoryLocations SET created_at = '2026-01-01' WHERE id = 2",
                      "created_at", "InventoryLocations")


# -- promotions ------------------------------------------------------------------------------

RULES = '[{"action":{"cart_value":{"discount":{"percentage_amount":"10"}}}}]'


def test_promotions_round_trip(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO Promotions(redemption_type, name, rules, status) VALUES "
                "('AUTOMATIC', 'Ten off', ?, 'ENABLED')", RULES)
    assert cur.rowcount == 1
    first = last_id(cur)
    cur.execute("INSERT INTO Promotions(redemption_type, name, rules) VALUES "
                "('COUPON', 'Coupon five', ?)", RULES)
    second = last_id(cur)
    row = cur.execute("SELECT name, redemption_type, status, current_uses FROM Promotions "
                      "WHERE id = ?", first).fetchone()
    assert tuple(row) == ("Ten off", "AUTOMATIC", "ENABLED", 0)
    cur.execute("UPDATE Promotions SET status = 'DISABLED' WHERE id = ?", first)
    assert cur.rowcount == 1
    assert cur.execute("SELECT status FROM Promotions WHERE id = ?",
                       first).fetchone()[0] == "DISABLED"
    cur.execute("DELETE FROM Promotions WHERE id IN (?, ?)", first, second)
    assert cur.rowcount == 2
    assert cur.execute("SELECT count(*) FROM Promotions WHERE id IN (?, ?)",
                       first, second).fetchone()[0] == 0
    assert sent(sandbox) == [("POST", "v3/promotions"), ("POST", "v3/promotions"),
                             ("PUT", f"v3/promotions/{first}"), ("DELETE", "v3/promotions")]


def test_promotion_without_rules_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Promotions(redemption_type, name) VALUES ('AUTOMATIC', 'Bare')")
    assert "HTTP 422" in str(err.value) and "rules" in str(err.value)
    refused_read_only(sandbox, cur, "UPDATE Promotions SET current_uses = 3 WHERE id = 1",
                      "current_uses", "Promotions")
    refused_read_only(sandbox, cur,
                      "UPDATE Promotions SET redemption_type = 'COUPON' WHERE id = 1",
                      "redemption_type", "Promotions")


# -- category trees --------------------------------------------------------------------------

def test_category_trees_are_created_and_renamed_by_the_upsert(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO CategoryTrees(name, channels) VALUES "
                "('Outlet tree', '[3]'), ('Kiosk tree', '[4]')")
    assert cur.rowcount == 2
    new = ids_written(cur)
    cur.execute("UPDATE CategoryTrees SET name = upper(name) WHERE id IN (?, ?)", *new)
    assert cur.rowcount == 2
    got = cur.execute("SELECT name, channels FROM CategoryTrees WHERE id IN (?, ?) ORDER BY id",
                      *new).fetchall()
    assert [tuple(r) for r in got] == [("OUTLET TREE", "[3]"), ("KIOSK TREE", "[4]")]
    cur.execute("DELETE FROM CategoryTrees WHERE id IN (?, ?)", *new)
    assert cur.rowcount == 2
    assert cur.execute("SELECT count(*) FROM CategoryTrees WHERE id IN (?, ?)",
                       *new).fetchone()[0] == 0
    # Creation and renaming are the same PUT, each one request for the two rows.
    assert sent(sandbox) == [("PUT", "v3/catalog/trees"), ("PUT", "v3/catalog/trees"),
                             ("DELETE", "v3/catalog/trees")]


def test_category_tree_without_channels_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO CategoryTrees(name) VALUES ('Lonely tree')")
    assert "HTTP 422" in str(err.value) and "channels" in str(err.value)
    with pytest.raises(pyodbc.Error) as err:  # channel 1 shows the default tree already
        cur.execute("INSERT INTO CategoryTrees(name, channels) VALUES ('Second', '[1]')")
    assert "HTTP 422" in str(err.value) and "already has a category tree" in str(err.value)
    refused_read_only(sandbox, cur, "UPDATE CategoryTrees SET channels = '[2]' WHERE id = 1",
                      "channels", "CategoryTrees")


# -- the batch metafield tables --------------------------------------------------------------

METAFIELD_TABLES = [
    ("CategoryMetafields", 1, "v3/catalog/categories/metafields"),
    ("BrandMetafields", 1, "v3/catalog/brands/metafields"),
    ("CustomerMetafields", 1, "v3/customers/metafields"),
]


@pytest.mark.parametrize("table,owner,path", METAFIELD_TABLES, ids=[t[0] for t in METAFIELD_TABLES])
def test_batch_metafields_round_trip(sandbox, connect, table, owner, path):
    cur = connect(sandbox).cursor()
    cur.execute(f"INSERT INTO {table}(resource_id, namespace, key, value, permission_set) "
                "VALUES (?, 'erp', 'colour', 'teal', 'read'), (?, 'erp', 'size', 'XL', 'write')",
                owner, owner)
    assert cur.rowcount == 2
    new = ids_written(cur)
    cur.execute(f"UPDATE {table} SET value = value || '!' WHERE id IN (?, ?)", *new)
    assert cur.rowcount == 2
    got = cur.execute(f"SELECT key, value, resource_id FROM {table} WHERE id IN (?, ?) "
                      "ORDER BY id", *new).fetchall()
    assert [tuple(r) for r in got] == [("colour", "teal!", owner), ("size", "XL!", owner)]
    cur.execute(f"DELETE FROM {table} WHERE id IN (?, ?)", *new)
    assert cur.rowcount == 2
    assert cur.execute(f"SELECT count(*) FROM {table} WHERE id IN (?, ?)",
                       *new).fetchone()[0] == 0
    assert sent(sandbox) == [("POST", path), ("PUT", path), ("DELETE", path)]
    assert writes(sandbox, "DELETE")[0]["query"] == ""  # the ids travel in the body


def test_metafield_batches_hold_fifty_rows(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = ", ".join(f"(1, 'bulk', 'k{i}', 'v', 'read')" for i in range(60))
    cur.execute("INSERT INTO CategoryMetafields(resource_id, namespace, key, value, "
                f"permission_set) VALUES {rows}")
    assert cur.rowcount == 60
    assert sent(sandbox) == [("POST", "v3/catalog/categories/metafields")] * 2
    assert cur.execute("SELECT count(*) FROM CategoryMetafields WHERE namespace = 'bulk'"
                       ).fetchone()[0] == 60
    sandbox.clear_requests()
    cur.execute("DELETE FROM CategoryMetafields WHERE namespace = 'bulk'")
    assert cur.rowcount == 60
    assert sent(sandbox) == [("DELETE", "v3/catalog/categories/metafields")] * 2


def test_metafield_batch_422_reports_the_rows_it_applied(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO BrandMetafields(resource_id, namespace, key, value, permission_set) "
                "VALUES (1, 'p', 'a', '1', 'read'), (1, 'p', 'b', '2', 'everyone'), "
                "(1, 'p', 'c', '3', 'write')")
    # BigCommerce answered 422 yet created two of the three: they count, the third fails.
    assert cur.rowcount == 2
    assert any("Row 2 failed" in m[1] and "422" in m[1] for m in cur.messages)
    rows = lastresult(cur)
    assert [(r.row_number, r.status, r.http_status) for r in rows] == [
        (1, "written", 422), (2, "failed", 422), (3, "written", 422)]
    assert "permission_set" in rows[1].message
    got = cur.execute("SELECT id, key FROM BrandMetafields WHERE namespace = 'p' ORDER BY key"
                      ).fetchall()
    assert [(r.id, r.key) for r in got] == [(rows[0].id, "a"), (rows[2].id, "c")]
    refused_read_only(sandbox, cur, "UPDATE BrandMetafields SET date_created = '2026-01-01' "
                      "WHERE id = 1", "date_created", "BrandMetafields")


def test_metafield_batch_422_after_a_429_still_reports_the_rows_it_applied(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=429, count=1, reset_ms=50, path_contains="/brands/metafields")
    cur.execute("INSERT INTO BrandMetafields(resource_id, namespace, key, value, permission_set) "
                "VALUES (1, 'r', 'a', '1', 'read'), (1, 'r', 'b', '2', 'everyone')")
    # the 422 came on the retry: what it applied still counts, the refused row still fails
    assert sent(sandbox) == [("POST", "v3/catalog/brands/metafields")] * 2
    assert cur.rowcount == 1
    assert [(r.row_number, r.status) for r in lastresult(cur)] == [(1, "written"), (2, "failed")]
    assert [r.key for r in cur.execute("SELECT key FROM BrandMetafields WHERE namespace = 'r'"
                                       ).fetchall()] == ["a"]


def test_metafield_batch_update_422_keeps_the_rows_it_changed(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO CategoryMetafields(resource_id, namespace, key, value, "
                "permission_set) VALUES (2, 'q', 'a', '1', 'read'), (2, 'q', 'b', '2', 'read')")
    a, b = ids_written(cur)
    sandbox.clear_requests()
    cur.execute("UPDATE CategoryMetafields SET value = 'new', permission_set = "
                "CASE key WHEN 'b' THEN 'nobody' ELSE 'write' END WHERE namespace = 'q'")
    assert cur.rowcount == 1
    assert [(r.id, r.status, r.http_status) for r in lastresult(cur)] == [
        (a, "written", 422), (b, "failed", 422)]
    got = cur.execute("SELECT key, value, permission_set FROM CategoryMetafields "
                      "WHERE namespace = 'q' ORDER BY key").fetchall()
    assert [tuple(r) for r in got] == [("a", "new", "write"), ("b", "2", "read")]
    assert sent(sandbox) == [("PUT", "v3/catalog/categories/metafields")]


# -- channel listings ------------------------------------------------------------------------

VARIANTS = '[{"product_id": %d, "variant_id": %d, "state": "active", "name": "x"}]'


def test_channel_listings_are_created_and_changed_by_listing_id(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO ChannelListings(channel_id, product_id, state, name, variants) "
                "VALUES (2, 5, 'pending', 'Five', ?), (2, 6, 'active', 'Six', ?)",
                VARIANTS % (5, 1005), VARIANTS % (6, 1006))
    assert cur.rowcount == 2
    new = ids_written(cur)
    assert last_id(cur) == new[1]
    cur.execute("UPDATE ChannelListings SET state = 'active', name = name || ' (live)' "
                "WHERE channel_id = 2 AND listing_id IN (?, ?)", *new)
    assert cur.rowcount == 2
    got = cur.execute("SELECT listing_id, product_id, state, name FROM ChannelListings "
                      "WHERE channel_id = 2 AND listing_id IN (?, ?) ORDER BY listing_id",
                      *new).fetchall()
    assert [tuple(r) for r in got] == [(new[0], 5, "active", "Five (live)"),
                                       (new[1], 6, "active", "Six (live)")]
    assert sent(sandbox) == [("POST", "v3/channels/2/listings"), ("PUT", "v3/channels/2/listings")]


def test_channel_listing_with_a_bad_state_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO ChannelListings(channel_id, product_id, state, variants) "
                    "VALUES (2, 5, 'sleeping', ?)", VARIANTS % (5, 1005))
    assert "HTTP 422" in str(err.value) and "state" in str(err.value)
    refused_read_only(sandbox, cur, "UPDATE ChannelListings SET product_id = 9 "
                      "WHERE channel_id = 1", "product_id", "ChannelListings")


# -- product option values -------------------------------------------------------------------

def test_option_values_round_trip_through_their_option(sandbox, connect):
    cur = connect(sandbox).cursor()
    pid, oid = cur.execute("SELECT product_id, id FROM ProductOptions WHERE product_id "
                           "IN (2, 3, 4, 5, 6) ORDER BY product_id, id LIMIT 1").fetchone()
    base = f"v3/catalog/products/{pid}/options/{oid}/values"
    cur.execute("INSERT INTO ProductOptionValues(product_id, option_id, label, sort_order) "
                "VALUES (?, ?, 'Huge', 9)", pid, oid)
    assert cur.rowcount == 1
    vid = last_id(cur)
    values = "SELECT label, sort_order FROM ProductOptionValues WHERE product_id = ? " \
             "AND option_id = ? AND id = ?"
    assert tuple(cur.execute(values, pid, oid, vid).fetchone()) == ("Huge", 9)
    cur.execute("UPDATE ProductOptionValues SET label = 'Enormous' WHERE product_id = ? "
                "AND option_id = ? AND id = ?", pid, oid, vid)
    assert cur.rowcount == 1
    assert tuple(cur.execute(values, pid, oid, vid).fetchone()) == ("Enormous", 9)
    cur.execute("DELETE FROM ProductOptionValues WHERE product_id = ? AND option_id = ? "
                "AND id = ?", pid, oid, vid)
    assert cur.rowcount == 1
    assert cur.execute(values, pid, oid, vid).fetchall() == []
    assert sent(sandbox) == [("POST", base), ("PUT", f"{base}/{vid}"),
                             ("DELETE", f"{base}/{vid}")]


def test_option_value_without_sort_order_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    pid, oid = cur.execute("SELECT product_id, id FROM ProductOptions ORDER BY product_id, id "
                           "LIMIT 1").fetchone()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO ProductOptionValues(product_id, option_id, label) "
                    "VALUES (?, ?, 'Tiny')", pid, oid)
    assert "HTTP 422" in str(err.value) and "sort_order" in str(err.value)
    refused_read_only(sandbox, cur, "UPDATE ProductOptionValues SET id = 5 WHERE option_id = 1",
                      "id", "ProductOptionValues")


# -- batch sizes of the array endpoints ------------------------------------------------------

def test_trees_and_listings_go_out_fifty_rows_per_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    trees = ", ".join(f"('T{c}', '[{c}]')" for c in range(100, 151))
    cur.execute(f"INSERT INTO CategoryTrees(name, channels) VALUES {trees}")
    assert cur.rowcount == 51
    assert sent(sandbox) == [("PUT", "v3/catalog/trees")] * 2
    sandbox.clear_requests()
    listings = ", ".join(f"(3, 5, 'active', 'L{i}', ?)" for i in range(51))
    cur.execute("INSERT INTO ChannelListings(channel_id, product_id, state, name, variants) "
                f"VALUES {listings}", *[VARIANTS % (5, 1005)] * 51)
    assert cur.rowcount == 51
    assert len(set(ids_written(cur))) == 51
    assert sent(sandbox) == [("POST", "v3/channels/3/listings")] * 2
    assert cur.execute("SELECT count(*) FROM ChannelListings WHERE channel_id = 3 "
                       "AND name LIKE 'L%'").fetchone()[0] == 51
