#!/usr/bin/env bash
# Zero-downtime blue/green release of storefn on the box.
#
#   release.sh ARTIFACT RELEASE_ID
#
# ARTIFACT is storefn.jar itself or a .tar.gz/.tgz holding a storefn.jar. RELEASE_ID names the
# release directory (letters, digits, '.', '_', '-'), e.g. 20260101120000-abc1234.
#
# Steps: unpack into $STOREFN_HOME/releases/<id>/, run `storefn.jar migrate`, start the idle
# slot (blue=8001 / green=8002) on the new release, wait for its /health/, point nginx at it
# (rewrite the upstream include, nginx -t, graceful reload), let nginx's old workers drain,
# stop the previous slot gracefully, prune old releases. If the new release fails before the
# switch, it is stopped, the old slot keeps serving untouched and the script exits 1.
#
# Environment (defaults are the box's layout, written by bootstrap.sh):
#   STOREFN_HOME            /opt/storefn          releases/, slots/<slot>.env, current, previous
#   STOREFN_PROCESS_MANAGER systemd               systemd: storefn@<slot>.service
#                                                 direct: background java processes with pid files
#                                                 in $STOREFN_HOME/run, logs in $STOREFN_LOG_DIR
#                                                 (for tests and for boxes without systemd)
#   NGINX_UPSTREAM_CONF     /etc/nginx/storefn-upstream.conf
#   STOREFN_NGINX_CMD       nginx                 e.g. "nginx -p DIR -c DIR/nginx.conf" for a test nginx
#   NGINX_PID_FILE          /run/nginx.pid        to follow the reload and the old workers' drain
#   STOREFN_BLUE_PORT       8001
#   STOREFN_GREEN_PORT      8002
#   STOREFN_HEALTH_TIMEOUT  180                   seconds for the new slot to answer /health/ 200
#   STOREFN_DRAIN_SECONDS   1                     extra pause before waiting for the old nginx
#                                                 workers to finish their requests
#   STOREFN_KEEP_RELEASES   3                     release directories kept (live + previous at least)
#   STOREFN_ENV_FILE        /etc/storefn/storefn.env   systemd mode: the secrets (for migrate)
#   STOREFN_DATA_ROOT       /var/lib/storefn (systemd), $STOREFN_HOME/data (direct):
#                           each slot gets its own <root>/<slot> as STOREFN_DATA_DIR
#   STOREFN_CDS_DIR         /var/lib/storefn/cds  per-release class-data sharing archives, pruned
#                                                 with their releases
#   STOREFN_JAVA            java
#   JAVA_OPTS               direct mode: JVM flags of the slots
#   MIGRATE_JAVA_OPTS       JVM flags of `migrate`
#   STOREFN_STOP_TIMEOUT    45                    direct mode: seconds between SIGTERM and SIGKILL
# In direct mode the slots inherit this script's environment (DATABASE_URL, SECRET_KEY, ...).
set -euo pipefail
umask 022

STOREFN_HOME=$(realpath -m "${STOREFN_HOME:-/opt/storefn}")
PM=${STOREFN_PROCESS_MANAGER:-systemd}
UPSTREAM_CONF=${NGINX_UPSTREAM_CONF:-/etc/nginx/storefn-upstream.conf}
NGINX_PID_FILE=${NGINX_PID_FILE:-/run/nginx.pid}
read -ra NGINX_CMD <<<"${STOREFN_NGINX_CMD:-nginx}"
BLUE_PORT=${STOREFN_BLUE_PORT:-8001}
GREEN_PORT=${STOREFN_GREEN_PORT:-8002}
HEALTH_TIMEOUT=${STOREFN_HEALTH_TIMEOUT:-180}
DRAIN_SECONDS=${STOREFN_DRAIN_SECONDS:-1}
KEEP_RELEASES=${STOREFN_KEEP_RELEASES:-3}
ENV_FILE=${STOREFN_ENV_FILE:-/etc/storefn/storefn.env}
CDS_DIR=${STOREFN_CDS_DIR:-/var/lib/storefn/cds}
JAVA=${STOREFN_JAVA:-java}
STOP_TIMEOUT=${STOREFN_STOP_TIMEOUT:-45}
LOG_DIR=$(realpath -m "${STOREFN_LOG_DIR:-$STOREFN_HOME/logs}")
read -ra MIGRATE_OPTS <<<"${MIGRATE_JAVA_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
if [[ $PM == systemd ]]; then
    DATA_ROOT=${STOREFN_DATA_ROOT:-/var/lib/storefn}
else
    DATA_ROOT=$(realpath -m "${STOREFN_DATA_ROOT:-$STOREFN_HOME/data}")
fi

RELEASES=$STOREFN_HOME/releases
SLOTS=$STOREFN_HOME/slots
RUN=$STOREFN_HOME/run

log() { printf '%s release: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

slot_port() {
    case $1 in
        blue) echo "$BLUE_PORT" ;;
        green) echo "$GREEN_PORT" ;;
        *) die "unknown slot '$1'" ;;
    esac
}

other_slot() { if [[ $1 == blue ]]; then echo green; else echo blue; fi; }

# The slot nginx sends traffic to, read from the upstream include ("" before the first release).
live_slot() {
    local port
    [[ -f $UPSTREAM_CONF ]] || return 0
    port=$(sed -n 's/^[[:space:]]*server[[:space:]]\{1,\}127\.0\.0\.1:\([0-9]\{1,\}\).*/\1/p' "$UPSTREAM_CONF" | head -n 1)
    if [[ $port == "$BLUE_PORT" ]]; then
        echo blue
    elif [[ $port == "$GREEN_PORT" ]]; then
        echo green
    fi
}

slot_release() {
    [[ -f $SLOTS/$1.env ]] || return 0
    sed -n 's/^STOREFN_RELEASE=//p' "$SLOTS/$1.env"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

healthy() { curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$1/health/" 2>/dev/null; }

# ---- process managers: pm_migrate RELEASE, pm_start SLOT, pm_stop SLOT, pm_alive SLOT,
# ---- pm_logs SLOT, pm_enable SLOT (start at boot), pm_disable SLOT

pm_migrate() {
    local release=$1 jar=$RELEASES/$1/app/storefn.jar
    if [[ $PM == systemd ]]; then
        # A transient unit with the service's user and secrets file, so the env file is parsed by
        # systemd exactly as for the slots (values may hold '&', spaces, ...).
        systemd-run --quiet --wait --pipe --collect \
            --unit="storefn-migrate-${release//[^A-Za-z0-9_-]/-}" \
            -p User=storefn -p Group=storefn \
            -p EnvironmentFile="$ENV_FILE" \
            -p Environment="STOREFN_DATA_DIR=$DATA_ROOT/migrate" \
            -p NoNewPrivileges=yes -p PrivateTmp=yes -p ProtectSystem=strict -p ProtectHome=yes \
            -p ReadWritePaths="$DATA_ROOT" \
            "$(command -v "$JAVA")" "${MIGRATE_OPTS[@]}" -jar "$jar" migrate
    else
        mkdir -p "$LOG_DIR" "$DATA_ROOT/migrate"
        local out=$LOG_DIR/migrate-$release.log
        if ! (cd "$STOREFN_HOME" && STOREFN_DATA_DIR=$DATA_ROOT/migrate exec "$JAVA" "${MIGRATE_OPTS[@]}" -jar "$jar" migrate) >"$out" 2>&1; then
            tail -n 30 "$out" >&2
            return 1
        fi
    fi
}

write_slot_env() {
    local slot=$1 release=$2
    mkdir -p "$SLOTS"
    cat >"$SLOTS/.$slot.env.tmp" <<EOF
# Written by release.sh: the release storefn@$slot runs.
STOREFN_RELEASE=$release
PORT=$(slot_port "$slot")
SERVER_ADDRESS=127.0.0.1
STOREFN_DATA_DIR=$DATA_ROOT/$slot
EOF
    mv -f "$SLOTS/.$slot.env.tmp" "$SLOTS/$slot.env"
}

pm_start() {
    local slot=$1 release
    release=$(slot_release "$slot")
    STARTED_AT=$(date +%s)
    if [[ $PM == systemd ]]; then
        systemctl reset-failed "storefn@$slot.service" 2>/dev/null || true
        systemctl start "storefn@$slot.service"
    else
        local opts=()
        read -ra opts <<<"${JAVA_OPTS:-}"
        mkdir -p "$RUN" "$LOG_DIR" "$DATA_ROOT/$slot"
        echo "==== storefn@$slot: release $release starting at $(date -u +%FT%TZ)" >>"$LOG_DIR/$slot.log"
        cd "$STOREFN_HOME"
        PORT=$(slot_port "$slot") SERVER_ADDRESS=127.0.0.1 STOREFN_RELEASE=$release \
            STOREFN_DATA_DIR=$DATA_ROOT/$slot \
            nohup "$JAVA" "${opts[@]}" -jar "$RELEASES/$release/app/storefn.jar" \
            >>"$LOG_DIR/$slot.log" 2>&1 </dev/null 9>&- &
        echo $! >"$RUN/$slot.pid"
        cd - >/dev/null
    fi
}

direct_pid() {
    local pid
    [[ -f $RUN/$1.pid ]] || return 1
    pid=$(<"$RUN/$1.pid")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

pm_alive() {
    if [[ $PM == systemd ]]; then
        systemctl is-active --quiet "storefn@$1.service"
    else
        direct_pid "$1" >/dev/null
    fi
}

pm_stop() {
    local slot=$1
    if [[ $PM == systemd ]]; then
        systemctl stop "storefn@$slot.service" || true
    else
        local pid waited=0
        if pid=$(direct_pid "$slot"); then
            kill -TERM "$pid" 2>/dev/null || true
            while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT * 5)); do
                sleep 0.2
                waited=$((waited + 1))
            done
            if kill -0 "$pid" 2>/dev/null; then
                log "storefn@$slot ignored SIGTERM for ${STOP_TIMEOUT}s, killing it"
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
        rm -f "$RUN/$slot.pid"
    fi
}

pm_logs() {
    if [[ $PM == systemd ]]; then
        # This start's lines only: the slot's previous run (its stop) is not what failed.
        journalctl -u "storefn@$1.service" --since "@$STARTED_AT" -n 40 --no-pager >&2 || true
    else
        # The slot's log since its last start.
        tac "$LOG_DIR/$1.log" 2>/dev/null | sed '/^==== storefn@/q' | tac | tail -n 40 >&2 || true
    fi
}

pm_enable() { if [[ $PM == systemd ]]; then systemctl enable --quiet "storefn@$1.service"; fi; }
pm_disable() { if [[ $PM == systemd ]]; then systemctl disable --quiet "storefn@$1.service" || true; fi; }

# ---- steps

unpack() {
    local artifact=$1 release=$2 staging jar
    mkdir -p "$RELEASES"
    staging=$(mktemp -d "$RELEASES/.incoming-$release.XXXXXX")
    case $artifact in
        *.tar.gz | *.tgz)
            tar -xzf "$artifact" -C "$staging" || { rm -rf "$staging"; die "cannot unpack $artifact"; }
            jar=$(find "$staging" -maxdepth 2 -name storefn.jar -type f | head -n 1)
            [[ -n $jar ]] || { rm -rf "$staging"; die "$artifact holds no storefn.jar"; }
            [[ $jar == "$staging/storefn.jar" ]] || mv "$jar" "$staging/storefn.jar"
            ;;
        *.jar) cp "$artifact" "$staging/storefn.jar" ;;
        *) rm -rf "$staging"; die "ARTIFACT must be a .jar or a .tar.gz/.tgz holding storefn.jar" ;;
    esac
    # Spring Boot's extracted layout (app/storefn.jar + app/lib/) starts faster and lets the
    # class-data sharing archive cover the application's classes. A jar without Boot's jarmode
    # tools (zip entry names are stored uncompressed, hence grep) runs as it is.
    if ! grep -aq 'BOOT-INF/lib/spring-boot-jarmode-tools' "$staging/storefn.jar" ||
        ! timeout 120 "$JAVA" -Djarmode=tools -jar "$staging/storefn.jar" extract --destination "$staging/app" >/dev/null 2>&1 ||
        [[ ! -f $staging/app/storefn.jar ]]; then
        rm -rf "$staging/app"
        mkdir "$staging/app"
        cp "$staging/storefn.jar" "$staging/app/storefn.jar"
    fi
    chmod -R a+rX,go-w "$staging"
    rm -rf "${RELEASES:?}/$release"
    mv "$staging" "$RELEASES/$release"
    touch "$RELEASES/$release"
}

# Workers of our nginx (children of the master in NGINX_PID_FILE) whose title is exactly $1.
nginx_workers() {
    local master
    master=$(cat "$NGINX_PID_FILE" 2>/dev/null) || return 0
    pgrep -P "$master" -f "^nginx: $1\$" || true
}

switch_nginx() {
    local slot=$1 release=$2 backup=$UPSTREAM_CONF.previous old_workers deadline pid
    [[ -f $UPSTREAM_CONF ]] && cp -p "$UPSTREAM_CONF" "$backup"
    printf '# Written by release.sh on %s: slot %s, release %s\nserver 127.0.0.1:%s;\n' \
        "$(date -u +%FT%TZ)" "$slot" "$release" "$(slot_port "$slot")" >"$UPSTREAM_CONF.tmp"
    mv -f "$UPSTREAM_CONF.tmp" "$UPSTREAM_CONF"
    old_workers=$(nginx_workers 'worker process')
    if ! "${NGINX_CMD[@]}" -t -q || ! "${NGINX_CMD[@]}" -s reload; then
        [[ -f $backup ]] && cp -p "$backup" "$UPSTREAM_CONF"
        return 1
    fi
    # `nginx -s reload` only signals the master. The new upstream is in force once every old
    # worker has stopped taking requests (it exits, or is renamed "... is shutting down").
    deadline=$((SECONDS + 30))
    for pid in $old_workers; do
        while nginx_workers 'worker process' | grep -qx "$pid"; do
            ((SECONDS < deadline)) || { log "warning: nginx has not reloaded after 30s"; return 0; }
            sleep 0.2
        done
    done
    [[ -n $old_workers ]] || sleep "$DRAIN_SECONDS" # master unknown: give it a moment
}

# The old nginx workers finish their in-flight requests (to the old slot) before they exit;
# only then is it safe to stop the old slot.
wait_nginx_drain() {
    local deadline=$((SECONDS + 60))
    sleep "$DRAIN_SECONDS"
    while [[ -n $(nginx_workers 'worker process is shutting down') ]]; do
        if ((SECONDS >= deadline)); then
            log "old nginx workers still draining after 60s; stopping the old slot anyway"
            return 0
        fi
        sleep 0.5
    done
}

prune() {
    local keep=("$@") dir id kept=0
    while IFS= read -r dir; do
        id=${dir##*/}
        kept=$((kept + 1))
        if ((kept <= KEEP_RELEASES)) || [[ " ${keep[*]} " == *" $id "* ]]; then
            continue
        fi
        log "pruning release $id"
        rm -rf "${RELEASES:?}/$id"
        rm -f "$CDS_DIR/$id.jsa" 2>/dev/null || true
    done < <(find "$RELEASES" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%T@ %p\n' | sort -rn | cut -d' ' -f2-)
}

# ---- main

[[ $# -eq 2 ]] || usage
ARTIFACT=$1
RELEASE=$2
[[ $RELEASE =~ ^[A-Za-z0-9._-]+$ && $RELEASE != .* ]] || die "bad release id '$RELEASE' (letters, digits, . _ - only)"
[[ -f $ARTIFACT ]] || die "artifact $ARTIFACT not found"
ARTIFACT=$(cd "$(dirname "$ARTIFACT")" && pwd)/$(basename "$ARTIFACT")
case $PM in systemd | direct) ;; *) die "STOREFN_PROCESS_MANAGER must be systemd or direct" ;; esac
for tool in curl "$JAVA" "${NGINX_CMD[0]}" flock pgrep timeout; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
# Two slots on an embedded database would be two different databases.
if [[ $PM == systemd ]]; then
    [[ -r $ENV_FILE ]] || die "$ENV_FILE is missing (run bootstrap.sh)"
    grep -Eq '^[[:space:]]*DATABASE_URL=.+' "$ENV_FILE" ||
        die "DATABASE_URL is not set in $ENV_FILE: blue/green slots need an external PostgreSQL"
else
    [[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set: blue/green slots need an external PostgreSQL"
fi

mkdir -p "$STOREFN_HOME" "$RELEASES" "$SLOTS"
exec 9>"$STOREFN_HOME/.release.lock"
flock -n 9 || die "another release is running (lock $STOREFN_HOME/.release.lock)"

LIVE=$(live_slot)
if [[ -n $LIVE ]]; then
    LIVE_RELEASE=$(slot_release "$LIVE")
    NEW=$(other_slot "$LIVE")
    if [[ $LIVE_RELEASE == "$RELEASE" ]] && pm_alive "$LIVE"; then
        log "release $RELEASE is already live on slot $LIVE; nothing to do"
        exit 0
    fi
    if [[ -z $LIVE_RELEASE ]]; then
        log "first release on this box"
    elif ! pm_alive "$LIVE"; then
        log "warning: the live slot $LIVE (release $LIVE_RELEASE) is not running"
    fi
else
    LIVE_RELEASE=
    NEW=blue
fi
NEW_PORT=$(slot_port "$NEW")
if [[ -n $LIVE_RELEASE ]]; then
    KEEPS="slot $LIVE (release $LIVE_RELEASE) keeps serving"
else
    KEEPS="nothing was serving before"
fi
log "releasing $RELEASE on slot $NEW (port $NEW_PORT); live: ${LIVE:-none}${LIVE_RELEASE:+ ($LIVE_RELEASE)}"

if pm_alive "$NEW"; then
    log "slot $NEW is running a leftover instance; stopping it first"
    pm_stop "$NEW"
fi
port_in_use "$NEW_PORT" && die "port $NEW_PORT is in use by something that is not slot $NEW"

log "unpacking $ARTIFACT into $RELEASES/$RELEASE"
unpack "$ARTIFACT" "$RELEASE"

log "applying database migrations"
if ! pm_migrate "$RELEASE"; then
    die "migrations of $RELEASE failed; nothing was switched, $KEEPS"
fi

STARTED=
rollback_on_exit() {
    local rc=$?
    if [[ -n $STARTED ]]; then
        log "stopping the failed new instance on slot $NEW"
        pm_stop "$NEW"
        pm_disable "$NEW"
        echo "$(date -u +%FT%TZ) $RELEASE $NEW rolled-back" >>"$STOREFN_HOME/releases.log"
    fi
    exit "$rc"
}
trap rollback_on_exit EXIT

write_slot_env "$NEW" "$RELEASE"
log "starting slot $NEW"
STARTED=1
pm_start "$NEW" || die "ROLLBACK: slot $NEW did not start; $KEEPS"

deadline=$((SECONDS + HEALTH_TIMEOUT))
until healthy "$NEW_PORT"; do
    if ! pm_alive "$NEW"; then
        pm_logs "$NEW"
        die "ROLLBACK: release $RELEASE exited before becoming healthy; $KEEPS"
    fi
    if ((SECONDS >= deadline)); then
        pm_logs "$NEW"
        die "ROLLBACK: release $RELEASE not healthy on port $NEW_PORT after ${HEALTH_TIMEOUT}s; $KEEPS"
    fi
    sleep 1
done
log "slot $NEW is healthy; switching nginx to port $NEW_PORT"

switch_nginx "$NEW" "$RELEASE" ||
    die "ROLLBACK: nginx rejected the new upstream or did not reload; restored the previous one, $KEEPS"
STARTED=
pm_enable "$NEW"
echo "$(date -u +%FT%TZ) $RELEASE $NEW live" >>"$STOREFN_HOME/releases.log"

ln -sfn "releases/$RELEASE" "$STOREFN_HOME/current"
if [[ -n $LIVE_RELEASE ]]; then
    wait_nginx_drain
    log "stopping slot $LIVE (release $LIVE_RELEASE) gracefully"
    pm_stop "$LIVE"
    pm_disable "$LIVE"
    [[ $LIVE_RELEASE == "$RELEASE" ]] || ln -sfn "releases/$LIVE_RELEASE" "$STOREFN_HOME/previous"
fi
prune "$RELEASE" "${LIVE_RELEASE:-}"
log "release $RELEASE is live on slot $NEW (port $NEW_PORT)"
