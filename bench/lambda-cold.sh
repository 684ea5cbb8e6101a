#!/usr/bin/env bash
# A Lambda cold start without Lambda: a fresh JVM runs FunctionInvoker from lambda/target/storefn-lambda.jar
# on events/get-product-v2.json, with template.yaml's environment (DB_POOL_SIZE=1, DB_MIN_IDLE=0, migrations
# off) against the demo catalog of a runner's embedded PostgreSQL. Reports, RUNS times per variant (default 5,
# the variants taking turns): time from exec to the response, init (the constructor) and the first
# invocation, and the JVM's RSS after it. Without SnapStart: SnapStart restores a snapshot taken after init.
# Usage: bench/lambda-cold.sh   (RUNS=5, BENCH_PORT_BASE=19400)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "$0")/lib.sh"
require_jar "$LAMBDA_JAR"
JDK25_JAVA="$JDK25_HOME/bin/java"
TEMPLATE_OPTIONS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
OUT="$RESULTS/lambda-cold-$(date -u +%Y%m%dT%H%M%SZ).tsv"

build_lambda_launcher
CDS="-XX:SharedArchiveFile=$SCRATCH/lambda-25.jsa -XX:+AutoCreateSharedArchive"

NAMES=("JDK 17 defaults" "JDK 17 template's JAVA_TOOL_OPTIONS" "JDK 25 template's JAVA_TOOL_OPTIONS" "JDK 25 template's options + CDS")
JAVAS=("$JDK17_JAVA" "$JDK17_JAVA" "$JDK25_JAVA" "$JDK25_JAVA")
TOOL_OPTIONS=("" "$TEMPLATE_OPTIONS" "$TEMPLATE_OPTIONS" "$TEMPLATE_OPTIONS")
FLAGS=("" "" "" "$CDS")

describe_machine | tee "$OUT.txt"
printf 'variant\trun\texec_to_response_ms\tinit_ms\tfirst_invoke_ms\trss_mb\tload_average\n' > "$OUT"
start_database_host
lambda_cold_run "$JDK25_JAVA" "$TEMPLATE_OPTIONS" "$CDS" > /dev/null
[ -f "$SCRATCH/lambda-25.jsa" ] || { echo "the training run wrote no CDS archive" >&2; exit 1; }
for i in $(seq "$RUNS"); do
    for v in "${!NAMES[@]}"; do
        read -r total init invoke rss <<< "$(lambda_cold_run "${JAVAS[$v]}" "${TOOL_OPTIONS[$v]}" "${FLAGS[$v]}")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${NAMES[$v]}" "$i" "$total" "$init" "$invoke" "$rss" "$(load_average)" >> "$OUT"
    done
done
for v in "${!NAMES[@]}"; do
    printf '%-36s exec to response ms (median min max): %-16s init: %-16s first invoke: %-13s RSS MB: %s\n' "${NAMES[$v]}" \
        "$(summary_of "$OUT" "${NAMES[$v]}" 3)" "$(summary_of "$OUT" "${NAMES[$v]}" 4)" \
        "$(summary_of "$OUT" "${NAMES[$v]}" 5)" "$(summary_of "$OUT" "${NAMES[$v]}" 6)"
done | tee -a "$OUT.txt"
echo "raw numbers: $OUT"
