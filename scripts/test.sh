#!/usr/bin/env bash
# The README's test command. On a fresh clone of Debian 12: installs the packages the build
# and the suite need (scripts/install-deps.sh; sudo when not root) and the browser test's
# playwright-core (npm ci), builds into build/, and runs the whole ctest suite. Under CI
# (CI=true, as .ci/run sets it) the client matrix then runs against the Debian package,
# installed with dpkg and removed afterwards (scripts/client-matrix.sh); elsewhere the client
# tests run inside ctest against the build tree, and a client that is not installed (php, R,
# LibreOffice ...: see .ci/run's package list) is skipped. Usage:
#   scripts/test.sh            build and test
#   BC_TEST_JOBS=4 scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${BC_TEST_JOBS:-2}

scripts/install-deps.sh --with-browser
# The browser test drives Debian's chromium through playwright-core; never download one.
# npm keeps node_modules/.package-lock.json in step with what it installed: when it is newer
# than package-lock.json the tree is already what `npm ci` would produce.
browser=tests/browser
if [[ -f $browser/package-lock.json ]]; then
  if [[ $browser/node_modules/.package-lock.json -nt $browser/package-lock.json ]]; then
    echo "tests/browser/node_modules is up to date"
  else
    echo "npm ci (tests/browser)"
    (cd "$browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"

status=0
if [[ "${CI:-}" == true ]]; then
  ctest --test-dir build --output-on-failure -j"$jobs" -LE clients || status=1
  scripts/client-matrix.sh build || status=1
else
  ctest --test-dir build --output-on-failure -j"$jobs" || status=1
fi
exit "$status"
