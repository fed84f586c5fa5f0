"""Real-browser test of the desktop OAuth flow (issue 3): SQLDriverConnect with
InitiateOAuth=GETANDREFRESH opens headless Chromium through bc-browser.js ($BROWSER), which
clicks Approve (or Deny) on the sandbox's consent page; the driver's loopback listener gets
the code and exchanges it. Run with /usr/bin/python3 -m pytest (see CMakeLists.txt)."""

import json
import os
import socket
import stat
import subprocess
import time
import urllib.request

import pyodbc
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("BC_BUILD_DIR", os.path.join(REPO, "build"))
DRIVER = os.environ.get("BC_DRIVER", os.path.join(BUILD, "driver", "libbigcommerceodbc.so"))
SANDBOX = os.environ.get("BC_SANDBOX", os.path.join(BUILD, "tests", "sandbox", "bc-sandbox"))
BROWSER = os.path.join(HERE, "bc-browser.sh")

if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
    pytest.skip("playwright-core is not installed (run npm ci in tests/browser)",
                allow_module_level=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sandbox:
    def __init__(self, callback):
        self.proc = subprocess.Popen(
            [SANDBOX, "--port", "0", "--client-id", "app", "--client-secret", "s3cret",
             "--redirect-uri", callback],
            stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("http://"), "bc-sandbox did not print its URL"

    def oauth_stats(self):
        with urllib.request.urlopen(self.url + "/__sandbox/oauth", timeout=10) as r:
            return json.load(r)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture
def env(tmp_path, monkeypatch):
    port = free_port()
    callback = f"http://localhost:{port}"
    sb = Sandbox(callback)
    (tmp_path / "odbcinst.ini").write_text(
        f"[BigCommerce]\nDescription = BigCommerce ODBC\nDriver = {DRIVER}\n")
    (tmp_path / "odbc.ini").write_text("")
    monkeypatch.setenv("ODBCSYSINI", str(tmp_path))
    monkeypatch.setenv("ODBCINI", str(tmp_path / "odbc.ini"))
    monkeypatch.setenv("BROWSER", BROWSER)
    monkeypatch.setenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    log = tmp_path / "browser.log"
    monkeypatch.setenv("BC_BROWSER_LOG", str(log))
    settings = tmp_path / "cfg" / "oauth.json"
    connstr = (f"Driver=BigCommerce;StoreId=sandbox;OAuthClientId=app;"
               f"OAuthClientSecret=s3cret;CallbackURL={callback};InitiateOAuth=GETANDREFRESH;"
               f"OAuthSettingsLocation={settings};OAuthTimeout=90;"
               f"ApiBaseURL={sb.url};OAuthServerURL={sb.url}")
    yield {"sb": sb, "connstr": connstr, "settings": settings, "log": log}
    sb.stop()


def wait_for_line(log, text, seconds=30):
    """The browser script finishes after the driver already has the code; wait for it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text():
            return True
        time.sleep(0.2)
    return False


def browser_runs(log):
    return log.read_text().count(" open ") if log.exists() else 0


def test_approve_signs_in_then_second_connection_reuses_token(env):
    sb, log = env["sb"], env["log"]
    con = pyodbc.connect(env["connstr"], autocommit=True)
    rows = con.cursor().execute("SELECT id, name FROM Products").fetchall()
    con.close()
    assert len(rows) > 0
    assert browser_runs(log) == 1
    assert wait_for_line(log, "redirect finished: Sign-in complete")
    mode = stat.S_IMODE(os.stat(env["settings"]).st_mode)
    assert mode == 0o600
    stored = json.loads(env["settings"].read_text())
    assert "app|sandbox" in stored["tokens"]
    first = sb.oauth_stats()
    assert first["codes_issued"] == 1 and first["tokens_issued"] == 1

    con = pyodbc.connect(env["connstr"], autocommit=True)
    assert con.cursor().execute("SELECT COUNT(*) FROM Brands").fetchone()[0] > 0
    con.close()
    assert sb.oauth_stats() == first
    assert browser_runs(log) == 1


def test_deny_gives_clear_28000(env, monkeypatch):
    monkeypatch.setenv("BC_BROWSER_ACTION", "deny")
    with pytest.raises(pyodbc.Error) as exc:
        pyodbc.connect(env["connstr"], autocommit=True)
    state, message = exc.value.args[0], exc.value.args[1]
    assert state == "28000"
    assert "denied" in message and "Approve" in message
    assert "s3cret" not in message
    assert env["sb"].oauth_stats()["tokens_issued"] == 0
    assert not env["settings"].exists()
    assert wait_for_line(env["log"], "redirect finished: Sign-in failed")
    assert browser_runs(env["log"]) == 1
