"""What each Verbosity level writes to the Logfile, read back from the file: 1 connects,
disconnects and errors; 2 adds the statements; 3 the API requests; 4 every ODBC call on entry
and exit; 5 request and response bodies. Tokens never appear, and the file is its owner's
only. The log is one per process, so each session runs in a process of its own."""
import os
import stat
import subprocess
import sys

from conftest import connstr

SESSION = r"""
import sys, pyodbc
cn = pyodbc.connect(sys.argv[1], autocommit=True)
cur = cn.cursor()
cur.execute("SELECT id, name FROM Brands WHERE id = 1").fetchall()
try:
    cur.execute("SELECT * FROM NoSuchTable")
except pyodbc.Error:
    pass
cn.close()
"""


def session_log(sb, odbc_ini, tmp_path, verbosity):
    """The log a short session (a query, a failing query, a disconnect) writes."""
    path = tmp_path / f"driver-{verbosity}.log"
    cs = connstr(sb, Logfile=str(path), Verbosity=verbosity)
    subprocess.run([sys.executable, "-c", SESSION, cs], check=True, env=os.environ.copy())
    return path, path.read_text()


def lines_of(text, kind):
    return [line for line in text.splitlines() if f" {kind} " in line]


def brand_name(sb):
    return next(b["name"] for b in sb.get_all("/v3/catalog/brands") if b["id"] == 1)


def test_verbosity_1_logs_connects_and_errors_only(sandbox, odbc_ini, tmp_path):
    path, text = session_log(sandbox, odbc_ini, tmp_path, 1)
    assert f"connected to store {sandbox.store_hash}" in text
    assert f"disconnected from store {sandbox.store_hash}" in text
    errors = [line for line in lines_of(text, "CONN") if "42S02" in line]
    assert len(errors) == 1 and "NoSuchTable" in errors[0]
    assert not lines_of(text, "SQL") and not lines_of(text, "HTTP")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_verbosity_2_adds_the_statements(sandbox, odbc_ini, tmp_path):
    _, text = session_log(sandbox, odbc_ini, tmp_path, 2)
    statements = lines_of(text, "SQL")
    assert any("SELECT id, name FROM Brands WHERE id = 1" in line for line in statements)
    assert any("SELECT * FROM NoSuchTable" in line for line in statements)
    assert not lines_of(text, "HTTP")


def test_verbosity_3_adds_each_api_request(sandbox, odbc_ini, tmp_path):
    _, text = session_log(sandbox, odbc_ini, tmp_path, 3)
    requests = lines_of(text, "HTTP")
    assert any("GET /v2/store -> 200" in line for line in requests)
    assert any("/v3/catalog/brands" in line and "-> 200" in line for line in requests)
    assert not lines_of(text, "TRACE")


def test_verbosity_4_traces_every_odbc_call(sandbox, odbc_ini, tmp_path):
    _, text = session_log(sandbox, odbc_ini, tmp_path, 4)
    trace = lines_of(text, "TRACE")
    assert any(" enter SQLExecDirectW stmt " in line for line in trace)
    assert any(" leave SQLExecDirectW " in line and line.endswith("-> SQL_SUCCESS")
               for line in trace)
    assert any(" leave SQLExecDirectW " in line and line.endswith("-> SQL_ERROR")
               for line in trace)
    enters = sum(" enter " in line for line in trace)
    leaves = sum(" leave " in line for line in trace)
    assert enters > 0 and leaves > 0
    assert not lines_of(text, "BODY")
    assert brand_name(sandbox) not in text


def test_verbosity_5_logs_bodies_without_the_token(sandbox, odbc_ini, tmp_path):
    _, text = session_log(sandbox, odbc_ini, tmp_path, 5)
    bodies = lines_of(text, "BODY")
    assert any("/v3/catalog/brands" in line and brand_name(sandbox) in line for line in bodies)
    assert sandbox.token not in text
