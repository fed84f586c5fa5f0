#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build the driver, run the sandbox and the tests.
# Used by the demo, by .ci/run and by anyone setting up a fresh machine.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  unixodbc unixodbc-dev odbcinst
  libcurl4-openssl-dev libcjson-dev libssl-dev libsqlite3-dev
  libmicrohttpd-dev libcmocka-dev
  python3-pyodbc python3-pytest python3-yaml python3-jsonschema
)
if [[ "${1:-}" == "--with-browser" ]]; then
  packages+=(chromium nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian on some images; only ask apt for them if absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
