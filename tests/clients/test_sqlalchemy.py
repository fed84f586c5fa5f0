"""Client matrix: the bigcommerce+pyodbc SQLAlchemy dialect (clients/sqlalchemy, on
python3-sqlalchemy) with pandas (python3-pandas), through the DSN of harness.py.

Against the installed package (BC_CLIENTS_DRIVER=installed) create_engine finds the dialect
through the entry point the package installs; against the build tree harness.py puts
clients/sqlalchemy on PYTHONPATH and the dialect is registered by hand."""

import os
import sys
import warnings

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import registry

E = os.environ
if E.get("BC_CLIENTS_DRIVER") != "installed":
    registry.register("bigcommerce.pyodbc", "sqlalchemy_bigcommerce", "BigCommerceDialect_pyodbc")
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


engine = sa.create_engine(f"bigcommerce+pyodbc://@{E['BC_DSN']}")
if E.get("BC_CLIENTS_DRIVER") == "installed":
    check("the installed dialect", engine.dialect.__module__.startswith("sqlalchemy_bigcommerce")
          and "/dist-packages/" in sys.modules["sqlalchemy_bigcommerce"].__file__, True)
insp = sa.inspect(engine)

check("SQLTables lists Products", "Products" in insp.get_table_names(), True)
check("default schema", insp.default_schema_name, "BigCommerce")
columns = {c["name"]: c for c in insp.get_columns("Products")}
check("SQLColumns of Products", {"id", "name", "price", "brand_id"} <= set(columns), True)
check("id is an integer", isinstance(columns["id"]["type"], sa.Integer), True)
check("price is numeric", isinstance(columns["price"]["type"], sa.Numeric), True)
check("primary key", insp.get_pk_constraint("Products")["constrained_columns"], ["id"])
fks = insp.get_foreign_keys("OrderItems")
check("foreign key OrderItems.order_id -> Orders.id",
      [(fk["constrained_columns"], fk["referred_table"], fk["referred_columns"]) for fk in fks],
      [(["order_id"], "Orders", ["id"])])

with engine.connect() as cn:
    row = cn.execute(sa.text("SELECT p.name, b.name FROM Products p JOIN Brands b "
                             "ON b.id = p.brand_id WHERE p.id = :id"),
                     {"id": int(E["BC_PRODUCT_ID"])}).one()
    check("join with a bound parameter", tuple(row), (E["BC_PRODUCT_NAME"], E["BC_BRAND_NAME"]))

    products = sa.Table("Products", sa.MetaData(), autoload_with=cn)
    name = cn.execute(sa.select(products.c.name)
                      .where(products.c.id == int(E["BC_PRODUCT_ID"]))).scalar_one()
    check("Core select on a reflected table", name, E["BC_PRODUCT_NAME"])

    url = cn.exec_driver_sql("CALL GetOAuthAuthorizationURL('WEB', "
                             "'https://app.example.com/callback', 'store_v2_products', "
                             "'client-state')").scalar_one()
    check("procedure URL carries the client id", f"client_id={E['BC_CLIENT_ID']}&" in url, True)
    check("procedure URL carries the state", "&state=client-state" in url, True)

    try:
        cn.execute(sa.text("SELECT * FROM NoSuchTable"))
        failures.append("error: SELECT from an unknown table succeeded")
    except sa.exc.DBAPIError as exc:
        check("error SQLSTATE", exc.orig.args[0], "42S02")
        check("error message", "[BigCommerce][ODBC] no such table" in str(exc.orig), True)

# The URL forms of the dialect's docstring become these connection strings.
dialect = engine.dialect
for url, want in [
    ("bigcommerce+pyodbc://@MyStore", "DSN=MyStore"),
    ("bigcommerce+pyodbc://@MyStore?MaxRows=10", "DSN=MyStore;MaxRows=10"),
    ("bigcommerce+pyodbc:///?StoreId=abc&OAuthAccessToken=t%3Bx",
     "Driver={BigCommerce};StoreId=abc;OAuthAccessToken={t;x}"),
    ("bigcommerce+pyodbc:///?odbc_connect=DSN%3DMyStore%3BTimeout%3D5", "DSN=MyStore;Timeout=5"),
]:
    args, kwargs = dialect.create_connect_args(sa.engine.make_url(url))
    check(f"connection string of {url}", (args, kwargs), ([want], {"autocommit": True}))

# Without a DSN: the driver by its registered name, properties from the URL.
bare = sa.create_engine(sa.engine.URL.create(
    "bigcommerce+pyodbc", query={"StoreId": E["BC_STORE_ID"], "OAuthAccessToken": E["BC_TOKEN"],
                                 "ApiBaseURL": E["BC_API_URL"]}))
with bare.connect() as cn:
    check("a URL without a DSN", cn.execute(sa.text("SELECT name FROM Products WHERE id = :id"),
                                            {"id": int(E["BC_PRODUCT_ID"])}).scalar_one(),
          E["BC_PRODUCT_NAME"])
check("its tables", "Brands" in sa.inspect(bare).get_table_names(), True)

with warnings.catch_warnings():
    # pandas warns when it is not given SQLAlchemy: that must not happen here.
    warnings.filterwarnings("error", message=".*only supports SQLAlchemy")
    frame = pd.read_sql(sa.text("SELECT id, name FROM Products WHERE id = :id"), engine,
                        params={"id": int(E["BC_PRODUCT_ID"])})
check("pandas read_sql", frame.to_dict("records"),
      [{"id": int(E["BC_PRODUCT_ID"]), "name": E["BC_PRODUCT_NAME"]}])
brands = pd.read_sql_table("Brands", engine)
check("pandas read_sql_table finds the brand", E["BC_BRAND_NAME"] in set(brands["name"]), True)

for f in failures:
    print("FAIL", f)
print("SQLAlchemy:", "ok" if not failures else f"{len(failures)} failures")
sys.exit(1 if failures else 0)
