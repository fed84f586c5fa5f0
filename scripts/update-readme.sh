#!/usr/bin/env bash
# Regenerates the README's generated sections (connection properties, tables) and the manual
# page docs/bigcommerce-odbc.7 from the driver's own tables, so the manuals say what the code
# does. Usage:
#   scripts/update-readme.sh [build-dir]          rewrite README.md and the manual page
#   scripts/update-readme.sh --check [build-dir]  exit 1 when either is out of date
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [[ "${1:-}" == "--check" ]]; then check=1; shift; fi
build=${1:-build}

render() {
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
readme, props, tables = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
def put(text, name, body):
    begin, end = f"<!-- BEGIN {name} (generated) -->", f"<!-- END {name} -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}{end}{tail}"
sys.stdout.write(put(put(readme, "properties", props), "tables", tables))
PY
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/setup/bc-odbc-props" >"$tmp/props.md"
"$build/setup/bc-odbc-tables" >"$tmp/tables.md"
"$build/setup/bc-odbc-props" --man >"$tmp/bigcommerce-odbc.7"
render README.md "$tmp/props.md" "$tmp/tables.md" >"$tmp/README.md"
man=docs/bigcommerce-odbc.7
if ((check)); then
  stale=0
  diff -u README.md "$tmp/README.md" || stale=1
  diff -u "$man" "$tmp/bigcommerce-odbc.7" || stale=1
  if ((stale)); then
    echo "README.md or $man is out of date: run scripts/update-readme.sh $build" >&2
    exit 1
  fi
else
  cp "$tmp/README.md" README.md
  cp "$tmp/bigcommerce-odbc.7" "$man"
fi
