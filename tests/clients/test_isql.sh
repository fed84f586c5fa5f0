#!/usr/bin/env bash
# Client matrix: unixODBC's isql or iusql (the wide-character variant), given as $1, through
# the DSN of harness.py. Their `help` command calls SQLTables and `help TABLE` SQLColumns.
# Neither binds parameters, so the parameterized query checks the driver's answer to an
# unbound marker (07002) instead of a value.
set -uo pipefail
client=$1
fail=0
run() { printf '%s\n' "$@" | "$client" -v -b -d'|' "$BC_DSN" 2>&1; }
expect() { # what, output, pattern
  if grep -qF -- "$3" <<<"$2"; then :; else
    echo "FAIL $1: no '$3' in:"; head -20 <<<"$2"; fail=1
  fi
}

out=$(run help)
expect "SQLTables lists Products" "$out" "|BigCommerce|Products|TABLE|"
out=$(run "help Products")
expect "SQLColumns of Products" "$out" "|BigCommerce|Products|name|"
expect "SQLColumns of Products" "$out" "|BigCommerce|Products|price|"
out=$(run "SELECT p.name, b.name FROM Products p JOIN Brands b ON b.id = p.brand_id WHERE p.id = $BC_PRODUCT_ID")
expect "join" "$out" "$BC_PRODUCT_NAME|$BC_BRAND_NAME"
# isql prints the SQLSTATE of a diagnostic, iusql only its message.
[[ $client == isql ]] && unbound="[07002]" || unbound=""
out=$(run "SELECT name FROM Products WHERE id = ?")
expect "unbound parameter" "$out" "${unbound}[BigCommerce][ODBC] Parameter 1 has no value"
out=$(run "CALL GetOAuthAuthorizationURL('WEB', 'https://app.example.com/callback', 'store_v2_products', 'client-state')")
expect "procedure" "$out" "client_id=$BC_CLIENT_ID&"
expect "procedure" "$out" "&state=client-state"
out=$(run "SELECT * FROM NoSuchTable")
# isql asks for ODBC 2 behaviour, which renames 42S02 to S0002.
[[ $client == isql ]] && state="[S0002]" || state=""
expect "error" "$out" "${state}[BigCommerce][ODBC] no such table: NoSuchTable"
echo "$client: $( ((fail)) && echo FAILED || echo ok)"
exit "$fail"
