"""The ``bigcommerce+pyodbc`` dialect.

URLs::

    bigcommerce+pyodbc://@MyStore                         the DSN MyStore
    bigcommerce+pyodbc://@MyStore?MaxRows=1000            a DSN, with properties on top
    bigcommerce+pyodbc:///?StoreId=abc&OAuthAccessToken=t  Driver=BigCommerce, no DSN
    bigcommerce+pyodbc:///?odbc_connect=<url-encoded connection string>

Every other query key is a connection property of the driver (see bigcommerce-odbc(7)).
"""

from sqlalchemy import util
from sqlalchemy.connectors.pyodbc import PyODBCConnector
from sqlalchemy.dialects.sqlite.base import SQLiteDialect
from sqlalchemy.engine import default, reflection

from .types import from_odbc

SCHEMA = "BigCommerce"


def _quote(value):
    value = str(value)
    if ";" in value or value.startswith("{"):
        return "{%s}" % value.replace("}", "}}")
    return value


class BigCommerceDialect_pyodbc(PyODBCConnector, SQLiteDialect):
    name = "bigcommerce"
    driver = "pyodbc"
    pyodbc_driver_name = "BigCommerce"
    supports_statement_cache = True
    default_paramstyle = "qmark"
    # The driver has no transactions and is read-only but for TEMP tables.
    supports_sane_rowcount = False
    supports_sane_multi_rowcount = False
    # pyodbc hands back Python dates, times and Decimals itself: the generic types need no
    # string parsing, unlike the SQLite dialect's.
    colspecs = {}

    def __init__(self, use_setinputsizes=False, **kw):
        # SQLiteDialect.__init__ reads the sqlite3 module's version; pyodbc has none.
        default.DefaultDialect.__init__(self, **kw)
        self.use_setinputsizes = use_setinputsizes
        self.isolation_level = None
        self.native_datetime = True
        self._json_serializer = None
        self._json_deserializer = None

    def create_connect_args(self, url):
        query = dict(url.query)
        connect_args = {"autocommit": util.asbool(query.pop("autocommit", True))}
        if "odbc_connect" in query:
            return [[util.unquote_plus(query.pop("odbc_connect"))], connect_args]
        if url.host:
            parts = ["DSN=%s" % _quote(url.host)]
        else:
            parts = ["Driver={%s}" % query.pop("driver", self.pyodbc_driver_name)]
        parts += ["%s=%s" % (key, _quote(value)) for key, value in query.items()]
        return [[";".join(parts)], connect_args]

    def _get_default_schema_name(self, connection):
        return SCHEMA

    def _get_server_version_info(self, connection, allow_chars=True):
        return super()._get_server_version_info(connection, allow_chars=False)

    # ---- reflection through the driver's catalog functions -----------------------------
    def _cursor(self, connection):
        return connection.connection.cursor()

    def _tables(self, connection, schema, table_type, name=None):
        cur = self._cursor(connection)
        try:
            rows = cur.tables(table=name, schema=schema or SCHEMA, tableType=table_type)
            return [row.table_name for row in rows]
        finally:
            cur.close()

    @reflection.cache
    def get_schema_names(self, connection, **kw):
        return [SCHEMA]

    @reflection.cache
    def get_table_names(self, connection, schema=None, **kw):
        return self._tables(connection, schema, "TABLE")

    @reflection.cache
    def get_view_names(self, connection, schema=None, **kw):
        return self._tables(connection, schema, "VIEW")

    def get_temp_table_names(self, connection, **kw):
        return []

    def get_temp_view_names(self, connection, **kw):
        return []

    def has_table(self, connection, table_name, schema=None, **kw):
        self._ensure_has_table_connection(connection)
        return bool(self._tables(connection, schema, "TABLE,VIEW,SYSTEM TABLE", table_name))

    def get_view_definition(self, connection, view_name, schema=None, **kw):
        return None

    @reflection.cache
    def get_columns(self, connection, table_name, schema=None, **kw):
        cur = self._cursor(connection)
        try:
            rows = cur.columns(table=table_name, schema=schema or SCHEMA).fetchall()
        finally:
            cur.close()
        return [
            {
                "name": row.column_name,
                "type": from_odbc(row.data_type, row.column_size, row.decimal_digits),
                "nullable": row.nullable != 0,
                "default": row.column_def,
                "autoincrement": False,
                "comment": row.remarks or None,
            }
            for row in rows
        ]

    @reflection.cache
    def get_pk_constraint(self, connection, table_name, schema=None, **kw):
        cur = self._cursor(connection)
        try:
            rows = cur.primaryKeys(table_name, schema=schema or SCHEMA).fetchall()
        finally:
            cur.close()
        rows.sort(key=lambda row: row.key_seq)
        return {
            "constrained_columns": [row.column_name for row in rows],
            "name": rows[0].pk_name if rows else None,
        }

    @reflection.cache
    def get_foreign_keys(self, connection, table_name, schema=None, **kw):
        cur = self._cursor(connection)
        try:
            rows = cur.foreignKeys(foreignTable=table_name,
                                   foreignSchema=schema or SCHEMA).fetchall()
        finally:
            cur.close()
        keys = {}
        for row in sorted(rows, key=lambda r: (r.fk_name or "", r.key_seq)):
            fk = keys.setdefault(row.fk_name or f"fk_{row.pktable_name}", {
                "name": row.fk_name,
                "constrained_columns": [],
                "referred_schema": row.pktable_schem if schema else None,
                "referred_table": row.pktable_name,
                "referred_columns": [],
                "options": {},
            })
            fk["constrained_columns"].append(row.fkcolumn_name)
            fk["referred_columns"].append(row.pkcolumn_name)
        return list(keys.values())

    def get_indexes(self, connection, table_name, schema=None, **kw):
        return []

    def get_unique_constraints(self, connection, table_name, schema=None, **kw):
        return []

    def get_check_constraints(self, connection, table_name, schema=None, **kw):
        return []

    def get_table_comment(self, connection, table_name, schema=None, **kw):
        cur = self._cursor(connection)
        try:
            rows = cur.tables(table=table_name, schema=schema or SCHEMA).fetchall()
        finally:
            cur.close()
        return {"text": rows[0].remarks if rows else None}
