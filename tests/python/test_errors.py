"""Errors through pyodbc: the SQLSTATE is the first of the exception's args."""

import threading
import time

import pyodbc
import pytest

from conftest import connstr, sqlstate


def test_bad_token_fails_at_connect_with_28000(sandbox, connect):
    with pytest.raises(pyodbc.Error) as err:
        connect(sandbox, OAuthAccessToken="not-it")
    assert sqlstate(err.value) == "28000"
    assert "not-it" not in str(err.value)


def test_unknown_table_is_42s02(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("SELECT * FROM NoSuchTable")
    assert sqlstate(err.value) == "42S02"
    assert "NoSuchTable" in str(err.value)


def test_unknown_column_is_42s22(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("SELECT nosuch FROM Products")
    assert sqlstate(err.value) == "42S22"


def test_bad_sql_is_42000(sandbox, connect):
    cur = connect(sandbox).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("SELEC id FROM Products")
    assert sqlstate(err.value) == "42000"
    assert "[BigCommerce][ODBC]" in str(err.value)


def test_sandbox_down_is_08001_or_08s01(start_sandbox, connect):
    sb = start_sandbox()
    live = connect(sb)
    sb.stop()
    with pytest.raises(pyodbc.Error) as err:
        connect(sb, Timeout=5)
    assert sqlstate(err.value) in ("08001", "08S01")
    with pytest.raises(pyodbc.Error) as err:
        live.cursor().execute("SELECT * FROM Products").fetchall()
    assert sqlstate(err.value) in ("08S01", "08001")


def test_bad_initiate_oauth_names_property_and_values(sandbox, connect):
    with pytest.raises(pyodbc.Error) as err:
        connect(sandbox, InitiateOAuth="SOMETIMES")
    text = str(err.value)
    for word in ("InitiateOAuth", "OFF", "GETANDREFRESH", "REFRESH"):
        assert word in text


def test_missing_token_connects_but_queries_fail_with_28000(sandbox, connect):
    cur = connect(sandbox, OAuthAccessToken=None).cursor()
    with pytest.raises(pyodbc.Error) as err:
        cur.execute("SELECT id FROM Products")
    assert sqlstate(err.value) == "28000"
    assert "OAuthAccessToken" in str(err.value)


def test_server_errors_are_retried(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=500, count=2)
    assert cur.execute("SELECT COUNT(*) FROM Brands").fetchval() == len(
        sandbox.get_all("/v3/catalog/brands"))


def test_malformed_response_is_retried(sandbox, connect):
    cur = connect(sandbox).cursor()
    expected = cur.execute("SELECT COUNT(*) FROM Brands").fetchval()
    sandbox.fault(malformed=True, count=1)
    # a damaged 200 body is retried like a 5xx: the same answer
    assert cur.execute("SELECT COUNT(*) FROM Brands").fetchval() == expected


def test_malformed_response_every_time_is_an_error(sandbox, connect):
    cur = connect(sandbox).cursor()
    # every attempt damaged: the first and its 8 retries (BC_HTTP_MAX_READ_RETRIES)
    sandbox.fault(malformed=True, count=9)
    with pytest.raises(pyodbc.Error) as e:
        cur.execute("SELECT COUNT(*) FROM Brands").fetchall()
    assert "08S01" in str(e.value)
    # the connection is still usable
    assert cur.execute("SELECT COUNT(*) FROM Brands").fetchval() > 0


def test_rate_limit_is_waited_out(sandbox, connect):
    cur = connect(sandbox).cursor()
    sandbox.fault(status=429, count=1, reset_ms=400)
    t0 = time.monotonic()
    assert cur.execute("SELECT COUNT(*) FROM Brands").fetchval() > 0
    assert time.monotonic() - t0 >= 0.35


def test_query_timeout_is_hyt00(start_sandbox, connect):
    sb = start_sandbox(latency_ms=2500)
    conn = connect(sb)
    conn.timeout = 1  # SQL_ATTR_QUERY_TIMEOUT on every cursor
    t0 = time.monotonic()
    with pytest.raises(pyodbc.Error) as err:
        conn.cursor().execute("SELECT COUNT(*) FROM Brands").fetchall()
    assert sqlstate(err.value) == "HYT00"
    assert time.monotonic() - t0 < 6


def test_cancel_from_another_thread_is_hy008(sandbox, connect):
    # The products request is held for 20 s; a cancel reaches only a running statement and
    # when this one starts depends on the machine, so the canceller keeps asking until the
    # query has ended.
    cur = connect(sandbox).cursor()
    sandbox.fault(delay_ms=20000, count=1, path_contains="/catalog/products")
    done = threading.Event()

    def keep_cancelling():
        while not done.wait(0.1):
            cur.cancel()

    canceller = threading.Thread(target=keep_cancelling)
    canceller.start()
    t0 = time.monotonic()
    try:
        with pytest.raises(pyodbc.Error) as err:
            cur.execute("SELECT COUNT(id) FROM Products").fetchall()
    finally:
        done.set()
        canceller.join()
    assert sqlstate(err.value) == "HY008"
    # interrupted mid-request, not answered after the hold
    assert time.monotonic() - t0 < 15


def test_noprompt_with_missing_store_id_does_not_block(sandbox, odbc_ini):
    t0 = time.monotonic()
    with pytest.raises(pyodbc.Error) as err:
        pyodbc.connect(connstr(sandbox, StoreId=None), autocommit=True)
    assert time.monotonic() - t0 < 5
    assert "StoreId" in str(err.value)
