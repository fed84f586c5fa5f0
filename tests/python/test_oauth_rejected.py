"""A stored OAuth token that BigCommerce later rejects (revoked in the control panel, app
uninstalled): REFRESH reports it and forgets it; GETANDREFRESH signs in again."""

import json
import os
import stat
import sys
import textwrap

import pyodbc
import pytest

from oauth_helpers import CLIENT_ID, app_connect, error_of, get_code, oauth_sandbox


@pytest.fixture
def sb(start_sandbox):
    return oauth_sandbox(start_sandbox)


def store_revoked_token(sb, settings):
    """Sign in headlessly, then make the stored token one the server no longer accepts."""
    app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthVerifier=get_code(sb),
                OAuthSettingsLocation=str(settings)).close()
    doc = json.loads(settings.read_text())
    doc["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]["access_token"] = "revoked-token"
    settings.write_text(json.dumps(doc))


def approving_browser(tmp_path):
    """A $BROWSER that acts as the user: approves the consent page for the URL it is given
    and follows the redirect to the driver's loopback listener."""
    script = tmp_path / "approve-browser"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys, urllib.parse, urllib.request, urllib.error
        url = sys.argv[1]
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        form = urllib.parse.urlencode({{k: q[k] for k in
            ("client_id", "redirect_uri", "scope", "context", "state")}}).encode()
        class Stop(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None
        base = url.split("/oauth2/authorize")[0]
        try:
            urllib.request.build_opener(Stop).open(base + "/oauth2/authorize/approve", form)
        except urllib.error.HTTPError as e:
            urllib.request.urlopen(e.headers["Location"]).read()
        """))
    script.chmod(0o755)
    return str(script)


def test_refresh_mode_reports_and_forgets_a_rejected_stored_token(sb, odbc_ini, tmp_path,
                                                                 monkeypatch):
    settings = tmp_path / "oauth.json"
    store_revoked_token(sb, settings)
    monkeypatch.setenv("BROWSER", "/nonexistent/browser")
    with pytest.raises(pyodbc.Error) as excinfo:
        app_connect(sb, InitiateOAuth="REFRESH", OAuthSettingsLocation=str(settings))
    state, message = error_of(excinfo)
    assert state == "28000"
    assert "GETANDREFRESH" in message and "revoked-token" not in message
    assert f"{CLIENT_ID}|{sb.store_hash}" not in json.loads(settings.read_text())["tokens"]


def test_getandrefresh_signs_in_again_when_the_stored_token_is_rejected(sb, odbc_ini, tmp_path,
                                                                       monkeypatch):
    settings = tmp_path / "oauth.json"
    store_revoked_token(sb, settings)
    issued = sb.oauth_stats()["tokens_issued"]
    monkeypatch.setenv("BROWSER", approving_browser(tmp_path))
    con = app_connect(sb, InitiateOAuth="GETANDREFRESH", OAuthSettingsLocation=str(settings),
                      OAuthTimeout=20)
    assert con.cursor().execute("SELECT COUNT(*) FROM Brands").fetchval() > 0
    con.close()
    assert sb.oauth_stats()["tokens_issued"] == issued + 1
    entry = json.loads(settings.read_text())["tokens"][f"{CLIENT_ID}|{sb.store_hash}"]
    assert entry["access_token"] != "revoked-token"
    assert stat.S_IMODE(os.stat(settings).st_mode) == 0o600
