#!/usr/bin/env bash
# The demo: on a fresh Debian 12 machine, install what is needed, build the driver, start the
# sandbox store, register the driver and a DSN in private odbcinst.ini/odbc.ini files, and run
# a query in isql through the DSN.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
build/tests/sandbox/bc-sandbox --port 0 --store-hash demo --access-token demo-token \
  --seed 7 --products 120 --orders 60 --customers 40 >"$work/sandbox.out" &
sandbox_pid=$!
for _ in $(seq 100); do [[ -s "$work/sandbox.out" ]] && break; sleep 0.1; done
url=$(head -n1 "$work/sandbox.out")

cat >"$work/odbcinst.ini" <<INI
[BigCommerce]
Description = BigCommerce ODBC driver
Driver = $root/build/driver/libbigcommerceodbc.so
INI
cat >"$work/odbc.ini" <<INI
[BigCommerceDemo]
Driver = BigCommerce
StoreId = demo
OAuthAccessToken = demo-token
ApiBaseURL = $url
INI
export ODBCSYSINI=$work ODBCINI=$work/odbc.ini

echo "Sandbox store at $url; querying it through the DSN BigCommerceDemo with isql:"
isql -v -b BigCommerceDemo <<'SQL'
SELECT o.id, o.date_created, c.email, SUM(i.quantity) AS items FROM Orders o JOIN Customers c ON c.id = o.customer_id JOIN OrderItems i ON i.order_id = o.id WHERE o.date_created >= '2025-01-01' GROUP BY 1, 2, 3 ORDER BY 1 LIMIT 10
SQL
