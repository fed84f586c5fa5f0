"""The bigcommerce+pyodbc SQLAlchemy dialect. Installs with the driver's package, or with
``pip install ./clients/sqlalchemy``; the entry point makes create_engine find it."""

from setuptools import setup

setup(
    name="sqlalchemy-bigcommerce",
    version="0.1.0",
    description="SQLAlchemy dialect for the BigCommerce ODBC driver (bigcommerce+pyodbc://)",
    packages=["sqlalchemy_bigcommerce"],
    install_requires=["SQLAlchemy>=1.4", "pyodbc"],
    entry_points={
        "sqlalchemy.dialects": [
            "bigcommerce.pyodbc = sqlalchemy_bigcommerce.pyodbc:BigCommerceDialect_pyodbc",
            "bigcommerce = sqlalchemy_bigcommerce.pyodbc:BigCommerceDialect_pyodbc",
        ]
    },
)
