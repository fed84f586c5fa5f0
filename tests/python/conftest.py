"""Shared fixtures for the pyodbc tests: a bc-sandbox per test, private unixODBC ini files,
and connection helpers. Run with Debian's interpreter: /usr/bin/python3 -m pytest tests/python.

Paths: the repository root is found from this file; the build directory from BC_BUILD_DIR
(default <repo>/build); the sandbox from BC_SANDBOX and the driver from BC_DRIVER (defaults
inside the build directory).
"""

import ctypes
import json
import os
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("BC_BUILD_DIR", REPO / "build"))
SANDBOX = Path(os.environ.get("BC_SANDBOX", BUILD / "tests" / "sandbox" / "bc-sandbox"))
DRIVER = Path(os.environ.get("BC_DRIVER", BUILD / "driver" / "libbigcommerceodbc.so"))

DEFAULT_STORE_HASH = "sandbox"
DEFAULT_TOKEN = "sandbox-token"

try:
    import pyodbc
except ImportError:  # pragma: no cover - reported by the tests that need it
    pyodbc = None


def _die_with_parent():
    """In the child: SIGTERM when the test process dies, so no sandbox outlives a killed run."""
    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


class Sandbox:
    """A running bc-sandbox child process and the HTTP side of it."""

    def __init__(self, opts):
        self.store_hash = str(opts.get("store_hash", DEFAULT_STORE_HASH))
        self.token = str(opts.get("access_token", DEFAULT_TOKEN))
        self.client_id = opts.get("client_id")
        self.client_secret = opts.get("client_secret")
        self.redirect_uri = opts.get("redirect_uri")
        args = [str(SANDBOX), "--port", "0"]
        for key, value in opts.items():
            if value is None or value is False:
                continue
            args.append("--" + key.replace("_", "-"))
            if value is not True:
                args.append(str(value))
        if not SANDBOX.exists():
            pytest.fail(f"bc-sandbox not built: {SANDBOX}")
        self._proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True,
                                      preexec_fn=_die_with_parent)
        line = self._readline_with_timeout(10)
        if not line.startswith("http://"):
            self.stop()
            pytest.fail(f"bc-sandbox did not print its URL (got {line!r})")
        self.url = line.strip().rstrip("/")
        # Drain anything else it prints so it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _readline_with_timeout(self, seconds):
        result = []
        reader = threading.Thread(target=lambda: result.append(self._proc.stdout.readline()))
        reader.daemon = True
        reader.start()
        reader.join(seconds)
        return result[0] if result else ""

    def _drain(self):
        try:
            for _ in self._proc.stdout:
                pass
        except (ValueError, OSError):
            pass

    # -- HTTP -----------------------------------------------------------------------------

    def _request(self, method, url, body=None, token=True):
        headers = {"Accept": "application/json"}
        if token:
            headers["X-Auth-Token"] = self.token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def _json(self, method, url, body=None, token=True):
        status, raw = self._request(method, url, body, token)
        if status == 204:
            return None
        if status >= 400:
            raise AssertionError(f"{method} {url}: HTTP {status}: {raw[:300]!r}")
        return json.loads(raw) if raw else None

    def get(self, path):
        """GET /stores/{hash}{path} with the token; parsed JSON, None for 204; no paging."""
        return self._json("GET", f"{self.url}/stores/{self.store_hash}{path}")

    def get_all(self, path):
        """Every item of a list endpoint: v3 by meta.pagination, v2 until 204/empty page."""
        sep = "&" if "?" in path else "?"
        items, page = [], 1
        while True:
            body = self.get(f"{path}{sep}page={page}&limit=250")
            if body is None:
                return items
            if isinstance(body, list):
                if not body:
                    return items
                items.extend(body)
            else:
                items.extend(body.get("data", []))
                total = body.get("meta", {}).get("pagination", {}).get("total_pages", page)
                if page >= total:
                    return items
            page += 1

    def requests(self):
        return self._json("GET", f"{self.url}/__sandbox/requests", token=False)

    def api_requests(self):
        """The logged requests to the store API (not the /__sandbox controls)."""
        return [r for r in self.requests() if r.get("path", "").startswith("/stores/")]

    def clear_requests(self):
        self._request("DELETE", f"{self.url}/__sandbox/requests", token=False)

    def fault(self, **spec):
        status, raw = self._request("POST", f"{self.url}/__sandbox/faults", spec, token=False)
        assert 200 <= status < 300, f"fault {spec}: HTTP {status} {raw!r}"

    def clear_faults(self):
        status, raw = self._request("DELETE", f"{self.url}/__sandbox/faults", None, token=False)
        assert 200 <= status < 300, f"clear faults: HTTP {status} {raw!r}"

    def stats(self):
        """{"max_in_flight": N, ...}: the most API requests served at once since the log
        was last cleared."""
        return self._json("GET", f"{self.url}/__sandbox/stats", token=False)

    def oauth_stats(self):
        return self._json("GET", f"{self.url}/__sandbox/oauth", token=False)

    def stop(self):
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._proc and self._proc.stdout:
            try:
                self._proc.stdout.close()
            except OSError:
                pass


@pytest.fixture
def start_sandbox():
    """Factory: start_sandbox(products=600, latency_ms=20, ...) -> Sandbox; stopped at test end."""
    started = []

    def start(**opts):
        sb = Sandbox(opts)
        started.append(sb)
        return sb

    yield start
    for sb in started:
        sb.stop()


@pytest.fixture
def sandbox(start_sandbox):
    return start_sandbox()


class OdbcIni:
    """A private ODBCSYSINI/ODBCINI directory registering the built driver as "BigCommerce"."""

    def __init__(self, directory):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.odbcinst = self.dir / "odbcinst.ini"
        self.odbcini = self.dir / "odbc.ini"
        # Threading = 1: the DM locks per statement, so SQLCancel from another thread works.
        self.odbcinst.write_text(
            "[BigCommerce]\nDescription = BigCommerce ODBC driver (test)\n"
            f"Driver = {DRIVER}\nThreading = 1\n"
        )
        self.odbcini.write_text("")

    def add_dsn(self, name, **props):
        lines = [f"[{name}]", "Driver = BigCommerce"]
        lines += [f"{k} = {v}" for k, v in props.items() if v is not None]
        with self.odbcini.open("a") as f:
            f.write("\n".join(lines) + "\n\n")
        return name


@pytest.fixture
def odbc_ini(tmp_path, monkeypatch):
    ini = OdbcIni(tmp_path / "odbc")
    monkeypatch.setenv("ODBCSYSINI", str(ini.dir))
    monkeypatch.setenv("ODBCINI", str(ini.odbcini))
    monkeypatch.setenv("ODBCINSTINI", "odbcinst.ini")
    # A test never opens a real browser unless it sets BROWSER itself.
    monkeypatch.setenv("BROWSER", "/bin/false")
    return ini


def _quote(value):
    value = str(value)
    if any(c in value for c in ";{}") or value != value.strip():
        return "{" + value.replace("}", "}}") + "}"
    return value


def connstr(sb, **props):
    """"Driver=BigCommerce;StoreId=..;OAuthAccessToken=..;ApiBaseURL=<sb.url>;OAuthServerURL=
    <sb.url>" plus props; a None value drops a key, including the defaults."""
    base = {
        "Driver": "BigCommerce",
        "StoreId": sb.store_hash,
        "OAuthAccessToken": sb.token,
        "ApiBaseURL": sb.url,
        "OAuthServerURL": sb.url,
    }
    lowered = {k.lower(): k for k in base}
    for key, value in props.items():
        existing = lowered.get(key.lower())
        if existing:
            del base[existing]
        base[key] = value
    return ";".join(f"{k}={_quote(v)}" for k, v in base.items() if v is not None)


@pytest.fixture
def connect(odbc_ini):
    """connect(sb, **props) -> pyodbc connection (autocommit) through the private ini files."""
    if pyodbc is None:
        pytest.fail("python3-pyodbc is not installed")
    opened = []

    def _connect(sb, **props):
        conn = pyodbc.connect(connstr(sb, **props), autocommit=True)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        try:
            conn.close()
        except pyodbc.Error:
            pass


def sqlstate(exc):
    """The SQLSTATE pyodbc put first in an exception's args."""
    return exc.args[0] if exc.args else None
