# shellcheck shell=bash disable=SC2034  # sourced: the scripts that source it use these variables
# Shared by the bench scripts: clocks, /proc readings, a runner that serves as the database host, clean-up.
# Every server listens on 127.0.0.1; ports come from 19400-19499 (BENCH_PORT_BASE moves them).

# A failure inside $(...) must stop the script too.
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS="$ROOT/bench/results"
RUNNER_JAR="$ROOT/runner/target/storefn.jar"
LAMBDA_JAR="$ROOT/lambda/target/storefn-lambda.jar"
JDK17_JAVA=${JDK17_JAVA:-$(command -v java)}
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT_BASE=${BENCH_PORT_BASE:-19400}
RUNS=${RUNS:-5}
mkdir -p "$RESULTS"

STARTED_PIDS=()

now_ms() { date +%s%3N; }

# Resident set size of a process in MB (VmRSS from /proc), one decimal.
rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# Waits until URL answers 200; fails when process $2 has ended or after 180 s.
wait_for_200() {
    local url=$1 pid=$2 deadline=$(( $(date +%s) + 180 ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = 200 ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the server for $url has ended" >&2
            return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "no 200 from $url in time" >&2
            return 1
        fi
        sleep 0.02
    done
}

# Stops one process this script started and waits for it.
stop() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# Records a process started in a subshell, so that an interrupted run still stops it.
track() { echo "$1" >> "$SCRATCH/pids"; }

cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}" $(cat "$SCRATCH/pids" 2>/dev/null); do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${STARTED_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    [ -n "${SCRATCH:-}" ] && rm -rf "$SCRATCH"
}
trap cleanup EXIT
SCRATCH=$(mktemp -d /tmp/storefn-bench.XXXXXX)

require_jar() {
    if [ ! -f "$1" ]; then
        echo "$1 is missing: build it first with ./mvnw -B -ntp package -DskipTests" >&2
        exit 1
    fi
}

# Starts the runner on its embedded PostgreSQL (demo catalog included) in a fresh data directory and
# sets DB_HOST_PID and BENCH_DATABASE_URL to reach that PostgreSQL directly.
start_database_host() {
    local port=$(( PORT_BASE + 90 )) data="$SCRATCH/database-host"
    require_jar "$RUNNER_JAR"
    PORT=$port STOREFN_DATA_DIR="$data" "$JDK17_JAVA" -jar "$RUNNER_JAR" > "$RESULTS/database-host.log" 2>&1 &
    DB_HOST_PID=$!
    STARTED_PIDS+=("$DB_HOST_PID")
    wait_for_200 "http://127.0.0.1:$port/api/products/" "$DB_HOST_PID"
    # postmaster.pid: line 4 is the port PostgreSQL listens on.
    BENCH_DATABASE_URL="postgresql://postgres@127.0.0.1:$(sed -n 4p "$data/postgres/postmaster.pid")/postgres"
    # With DATABASE_URL storefn needs its signing key from the environment, as in production.
    export SECRET_KEY=bench-only-signing-key-0123456789abcdef0123
}

# Median, minimum and maximum of the numbers on standard input: "median min max".
summary() {
    sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s", m, v[1], v[NR] }'
}

# Median, minimum and maximum of column $3 of the TSV rows in file $1 whose first columns are $2 (tab-joined).
summary_of() {
    awk -F '\t' -v key="$2" -v column="$3" 'index($0, key "\t") == 1 { print $column }' "$1" | summary
}

# The 1-minute load average: other work on this machine's 2 cores shows up in every number.
load_average() { cut -d' ' -f1 /proc/loadavg; }

describe_machine() {
    echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ { print $2 }') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# JDK 17: $("$JDK17_JAVA" -version 2>&1 | head -1); JDK 25: $("$JDK25_HOME/bin/java" -version 2>&1 | head -1)"
}

# wrk prints latencies as 850.00us, 1.20ms or 1.05s: in ms.
to_ms() {
    awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
           else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<< "$1"
}

# Compiles the Lambda cold-start launcher (LambdaCold.java) into a jar and sets LAUNCHER to it. A jar, not a
# directory: class-data sharing refuses class paths with non-empty directories.
build_lambda_launcher() {
    mkdir -p "$SCRATCH/classes"
    "$JDK25_HOME/bin/javac" --release 17 -cp "$LAMBDA_JAR" -d "$SCRATCH/classes" "$ROOT/bench/LambdaCold.java"
    LAUNCHER="$SCRATCH/launcher.jar"
    "$JDK25_HOME/bin/jar" --create --file "$LAUNCHER" -C "$SCRATCH/classes" .
}

# One Lambda-style cold start (java $1, JAVA_TOOL_OPTIONS $2, JVM flags $3) on events/get-product-v2.json, in an
# environment of template.yaml's variables only, against BENCH_DATABASE_URL; prints
# "<exec to response ms> <init ms> <first invoke ms> <RSS MB>". Needs build_lambda_launcher first.
lambda_cold_run() {
    local java=$1 tool_options=$2 flags=$3 started line
    started=$(now_ms)
    # shellcheck disable=SC2086
    line=$(env -i SPRING_CLOUD_FUNCTION_DEFINITION=httpApi MAIN_CLASS=dev.storefn.Storefn DB_POOL_SIZE=1 DB_MIN_IDLE=0 \
        STOREFN_MIGRATE_ON_START=false DATABASE_URL="$BENCH_DATABASE_URL" SECRET_KEY="$SECRET_KEY" JAVA_TOOL_OPTIONS="$tool_options" \
        "$java" $flags -cp "$LAMBDA_JAR:$LAUNCHER" LambdaCold "$ROOT/events/get-product-v2.json" 2>&1 >/dev/null | grep '^result ' || true)
    [[ $line == *status=200* ]] || { echo "no 200 from the function: ${line:-no result line}" >&2; exit 1; }
    awk -v started="$started" '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        print v["epoch_ms"] - started, v["init_ms"], v["invoke_ms"], v["rss_mb"]
    }' <<< "$line"
}

# Reads the unit's JVM flags and settings from the unit itself, so the two cannot drift apart: sets
# UNIT_JAVA_OPTS (with EXTRA_JAVA_OPTS after them), UNIT_ENV (its NAME=value lines, media in the scratch
# directory), and APP_JAR and CDS: the layout release.sh installs (Spring Boot's extracted jar) with the unit's
# class-data sharing archive. Needs BENCH_JAVA.
read_unit() {
    local unit="$ROOT/deploy/storefn@.service"
    UNIT_JAVA_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$unit" | sed "s#/var/log/storefn#$SCRATCH#; s#%%#%#g")
    [ -n "$UNIT_JAVA_OPTS" ] || { echo "no JAVA_OPTS in $unit" >&2; exit 1; }
    UNIT_JAVA_OPTS="$UNIT_JAVA_OPTS${EXTRA_JAVA_OPTS:+ $EXTRA_JAVA_OPTS}"
    mapfile -t UNIT_ENV < <(sed -n 's/^Environment=\([A-Z_]*=.*\)$/\1/p' "$unit" | grep -v '^MEDIA_ROOT=')
    "$BENCH_JAVA" -Djarmode=tools -jar "$RUNNER_JAR" extract --destination "$SCRATCH/app" > /dev/null
    APP_JAR="$SCRATCH/app/storefn.jar"
    CDS="-XX:SharedArchiveFile=$SCRATCH/storefn.jsa -XX:+AutoCreateSharedArchive"
}

# Starts storefn as the unit does (read_unit first) on BENCH_DATABASE_URL, port PORT, output to file $1; echoes
# its pid.
start_storefn() {
    local log=$1
    # shellcheck disable=SC2086
    env "${UNIT_ENV[@]}" DATABASE_URL="$BENCH_DATABASE_URL" SECRET_KEY="$SECRET_KEY" PORT="${PORT:?}" MEDIA_ROOT="$SCRATCH/media" \
        "$BENCH_JAVA" $UNIT_JAVA_OPTS $CDS -jar "$APP_JAR" > "$log" 2>&1 &
    echo $!
}

# Signs in at the API at base URL $1 as email $2 with password $3 (storefn or the original: the same wire) and
# echoes the access token.
sign_in() {
    curl -sf -X POST "$1/api/login/" -H 'Content-Type: application/json' \
        -d "$(jq -nc --arg e "$2" --arg p "$3" '{email: $e, password: $p}')" | jq -er .access
}
