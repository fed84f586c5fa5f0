"""SQLAlchemy dialect for the BigCommerce ODBC driver: ``bigcommerce+pyodbc://``.

The driver runs SQLite's SQL, so statements are compiled by SQLAlchemy's SQLite compiler;
reflection (tables, views, columns, primary and foreign keys) asks the driver's ODBC catalog
functions through pyodbc. Registered under the name ``bigcommerce.pyodbc`` by the
distribution's entry point, or by hand with::

    from sqlalchemy.dialects import registry
    registry.register("bigcommerce.pyodbc", "sqlalchemy_bigcommerce", "BigCommerceDialect_pyodbc")
"""

from .pyodbc import BigCommerceDialect_pyodbc

dialect = BigCommerceDialect_pyodbc

__all__ = ["BigCommerceDialect_pyodbc", "dialect"]
__version__ = "0.1.0"
