"""Catalog functions through pyodbc: tables(), columns(), getTypeInfo()."""

import pyodbc

SIX = {"Brands", "Categories", "Customers", "OrderItems", "Orders", "Products"}


def test_tables_lists_the_six_tables(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = cur.tables(tableType="TABLE").fetchall()
    names = {r.table_name for r in rows}
    assert SIX <= names
    for r in rows:
        if r.table_name in SIX:
            assert r.table_schem == "BigCommerce"
            assert r.table_cat is None
            assert r.table_type == "TABLE"


def test_tables_pattern(sandbox, connect):
    cur = connect(sandbox).cursor()
    names = {r.table_name for r in cur.tables(table="Order%")}
    assert {"Orders", "OrderItems"} <= names
    assert all(n.startswith("Order") for n in names)
    assert {r.table_name for r in cur.tables(table="Products")} == {"Products"}


def test_columns_agree_with_cursor_description(sandbox, connect):
    cur = connect(sandbox).cursor()
    for table in sorted(SIX):
        cols = cur.columns(table=table).fetchall()
        assert [c.ordinal_position for c in cols] == list(range(1, len(cols) + 1))
        described = cur.execute(f"SELECT * FROM {table} WHERE 0").description
        assert [c.column_name for c in cols] == [d[0] for d in described], table
        for c, d in zip(cols, described):
            assert bool(c.nullable) == bool(d[6]), (table, c.column_name)


def test_columns_types_of_products(sandbox, connect):
    cur = connect(sandbox).cursor()
    cols = {c.column_name: c for c in cur.columns(table="Products")}
    assert cols["id"].data_type == pyodbc.SQL_INTEGER
    assert cols["id"].nullable == pyodbc.SQL_NO_NULLS
    assert cols["name"].data_type == pyodbc.SQL_WVARCHAR
    assert cols["name"].column_size == 250
    assert cols["price"].data_type == pyodbc.SQL_DECIMAL
    assert (cols["price"].column_size, cols["price"].decimal_digits) == (20, 4)
    assert cols["date_created"].data_type == pyodbc.SQL_TYPE_TIMESTAMP
    assert cols["is_visible"].data_type == pyodbc.SQL_BIT
    assert cols["description"].data_type == pyodbc.SQL_WLONGVARCHAR


def test_order_items_has_order_id(sandbox, connect):
    cur = connect(sandbox).cursor()
    names = [c.column_name for c in cur.columns(table="OrderItems")]
    assert "order_id" in names and "product_id" in names and "quantity" in names


def test_get_type_info_ordered_and_complete(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = cur.getTypeInfo().fetchall()
    types = [r.data_type for r in rows]
    assert types == sorted(types)
    for t in (pyodbc.SQL_INTEGER, pyodbc.SQL_BIGINT, pyodbc.SQL_DOUBLE, pyodbc.SQL_DECIMAL,
              pyodbc.SQL_BIT, pyodbc.SQL_WVARCHAR, pyodbc.SQL_WLONGVARCHAR,
              pyodbc.SQL_TYPE_TIMESTAMP):
        assert t in types
    assert len(cur.getTypeInfo(pyodbc.SQL_INTEGER).fetchall()) == 1
