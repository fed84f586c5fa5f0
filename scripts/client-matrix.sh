#!/usr/bin/env bash
# The client matrix against the installed driver, as CI runs it (scripts/test.sh under
# CI=true): builds the Debian package in the build tree, installs it with dpkg -i, checks that
# odbcinst lists [BigCommerce], runs the client tests (ctest -L clients) through that name,
# then removes the package with dpkg -r and checks that the registration and the files are
# gone. Needs root or sudo. Usage: scripts/client-matrix.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
# odbcinst and the maintainer scripts must see the system's odbcinst.ini.
unset ODBCSYSINI ODBCINSTINI
driver=/usr/lib/odbc/libbigcommerceodbc.so

step() { printf '\n---- client matrix: %s ----\n' "$*"; }
fail() { echo "client matrix: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' bigcommerce-odbc 2>/dev/null | grep -q "install ok installed"; then
  fail "bigcommerce-odbc is already installed; remove it first (dpkg -r bigcommerce-odbc)"
fi

step "cpack -G DEB"
rm -f "$build"/bigcommerce-odbc_*.deb
(cd "$build" && cpack -G DEB)
deb=$(ls "$build"/bigcommerce-odbc_*.deb)

step "dpkg -i $deb"
$SUDO dpkg -i "$deb"
removed=0
remove() { ((removed)) || $SUDO dpkg -r bigcommerce-odbc; removed=1; }
trap remove EXIT
odbcinst -q -d | grep -qx '\[BigCommerce\]' || fail "odbcinst -q -d does not list [BigCommerce]"
odbcinst -q -d -n BigCommerce | grep -q "^Driver=$driver\$" ||
  fail "[BigCommerce] does not name $driver: $(odbcinst -q -d -n BigCommerce)"

step "clients through the installed driver"
status=0
BC_CLIENTS_DRIVER=installed ctest --test-dir "$build" -L clients --output-on-failure -j2 ||
  status=1

step "dpkg -r bigcommerce-odbc"
remove
if odbcinst -q -d | grep -qx '\[BigCommerce\]'; then
  fail "[BigCommerce] is still registered after dpkg -r"
fi
for left in "$driver" /usr/lib/python3/dist-packages/sqlalchemy_bigcommerce \
  /usr/share/bigcommerce-odbc; do
  [[ ! -e $left ]] || fail "$left is still there after dpkg -r"
done
dpkg-query -W -f='${Status}' bigcommerce-odbc 2>/dev/null | grep -q "install ok installed" &&
  fail "dpkg still lists bigcommerce-odbc as installed"
# dpkg -r keeps the package's record (its postrm); purge it so the machine is as before.
$SUDO dpkg -P bigcommerce-odbc >/dev/null
echo "client matrix: $( ((status)) && echo FAILED || echo passed), package removed cleanly"
exit "$status"
