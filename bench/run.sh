#!/bin/sh
# The full benchmark: for each latency, start bc-sandbox with a big catalogue, run bc-bench
# against it, stop it. Builds nothing: build first (cmake --build build) or point BUILD_DIR
# at another build tree. Extra arguments go to every bc-bench run (e.g. --reps 5).
#
#   bench/run.sh                      # 50 ms: all scenarios; 150 ms: scans (1 and 4);
#                                     # 50 ms, 25,000 products: the wide scan (11)
#   bench/run.sh | tee run.txt; bench/plot.py < run.txt > bench/ratios.svg   # and its plot
#   BUILD_DIR=/path/to/build bench/run.sh --verbose
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
BENCH=$BUILD_DIR/bench/bc-bench
DRIVER=$BUILD_DIR/driver/libbigcommerceodbc.so
SANDBOX=$BUILD_DIR/tests/sandbox/bc-sandbox
PRODUCTS=${PRODUCTS:-5000}
WIDE_PRODUCTS=${WIDE_PRODUCTS:-25000} # the catalogue of the wide scan (scenario 11) alone
ORDERS=${ORDERS:-1000}
CUSTOMERS=${CUSTOMERS:-200}

for f in "$BENCH" "$DRIVER" "$SANDBOX"; do
    if [ ! -x "$f" ] && [ ! -f "$f" ]; then
        echo "run.sh: $f not found; build first: cmake -S $ROOT -B $BUILD_DIR && cmake --build $BUILD_DIR -j2" >&2
        exit 2
    fi
done

TMP=$(mktemp -d /tmp/bc-bench-run-XXXXXX)
SB_PID=
stop_sandbox() {
    if [ -n "$SB_PID" ]; then
        kill "$SB_PID" 2>/dev/null || true
        wait "$SB_PID" 2>/dev/null || true
        SB_PID=
    fi
}
trap 'stop_sandbox; rm -rf "$TMP"' EXIT INT TERM

# start_sandbox LATENCY_MS [PRODUCTS]: sets URL to the base URL the sandbox prints on its
# first line.
start_sandbox() {
    "$SANDBOX" --port 0 --products "${2:-$PRODUCTS}" --orders "$ORDERS" --customers "$CUSTOMERS" \
        --latency-ms "$1" >"$TMP/url" &
    SB_PID=$!
    i=0
    URL=
    while [ $i -lt 300 ]; do
        URL=$(head -n 1 "$TMP/url" 2>/dev/null || true)
        case $URL in http://*) return 0 ;; esac
        if ! kill -0 "$SB_PID" 2>/dev/null; then break; fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "run.sh: bc-sandbox did not print its URL" >&2
    exit 2
}

# run LATENCY_MS SCENARIOS PRODUCTS [bc-bench args...]
run() {
    latency=$1 scenarios=$2 products=$3
    shift 3
    start_sandbox "$latency" "$products"
    status=0
    "$BENCH" --driver "$DRIVER" --url "$URL" --latency-ms "$latency" --products "$products" \
        --orders "$ORDERS" --customers "$CUSTOMERS" --scenarios "$scenarios" "$@" || status=$?
    stop_sandbox
    echo
    return $status
}

rc=0
run 50 123456789aclmn "$PRODUCTS" "$@" || rc=1
# the sequential scenarios (2, 3) take latency x requests on both sides, so at 150 ms only the
# scans run, to keep the whole benchmark under two minutes
run 150 14 "$PRODUCTS" "$@" || rc=1
# the wide scan against its two baselines (sequential, and curl with 8 pages in flight) over
# a catalogue of its own size
run 50 b "$WIDE_PRODUCTS" "$@" || rc=1
exit $rc
