#!/usr/bin/env bash
# `cmake --install` into a private prefix, with unixODBC's odbcinst.ini redirected to a
# private directory: the files land where the README says, the install registers the driver
# as [BigCommerce] naming the installed library, isql connects through that name to a
# sandbox, bigcommerce-odbc(7) describes the properties, python3 finds the SQLAlchemy dialect through its
# entry point, and `odbcinst -u -d` takes the registration back.
# Usage: test_cmake_install.sh BUILD_DIR SANDBOX
set -euo pipefail
build=$1 sandbox=$2
work=$(mktemp -d)
sandbox_pid=""
trap '[[ -n $sandbox_pid ]] && kill "$sandbox_pid"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

export ODBCSYSINI=$work/etc ODBCINI=$work/odbc.ini
unset ODBCINSTINI
mkdir -p "$ODBCSYSINI"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

pydir=$(/usr/bin/python3 -c 'import sys; print("lib/python%d.%d/dist-packages" % sys.version_info[:2])')
for f in lib/odbc/libbigcommerceodbc.so lib/odbc/libbigcommerceodbcS.so \
  share/man/man7/bigcommerce-odbc.7 share/doc/bigcommerce-odbc/README.md \
  share/bigcommerce-odbc/odbcinst.ini "$pydir/sqlalchemy_bigcommerce/pyodbc.py" \
  "$pydir/sqlalchemy_bigcommerce-0.1.0.egg-info/entry_points.txt"; do
  [[ -f $prefix/$f ]] || fail "cmake --install did not install $f"
done

entry=$(odbcinst -q -d -n BigCommerce) || fail "the install did not register [BigCommerce]"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" # again: registers nothing
grep -qx "UsageCount=1" <<<"$(odbcinst -q -d -n BigCommerce)" ||
  fail "a second install registered the driver again: $(odbcinst -q -d -n BigCommerce)"
grep -qx "Driver=$prefix/lib/odbc/libbigcommerceodbc.so" <<<"$entry" ||
  fail "[BigCommerce] does not name the installed driver: $entry"
grep -qx "Setup=$prefix/lib/odbc/libbigcommerceodbcS.so" <<<"$entry" ||
  fail "[BigCommerce] does not name the installed setup library: $entry"

grep -qF '\fBOAuthAccessToken\fR' "$prefix/share/man/man7/bigcommerce-odbc.7" ||
  fail "the manual page does not describe OAuthAccessToken"

"$sandbox" --port 0 --store-hash inst --access-token inst-token --seed 3 --products 5 \
  >"$work/sandbox.out" &
sandbox_pid=$!
for _ in $(seq 100); do [[ -s $work/sandbox.out ]] && break; sleep 0.1; done
url=$(head -n1 "$work/sandbox.out")
printf '[Installed]\nDriver = BigCommerce\nStoreId = inst\nOAuthAccessToken = inst-token\nApiBaseURL = %s\n' \
  "$url" >"$ODBCINI"
out=$(echo "SELECT COUNT(*) FROM Products" | isql -b -v -d'|' Installed 2>&1)
grep -qx '5' <<<"$out" || fail "isql through the installed driver: $out"

PYTHONPATH=$prefix/$pydir /usr/bin/python3 -c '
from importlib.metadata import entry_points
eps = entry_points(group="sqlalchemy.dialects")
assert any(ep.name == "bigcommerce.pyodbc" for ep in eps), "no bigcommerce.pyodbc entry point"
' || fail "python3 does not find the dialect's entry point"

odbcinst -u -d -n BigCommerce >/dev/null
if odbcinst -q -d -n BigCommerce >/dev/null 2>&1; then
  fail "odbcinst -u -d left [BigCommerce] registered"
fi
echo "cmake --install: ok"
