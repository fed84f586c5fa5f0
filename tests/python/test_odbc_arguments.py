"""Issue 12's argument handling through pyodbc: catalog-function arguments given as empty
strings (as PHP's odbc_* functions and DBD::ODBC pass them) or NULL, per function, and
procedure arguments (a literal NULL is NULL)."""

import urllib.parse

import pyodbc
import pytest

from conftest import sqlstate
from oauth_helpers import app_connect, error_of, oauth_sandbox


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


def _url_query(url):
    return {k: v[0] for k, v in
            urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).items()}


def test_literal_null_in_a_call_is_null_like_a_bound_null(start_sandbox, odbc_ini):
    sb = oauth_sandbox(start_sandbox)
    con = app_connect(sb, CallbackURL=sb.redirect_uri, Scope="store_v2_products")
    try:
        literal = con.cursor().execute(
            "CALL GetOAuthAuthorizationURL('WEB', NULL, null, 'st')").fetchone()[0]
        bound = con.cursor().execute(
            "{call GetOAuthAuthorizationURL(?, ?, ?, ?)}", "WEB", None, None, "st").fetchone()[0]
        named = con.cursor().execute(
            "EXEC GetOAuthAuthorizationURL @CallbackURL = NULL, @State = 'st'").fetchone()[0]
    finally:
        con.close()
    assert literal == bound == named
    q = _url_query(literal)
    # NULL falls back to the connection's properties, never the text "NULL"
    assert q["redirect_uri"] == sb.redirect_uri
    assert q["scope"] == "store_v2_products"
    assert q["state"] == "st"


def test_authorization_url_without_client_id_names_only_what_is_missing(sandbox, connect):
    con = connect(sandbox, CallbackURL="http://localhost:33333")
    with pytest.raises(pyodbc.Error) as e:
        con.cursor().execute("CALL GetOAuthAuthorizationURL('WEB')")
    state, message = error_of(e)
    assert state == "HY000"
    assert "OAuthClientId connection property" in message
    assert "StoreId" not in message


def test_readme_query_of_sys_connection_props_runs(sandbox, connect):
    cur = connect(sandbox).cursor()
    rows = {r.Name: r for r in cur.execute(
        "SELECT Name, Value, DefaultValue, AllowedValues FROM sys_connection_props")}
    assert rows["InitiateOAuth"].DefaultValue == "OFF"
    assert rows["InitiateOAuth"].AllowedValues == "OFF,GETANDREFRESH,REFRESH"


def test_sys_connection_props_shows_the_driver_of_a_dsn(sandbox, odbc_ini):
    dsn = odbc_ini.add_dsn("BcDsn", StoreId=sandbox.store_hash, OAuthAccessToken=sandbox.token,
                           ApiBaseURL=sandbox.url, OAuthServerURL=sandbox.url)
    con = pyodbc.connect(f"DSN={dsn}", autocommit=True)
    try:
        got = dict(con.cursor().execute(
            "SELECT Name, Value FROM sys_connection_props WHERE Name IN ('DSN', 'Driver')"))
    finally:
        con.close()
    assert got == {"DSN": "BcDsn", "Driver": "BigCommerce"}
