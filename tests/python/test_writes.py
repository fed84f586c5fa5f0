"""INSERT, UPDATE and DELETE through pyodbc and the driver manager, against the sandbox:
round trips on every writable table, batch forms and sizes (counted in the sandbox's request
log), SQLRowCount, generated ids, 422 and 207 reporting, Readonly, the no-WHERE guard and the
transaction behaviour."""

from decimal import Decimal

import pyodbc
import pytest

from conftest import connstr, sqlstate


def writes(sb, method=None):
    """The logged API requests that are not GETs (or only those of one method)."""
    return [
        r for r in sb.api_requests()
        if r["method"] != "GET" and (method is None or r["method"] == method)
    ]


def data_requests(sb):
    """The API requests other than the connect-time token check (GET /v2/store)."""
    return [r for r in sb.api_requests() if not r["path"].endswith("/v2/store")]


def api_path(r):
    return r["path"].split("/", 3)[3]  # without /stores/{hash}


def last_id(cur):
    return cur.execute("SELECT last_insert_rowid()").fetchone()[0]


def lastresult(cur):
    return cur.execute(
        "SELECT row_number, operation, id, status, http_status, message FROM sys_lastresult "
        "ORDER BY row_number").fetchall()


# -- round trips, one per writable table ---------------------------------------------------

ROUND_TRIPS = [
    # table, insert columns and values, the column an UPDATE changes and its new value
    ("Brands", {"name": "Acme Tools", "page_title": "Acme"}, ("page_title", "Acme, again")),
    ("Categories", {"name": "Sheds", "parent_id": 1}, ("description", "Wooden sheds")),
    ("Products", {"name": "Garden Bench", "type": "physical", "weight": 12.5,
                  "price": Decimal("149.9900")}, ("price", Decimal("139.5000"))),
    ("ProductVariants", {"product_id": 2, "sku": "BENCH-XL", "price": Decimal("10.0000")},
     ("price", Decimal("12.2500"))),
    ("ProductImages", {"product_id": 2, "image_url": "https://example.com/b.jpg",
                       "description": "side"}, ("description", "front")),
    ("Customers", {"email": "new.person@example.com", "first_name": "New",
                   "last_name": "Person"}, ("company", "Person Ltd")),
    ("CustomerAddresses", {"customer_id": 2, "first_name": "Ana", "last_name": "Lima",
                           "address1": "1 Rua Nova", "city": "Porto", "country_code": "PT",
                           "postal_code": "4000-001", "state_or_province": "Porto"},
     ("city", "Braga")),
    ("Coupons", {"name": "Spring", "code": "SPRING10", "type": "percentage_discount",
                 "amount": Decimal("10.0000"), "applies_to": '{"entity":"categories","ids":[1]}'},
     ("amount", Decimal("12.5000"))),
    ("Orders", {"customer_id": 0, "status_id": 1,
                "billing_address": '{"first_name":"Ana","last_name":"Lima","email":"a@x.com"}',
                "products": '[{"name":"Bench","quantity":1,"price_inc_tax":10,"price_ex_tax":10}]'},
     ("staff_notes", "call before shipping")),
    ("PriceLists", {"name": "Wholesale", "active": True}, ("active", False)),
    ("ProductMetafields", {"product_id": 4, "key": "color", "value": "teal",
                           "namespace": "erp", "permission_set": "read"}, ("value", "navy")),
    ("ProductReviews", {"product_id": 4, "title": "Sturdy", "rating": 5,
                        "date_reviewed": "2026-03-01 10:00:00"}, ("status", "approved")),
    ("ShippingZones", {"name": "Islands", "type": "zip"}, ("name", "Far islands")),
    ("Currencies", {"currency_code": "NOK", "currency_exchange_rate": Decimal("10.5"),
                    "decimal_places": 2, "decimal_token": ",", "thousands_token": ".",
                    "token": "kr", "token_location": "right", "name": "Krone"},
     ("token", "NOK")),
    ("OrderShipments", {"order_id": 101, "order_address_id": 101, "tracking_number": "TRK1",
                        "items": '[{"order_product_id":1,"quantity":1}]'},
     ("tracking_number", "TRK2")),
    ("ShippingMethods", {"zone_id": 1, "name": "Courier", "type": "perorder",
                         "settings": '{"rate":5}'}, ("name", "Night courier")),
    ("ProductOptions", {"product_id": 2, "display_name": "Size", "type": "dropdown"},
     ("display_name", "Bench size")),
]


@pytest.mark.parametrize("table,values,change", ROUND_TRIPS, ids=[t[0] for t in ROUND_TRIPS])
def test_insert_update_delete_read_back(sandbox, connect, table, values, change):
    cur = connect(sandbox).cursor()
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur.execute(f"INSERT INTO {table}({cols}) VALUES ({marks})", *values.values())
    assert cur.rowcount == 1
    new_id = last_id(cur)
    assert new_id > 0
    row = cur.execute(f"SELECT {cols} FROM {table} WHERE id = ?", new_id).fetchone()
    for name, value in values.items():
        got = getattr(row, name)
        assert got == value or str(got) == str(value), (name, got, value)

    column, value = change
    cur.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", value, new_id)
    assert cur.rowcount == 1
    got = cur.execute(f"SELECT {column} FROM {table} WHERE id = ?", new_id).fetchone()[0]
    assert got == value

    cur.execute(f"DELETE FROM {table} WHERE id = ?", new_id)
    assert cur.rowcount == 1
    assert cur.execute(f"SELECT count(*) FROM {table} WHERE id = ?", new_id).fetchone()[0] == 0
    assert [r["method"] for r in writes(sandbox)] == ["POST", "PUT", "DELETE"]


def test_order_count_follows_inserts_and_deletes(sandbox, connect):
    cur = connect(sandbox).cursor()
    before = cur.execute("SELECT COUNT(*) FROM Orders").fetchone()[0]
    cur.execute("INSERT INTO Orders(customer_id, billing_address, products) VALUES "
                "(0, '{\"first_name\":\"A\"}', '[{\"name\":\"X\",\"quantity\":1}]')")
    new_id = last_id(cur)
    assert cur.execute("SELECT COUNT(*) FROM Orders").fetchone()[0] == before + 1
    cur.execute("DELETE FROM Orders WHERE id = ?", new_id)
    assert cur.execute("SELECT COUNT(*) FROM Orders").fetchone()[0] == before


def test_variant_delete_uses_its_product_path(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO ProductVariants(product_id, sku) VALUES (3, 'V-3-NEW')")
    vid = last_id(cur)
    sandbox.clear_requests()
    cur.execute("DELETE FROM ProductVariants WHERE product_id = 3 AND id = ?", vid)
    assert cur.rowcount == 1
    assert [api_path(r) for r in writes(sandbox)] == [f"v3/catalog/products/3/variants/{vid}"]


def test_price_list_records_are_upserted_and_deleted_by_their_keys(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO PriceListRecords(price_list_id, variant_id, currency, price) "
                "VALUES (1, 1005, 'EUR', 9.5), (1, 1006, 'EUR', 7)")
    assert cur.rowcount == 2
    eur = "SELECT variant_id, price FROM PriceListRecords WHERE price_list_id = 1 " \
          "AND currency = 'EUR' ORDER BY variant_id"
    assert [tuple(r) for r in cur.execute(eur).fetchall()] == [
        (1005, Decimal("9.5000")), (1006, Decimal("7.0000"))]
    cur.execute("UPDATE PriceListRecords SET price = price + 1 "
                "WHERE price_list_id = 1 AND currency = 'EUR'")
    assert cur.rowcount == 2
    assert [r.price for r in cur.execute(eur).fetchall()] == [Decimal("10.5000"),
                                                              Decimal("8.0000")]
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE PriceListRecords SET currency = 'GBP' WHERE price_list_id = 1")
    assert "Column currency of PriceListRecords is read-only" in str(err.value)
    cur.execute("DELETE FROM PriceListRecords WHERE price_list_id = 1 AND currency = 'EUR'")
    assert cur.rowcount == 2
    assert cur.execute(eur).fetchall() == []
    sent = [(r["method"], api_path(r)) for r in writes(sandbox)]
    assert sent[:2] == [("PUT", "v3/pricelists/1/records")] * 2
    assert sorted(sent[2:]) == [("DELETE", "v3/pricelists/1/records/1005/EUR"),
                                ("DELETE", "v3/pricelists/1/records/1006/EUR")]


def test_order_items_change_through_the_orders_put(sandbox, connect):
    cur = connect(sandbox).cursor()
    items = "SELECT product_id, quantity, name FROM OrderItems WHERE order_id = 100 " \
            "AND name IN ('Extra', 'More') ORDER BY name"
    cur.execute("INSERT INTO OrderItems(order_id, product_id, quantity, name) "
                "VALUES (100, 5, 2, 'Extra'), (100, 6, 1, 'More')")
    assert cur.rowcount == 2
    assert [tuple(r) for r in cur.execute(items).fetchall()] == [(5, 2, "Extra"), (6, 1, "More")]
    cur.execute("UPDATE OrderItems SET quantity = quantity + 1 "
                "WHERE order_id = 100 AND name IN ('Extra', 'More')")
    assert cur.rowcount == 2
    cur.execute("DELETE FROM OrderItems WHERE order_id = 100 AND name = 'More'")
    assert cur.rowcount == 1
    assert [tuple(r) for r in cur.execute(items).fetchall()] == [(5, 3, "Extra")]
    # Every change is one PUT of the order, the rows as its products.
    assert [(r["method"], api_path(r)) for r in writes(sandbox)] == [("PUT", "v2/orders/100")] * 3
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO OrderItems(product_id, quantity) VALUES (5, 1)")
    assert "needs order_id" in str(err.value)


def test_webhooks_round_trip_through_v3_hooks(sandbox, connect):
    cur = connect(sandbox).cursor()
    assert cur.tables(table="Webhooks").fetchone().table_type == "TABLE"
    cur.execute("INSERT INTO Webhooks(scope, destination, headers, is_active) VALUES "
                "('store/order/*', 'https://example.com/h', '{\"X-Key\": \"k1\"}', 1)")
    assert cur.rowcount == 1
    new_id = last_id(cur)
    row = cur.execute("SELECT scope, destination, headers, is_active FROM Webhooks "
                      "WHERE id = ?", new_id).fetchone()
    assert tuple(row) == ("store/order/*", "https://example.com/h", '{"X-Key":"k1"}', True)
    cur.execute("UPDATE Webhooks SET is_active = 0, destination = 'https://example.com/h2' "
                "WHERE id = ?", new_id)
    assert cur.rowcount == 1
    row = cur.execute("SELECT destination, is_active FROM Webhooks WHERE id = ?",
                      new_id).fetchone()
    assert tuple(row) == ("https://example.com/h2", False)
    cur.execute("DELETE FROM Webhooks WHERE id = ?", new_id)
    assert cur.rowcount == 1
    assert cur.execute("SELECT id FROM Webhooks WHERE id = ?", new_id).fetchall() == []
    assert [(r["method"], api_path(r)) for r in writes(sandbox)] == [
        ("POST", "v3/hooks"), ("PUT", f"v3/hooks/{new_id}"), ("DELETE", f"v3/hooks/{new_id}")]


def test_webhook_without_a_destination_gets_the_422(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Webhooks(scope) VALUES ('store/order/*')")
    assert "HTTP 422" in str(err.value) and "destination" in str(err.value)
    assert [(r.status, r.http_status) for r in lastresult(cur)] == [("failed", 422)]
    assert [r["method"] for r in writes(sandbox)] == ["POST"]


def test_views_refuse_writes_naming_the_table(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("DELETE FROM Subscribers WHERE id = 1")
    assert sqlstate(err.value) == "HY000"
    assert "Subscribers cannot be written" in str(err.value)
    assert data_requests(sandbox) == []


def test_an_operation_the_api_lacks_says_why(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("DELETE FROM ChannelListings WHERE channel_id = 1 AND listing_id = 1")
    assert "ChannelListings cannot be written" in str(err.value)
    assert "no request that removes a channel listing" in str(err.value)
    assert data_requests(sandbox) == []


def test_channels_are_created_and_changed_but_not_deleted(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO Channels(name, type, platform) VALUES ('Pop-up', 'pos', 'square')")
    new_id = last_id(cur)
    cur.execute("UPDATE Channels SET status = 'inactive' WHERE id = ?", new_id)
    assert cur.rowcount == 1
    row = cur.execute("SELECT name, status FROM Channels WHERE id = ?", new_id).fetchone()
    assert tuple(row) == ("Pop-up", "inactive")
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("DELETE FROM Channels WHERE id = ?", new_id)
    assert "no request that deletes a channel" in str(err.value)
    assert [r["method"] for r in writes(sandbox)] == ["POST", "PUT"]


# -- read-only columns and parent keys -------------------------------------------------------

def test_insert_of_a_read_only_column_names_it(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Products(name, type, weight, price, date_created) "
                    "VALUES ('X', 'physical', 1, 1, '2026-01-01 00:00:00')")
    assert "Column date_created of Products is read-only" in str(err.value)
    assert writes(sandbox) == []


def test_update_of_a_read_only_column_fails_before_any_request(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE Customers SET date_created = '2026-01-01' WHERE id = 1")
    assert "Column date_created of Customers is read-only" in str(err.value)
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE Products SET id = 99 WHERE id = 1")
    assert "Column id of Products" in str(err.value)
    assert data_requests(sandbox) == []


def test_child_row_needs_its_parent_key(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO ProductVariants(sku) VALUES ('ORPHAN')")
    assert "needs product_id" in str(err.value)
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO CustomerAddresses(first_name, city) VALUES ('A', 'B')")
    assert "needs customer_id" in str(err.value)
    assert writes(sandbox) == []


def test_a_bad_value_names_the_column_and_sends_nothing(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Products(name, type, weight, price) VALUES "
                    "('A', 'physical', 1, 1), ('B', 'physical', 'heavy', 1)")
    assert "column weight of Products" in str(err.value)
    assert writes(sandbox) == []


# -- row counts and generated ids -----------------------------------------------------------

def test_update_and_delete_that_change_nothing_count_zero(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("UPDATE Brands SET page_title = 'x' WHERE id = 424242")
    assert cur.rowcount == 0
    cur.execute("DELETE FROM Customers WHERE id = 424242")
    assert cur.rowcount == 0
    assert writes(sandbox) == []


def test_batch_insert_ids_are_in_sys_lastresult(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO Brands(name) VALUES ('One'), ('Two'), ('Three')")
    assert cur.rowcount == 3
    rows = lastresult(cur)
    assert [(r.row_number, r.operation, r.status) for r in rows] == [
        (1, "INSERT", "written"), (2, "INSERT", "written"), (3, "INSERT", "written")]
    ids = [r.id for r in rows]
    assert last_id(cur) == ids[-1]
    # The three POSTs may be answered in any order; each row keeps the id of its own answer.
    names = [cur.execute("SELECT name FROM Brands WHERE id = ?", i).fetchone()[0] for i in ids]
    assert names == ["One", "Two", "Three"]
    # A SELECT does not replace the last write's results.
    assert len(lastresult(cur)) == 3


# -- batches ---------------------------------------------------------------------------------

def test_customers_insert_goes_out_in_batches_of_ten(sandbox, connect):
    cur = connect(sandbox).cursor()
    values = ", ".join(f"('batch.c{i}@example.com', 'First{i}', 'Last{i}')" for i in range(23))
    cur.execute(f"INSERT INTO Customers(email, first_name, last_name) VALUES {values}")
    assert cur.rowcount == 23
    posts = writes(sandbox, "POST")
    assert len(posts) == 3 and all(api_path(r) == "v3/customers" for r in posts)
    ids = [r.id for r in lastresult(cur)]
    assert len(set(ids)) == 23
    got = cur.execute("SELECT count(*) FROM Customers WHERE email LIKE 'batch.c%@example.com'")
    assert got.fetchone()[0] == 23


def test_batches_of_one_statement_go_out_side_by_side(start_sandbox, connect):
    sb = start_sandbox(latency_ms=150)
    cur = connect(sb).cursor()
    values = ", ".join(f"('side{i}@example.com', 'S{i}', 'B{i}')" for i in range(30))
    sb.clear_requests()
    cur.execute(f"INSERT INTO Customers(email, first_name, last_name) VALUES {values}")
    assert cur.rowcount == 30
    assert len(writes(sb, "POST")) == 3
    assert sb.stats()["max_in_flight"] >= 2  # the three batches overlapped
    assert [r.row_number for r in lastresult(cur)] == list(range(1, 31))


def test_an_id_changed_twice_is_sent_in_order(start_sandbox, connect):
    sb = start_sandbox(latency_ms=100)
    cur = connect(sb).cursor()
    cur.fast_executemany = True
    sb.clear_requests()
    cur.executemany("UPDATE Brands SET page_title = ? WHERE id = ?",
                    [("first", 1), ("second", 2), ("last", 1)])
    assert len(writes(sb, "PUT")) == 3
    assert sb.stats()["max_in_flight"] == 1
    assert cur.execute("SELECT page_title FROM Brands WHERE id = 1").fetchone()[0] == "last"


def test_products_update_goes_out_in_batches_of_ten(start_sandbox, connect):
    sb = start_sandbox(products=40)
    cur = connect(sb).cursor()
    cur.execute("UPDATE Products SET inventory_level = 7 WHERE id <= 25")
    assert cur.rowcount == 25
    puts = writes(sb, "PUT")
    assert len(puts) == 3 and all(api_path(r) == "v3/catalog/products" for r in puts)
    levels = cur.execute("SELECT DISTINCT inventory_level FROM Products WHERE id <= 25")
    assert [r[0] for r in levels.fetchall()] == [7]


def test_delete_in_list_is_one_request_with_id_in(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("DELETE FROM Customers WHERE id IN (2, 3, 5)")
    assert cur.rowcount == 3
    dels = writes(sandbox, "DELETE")
    assert len(dels) == 1
    assert api_path(dels[0]) == "v3/customers" and dels[0]["query"] == "id:in=2,3,5"
    assert cur.execute("SELECT count(*) FROM Customers WHERE id IN (2, 3, 5)").fetchone()[0] == 0


def test_insert_select_copies_rows_in_one_statement(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("INSERT INTO Brands(name, page_title) "
                "SELECT name || ' (copy)', 'copied' FROM Brands WHERE id <= 3")
    assert cur.rowcount == 3
    copies = cur.execute("SELECT count(*) FROM Brands WHERE page_title = 'copied'").fetchone()[0]
    assert copies == 3


def test_fast_executemany_sends_one_batch(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.fast_executemany = True
    rows = [(f"fm{i}@example.com", f"F{i}", f"L{i}") for i in range(12)]
    cur.executemany("INSERT INTO Customers(email, first_name, last_name) VALUES (?, ?, ?)", rows)
    assert len(writes(sandbox, "POST")) == 2  # 10 + 2
    assert cur.execute("SELECT count(*) FROM Customers WHERE email LIKE 'fm%'").fetchone()[0] == 12


def test_plain_executemany_writes_every_row(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.executemany("UPDATE Brands SET page_title = ? WHERE id = ?", [("a", 1), ("b", 2)])
    got = cur.execute("SELECT id, page_title FROM Brands WHERE id IN (1, 2) ORDER BY id")
    assert [tuple(r) for r in got.fetchall()] == [(1, "a"), (2, "b")]


# -- failures --------------------------------------------------------------------------------

def test_422_field_messages_become_the_diagnostic(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Products(name) VALUES ('No price')")
    text = str(err.value)
    assert sqlstate(err.value) == "HY000"
    assert "HTTP 422" in text and "price" in text and "weight" in text
    assert [(r.status, r.http_status) for r in lastresult(cur)] == [("failed", 422)]


def test_partial_batch_update_reports_the_failed_row(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("UPDATE Products SET price = CASE id WHEN 2 THEN -5 ELSE 9 END "
                "WHERE id IN (1, 2, 3)")
    assert cur.rowcount == 2
    assert any("Row 2 failed" in m[1] and "HTTP 207" in m[1] for m in cur.messages)
    rows = lastresult(cur)
    assert [(r.id, r.status) for r in rows] == [(1, "written"), (2, "failed"), (3, "written")]
    assert "price" in rows[1].message
    prices = cur.execute("SELECT id, price FROM Products WHERE id IN (1, 2, 3) ORDER BY id")
    got = {r.id: r.price for r in prices.fetchall()}
    assert got[1] == Decimal("9.0000") and got[3] == Decimal("9.0000")
    assert got[2] != Decimal("-5.0000")


def test_batch_where_every_row_fails_is_an_error(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE Products SET price = -1 WHERE id IN (1, 2)")
    assert "HTTP 422" in str(err.value)
    assert [r.status for r in lastresult(cur)] == ["failed", "failed"]


def test_post_without_an_answer_is_not_repeated(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=500, count=1, path_contains="/catalog/brands")
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Brands(name) VALUES ('Maybe')")
    assert sqlstate(err.value) == "08S01"
    text = str(err.value)
    assert "Outcome unknown" in text and "POST /v3/catalog/brands" in text
    assert sandbox.token not in text
    assert len(writes(sandbox, "POST")) == 1
    assert [r.status for r in lastresult(cur)] == ["unknown"]
    # The driver looked for the row by its unique name and did not find it.
    lookups = [r for r in sandbox.api_requests() if r["query"] == "name=Maybe"]
    assert len(lookups) == 1 and "No such row existed" in text


def test_post_whose_answer_was_lost_is_found_and_counted(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=502, applied=True, count=1, path_contains="/v3/customers")
    cur.execute("INSERT INTO Customers(email, first_name, last_name) "
                "VALUES ('lost@example.com', 'Lost', 'Answer')")
    assert cur.rowcount == 1
    assert any("found the row afterwards" in m[1] for m in cur.messages)
    new_id = last_id(cur)
    assert [(r.id, r.status) for r in lastresult(cur)] == [(new_id, "written")]
    assert len(writes(sandbox, "POST")) == 1
    email = cur.execute("SELECT email FROM Customers WHERE id = ?", new_id).fetchone()[0]
    assert email == "lost@example.com"


def test_unanswered_post_on_a_table_without_a_unique_column_stays_unknown(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=503, applied=True, count=1, path_contains="/catalog/categories")
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("INSERT INTO Categories(name, parent_id) VALUES ('Ghost', 0)")
    assert sqlstate(err.value) == "08S01" and "Outcome unknown" in str(err.value)
    assert [r.status for r in lastresult(cur)] == ["unknown"]
    # It was in fact created: exactly why the driver does not send it again.
    assert cur.execute("SELECT count(*) FROM Categories WHERE name = 'Ghost'").fetchone()[0] == 1


# -- safety ----------------------------------------------------------------------------------

def test_readonly_connection_refuses_every_write(sandbox, connect):
    cur = connect(sandbox, Readonly="true").cursor()
    for sql in ("INSERT INTO Brands(name) VALUES ('x')",
                "UPDATE Brands SET name = 'y' WHERE id = 1",
                "DELETE FROM Brands WHERE id = 1"):
        with pytest.raises(pyodbc.Error) as err:
            cur.execute(sql)
        assert "Readonly=true" in str(err.value)
    assert data_requests(sandbox) == []
    assert cur.execute("SELECT count(*) FROM Brands").fetchone()[0] > 0


def test_delete_without_where_is_refused(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("DELETE FROM Brands")
    assert "without WHERE" in str(err.value) and "WHERE 1=1" in str(err.value)
    with pytest.raises(pyodbc.Error):
        cur.execute("UPDATE Brands SET page_title = 'all'")
    assert writes(sandbox) == []
    cur.execute("UPDATE Brands SET page_title = 'all' WHERE 1=1")
    assert cur.rowcount > 1


def test_subquery_where_does_not_count_as_the_statement_where(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE Brands SET page_title = (SELECT name FROM Categories WHERE id = 1)")
    assert "without WHERE" in str(err.value)
    for sql in ("UPDATE Brands SET page_title = 'WHERE'",
                "UPDATE Brands SET page_title = 'x' -- WHERE id = 1",
                'UPDATE Brands SET "page_title" = \'x\' /* WHERE */'):
        with pytest.raises(pyodbc.Error) as err:
            cur.execute(sql)
        assert "without WHERE" in str(err.value), sql
    assert writes(sandbox) == []


# -- transactions ----------------------------------------------------------------------------

def test_pyodbc_default_manual_commit_still_writes_and_rollback_says_so(sandbox, odbc_ini):
    cn = pyodbc.connect(connstr(sandbox))  # pyodbc asks for manual commit
    try:
        cn.rollback()  # nothing written yet: nothing to undo
        cur = cn.cursor()
        cur.execute("UPDATE Brands SET page_title = 'kept' WHERE id = 1")
        assert cur.rowcount == 1
        with pytest.raises(pyodbc.Error) as err:
            cn.rollback()
        assert sqlstate(err.value) == "HYC00"
        assert "no transactions" in str(err.value)
        assert cur.execute("SELECT page_title FROM Brands WHERE id = 1").fetchone()[0] == "kept"
        cur.execute("UPDATE Brands SET page_title = 'again' WHERE id = 1")
        cn.commit()
        cn.rollback()  # the commit ended the "transaction": nothing since
    finally:
        cn.close()


def test_writes_inside_begin_are_refused(sandbox, connect):
    cur = connect(sandbox).cursor()
    cur.execute("BEGIN")
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("UPDATE Brands SET page_title = 'x' WHERE id = 1")
    assert sqlstate(err.value) == "25000"
    cur.execute("ROLLBACK")
    assert writes(sandbox) == []
