#!/bin/sh
# $BROWSER for the OAuth tests: runs bc-browser.js without LD_PRELOAD. Under BC_SANITIZE the
# test's python3 gets the ASan runtime preloaded so that it can load the instrumented driver;
# the driver passes its environment on to $BROWSER, and node and chromium must not inherit
# that runtime (they hang or crash under it).
unset LD_PRELOAD
exec "$(dirname "$0")/bc-browser.js" "$@"
