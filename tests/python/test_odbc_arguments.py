"""Issue 12's argument handling through pyodbc: catalog-function arguments given as empty
strings (as PHP's odbc_* functions and DBD::ODBC pass them) or NULL, per function."""

import pyodbc
import pytest

from conftest import sqlstate


@pytest.fixture
def cur(sandbox, connect):
    return connect(sandbox).cursor()


def test_foreign_keys_with_empty_strings_as_php_passes_them(cur):
    # odbc_foreignkeys($c, "", "", "Orders", "", "", "")
    empty = cur.foreignKeys(table="Orders", catalog="", schema="", foreignTable="",
                            foreignCatalog="", foreignSchema="").fetchall()
    null = cur.foreignKeys(table="Orders").fetchall()
    assert len(null) >= 2
    assert [tuple(r) for r in empty] == [tuple(r) for r in null]
    # and the other side: which keys OrderItems holds
    empty = cur.foreignKeys(table="", catalog="", schema="", foreignTable="OrderItems",
                            foreignCatalog="", foreignSchema="").fetchall()
    assert ("Orders", "id", "order_id") in {
        (r.pktable_name, r.pkcolumn_name, r.fkcolumn_name) for r in empty}


def test_foreign_keys_without_any_table_is_hy009(cur):
    with pytest.raises(pyodbc.Error) as e:
        cur.foreignKeys(table="", foreignTable="")
    assert sqlstate(e.value) == "HY009"


def test_empty_catalog_and_schema_mean_any(cur):
    assert len(cur.tables(table="Orders", catalog="", schema="").fetchall()) == 1
    assert len(cur.columns(table="Orders", catalog="", schema="").fetchall()) == len(
        cur.columns(table="Orders").fetchall()) > 5
    assert [r.column_name for r in cur.primaryKeys("Orders", catalog="", schema="")] == ["id"]
    assert len(cur.statistics("Orders", catalog="", schema="").fetchall()) >= 1
    assert [r.column_name for r in cur.rowIdColumns("Orders", catalog="", schema="")] == ["id"]
    assert len(cur.procedures(catalog="", schema="").fetchall()) == 2


def test_table_types_empty_means_every_type(cur):
    kinds = {r.table_type for r in cur.tables(tableType="")}
    assert {"TABLE", "VIEW", "SYSTEM TABLE"} <= kinds


def test_empty_pattern_matches_only_the_empty_name(cur):
    # A zero-length pattern matches names that are empty: no table has one.
    assert cur.tables(table="", tableType="TABLE").fetchall() == []
    assert cur.primaryKeys("").fetchall() == []
