#!/usr/bin/env bash
# Load on the runner with wrk: /api/products/ (the whole demo catalog, 32 products) and /api/products/1/,
# LOAD_SECONDS each (default 20) over 8 connections, after a 5 s warm-up per path. Reports requests/s,
# p50 and p99 latency, and the JVM's RSS after start (before any load) and after each load.
# The runner starts on a fresh embedded PostgreSQL; wrk runs on the same 2 cores as the server and its
# database, so read the numbers as this machine's, not a server's.
# Usage: JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" bench/load.sh   (LOAD_SECONDS=20, CONNECTIONS=8, BENCH_PORT_BASE=19400)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
require_jar "$RUNNER_JAR"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
LOAD_SECONDS=${LOAD_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-8}
JAVA_OPTS=${JAVA_OPTS:-}
PORT=$(( PORT_BASE + 20 ))
BASE="http://127.0.0.1:$PORT"
OUT="$RESULTS/load-$(date -u +%Y%m%dT%H%M%SZ).txt"

load() {
    local path=$1 report
    wrk -t2 -c"$CONNECTIONS" -d5s "$BASE$path" > /dev/null
    report=$(wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --latency "$BASE$path")
    echo "$report" >> "$OUT.wrk"
    grep -q 'Non-2xx' <<< "$report" && { echo "non-2xx answers on $path" >&2; exit 1; }
    printf '%-18s requests/s: %-9s p50 ms: %-7s p99 ms: %-7s RSS after MB: %s\n' "$path" \
        "$(awk '/^Requests\/sec:/ { print $2 }' <<< "$report")" \
        "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$report")")" \
        "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$report")")" "$(rss_mb "$SERVER_PID")"
}

{
    describe_machine
    echo "# JDK 17, JAVA_OPTS=${JAVA_OPTS:-(none)}, wrk -t2 -c$CONNECTIONS -d${LOAD_SECONDS}s after a 5 s warm-up"
} | tee "$OUT"
# shellcheck disable=SC2086
PORT=$PORT STOREFN_DATA_DIR="$SCRATCH/data" "$JDK17_JAVA" $JAVA_OPTS -jar "$RUNNER_JAR" > "$RESULTS/load-server.log" 2>&1 &
SERVER_PID=$!
STARTED_PIDS+=("$SERVER_PID")
wait_for_200 "$BASE/api/products/" "$SERVER_PID"
sleep 2
echo "RSS after start, before load: $(rss_mb "$SERVER_PID") MB" | tee -a "$OUT"
{
    load /api/products/
    load /api/products/1/
} | tee -a "$OUT"
echo "wrk's full reports: $OUT.wrk"
