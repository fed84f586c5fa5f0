#!/bin/bash
# An isql session through a DSN: the driver registered in a private odbcinst.ini, a DSN in a
# private odbc.ini, `isql -v -b DSN` fed SQL on stdin, its output compared with the sandbox's
# own JSON. Usage: isql_session.sh DRIVER.so BC-SANDBOX
set -euo pipefail

driver=${1:?driver .so}
sandbox=${2:?bc-sandbox}
work=$(mktemp -d /tmp/bc-isql-XXXXXX)
sb_pid=
cleanup() {
    [ -n "$sb_pid" ] && kill "$sb_pid" 2>/dev/null && wait "$sb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkfifo "$work/out"
"$sandbox" --port 0 --products 12 --orders 4 --customers 4 >"$work/out" &
sb_pid=$!
exec 3<"$work/out" # kept open so the sandbox never writes into a closed pipe
read -t 10 -r url <&3 || fail "bc-sandbox printed no URL"
url=${url%/}

cat >"$work/odbcinst.ini" <<EOF
[BigCommerce]
Description = BigCommerce ODBC driver (test)
Driver = $driver
EOF
cat >"$work/odbc.ini" <<EOF
[bcdemo]
Driver = BigCommerce
StoreId = sandbox
OAuthAccessToken = sandbox-token
ApiBaseURL = $url

[bcbadtoken]
Driver = BigCommerce
StoreId = sandbox
OAuthAccessToken = not-the-token
ApiBaseURL = $url
EOF
export ODBCSYSINI=$work ODBCINI=$work/odbc.ini ODBCINSTINI=odbcinst.ini

# Under the sanitizer build the ASan runtime is preloaded into isql only (BC_HOST_PRELOAD), not
# into curl or jq.
isql() { LD_PRELOAD="${BC_HOST_PRELOAD:-}" command isql "$@"; }
api() { curl -sf -H 'X-Auth-Token: sandbox-token' -H 'Accept: application/json' "$url/stores/sandbox$1"; }

# 1. rows and values: ids and names of the products, '|'-delimited, with a header row
expected=$(api '/v3/catalog/products?limit=250' | jq -r '.data | sort_by(.id) | .[] | "\(.id)|\(.name)"')
got=$(echo "SELECT id, name FROM Products ORDER BY id" | isql -v -b -d'|' -c bcdemo 2>&1) ||
    fail "isql exited with $?: $got"
header=$(head -n1 <<<"$got")
[ "$header" = "id|name" ] || fail "header row is '$header'"
body=$(tail -n +2 <<<"$got")
[ "$body" = "$expected" ] || fail "rows differ:
--- expected
$expected
--- got
$body"

# 2. several statements in one session, one per line; an aggregate over a join
orders=$(api '/v2/orders?limit=250' | jq 'length')
got=$(printf '%s\n' "SELECT COUNT(*) FROM Orders" "SELECT COUNT(*) FROM Brands b WHERE b.id = 1" |
    isql -v -b -d'|' bcdemo 2>&1) || fail "isql exited with $?: $got"
[ "$got" = "$orders
1" ] || fail "counts: '$got' (expected $orders and 1)"

# 3. an error is reported with its ODBC 3 SQLSTATE (-3; isql's default ODBC 2 would show
#    S0002). isql 2.3 exits 0 after a failed statement in batch mode, so only the text counts.
got=$(echo "SELECT * FROM NoSuchTable" | isql -v -b -3 bcdemo 2>&1) || true
grep -q '\[42S02\]' <<<"$got" || fail "no 42S02 in: $got"
grep -q 'NoSuchTable' <<<"$got" || fail "the message does not name the table: $got"

# 4. a rejected token fails at connect with 28000, without the token in the output
if got=$(echo "SELECT 1" | isql -v -b -3 bcbadtoken 2>&1); then
    fail "connected with a wrong token: $got"
fi
grep -q '28000' <<<"$got" || fail "no 28000 in: $got"
if grep -q 'not-the-token' <<<"$got"; then
    fail "the token appears in the error: $got"
fi

echo "isql session: ok"
