"""The web flow (issue 3): GetOAuthAuthorizationURL and GetOAuthAccessToken through
SQLExecDirect, in every call syntax, with literals and bound parameters, on a connection
that has no access token yet."""

import json
import urllib.parse
import urllib.request

import pyodbc
import pytest

from oauth_helpers import (CLIENT_ID, SCOPE, app_connect, approve, error_of, get_code,
                           oauth_sandbox)


@pytest.fixture
def sb(start_sandbox):
    return oauth_sandbox(start_sandbox)


@pytest.fixture
def con(sb, odbc_ini, tmp_path):
    c = app_connect(sb, OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    yield c
    c.close()


def query_of(url):
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).items()}


def check_url(sb, url, state=None, scope=SCOPE, callback=None):
    assert url.startswith(f"{sb.url}/oauth2/authorize?")
    q = query_of(url)
    assert q["client_id"] == CLIENT_ID
    assert q["redirect_uri"] == (callback or sb.redirect_uri)
    assert q["response_type"] == "code"
    assert q["scope"] == scope
    assert q["context"] == f"stores/{sb.store_hash}"
    assert q.get("state") == state
    return q


def test_exec_named_literals_returns_one_url_row(sb, con):
    cur = con.cursor().execute(
        "EXEC GetOAuthAuthorizationURL CallbackURL='%s', Scope='users', State='it''s'"
        % sb.redirect_uri)
    assert [d[0] for d in cur.description] == ["URL"]
    rows = cur.fetchall()
    assert len(rows) == 1
    check_url(sb, rows[0][0], state="it's", scope="users")


def test_execute_at_params_and_defaults_from_connection(sb, con):
    url = con.cursor().execute(
        "EXECUTE getoauthauthorizationurl @AuthMode = 'WEB', @State = 'xyz'").fetchone()[0]
    check_url(sb, url, state="xyz")


def test_exec_with_bound_parameters(sb, con):
    url = con.cursor().execute(
        "EXEC GetOAuthAuthorizationURL @Scope = ?, @State = ?", "a b", "st").fetchone()[0]
    check_url(sb, url, state="st", scope="a b")


def test_odbc_call_escape_is_positional(sb, con):
    url = con.cursor().execute("{call GetOAuthAuthorizationURL(?, ?, ?, ?)}",
                               "WEB", sb.redirect_uri, "s1 s2", "p4").fetchone()[0]
    check_url(sb, url, state="p4", scope="s1 s2")


def test_call_with_literal_and_marker(sb, con):
    url = con.cursor().execute("CALL GetOAuthAuthorizationURL('WEB', ?)",
                               sb.redirect_uri).fetchone()[0]
    check_url(sb, url)


def test_app_mode_url_carries_a_random_state(sb, con):
    a = con.cursor().execute("EXEC GetOAuthAuthorizationURL AuthMode='APP'").fetchone()[0]
    b = con.cursor().execute("EXEC GetOAuthAuthorizationURL AuthMode='APP'").fetchone()[0]
    assert len(query_of(a)["state"]) == 32
    assert query_of(a)["state"] != query_of(b)["state"]


def test_full_web_flow_gives_a_working_token_and_saves_it(sb, con, odbc_ini, tmp_path):
    url = con.cursor().execute("EXEC GetOAuthAuthorizationURL State='w1'").fetchone()[0]
    with urllib.request.urlopen(url, timeout=10) as r:
        page = r.read().decode()
    assert 'id="approve"' in page
    redirect = approve(sb, state="w1")
    assert redirect["state"] == "w1"
    cur = con.cursor().execute("EXEC GetOAuthAccessToken Verifier = ?, AuthMode = 'WEB'",
                               redirect["code"])
    assert [d[0] for d in cur.description] == [
        "OAuthAccessToken", "OAuthRefreshToken", "ExpiresIn", "StoreId", "Scope"]
    token, refresh, expires, store, scope = cur.fetchone()
    assert token and refresh is None and expires is None
    assert store == sb.store_hash
    assert scope == SCOPE
    saved = json.loads((tmp_path / "oauth.json").read_text())
    assert saved["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]["access_token"] == token
    other = app_connect(sb, OAuthAccessToken=token, OAuthClientId=None)
    assert len(other.cursor().execute("SELECT id FROM Products").fetchall()) > 0
    other.close()


def test_access_token_positional_call_escape(sb, con):
    code = get_code(sb)
    row = con.cursor().execute("{call GetOAuthAccessToken(?, ?)}", "WEB", code).fetchone()
    assert row[0] and row[3] == sb.store_hash


def test_code_reuse_is_28000_invalid_grant(sb, con):
    code = get_code(sb)
    con.cursor().execute("EXEC GetOAuthAccessToken Verifier=?", code).fetchall()
    with pytest.raises(pyodbc.Error) as exc:
        con.cursor().execute("EXEC GetOAuthAccessToken Verifier=?", code).fetchall()
    state, message = error_of(exc)
    assert state == "28000"
    assert "invalid_grant" in message


def test_unknown_procedure_is_42000_naming_it(con):
    with pytest.raises(pyodbc.Error) as exc:
        con.cursor().execute("EXEC GetOAuthNothing Scope='x'")
    state, message = error_of(exc)
    assert state == "42000" and "GetOAuthNothing" in message


def test_unknown_parameter_is_42000_naming_it(con):
    with pytest.raises(pyodbc.Error) as exc:
        con.cursor().execute("EXEC GetOAuthAccessToken Colour='red'")
    state, message = error_of(exc)
    assert state == "42000" and "Colour" in message


def test_return_value_call_is_42000(con):
    with pytest.raises(pyodbc.Error) as exc:
        con.cursor().execute("{?= call GetOAuthAuthorizationURL()}")
    assert error_of(exc)[0] == "42000"


def test_missing_verifier_names_it(con):
    with pytest.raises(pyodbc.Error) as exc:
        con.cursor().execute("EXEC GetOAuthAccessToken AuthMode='WEB'")
    state, message = error_of(exc)
    assert state in ("07002", "HY000") and "Verifier" in message
