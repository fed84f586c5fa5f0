"""Client matrix: LibreOffice Base's ODBC driver (sdbc:odbc:DSN), driven headless through
python3-uno: a soffice process listens on a private pipe, and this script talks SDBC to it."""

import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.sdbc import SQLException

E = os.environ
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def start_office():
    pipe = f"bc_clients_{uuid.uuid4().hex}"
    profile = f"file://{E['BC_WORKDIR']}/lo-profile"
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                             "--nologo", "--nodefault", f"-env:UserInstallation={profile}",
                             f"--accept=pipe,name={pipe};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):  # the first start creates the profile
        try:
            return proc, resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # NoConnectException until soffice listens
            if proc.poll() is not None:
                sys.exit(f"soffice exited with {proc.returncode}")
            time.sleep(0.1)
    proc.kill()
    sys.exit("soffice did not accept a connection")


def column(result_set, index):
    values = []
    while result_set.next():
        values.append(result_set.getString(index))
    return values


def run(conn):
    meta = conn.getMetaData()
    tables = column(meta.getTables(None, "BigCommerce", "%", ("TABLE",)), 3)
    check("SQLTables lists Products", "Products" in tables, True)
    columns = column(meta.getColumns(None, "BigCommerce", "Products", "%"), 4)
    check("SQLColumns of Products", {"id", "name", "price", "brand_id"} <= set(columns), True)

    rs = conn.createStatement().executeQuery(
        "SELECT p.name, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id "
        f"WHERE p.id = {E['BC_PRODUCT_ID']}")
    check("join", (rs.next(), rs.getString(1), rs.getString(2)),
          (True, E["BC_PRODUCT_NAME"], E["BC_BRAND_NAME"]))

    ps = conn.prepareStatement("SELECT name FROM Products WHERE id = ?")
    ps.setInt(1, int(E["BC_PRODUCT_ID"]))
    rs = ps.executeQuery()
    check("parameterized query", (rs.next(), rs.getString(1)), (True, E["BC_PRODUCT_NAME"]))

    rs = conn.createStatement().executeQuery(
        "CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/callback', "
        "'store_v2_products', 'client-state')")
    url = rs.getString(1) if rs.next() else ""
    check("procedure URL carries the client id", f"client_id={E['BC_CLIENT_ID']}&" in url, True)
    check("procedure URL carries the state", "&state=client-state" in url, True)

    try:
        conn.createStatement().executeQuery("SELECT * FROM NoSuchTable")
        failures.append("error: SELECT from an unknown table succeeded")
    except SQLException as exc:
        check("error SQLSTATE", exc.SQLState, "42S02")
        check("error message", "[BigCommerce][ODBC] no such table" in exc.Message, True)


def main():
    proc, ctx = start_office()
    try:
        manager = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.sdbc.DriverManager", ctx)
        conn = manager.getConnection(f"sdbc:odbc:{E['BC_DSN']}")
        try:
            run(conn)
        finally:
            conn.close()
        try:
            ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:  # the bridge drops as soffice exits
            pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    for f in failures:
        print("FAIL", f)
    print("LibreOffice:", "ok" if not failures else f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
