#!/usr/bin/env bash
# Time from `java -jar runner/target/storefn.jar` to the first 200 of /api/products/, and the JVM's RSS
# at that moment, RUNS times per variant (default 5), the variants taking turns so that other load on
# the machine falls on all of them alike.
#
# Two settings:
#   fresh   a fresh temporary STOREFN_DATA_DIR each run: the embedded PostgreSQL runs initdb, the migrations
#           and the demo catalog (a newcomer's first start);
#   server  DATABASE_URL pointing at an already running PostgreSQL (the server case: the JVM alone).
# Variants: JDK 17 defaults; -XX:TieredStopAtLevel=1; and on JDK 25 the small flags
# (-XX:TieredStopAtLevel=1 -Xss512k -XX:+UseSerialGC -Xmx256m) without and with class-data sharing
# (-XX:SharedArchiveFile -XX:+AutoCreateSharedArchive on the extracted jar; one uncounted training run
# writes the archive). Usage: bench/startup.sh [fresh|server|both]   (RUNS=5, BENCH_PORT_BASE=19400)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
require_jar "$RUNNER_JAR"
SETTINGS=${1:-both}
PORT=$(( PORT_BASE + 10 ))
JDK25_JAVA="$JDK25_HOME/bin/java"
SMALL="-XX:TieredStopAtLevel=1 -Xss512k -XX:+UseSerialGC -Xmx256m"
OUT="$RESULTS/startup-$(date -u +%Y%m%dT%H%M%SZ).tsv"

# CDS archives only classes loaded from plain jars on the class path, not from the jars nested in
# storefn.jar, hence Spring Boot's extracted layout (storefn.jar + lib/). Archives are per build.
"$JDK25_JAVA" -Djarmode=tools -jar "$RUNNER_JAR" extract --destination "$SCRATCH/extracted" > /dev/null
EXTRACTED="$SCRATCH/extracted/storefn.jar"
CDS="-XX:SharedArchiveFile=$SCRATCH/storefn-25.jsa -XX:+AutoCreateSharedArchive"

NAMES=("JDK 17 defaults" "JDK 17 TieredStopAtLevel=1" "JDK 25 small flags, extracted" "JDK 25 small flags, extracted + CDS")
JAVAS=("$JDK17_JAVA" "$JDK17_JAVA" "$JDK25_JAVA" "$JDK25_JAVA")
JARS=("$RUNNER_JAR" "$RUNNER_JAR" "$EXTRACTED" "$EXTRACTED")
FLAGS=("" "-XX:TieredStopAtLevel=1" "$SMALL" "$SMALL $CDS")

# Starts one JVM, prints "<ms to first 200> <RSS MB>" and stops it.
one_run() {
    local java=$1 jar=$2 setting=$3 flags=$4 data pid started elapsed rss
    data=$(mktemp -d "$SCRATCH/data.XXXXXX")
    started=$(now_ms)
    if [ "$setting" = server ]; then
        # shellcheck disable=SC2086
        DATABASE_URL="$BENCH_DATABASE_URL" PORT=$PORT STOREFN_DATA_DIR="$data" "$java" $flags -jar "$jar" > "$data.log" 2>&1 &
    else
        # shellcheck disable=SC2086
        PORT=$PORT STOREFN_DATA_DIR="$data" "$java" $flags -jar "$jar" > "$data.log" 2>&1 &
    fi
    pid=$!
    track "$pid"
    if ! wait_for_200 "http://127.0.0.1:$PORT/api/products/" "$pid"; then
        cp "$data.log" "$RESULTS/failed-run-$(date -u +%Y%m%dT%H%M%SZ).log"
        echo "see $RESULTS/failed-run-*.log" >&2
        exit 1
    fi
    elapsed=$(( $(now_ms) - started ))
    rss=$(rss_mb "$pid")
    stop "$pid"
    rm -rf "$data" "$data.log"
    echo "$elapsed $rss"
}

run_setting() {
    local setting=$1 i v result
    rm -f "$SCRATCH/storefn-25.jsa"
    one_run "$JDK25_JAVA" "$EXTRACTED" "$setting" "$SMALL $CDS" > /dev/null
    [ -f "$SCRATCH/storefn-25.jsa" ] || { echo "the training run wrote no CDS archive" >&2; exit 1; }
    for i in $(seq "$RUNS"); do
        for v in "${!NAMES[@]}"; do
            result=$(one_run "${JAVAS[$v]}" "${JARS[$v]}" "$setting" "${FLAGS[$v]}")
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "${NAMES[$v]}" "$i" "${result% *}" "${result#* }" "$(load_average)" >> "$OUT"
        done
    done
    for v in "${!NAMES[@]}"; do
        printf '%-7s %-36s first 200 ms (median min max): %-17s RSS MB: %s\n' "$setting" "${NAMES[$v]}" \
            "$(summary_of "$OUT" "$setting	${NAMES[$v]}" 4)" "$(summary_of "$OUT" "$setting	${NAMES[$v]}" 5)"
    done
}

describe_machine | tee "$OUT.txt"
printf 'setting\tvariant\trun\tfirst_200_ms\trss_mb\tload_average\n' > "$OUT"
if [ "$SETTINGS" = server ] || [ "$SETTINGS" = both ]; then
    start_database_host
fi
if [ "$SETTINGS" = fresh ] || [ "$SETTINGS" = both ]; then
    run_setting fresh | tee -a "$OUT.txt"
fi
if [ "$SETTINGS" = server ] || [ "$SETTINGS" = both ]; then
    run_setting server | tee -a "$OUT.txt"
fi
echo "raw numbers: $OUT"
