"""Helpers shared by the OAuth pyodbc tests (test_oauth_*.py): the connection string of an
OAuth app against a sandbox, and getting an authorization code without a browser by POSTing
the consent page's Approve form directly (the headless flow's "another machine")."""

import socket
import urllib.error
import urllib.parse
import urllib.request

import pyodbc

CLIENT_ID = "app"
CLIENT_SECRET = "s3cret"
SCOPE = "store_v2_products store_v2_orders"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oauth_sandbox(start_sandbox, **opts):
    """A sandbox with an OAuth app whose redirect URL is a free loopback port."""
    callback = f"http://localhost:{free_port()}"
    return start_sandbox(client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
                         redirect_uri=callback, **opts)


def app_connstr(sb, **props):
    """Connection string of the OAuth app: no access token unless given."""
    base = {
        "Driver": "BigCommerce",
        "StoreId": sb.store_hash,
        "OAuthClientId": CLIENT_ID,
        "OAuthClientSecret": CLIENT_SECRET,
        "CallbackURL": sb.redirect_uri,
        "Scope": SCOPE,
        "ApiBaseURL": sb.url,
        "OAuthServerURL": sb.url,
    }
    base.update(props)
    return ";".join(f"{k}={{{v}}}" if ";" in str(v) else f"{k}={v}"
                    for k, v in base.items() if v is not None)


def app_connect(sb, **props):
    return pyodbc.connect(app_connstr(sb, **props), autocommit=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def approve(sb, redirect_uri=None, state="s1", scope=SCOPE, deny=False):
    """POST the consent form's Approve (or Deny); returns the redirect's query as a dict."""
    form = urllib.parse.urlencode({
        "client_id": CLIENT_ID,
        "redirect_uri": redirect_uri or sb.redirect_uri,
        "scope": scope,
        "context": f"stores/{sb.store_hash}",
        "state": state,
    }).encode()
    action = "deny" if deny else "approve"
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(f"{sb.url}/oauth2/authorize/{action}", data=form, timeout=10)
        raise AssertionError("the consent form did not redirect")
    except urllib.error.HTTPError as e:
        assert e.code == 302, e.code
        location = e.headers["Location"]
    query = urllib.parse.urlsplit(location).query
    return {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}


def get_code(sb, **kw):
    return approve(sb, **kw)["code"]


def error_of(excinfo):
    """(sqlstate, message) of a pyodbc error."""
    return excinfo.value.args[0], excinfo.value.args[1]
