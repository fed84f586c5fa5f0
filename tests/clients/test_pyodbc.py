"""Client matrix: pyodbc (python3-pyodbc) through the DSN of harness.py."""

import os
import sys

import pyodbc

E = os.environ
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


cn = pyodbc.connect(f"DSN={E['BC_DSN']}", autocommit=True)
cur = cn.cursor()

tables = {row.table_name for row in cur.tables(schema="BigCommerce", tableType="TABLE")}
check("SQLTables lists Products", "Products" in tables, True)
columns = {row.column_name for row in cur.columns(table="Products")}
check("SQLColumns of Products", {"id", "name", "price", "brand_id"} <= columns, True)

row = cur.execute("SELECT p.name, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id "
                  f"WHERE p.id = {E['BC_PRODUCT_ID']}").fetchone()
check("join", tuple(row), (E["BC_PRODUCT_NAME"], E["BC_BRAND_NAME"]))

row = cur.execute("SELECT name FROM Products WHERE id = ?", int(E["BC_PRODUCT_ID"])).fetchone()
check("parameterized query", row[0], E["BC_PRODUCT_NAME"])

url = cur.execute("CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/callback', "
                  "'store_v2_products', 'client-state')").fetchone()[0]
check("procedure URL carries the client id", f"client_id={E['BC_CLIENT_ID']}" in url, True)
check("procedure URL carries the state", "state=client-state" in url, True)

try:
    cur.execute("SELECT * FROM NoSuchTable")
    failures.append("error: SELECT from an unknown table succeeded")
except pyodbc.Error as exc:
    check("error SQLSTATE", exc.args[0], "42S02")
    check("error message prefix", "[BigCommerce][ODBC]" in exc.args[1], True)

cn.close()
for f in failures:
    print("FAIL", f)
print("pyodbc:", "ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
