#!/usr/bin/env bash
# The Debian package's postinst and prerm, as dpkg calls them on install, upgrade and removal,
# against a private odbcinst.ini: odbcinst is shimmed on PATH to point ODBCSYSINI at a
# temporary directory (the scripts themselves ignore the caller's ODBCSYSINI, as they must),
# and the scripts are the build tree's test copies, whose template names the build's driver.
# Checks that registrations balance through UsageCount: an upgrade keeps [BigCommerce], a
# registration made by hand survives the package's removal, and removing an unregistered
# driver is not an error. Usage: test_maintainer_scripts.sh BUILD_DIR
set -euo pipefail
scripts=$1/packaging/test
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/bin"
odbcinst_bin=$(command -v odbcinst)
printf '#!/bin/sh\nODBCSYSINI=%s exec %s "$@"\n' "$work" "$odbcinst_bin" >"$work/bin/odbcinst"
chmod +x "$work/bin/odbcinst"
export PATH=$work/bin:$PATH

usage() { # prints UsageCount of [BigCommerce], or "none"
  odbcinst -q -d -n BigCommerce 2>/dev/null | sed -n 's/^UsageCount=//p' | grep . || echo none
}
expect() { [[ $(usage) == "$2" ]] || fail "$1: UsageCount $(usage), want $2"; }

sh "$scripts/postinst" configure
expect "after install" 1
odbcinst -q -d -n BigCommerce | grep -qx "Driver=$1/driver/libbigcommerceodbc.so" ||
  fail "postinst registered another driver: $(odbcinst -q -d -n BigCommerce)"
sh "$scripts/prerm" upgrade 0.1.0
sh "$scripts/postinst" configure 0.1.0
expect "after an upgrade" 1
odbcinst -i -d -f "$scripts/odbcinst.ini" >/dev/null # someone registers it by hand too
expect "after a registration by hand" 2
sh "$scripts/prerm" remove
expect "after removal, with the registration by hand left" 1
odbcinst -u -d -n BigCommerce >/dev/null
expect "after the hand registration is taken back" none
sh "$scripts/prerm" remove || fail "prerm remove fails when the driver is not registered"
sh "$scripts/postinst" abort-remove
expect "after an aborted removal" 1
echo "maintainer scripts: ok"
