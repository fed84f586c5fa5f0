"""Issue 4's catalog functions through pyodbc, for every table the driver serves:
tables() with kinds and special enumerations, columns(), primaryKeys(), foreignKeys(),
statistics(), procedures(), procedureColumns(), and the sys_ tables in SQL."""

import subprocess

import pyodbc
import pytest

SQL_TABLE_STAT = 0  # sql.h; pyodbc does not export it

from conftest import BUILD
from table_checks import PY_TYPE

VIEWS_OF_ISSUE_4 = {
    "Blogposts", "BlogTags", "CustomerGroups", "DownloadConsignments", "EmailConsignments",
    "GiftCertificates", "OrderCoupons", "OrderItemOptionValues", "OrderMessages",
    "OrderRefunds", "OrderRefundsItems", "OrderRefundsPayments", "OrderShippingAddresses",
    "OrderStatuses", "OrderTaxes", "Pages", "PaymentMethods", "PickupConsignments",
    "PriceListAssignments", "ProductBulkPricingRules", "ProductCustomFields", "ProductRules",
    "ProductVariantValues", "ProductVideos", "Redirects", "ShipmentItems",
    "ShippingConsignmentQuotes", "ShippingConsignments", "ShippingZoneLocations", "Stores",
    "TaxClasses", "Transactions"}
TABLES_OF_ISSUE_4 = {
    "Brands", "Categories", "CategoryTrees", "ChannelListings", "Channels", "Coupons",
    "Currencies", "CustomerAddresses", "Customers", "OrderItems", "Orders", "OrderShipments",
    "PriceListRecords", "PriceLists", "ProductImages", "ProductMetafields", "ProductOptions",
    "ProductOptionValues", "ProductReviews", "Products", "ProductVariants", "ShippingMethods",
    "ShippingZones"}


def catalog_names():
    """The driver's own table list (bc-odbc-tables prints it from the catalog)."""
    tool = BUILD / "setup" / "bc-odbc-tables"
    return subprocess.run([str(tool), "--names"], check=True, capture_output=True,
                          text=True).stdout.split()


ALL = catalog_names()


@pytest.fixture
def cur(sandbox, connect):
    return connect(sandbox).cursor()


def test_tables_and_views_are_reported_with_the_kind_issue_4_gives(cur):
    kinds = {r.table_name: r.table_type for r in cur.tables(schema="BigCommerce")}
    for name in TABLES_OF_ISSUE_4:
        assert kinds.get(name) == "TABLE", name
    for name in VIEWS_OF_ISSUE_4:
        assert kinds.get(name) == "VIEW", name
    assert set(ALL) <= set(kinds)
    assert {n for n, k in kinds.items() if k == "SYSTEM TABLE"} >= {
        "sys_tables", "sys_tablecolumns", "sys_procedures", "sys_procedureparameters",
        "sys_keycolumns", "sys_foreignkeys", "sys_connection_props", "sys_sqlinfo"}


def test_tables_type_filter_and_special_enumerations(cur):
    views = {r.table_type for r in cur.tables(tableType="'VIEW'")}
    assert views == {"VIEW"}
    schemas = cur.tables(catalog="", schema="%", table="").fetchall()
    assert [(r.table_cat, r.table_schem) for r in schemas] == [(None, "BigCommerce")]
    types = {r.table_type for r in cur.tables(catalog="", schema="", table="",
                                               tableType="%")}
    assert types == {"TABLE", "VIEW", "SYSTEM TABLE"}
    assert cur.tables(catalog="%", schema="", table="").fetchall() == []


def test_tables_pattern_escape_matches_a_literal_underscore(cur):
    assert [r.table_name for r in cur.tables(table="sys\\_tables")] == ["sys_tables"]
    assert len(cur.tables(table="sys_tables").fetchall()) == 1  # '_' matches any one char


@pytest.mark.parametrize("table", ALL)
def test_every_table_has_columns_a_primary_key_and_a_unique_index(cur, table):
    cols = cur.columns(table=table).fetchall()
    assert cols, table
    assert [c.ordinal_position for c in cols] == list(range(1, len(cols) + 1))
    assert all(c.table_schem == "BigCommerce" and c.table_name == table for c in cols)
    keys = cur.primaryKeys(table).fetchall()
    assert keys, f"{table} has no primary key"
    assert [k.key_seq for k in keys] == list(range(1, len(keys) + 1))
    names = {c.column_name for c in cols}
    assert {k.column_name for k in keys} <= names
    stats = cur.statistics(table, unique=True).fetchall()
    assert stats[0].type == SQL_TABLE_STAT
    index_cols = {s.column_name for s in stats[1:]}
    assert index_cols == {k.column_name for k in keys}
    assert all(s.non_unique == 0 for s in stats[1:])
    best = cur.rowIdColumns(table).fetchall()
    assert {b.column_name for b in best} == {k.column_name for k in keys}


@pytest.mark.parametrize("table", ALL)
def test_sqlcolumns_agrees_with_select_star_description(cur, table):
    cols = cur.columns(table=table).fetchall()
    desc = cur.execute(f"SELECT * FROM {table} WHERE 0").description
    assert [c.column_name for c in cols] == [d[0] for d in desc]
    for c, d in zip(cols, desc):
        assert PY_TYPE[c.data_type] is d[1], (table, c.column_name)
        assert bool(c.nullable) == bool(d[6]), (table, c.column_name)


def test_foreign_keys_name_real_parent_keys(cur):
    fks = cur.foreignKeys(table="Orders").fetchall()
    children = {(f.fktable_name, f.fkcolumn_name) for f in fks}
    assert ("OrderItems", "order_id") in children
    assert ("OrderShipments", "order_id") in children
    for f in fks:
        assert f.pktable_name == "Orders" and f.pkcolumn_name == "id"
    # every reported relation points from a real column to a real primary key
    for table in ALL:
        for f in cur.foreignKeys(foreignTable=table).fetchall():
            assert f.fkcolumn_name in {c.column_name for c in cur.columns(table=table)}
            pk = {k.column_name for k in cur.primaryKeys(f.pktable_name)}
            assert f.pkcolumn_name in pk, (table, f.pktable_name, f.pkcolumn_name)


def test_procedures_and_their_columns(cur):
    procs = {p.procedure_name for p in cur.procedures()}
    assert procs == {"GetOAuthAuthorizationURL", "GetOAuthAccessToken"}
    cols = cur.procedureColumns(procedure="GetOAuthAccessToken").fetchall()
    inputs = [c.column_name for c in cols if c.column_type == pyodbc.SQL_PARAM_INPUT]
    outputs = [c.column_name for c in cols if c.column_type == pyodbc.SQL_RESULT_COL]
    assert inputs == ["AuthMode", "Verifier", "CallbackURL", "Scope", "State"]
    assert outputs == ["OAuthAccessToken", "OAuthRefreshToken", "ExpiresIn", "StoreId", "Scope"]
    url_cols = cur.procedureColumns(procedure="GetOAuthAuthorizationURL").fetchall()
    assert [c.column_name for c in url_cols
            if c.column_type == pyodbc.SQL_RESULT_COL] == ["URL"]


def test_sys_tables_agree_with_the_catalog_functions(cur):
    sys_cols = cur.execute(
        "SELECT ColumnName, DataType, Ordinal FROM sys_tablecolumns "
        "WHERE TableName = 'Orders' ORDER BY Ordinal").fetchall()
    odbc_cols = cur.columns(table="Orders").fetchall()
    assert [(r.ColumnName, r.DataType) for r in sys_cols] == \
        [(c.column_name, c.data_type) for c in odbc_cols]
    n_tables = cur.execute("SELECT COUNT(*) FROM sys_tables "
                           "WHERE TableType IN ('TABLE', 'VIEW')").fetchval()
    assert n_tables == len(ALL)
    fk = cur.execute("SELECT COUNT(*) FROM sys_foreignkeys").fetchval()
    assert fk == sum(len(cur.foreignKeys(foreignTable=t).fetchall()) for t in ALL)


def test_sys_connection_props_masks_secrets(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = {r.Name: r for r in cur.execute(
        'SELECT Name, Value, DefaultValue, AllowedValues, Category FROM sys_connection_props')}
    assert rows["OAuthAccessToken"].Value == "********"
    assert rows["StoreId"].Value == sandbox.store_hash
    assert rows["InitiateOAuth"].DefaultValue == "OFF"
    assert "GETANDREFRESH" in rows["InitiateOAuth"].AllowedValues
    assert sandbox.token not in repr(list(rows.values()))


def test_system_tables_are_read_only(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error):
        cur.execute("DELETE FROM sys_tables")
    assert cur.execute("SELECT COUNT(*) FROM sys_tables").fetchval() > 0
