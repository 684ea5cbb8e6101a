#!/usr/bin/env bash
# Turn a fresh Ubuntu 22.04 or 24.04 EC2 instance (or a Debian 13 machine) into a storefn box.
# Safe to run again: every step first looks at the system and only changes what differs.
#
#   sudo deploy/bootstrap.sh --domain shop.example.com [--email you@example.com]
#   deploy/bootstrap.sh --check --domain shop.example.com
#
# --domain (or env DOMAIN) fills the nginx site. With --email (or env CERTBOT_EMAIL) it also
# obtains the Let's Encrypt certificate; without, it serves only the ACME challenge over HTTP
# until you run certbot yourself (see deploy/README.md) and then this script again.
#
# --check changes nothing and needs neither root nor systemd: it prints the plan (ok = already
# so, would = would change), renders the nginx site and the unit into a temp dir and validates
# them with `nginx -t` and `systemd-analyze verify`, and checks the scripts' syntax.
#
# Any other release is refused. STOREFN_OS_RELEASE names another os-release file to read instead
# of /etc/os-release (tests use it to see each release's plan).
set -euo pipefail

DEPLOY=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECK=0
DOMAIN=${DOMAIN:-}
EMAIL=${CERTBOT_EMAIL:-}

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
while (($#)); do
    case $1 in
        --check) CHECK=1 ;;
        --domain) DOMAIN=${2:?--domain needs a value}; shift ;;
        --domain=*) DOMAIN=${1#*=} ;;
        --email) EMAIL=${2:?--email needs a value}; shift ;;
        --email=*) EMAIL=${1#*=} ;;
        -h | --help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
    shift
done

die() { echo "bootstrap: ERROR: $*" >&2; exit 1; }
ok() { printf 'ok      %s\n' "$*"; }
# A step that is not yet done: announced, and done unless --check.
todo() { if ((CHECK)); then printf 'would   %s\n' "$*"; else printf 'doing   %s\n' "$*"; fi; }
real() { ((CHECK == 0)); }

DOMAIN=${DOMAIN,,}
[[ -n $DOMAIN ]] || die "no domain: pass --domain shop.example.com or set DOMAIN"
[[ $DOMAIN =~ ^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$ ]] ||
    die "'$DOMAIN' is not a valid domain name"
[[ -z $EMAIL || $EMAIL =~ ^[^@[:space:]]+@[^@[:space:]]+$ ]] || die "'$EMAIL' is not an email address"

APP_HOME=/opt/storefn
DATA=/var/lib/storefn
LOGS=/var/log/storefn
ETC=/etc/storefn
ENV_FILE=$ETC/storefn.env
UNIT=/etc/systemd/system/storefn@.service
SITE=/etc/nginx/sites-available/storefn
SITE_LINK=/etc/nginx/sites-enabled/storefn
SNIPPET=/etc/nginx/snippets/storefn-security-headers.conf
UPSTREAM=/etc/nginx/storefn-upstream.conf
DHPARAM=/etc/nginx/storefn-dhparam.pem
ACME_ROOT=/var/www/letsencrypt
CERT_DIR=/etc/letsencrypt/live/$DOMAIN
RENEW_HOOK=/etc/letsencrypt/renewal-hooks/deploy/storefn-reload-nginx
JOURNALD_CONF=/etc/systemd/journald.conf.d/storefn.conf
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
OS_RELEASE=${STOREFN_OS_RELEASE:-/etc/os-release}

# The releases this script serves, each with its JDK. OpenJDK 25 everywhere: what bench/run
# measures the unit's flags on, and the Lambda runtime (java25) too; the unit needs 19 or newer
# (-XX:+AutoCreateSharedArchive), so Debian 12 (OpenJDK 17 only) is not served.
#   Ubuntu 22.04  jammy-updates carries it; its ca-certificates-java dependency pulled in OpenJDK 11
#                 as well until 20190909ubuntu1.3 (LP: #2141785), which the apt-get update below brings
#   Ubuntu 24.04  noble-updates
#   Debian 13     trixie (main)
jdk_for_release() { # jdk_for_release ID VERSION_ID -> the JDK's feature version, or fails
    case $1:$2 in
        ubuntu:22.04 | ubuntu:24.04 | debian:13) echo 25 ;;
        *) return 1 ;;
    esac
}
SERVED="Ubuntu 22.04, Ubuntu 24.04, Debian 13"
# shellcheck disable=SC1090 # the OS's own file
read -r OS_ID OS_VERSION OS_NAME < <(. "$OS_RELEASE" 2>/dev/null && echo "${ID:-unknown} ${VERSION_ID:-none} ${PRETTY_NAME:-$OS_RELEASE}") ||
    die "cannot read $OS_RELEASE: which system is this?"
JDK=$(jdk_for_release "$OS_ID" "$OS_VERSION") ||
    die "$OS_NAME ($OS_ID $OS_VERSION) is not a release this script serves ($SERVED); nothing was changed"
PACKAGES=("openjdk-$JDK-jre-headless" nginx certbot python3-certbot-nginx ufw curl)
JAVA_BIN=/usr/lib/jvm/java-$JDK-openjdk-$ARCH/bin/java

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if real; then
    [[ $EUID -eq 0 ]] || die "run as root (sudo), or use --check"
    command -v apt-get >/dev/null || die "apt-get not found: this script is for $SERVED"
fi
ok "system: $OS_NAME (OpenJDK $JDK: ${PACKAGES[0]})"

# ---------------------------------------------------------------------------- rendering

# nginx 1.25.1 turned "listen ... http2" into a separate "http2 on;" and warns about the old form
# (Debian 13 has 1.26); Ubuntu 22.04's 1.18 knows only the old one, which nginx.conf keeps.
nginx_has_http2_directive() {
    local version
    version=$(nginx -v 2>&1 | sed -n 's#^nginx version: nginx/\([0-9.]*\).*#\1#p')
    [[ -n $version && $(printf '1.25.1\n%s\n' "$version" | sort -V | head -n 1) == 1.25.1 ]]
}

# The site as it goes to /etc/nginx/sites-available/storefn, for the nginx installed (rendered again
# once the packages are in, so the first run installs what the next run would).
render_site() {
    if command -v nginx >/dev/null && nginx_has_http2_directive; then
        sed -e "s/__DOMAIN__/$DOMAIN/g" -e 's/^\( *\)listen 443 ssl http2;$/\1listen 443 ssl;/' \
            -e 's/^\( *\)listen \[::\]:443 ssl http2;$/\1listen [::]:443 ssl;\n\1http2 on;/' "$DEPLOY/nginx.conf"
    else
        sed "s/__DOMAIN__/$DOMAIN/g" "$DEPLOY/nginx.conf"
    fi
}

# HTTP only, until the certificate exists: nginx cannot load the full site without it.
render_acme_site() {
    cat <<EOF
# storefn: temporary site written by bootstrap.sh until the TLS certificate exists.
server {
    listen 80;
    listen [::]:80;
    server_name $DOMAIN;
    server_tokens off;
    location ^~ /.well-known/acme-challenge/ {
        root $ACME_ROOT;
        default_type text/plain;
        try_files \$uri =404;
    }
    location / {
        default_type application/json;
        return 503 '{"detail": "HTTPS is being set up."}\n';
    }
}
EOF
}

render_env_file() {
    cat <<EOF
# storefn settings and secrets, read by storefn@blue/green.service and the migrations.
# systemd EnvironmentFile syntax: KEY=value per line, no "export"; quote values with spaces.
# Lines left commented out are unset. See deploy/README.md.

# Supabase PostgreSQL (required: blue/green slots cannot share an embedded database).
#DATABASE_URL=postgresql://postgres.PROJECT:PASSWORD@aws-0-REGION.pooler.supabase.com:5432/postgres?sslmode=require
SECRET_KEY=$(openssl rand -hex 32)
PUBLIC_BASE_URL=https://$DOMAIN
#FRONTEND_URL=https://www.example.com
#CORS_ALLOWED_ORIGINS=https://www.example.com
#STRIPE_SECRET_KEY=sk_live_...
#STRIPE_WEBHOOK_SECRET=whsec_...
#CLOUDINARY_URL=cloudinary://API_KEY:API_SECRET@CLOUD_NAME
#GOOGLE_CLIENT_ID=....apps.googleusercontent.com
#STORE_TIME_ZONE=Europe/Paris
# nginx runs on this host; only its X-Forwarded-For entries are trusted.
TRUSTED_PROXIES=127.0.0.1,::1
EOF
}

# install_file SRC DEST MODE OWNER:GROUP -> returns 0 when DEST changed (or would change).
install_file() {
    local src=$1 dest=$2 mode=$3 owner=$4
    if [[ -f $dest ]] && cmp -s "$src" "$dest" &&
        [[ $(stat -c '%a %U:%G' "$dest") == "${mode#0} $owner" ]]; then
        ok "$dest"
        return 1
    fi
    todo "install $dest"
    real && install -D -m "$mode" -o "${owner%:*}" -g "${owner#*:}" "$src" "$dest"
    return 0
}

# ---------------------------------------------------------------------------- validation
# Renders everything into $WORK and validates it; both modes run it before changing nginx.

validate_nginx() { # validate_nginx SITE_FILE
    local site=$1 cert=$CERT_DIR/fullchain.pem key=$CERT_DIR/privkey.pem
    mkdir -p "$WORK/nginx/tmp"
    if [[ ! -r $cert || ! -r $key ]]; then
        openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$DOMAIN" \
            -keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2>/dev/null
        cert=$WORK/nginx/fullchain.pem key=$WORK/nginx/privkey.pem
    fi
    if [[ -r $DHPARAM ]]; then
        cp "$DHPARAM" "$WORK/nginx/dhparam.pem"
    else
        openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$WORK/nginx/dhparam.pem" 2>/dev/null
    fi
    cp "$DEPLOY/nginx-security-headers.conf" "$WORK/nginx/headers.conf"
    echo "server 127.0.0.1:8001;" >"$WORK/nginx/upstream.conf"
    sed -e "s#$CERT_DIR/fullchain.pem#$cert#" -e "s#$CERT_DIR/privkey.pem#$key#" \
        -e "s#$SNIPPET#$WORK/nginx/headers.conf#" -e "s#$UPSTREAM#$WORK/nginx/upstream.conf#" \
        -e "s#$DHPARAM#$WORK/nginx/dhparam.pem#" "$site" >"$WORK/nginx/site.conf"
    cat >"$WORK/nginx/nginx.conf" <<EOF
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    access_log off;
    include $WORK/nginx/site.conf;
}
EOF
    nginx -t -q -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
}

validate() {
    local failed=0 site
    render_site >"$WORK/site.conf"
    render_acme_site >"$WORK/acme-site.conf"
    if command -v nginx >/dev/null; then
        for site in site.conf acme-site.conf; do
            if validate_nginx "$WORK/$site"; then
                ok "nginx -t: ok ($site for $DOMAIN)"
            else
                echo "FAILED  nginx -t ($site)"
                failed=1
            fi
        done
    else
        echo "note    nginx is not installed yet: nginx -t skipped"
    fi
    if command -v systemd-analyze >/dev/null; then
        local out unit=$WORK/unit/storefn@blue.service
        mkdir -p "$WORK/unit"
        # Before the JDK is installed /usr/bin/java does not exist yet; verify the rest.
        if [[ -x /usr/bin/java ]]; then
            cp "$DEPLOY/storefn@.service" "$unit"
        else
            sed 's#^ExecStart=/usr/bin/java #ExecStart=/bin/true #' "$DEPLOY/storefn@.service" >"$unit"
        fi
        # Warnings about the host's own units are not ours; any about storefn are.
        if out=$(systemd-analyze verify "$unit" 2>&1) && ! grep -qF storefn <<<"$out"; then
            ok "systemd-analyze verify: ok (storefn@.service)"
        else
            echo "FAILED  systemd-analyze verify storefn@.service"
            printf '%s\n' "$out" | sed 's/^/        /'
            failed=1
        fi
    else
        echo "note    systemd-analyze is not installed: unit not verified"
    fi
    local script
    for script in release.sh bootstrap.sh; do
        if bash -n "$DEPLOY/$script"; then
            ok "bash -n $script"
        else
            echo "FAILED  bash -n $script"
            failed=1
        fi
    done
    return "$failed"
}

validate || die "validation failed; nothing was changed"

# ---------------------------------------------------------------------------- steps

step_swap() {
    local virt
    # A container shares its host's kernel: swap is the host's to give (nspawn, LXC and Docker
    # refuse swapon). Say so and go on; the container's memory limit is what applies.
    if virt=$(systemd-detect-virt --container 2>/dev/null); then
        echo "note    swap: skipped, this system is a container ($virt) and a container cannot enable swap"
        return 0
    fi
    if swapon --show=NAME --noheadings 2>/dev/null | grep -qx /swapfile; then
        ok "2 GB swap at /swapfile is active"
    else
        todo "create and enable 2 GB swap at /swapfile (vm.swappiness=10)"
        if real; then
            [[ -f /swapfile ]] || { fallocate -l 2G /swapfile && chmod 600 /swapfile && mkswap /swapfile >/dev/null; }
            if ! swapon /swapfile; then
                echo "WARNING swap: swapon /swapfile failed; going on without swap (two slots during a release then need the RAM)"
                return 0
            fi
        fi
    fi
    if grep -q '^/swapfile ' /etc/fstab 2>/dev/null; then
        ok "/swapfile in /etc/fstab"
    else
        todo "add /swapfile to /etc/fstab"
        real && echo '/swapfile none swap sw 0 0' >>/etc/fstab
    fi
    echo 'vm.swappiness=10' >"$WORK/sysctl.conf"
    if install_file "$WORK/sysctl.conf" /etc/sysctl.d/60-storefn-swap.conf 0644 root:root && real; then
        sysctl -q -p /etc/sysctl.d/60-storefn-swap.conf
    fi
    return 0
}

step_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        ok "packages: ${PACKAGES[*]}"
    else
        todo "apt-get install ${missing[*]}"
        if real; then
            apt-get update -q
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
        fi
    fi
    if [[ $(readlink -f /usr/bin/java 2>/dev/null) == "$JAVA_BIN" ]]; then
        ok "java is OpenJDK $JDK"
    else
        todo "make $JAVA_BIN the default java"
        real && update-alternatives --set java "$JAVA_BIN"
    fi
    return 0
}

step_firewall() {
    local status
    if ! command -v ufw >/dev/null; then
        todo "firewall: allow only 22, 80, 443/tcp in (ufw)"
        real || return 0
    fi
    if [[ $EUID -ne 0 ]]; then
        todo "firewall: check ufw allows only 22, 80, 443/tcp in (reading it needs root)"
        return 0
    fi
    status=$(ufw status verbose 2>/dev/null || true)
    if grep -q '^Status: active' <<<"$status" && grep -q 'deny (incoming)' <<<"$status" &&
        grep -Eq '^22/tcp +ALLOW IN' <<<"$status" && grep -Eq '^80/tcp +ALLOW IN' <<<"$status" &&
        grep -Eq '^443/tcp +ALLOW IN' <<<"$status"; then
        ok "firewall: ufw active, 22/80/443 allowed, other incoming denied"
    else
        todo "firewall: ufw default deny incoming, allow 22, 80, 443/tcp, enable"
        if real; then
            ufw default deny incoming >/dev/null
            ufw default allow outgoing >/dev/null
            ufw allow 22/tcp >/dev/null
            ufw allow 80/tcp >/dev/null
            ufw allow 443/tcp >/dev/null
            ufw --force enable >/dev/null
        fi
    fi
}

step_user_and_dirs() {
    if id storefn >/dev/null 2>&1; then
        ok "user storefn"
    else
        todo "create system user storefn"
        real && useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin storefn
    fi
    # nginx serves MEDIA_ROOT directly: it reads through the storefn group.
    if id -nG www-data 2>/dev/null | grep -qw storefn; then
        ok "www-data is in group storefn"
    else
        todo "add www-data to group storefn (to serve $DATA/media)"
        real && usermod -aG storefn www-data
    fi
    local spec path mode owner
    # Code and slot settings are root's; storefn writes only its data and logs.
    for spec in "$APP_HOME 0755 root:root" "$APP_HOME/releases 0755 root:root" "$APP_HOME/slots 0755 root:root" \
        "$APP_HOME/bin 0755 root:root" "$ETC 0750 root:storefn" "$DATA 0750 storefn:storefn" \
        "$DATA/media 2750 storefn:storefn" "$DATA/cds 0750 storefn:storefn" "$LOGS 0750 storefn:storefn" \
        "$ACME_ROOT 0755 root:root"; do
        read -r path mode owner <<<"$spec"
        if [[ -d $path && $(stat -c '%a %U:%G' "$path") == "${mode#0} $owner" ]]; then
            ok "$path"
        else
            todo "directory $path ($mode $owner)"
            real && install -d -m "$mode" -o "${owner%:*}" -g "${owner#*:}" "$path"
        fi
    done
    return 0
}

step_env_file() {
    if [[ -f $ENV_FILE ]]; then
        ok "$ENV_FILE exists (never overwritten)"
        if [[ -r $ENV_FILE ]] && ! grep -Eq '^[[:space:]]*DATABASE_URL=.+' "$ENV_FILE"; then
            echo "note    DATABASE_URL is not set in $ENV_FILE yet: releases refuse to run without it"
        fi
    else
        todo "write $ENV_FILE (0640 root:storefn) with a generated SECRET_KEY; fill in the rest"
        if real; then
            render_env_file >"$WORK/storefn.env"
            install -m 0640 -o root -g storefn "$WORK/storefn.env" "$ENV_FILE"
        fi
    fi
}

step_systemd() {
    printf '[Journal]\nSystemMaxUse=200M\n' >"$WORK/journald.conf"
    if install_file "$WORK/journald.conf" "$JOURNALD_CONF" 0644 root:root && real; then
        systemctl restart systemd-journald
    fi
    if install_file "$DEPLOY/storefn@.service" "$UNIT" 0644 root:root && real; then
        systemctl daemon-reload
    fi
    install_file "$DEPLOY/release.sh" "$APP_HOME/bin/release.sh" 0755 root:root || true
}

nginx_reload() {
    real || return 0
    nginx -t -q || die "nginx -t failed on the installed configuration; nginx was not reloaded"
    if systemctl is-active --quiet nginx; then
        systemctl reload nginx
    else
        systemctl enable --now nginx
    fi
}

step_nginx() {
    local changed=0
    install_file "$DEPLOY/nginx-security-headers.conf" "$SNIPPET" 0644 root:root && changed=1
    if [[ -f $DHPARAM ]]; then
        ok "$DHPARAM"
    else
        todo "write $DHPARAM (RFC 7919 ffdhe2048)"
        real && openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 -out "$DHPARAM" 2>/dev/null
        changed=1
    fi
    # release.sh owns this file afterwards; the first release switches it to its slot.
    if [[ -f $UPSTREAM ]]; then
        ok "$UPSTREAM (owned by release.sh)"
    else
        todo "write $UPSTREAM (slot blue until the first release)"
        real && echo "server 127.0.0.1:8001;" >"$UPSTREAM"
        changed=1
    fi
    if [[ -r $CERT_DIR/fullchain.pem ]]; then
        render_site >"$WORK/site.install"
        validate_nginx "$WORK/site.install" || die "nginx -t failed on the site rendered for this nginx; it was not installed"
    else
        echo "note    no certificate in $CERT_DIR yet: HTTP-only site for the ACME challenge"
        cp "$WORK/acme-site.conf" "$WORK/site.install"
    fi
    install_file "$WORK/site.install" "$SITE" 0644 root:root && changed=1
    if [[ $(readlink "$SITE_LINK" 2>/dev/null) == "$SITE" ]]; then
        ok "$SITE_LINK enabled"
    else
        todo "enable the site ($SITE_LINK)"
        real && ln -sfn "$SITE" "$SITE_LINK"
        changed=1
    fi
    if [[ -e /etc/nginx/sites-enabled/default ]]; then
        todo "disable nginx's default site"
        real && rm -f /etc/nginx/sites-enabled/default
        changed=1
    else
        ok "nginx default site disabled"
    fi
    ((changed)) && nginx_reload
    return 0
}

step_certificate() {
    printf '#!/bin/sh\n# Reload nginx after a certificate renewal (webroot renewals do not).\nexec systemctl reload nginx\n' >"$WORK/renew-hook"
    install_file "$WORK/renew-hook" "$RENEW_HOOK" 0755 root:root || true
    if [[ -r $CERT_DIR/fullchain.pem ]]; then
        ok "certificate for $DOMAIN in $CERT_DIR"
        return 0
    fi
    if [[ -z $EMAIL ]]; then
        echo "note    no certificate yet and no --email: after DNS points here, run"
        echo "          sudo certbot certonly --webroot -w $ACME_ROOT -d $DOMAIN -m YOU@EXAMPLE.COM --agree-tos"
        echo "        then run this script again to switch to the HTTPS site"
        return 0
    fi
    todo "obtain a Let's Encrypt certificate for $DOMAIN (webroot $ACME_ROOT)"
    real || return 0
    certbot certonly --webroot -w "$ACME_ROOT" -d "$DOMAIN" -m "$EMAIL" --agree-tos --non-interactive --keep-until-expiring
    step_nginx # now with the HTTPS site
}

step_swap
step_packages
step_firewall
step_user_and_dirs
step_env_file
step_systemd
step_nginx
step_certificate

if ((CHECK)); then
    echo "check passed: nothing was changed"
else
    echo "bootstrap done. Next: fill in $ENV_FILE, then deploy (deploy/README.md)."
fi
