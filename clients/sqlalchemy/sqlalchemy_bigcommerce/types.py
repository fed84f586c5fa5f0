"""SQLAlchemy types for the ODBC SQL data types the driver reports in SQLColumns."""

from sqlalchemy import types as sqltypes

# ODBC SQL data type codes (sql.h / sqlext.h).
_CHAR_TYPES = {1, 12, -8, -9}  # CHAR, VARCHAR, WCHAR, WVARCHAR
_LONG_CHAR_TYPES = {-1, -10}  # LONGVARCHAR, WLONGVARCHAR
_BINARY_TYPES = {-2, -3, -4}  # BINARY, VARBINARY, LONGVARBINARY
_SIMPLE = {
    4: sqltypes.INTEGER,
    5: sqltypes.SMALLINT,
    -6: sqltypes.SMALLINT,  # TINYINT
    -5: sqltypes.BIGINT,
    -7: sqltypes.BOOLEAN,  # BIT
    6: sqltypes.FLOAT,
    7: sqltypes.REAL,
    8: sqltypes.FLOAT,  # DOUBLE
    9: sqltypes.DATE,  # ODBC 2 DATE
    91: sqltypes.DATE,
    10: sqltypes.TIME,
    92: sqltypes.TIME,
    11: sqltypes.DATETIME,
    93: sqltypes.DATETIME,
}


def from_odbc(data_type, column_size, decimal_digits):
    """The SQLAlchemy type of a column described by SQLColumns."""
    if data_type in _CHAR_TYPES:
        return sqltypes.VARCHAR(column_size) if column_size else sqltypes.VARCHAR()
    if data_type in _LONG_CHAR_TYPES:
        return sqltypes.TEXT()
    if data_type in (2, 3):  # NUMERIC, DECIMAL
        return sqltypes.NUMERIC(column_size, decimal_digits)
    if data_type in _BINARY_TYPES:
        return sqltypes.LargeBinary()
    simple = _SIMPLE.get(data_type)
    return simple() if simple is not None else sqltypes.NullType()
