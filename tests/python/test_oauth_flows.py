"""The sign-in flows in SQLDriverConnect (issue 3): headless (OAuthVerifier), REFRESH and
OFF, memory:// settings, refresh of an expired token, and the desktop flow's failures
(time-out, busy port, no browser). The real-browser run is tests/browser/."""

import json
import os
import socket
import stat
import time

import pyodbc
import pytest

from oauth_helpers import CLIENT_ID, app_connect, error_of, get_code, oauth_sandbox


@pytest.fixture
def sb(start_sandbox):
    return oauth_sandbox(start_sandbox)


def rows(con, sql="SELECT id FROM Products"):
    return con.cursor().execute(sql).fetchall()


def test_headless_verifier_signs_in_saves_0600_and_is_reused(sb, odbc_ini, tmp_path):
    settings = tmp_path / "cfg" / "oauth.json"
    props = dict(InitiateOAuth="GETANDREFRESH", OAuthVerifier=get_code(sb),
                 OAuthSettingsLocation=str(settings))
    con = app_connect(sb, **props)
    assert len(rows(con)) > 0
    con.close()
    assert stat.S_IMODE(os.stat(settings).st_mode) == 0o600
    entry = json.loads(settings.read_text())["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]
    assert entry["context"] == f"stores/{sb.store_hash}"
    stats = sb.oauth_stats()
    assert stats["tokens_issued"] == 1
    # The same connection string again: the spent code is not exchanged a second time.
    con = app_connect(sb, **props)
    assert len(rows(con)) > 0
    con.close()
    assert sb.oauth_stats() == stats


def test_refresh_mode_uses_stored_token_without_browser(sb, odbc_ini, tmp_path, monkeypatch):
    settings = str(tmp_path / "oauth.json")
    app_connect(sb, OAuthVerifier=get_code(sb), InitiateOAuth="GETANDREFRESH",
                OAuthSettingsLocation=settings).close()
    monkeypatch.setenv("BROWSER", "/nonexistent/browser")
    con = app_connect(sb, InitiateOAuth="REFRESH", OAuthSettingsLocation=settings)
    assert len(rows(con)) > 0
    con.close()


def test_refresh_mode_without_stored_token_is_28000(sb, odbc_ini, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER", "/nonexistent/browser")
    with pytest.raises(pyodbc.Error) as exc:
        app_connect(sb, InitiateOAuth="REFRESH",
                    OAuthSettingsLocation=str(tmp_path / "none.json"))
    state, message = error_of(exc)
    assert state == "28000"
    assert "GETANDREFRESH" in message
    assert sb.oauth_stats()["codes_issued"] == 0


def test_off_uses_the_given_token(sb, odbc_ini, tmp_path):
    con = app_connect(sb, InitiateOAuth="OFF", OAuthAccessToken=sb.token,
                      OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    assert len(rows(con)) > 0
    con.close()
    assert not (tmp_path / "oauth.json").exists()
    assert sb.oauth_stats()["tokens_issued"] == 0


def test_memory_location_is_kept_in_process_per_name(sb, odbc_ini):
    app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthVerifier=get_code(sb),
                OAuthSettingsLocation="memory://web-a").close()
    con = app_connect(sb, InitiateOAuth="REFRESH", OAuthSettingsLocation="memory://web-a")
    assert len(rows(con)) > 0
    con.close()
    with pytest.raises(pyodbc.Error) as exc:
        app_connect(sb, InitiateOAuth="REFRESH", OAuthSettingsLocation="memory://web-b")
    assert error_of(exc)[0] == "28000"


def test_expired_token_is_refreshed(start_sandbox, odbc_ini, tmp_path):
    # Long enough that the first sign-in finishes before expiry even in a sanitizer build.
    sb = oauth_sandbox(start_sandbox, token_expires_in=5)
    settings = str(tmp_path / "oauth.json")
    con = app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthVerifier=get_code(sb),
                      OAuthSettingsLocation=settings)
    assert len(rows(con)) > 0
    con.close()
    first = json.loads(open(settings).read())["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]
    assert first["refresh_token"] and first["expires_at"] > 0
    time.sleep(6)
    con = app_connect(sb, InitiateOAuth="REFRESH", OAuthSettingsLocation=settings)
    assert len(rows(con)) > 0
    con.close()
    assert sb.oauth_stats()["refreshes"] == 1
    second = json.loads(open(settings).read())["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]
    assert second["access_token"] != first["access_token"]


def test_desktop_time_out_is_08001_and_opens_the_browser_once(sb, odbc_ini, tmp_path,
                                                               monkeypatch):
    # A browser that records its URL and opens nothing.
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$1" >> {tmp_path}/opened\n')
    script.chmod(0o700)
    monkeypatch.setenv("BROWSER", str(script))
    start = time.monotonic()
    with pytest.raises(pyodbc.Error) as exc:
        app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthTimeout=1,
                    OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    state, message = error_of(exc)
    assert state == "08001"
    assert "OAuthTimeout" in message and "OAuthVerifier" in message
    assert time.monotonic() - start < 15
    # pyodbc retries the ANSI entry point after a failed SQLDriverConnectW: still one tab.
    opened = (tmp_path / "opened").read_text().splitlines()
    assert len(opened) == 1 and opened[0].startswith(f"{sb.url}/oauth2/authorize?")


def test_desktop_busy_port_is_08001_naming_it(sb, odbc_ini, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER", "/bin/true")
    port = int(sb.redirect_uri.rsplit(":", 1)[1])
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen(1)
        with pytest.raises(pyodbc.Error) as exc:
            app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthTimeout=5,
                        OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    state, message = error_of(exc)
    assert state == "08001"
    assert str(port) in message


def test_no_browser_gives_url_and_headless_instructions(sb, odbc_ini, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER", "/nonexistent/browser")
    with pytest.raises(pyodbc.Error) as exc:
        app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthTimeout=5,
                    OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    state, message = error_of(exc)
    assert state == "08001"
    assert f"{sb.url}/oauth2/authorize?" in message
    assert "OAuthVerifier" in message
    assert "s3cret" not in message


def test_wrong_client_secret_is_28000_without_the_secret(sb, odbc_ini, tmp_path):
    with pytest.raises(pyodbc.Error) as exc:
        app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthVerifier=get_code(sb),
                    OAuthClientSecret="wrong-secret-value",
                    OAuthSettingsLocation=str(tmp_path / "oauth.json"))
    state, message = error_of(exc)
    assert state == "28000"
    assert "wrong-secret-value" not in message
