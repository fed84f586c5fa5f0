#!/bin/sh
# ctest entry of the real-browser OAuth test. Exit 77 (ctest: skipped) only when
# playwright-core is not installed in tests/browser/node_modules (.ci/run runs npm ci there).
here=$(dirname "$0")
if [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "SKIP: tests/browser/node_modules is absent; run 'npm ci' in tests/browser"
    exit 77
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec /usr/bin/python3 -m pytest -q -p no:cacheprovider "$here/test_browser_oauth.py"
