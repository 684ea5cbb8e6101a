#!/usr/bin/env bash
# Rehearsal of storefn's whole production architecture on this machine, with real systemd, real
# certbot, a real TLS database and the GitHub deploy job's own commands:
#
#   deploy/rehearse.sh            (needs root, or passwordless sudo; STOREFN_JAR defaults to
#                                  runner/target/storefn.jar)
#
#   1 a fresh box: a Debian 13 root file system with only what a cloud image has (systemd,
#     openssh-server, sudo, an `ubuntu` admin with key-only SSH), booted by systemd-nspawn with
#     systemd as PID 1 in its own network namespace, at an address of its own, in 1 GB of memory
#   2 deploy/bootstrap.sh copied in and run as deploy/README.md's first-time setup says, then again
#   3 a certificate from Pebble (an ACME CA on this machine, HTTP-01 through the box's nginx),
#     renewal dry run and a forced renewal that reloads nginx through bootstrap's hook
#   4 the managed database: PostgreSQL on this machine, TLS on, password auth, reached by a
#     Supabase-style DATABASE_URL written into /etc/storefn/storefn.env
#   5 the `deploy` job of .github/workflows/deploy.yml run as GitHub would (its run: steps, its
#     secrets): a first release, a second under load, one that never gets healthy, a wrong host key
#   6 systemd: kill -9 of the live slot (once, then more often than any start limit), a reboot,
#     the journal and nginx's logs
#   7 the shop over https://<domain>/: staff creates a product with an image, a shopper registers,
#     signs in, fills the cart and places a cash-on-delivery order
#   8 the box's size: its memory limit, nginx's and the slots' memory during a release and a load
#
# One line per step, then "N passed, N failed". Everything it starts (the container, its network,
# Pebble, PostgreSQL, the apt proxy, the loads) is stopped on exit, failed or not.
#
# The pristine root file system is cached as a tarball in $STOREFN_REHEARSAL_CACHE (default
# ~/.cache/storefn-rehearsal), and so are the Debian packages the box downloads (through an
# apt-cacher-ng on this machine); without the cache the root file system is built with debootstrap
# from Debian's mirror. Every run boots a fresh copy.
#
# Environment: STOREFN_JAR, STOREFN_REHEARSAL_CACHE, STOREFN_REHEARSAL_MIRROR (Debian mirror,
# default http://deb.debian.org/debian), STOREFN_REHEARSAL_KEEP=1 (keep the temp dir after the
# teardown), STOREFN_REHEARSAL_TIMEOUT (seconds, default 1500).
set -euo pipefail
shopt -s inherit_errexit

if [[ $EUID -ne 0 ]]; then
    if ! sudo -n true 2>/dev/null; then
        echo "deploy/rehearse.sh boots a container and changes this machine's network: run it as root or with" >&2
        echo "passwordless sudo (./mvnw verify -DskipRehearsal leaves it out)" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
    exec sudo -n --preserve-env=STOREFN_JAR,STOREFN_REHEARSAL_CACHE,STOREFN_REHEARSAL_MIRROR,STOREFN_REHEARSAL_KEEP,STOREFN_REHEARSAL_TIMEOUT \
        bash "$(realpath "$0")" "$@"
fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPLOY=$REPO/deploy
JAR=${STOREFN_JAR:-$REPO/runner/target/storefn.jar}
CACHE=${STOREFN_REHEARSAL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/storefn-rehearsal}
MIRROR=${STOREFN_REHEARSAL_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${MIRROR%/debian}/debian-security
SUITE=trixie # Debian 13: its mirror serves it, with OpenJDK 25 (checked when the image is built)
TIMEOUT=${STOREFN_REHEARSAL_TIMEOUT:-1500}
MACHINE=storefn-box
VETH=ve-$MACHINE
ADMIN=ubuntu
DOMAIN=shop.storefn.test
EMAIL=ops@example.com
MEMORY_LIMIT=$((1024 * 1024 * 1024)) # a t2.micro's 1 GB
PG_PORT=5432
ACNG_PORT=3142
PEBBLE_PORT=14000
PEBBLE_MGMT=127.0.0.1:15000
DNS_ADDR=127.0.0.1:8053
CHALL_MGMT=127.0.0.1:8055
# What the image holds: a minimal Debian with what an Ubuntu cloud image brings (bootstrap.sh
# installs the rest). Part of the cache key, with the image recipe below.
IMAGE_PACKAGES=systemd,systemd-sysv,dbus,openssh-server,sudo,iproute2,netbase,ca-certificates,openssl,procps,mount

PASSED=0
FAILED=0
declare -A RESULT=()

T=$(mktemp -d /tmp/storefn-rehearsal.XXXXXX)
chmod 755 "$T" # PostgreSQL runs as postgres under it
mkdir -p "$T/pids" "$T/keys" "$T/ca" "$T/acme" "$T/gh"
: >"$T/state"

# ---------------------------------------------------------------------------- teardown

stop_pid() { # stop_pid PID [SECONDS]: TERM, wait, KILL
    local pid=$1 wait=${2:-10} i
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 5; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
}

kill_tree() { # kill_tree PID: the process and all its descendants (ours: started by this script)
    local child
    for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
    kill -TERM "$1" 2>/dev/null || true
}

teardown() {
    local rc=$? f name
    set +e
    trap - INT TERM
    [[ -f $T/pids/watchdog ]] && kill "$(<"$T/pids/watchdog")" 2>/dev/null
    rm -f "$T/sampling"
    # A step cut short (a signal, the watchdog): it and whatever it runs (ssh, curl, the job).
    [[ -f $T/current-step ]] && kill_tree "$(<"$T/current-step")"
    # Loads and samplers first, then the box (a clean shutdown, then SIGKILL), then the services.
    for f in "$T"/pids/*; do
        [[ -f $f ]] || continue
        name=${f##*/}
        case $name in nspawn | pebble | challtestsrv | acng | watchdog) continue ;; esac
        stop_pid "$(<"$f")" 5
    done
    ssh -O exit -o ControlPath="$T/ssh-%C" "$ADMIN@${BOX_IP:-0.0.0.0}" >/dev/null 2>&1
    [[ -f $T/pids/nspawn ]] && stop_pid "$(<"$T/pids/nspawn")" 60
    for name in pebble challtestsrv acng; do
        [[ -f $T/pids/$name ]] && stop_pid "$(<"$T/pids/$name")" 10
    done
    if [[ -f $T/pg/data/postmaster.pid ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$T/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1
    fi
    ip link del "$VETH" >/dev/null 2>&1
    if [[ -z ${SCOPE:-} && -n ${CGROUP:-} && -d $CGROUP ]]; then
        rmdir "$CGROUP" 2>/dev/null || echo "rehearse: could not remove $CGROUP (processes left in it?)" >&2
    fi
    if [[ -f $T/unmount-nspawn ]]; then umount /run/systemd/nspawn 2>/dev/null; fi
    if [[ ${STOREFN_REHEARSAL_KEEP:-} == 1 ]]; then
        echo "kept $T" >&2
    else
        rm -rf "$T"
    fi
    exit "$rc"
}
trap teardown EXIT
trap 'exit 124' INT TERM

# Last resort against a hang: every wait below has its own bound.
(
    trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$TIMEOUT" &
    sleeper=$!
    wait "$sleeper"
    echo "rehearse: timed out after $TIMEOUT s" >&2
    [[ -f $T/current-step ]] && kill -TERM "$(<"$T/current-step")" 2>/dev/null
    kill -TERM $$
) >/dev/null 2>&1 &
echo $! >"$T/pids/watchdog"

# ---------------------------------------------------------------------------- step machinery
# Each step runs in a subshell with errexit, its output in $T/step<N>.log: any command that fails
# fails the step. `expect` names an observation; `observe` adds to the step's one-line summary;
# `save` hands a value to later steps; `track` registers a background process for the teardown.

expect() { # expect WHAT COMMAND...: the command must succeed
    local what=$1
    shift
    if "$@"; then
        echo "ok: $what"
    else
        echo "FAILED: $what"
        echo "$what" >"$T/why"
        return 1
    fi
}
observe() { printf '%s\n' "$*" >>"$T/note"; }
save() { printf '%s=%q\n' "$1" "$2" >>"$T/state"; printf -v "$1" '%s' "$2"; }
track() { echo "$2" >"$T/pids/$1"; }
log() { printf '%s %s\n' "$(date -u +%T)" "$*"; }

run_step() { # run_step N TITLE FUNCTION [PREREQUISITE STEP...]
    local n=$1 title=$2 fn=$3 pre rc=0 started=$SECONDS notes
    shift 3
    for pre in "$@"; do
        if [[ ${RESULT[$pre]:-} != pass ]]; then
            FAILED=$((FAILED + 1))
            RESULT[$n]=fail
            echo "FAIL $n $title: not run, step $pre did not pass"
            return 0
        fi
    done
    : >"$T/note"
    rm -f "$T/why"
    set +e
    (
        set -eE
        trap 'echo "FAILED at line $LINENO: $BASH_COMMAND (exit $?)"' ERR
        "$fn"
    ) >"$T/step$n.log" 2>&1 &
    echo $! >"$T/current-step"
    wait $!
    rc=$?
    set -e
    rm -f "$T/current-step"
    # shellcheck disable=SC1091
    source "$T/state"
    notes=$(awk 'NR > 1 { printf "; " } { printf "%s", $0 }' "$T/note")
    if ((rc == 0)); then
        PASSED=$((PASSED + 1))
        RESULT[$n]=pass
        echo "PASS $n $title ($((SECONDS - started)) s): $notes"
    else
        FAILED=$((FAILED + 1))
        RESULT[$n]=fail
        echo "FAIL $n $title ($((SECONDS - started)) s): $(cat "$T/why" 2>/dev/null || echo "exit $rc")${notes:+ [$notes]}"
        tail -n 40 "$T/step$n.log" | sed 's/^/    | /'
    fi
}

# ---------------------------------------------------------------------------- helpers

SSH_BASE=(-F /dev/null -o IdentitiesOnly=yes -o BatchMode=yes -o ConnectTimeout=10 -o ServerAliveInterval=5
    -o ServerAliveCountMax=6 -o LogLevel=ERROR)
# The operator's session: the admin key (what EC2 calls the key pair), the pinned host key.
box() {
    ssh "${SSH_BASE[@]}" -i "$T/keys/admin" -o UserKnownHostsFile="$T/keys/known_hosts" -o StrictHostKeyChecking=yes \
        -o ControlMaster=auto -o ControlPath="$T/ssh-%C" -o ControlPersist=600 "$ADMIN@$BOX_IP" "$@"
}
box_close() { ssh -O exit -o ControlPath="$T/ssh-%C" "$ADMIN@$BOX_IP" >/dev/null 2>&1 || true; }

curl_https() { # through the front door: the box's domain, Pebble's roots trusted
    curl -sS --max-time 30 --cacert "$T/acme/roots.pem" --resolve "$DOMAIN:443:$BOX_IP" --resolve "$DOMAIN:80:$BOX_IP" "$@"
}
code_of() { curl_https -o /dev/null -w '%{http_code}' "$@" 2>/dev/null || true; }
health_ok() { [[ $(code_of "https://$DOMAIN/health/") == 200 ]]; }
wait_for() { # wait_for SECONDS COMMAND...: true once the command succeeds
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}
port_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
ports_open() { local p; for p in "$@"; do port_open "$BOX_IP" "$p" || { echo "port $p: no answer"; return 1; }; done; }
ports_closed() { local p; for p in "$@"; do ! port_open "$BOX_IP" "$p" || { echo "port $p: open"; return 1; }; done; }
probe_answers() { timeout 3 bash -c "exec 3<>/dev/tcp/$BOX_IP/9999; head -n 1 <&3" 2>/dev/null | grep -q storefn-probe; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1048576 }'; }

# The slot nginx points at, from the box's upstream include.
live_slot() {
    case $(box "sed -n 's/^server 127.0.0.1:\([0-9]*\);/\1/p' /etc/nginx/storefn-upstream.conf") in
        8001) echo blue ;;
        8002) echo green ;;
        *) return 1 ;;
    esac
}
main_pid() { box "systemctl show -p MainPID --value storefn@$1"; }
new_main_pid() { local p; p=$(main_pid "$1") && [[ $p != 0 && $p != "$2" ]]; }

# ---------------------------------------------------------------------------- step 1: a fresh box

host_tools() {
    local pkgs=() guard=
    command -v systemd-nspawn >/dev/null || pkgs+=(systemd-container)
    command -v debootstrap >/dev/null || pkgs+=(debootstrap)
    [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] || pkgs+=(debian-archive-keyring)
    command -v pebble >/dev/null || pkgs+=(pebble)
    command -v hey >/dev/null || pkgs+=(hey)
    command -v jq >/dev/null || pkgs+=(jq)
    command -v ssh >/dev/null || pkgs+=(openssh-client)
    command -v curl >/dev/null || pkgs+=(curl)
    command -v openssl >/dev/null || pkgs+=(openssl)
    command -v ip >/dev/null || pkgs+=(iproute2)
    command -v javac >/dev/null || pkgs+=(default-jdk-headless)
    [[ -x /usr/sbin/apt-cacher-ng ]] || pkgs+=(apt-cacher-ng)
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || pkgs+=(postgresql)
    /usr/bin/python3 -c 'import yaml' 2>/dev/null || pkgs+=(python3-yaml)
    if ((${#pkgs[@]})); then
        log "installing ${pkgs[*]}"
        # Their services are ours to start, on our addresses: keep the packages from starting them.
        if [[ ! -e /usr/sbin/policy-rc.d ]]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
            chmod 755 /usr/sbin/policy-rc.d
            guard=1
        fi
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >/dev/null || {
            [[ -z $guard ]] || rm -f /usr/sbin/policy-rc.d
            return 1
        }
        [[ -z $guard ]] || rm -f /usr/sbin/policy-rc.d
    fi
    save PG_BIN "$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)"
}

# A /30 of the documentation ranges (or link-local) that this machine does not use: the box's
# only peer is this machine, and its address can never be mistaken for another network's.
pick_addresses() {
    local net used
    used=$(ip -4 -o addr show | awk '{print $4}'; ip -4 route show | awk '{print $1}')
    for net in 198.51.100 203.0.113 169.254.213; do
        if ! grep -q "^$net\." <<<"$used"; then
            save HOST_IP "$net.1"
            save BOX_IP "$net.2"
            return 0
        fi
    done
    echo "no free address range for the box"
    return 1
}

# The recipe of the pristine image; its text is part of the cache key.
customize_image() {
    local root=$1
    cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
    echo "$MACHINE" >"$root/etc/hostname"
    echo 'LANG=C.UTF-8' >"$root/etc/default/locale"
    printf '127.0.0.1 localhost\n127.0.1.1 %s\n::1 localhost ip6-localhost ip6-loopback\n' "$MACHINE" >"$root/etc/hosts"
    rm -f "$root/etc/resolv.conf"
    # First boot as on a cloud image: a new machine id, new SSH host keys and their fingerprints
    # on the console, as cloud-init makes and prints them.
    : >"$root/etc/machine-id"
    rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*
    cat >"$root/etc/systemd/system/cloud-hostkeys.service" <<'EOF'
[Unit]
Description=SSH host keys: made if missing, fingerprints printed on the console (as cloud-init does)
Before=ssh.service

[Service]
Type=oneshot
ExecStart=/usr/bin/ssh-keygen -A
ExecStart=/bin/sh -c 'echo "-----BEGIN SSH HOST KEY FINGERPRINTS-----"; for k in /etc/ssh/ssh_host_*_key.pub; do ssh-keygen -lf "$k"; done; echo "-----END SSH HOST KEY FINGERPRINTS-----"'
StandardOutput=journal+console

[Install]
WantedBy=multi-user.target
EOF
    # The admin user of Ubuntu's cloud images: passwordless sudo, SSH keys only.
    chroot "$root" useradd --create-home --shell /bin/bash --groups sudo "$ADMIN"
    chroot "$root" passwd --lock "$ADMIN" >/dev/null
    echo "$ADMIN ALL=(ALL) NOPASSWD:ALL" >"$root/etc/sudoers.d/90-cloud-init-users"
    chmod 440 "$root/etc/sudoers.d/90-cloud-init-users"
    printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\n' >"$root/etc/ssh/sshd_config.d/60-cloudimg-settings.conf"
    # The network as the cloud's image configures it (networkd); the addresses come per run.
    mkdir -p "$root/var/log/journal"
    chroot "$root" systemctl enable --quiet systemd-networkd cloud-hostkeys.service
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
}

build_image() {
    local tarball=$1 root=$T/image-root jdk
    log "building the root file system: debootstrap $SUITE from $MIRROR"
    debootstrap --variant=minbase --include="$IMAGE_PACKAGES" "$SUITE" "$root" "$MIRROR" >"$T/debootstrap.log" 2>&1 ||
        { tail -n 20 "$T/debootstrap.log"; return 1; }
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
EOF
    chroot "$root" apt-get update -q >/dev/null
    jdk=$(chroot "$root" apt-cache policy openjdk-25-jre-headless openjdk-21-jre-headless |
        awk '/^[a-z]/ { p = $1 } /Candidate:/ && $2 != "(none)" { sub(":", "", p); print p; exit }')
    [[ -n $jdk ]] || { echo "Debian $SUITE offers neither OpenJDK 25 nor 21: the box cannot run storefn's unit"; return 1; }
    echo "Debian $SUITE offers $jdk"
    customize_image "$root"
    mkdir -p "$(dirname "$tarball")"
    tar --numeric-owner --xattrs --xattrs-include='*' -cf "$tarball.tmp" -C "$root" .
    mv -f "$tarball.tmp" "$tarball"
    rm -rf "$root"
}

# Things of this run only: addresses, the apt proxy, the admin key, the rehearsal CA.
prepare_copy() {
    local root=$1
    cat >"$root/etc/systemd/network/10-host0.network" <<EOF
[Match]
Name=host0

[Network]
Address=$BOX_IP/30
Gateway=$HOST_IP
EOF
    # The cloud's package mirror: Debian's, through a caching proxy on this machine.
    echo "Acquire::http::Proxy \"http://$HOST_IP:$ACNG_PORT\";" >"$root/etc/apt/apt.conf.d/00rehearsal-mirror"
    # The key pair chosen at launch (EC2 puts it into the admin's authorized_keys).
    install -d -m 700 -o 1000 -g 1000 "$root/home/$ADMIN/.ssh"
    install -m 600 -o 1000 -g 1000 "$T/keys/admin.pub" "$root/home/$ADMIN/.ssh/authorized_keys"
    [[ $(chroot "$root" id -u "$ADMIN") == 1000 ]] || { echo "$ADMIN is not uid 1000 in the image"; return 1; }
    # The CA that signed the ACME server's HTTPS certificate, as Let's Encrypt's API is trusted
    # through the system's CAs; and certbot's default server is Pebble's, not Let's Encrypt's.
    cp "$T/ca/ca.pem" "$root/usr/local/share/ca-certificates/storefn-rehearsal.crt"
    chroot "$root" update-ca-certificates >/dev/null 2>&1
    install -d "$root/root/.config/letsencrypt"
    printf 'server = https://%s:%s/dir\n' "$HOST_IP" "$PEBBLE_PORT" >"$root/root/.config/letsencrypt/cli.ini"
}

# The box's memory limit: a scope with MemoryMax= where systemd runs this machine, else a
# cgroup of our own (v1 memory controller, or v2) that systemd-nspawn is started in.
setup_cgroup() {
    local v1 v2
    if [[ -d /run/systemd/system ]]; then
        save SCOPE storefn-rehearsal-box.scope
        save CGROUP_V 2
        save CGROUP "/sys/fs/cgroup/system.slice/$SCOPE"
        return 0
    fi
    v1=$(awk -F: '$2 == "memory" { print $3 }' /proc/self/cgroup)
    if [[ -n $v1 && -f /sys/fs/cgroup/memory$v1/memory.limit_in_bytes ]]; then
        save CGROUP "/sys/fs/cgroup/memory${v1%/}/storefn-rehearsal"
        save CGROUP_V 1
        mkdir -p "$CGROUP"
        echo "$MEMORY_LIMIT" >"$CGROUP/memory.limit_in_bytes"
        [[ ! -f $CGROUP/memory.memsw.limit_in_bytes ]] || echo "$MEMORY_LIMIT" >"$CGROUP/memory.memsw.limit_in_bytes"
    else
        v2=$(awk -F: '$1 == "0" { print $3 }' /proc/self/cgroup)
        save CGROUP "/sys/fs/cgroup${v2%/}/storefn-rehearsal"
        save CGROUP_V 2
        mkdir -p "$CGROUP"
        echo "$MEMORY_LIMIT" >"$CGROUP/memory.max" || { echo "no memory controller for the box's cgroup"; return 1; }
        echo 0 >"$CGROUP/memory.swap.max" 2>/dev/null || true
    fi
}

boot_box() {
    local root=$T/root nspawn
    nspawn=(systemd-nspawn -q -D "$root" -b --register=no --keep-unit -M "$MACHINE" --hostname="$MACHINE"
        --private-network --network-veth --resolv-conf=off --timezone=off --link-journal=no --console=read-only)
    : >>"$T/console.log"
    if [[ -n ${SCOPE:-} ]]; then
        systemd-run --quiet --scope --unit="$SCOPE" -p MemoryMax="$MEMORY_LIMIT" -p MemorySwapMax=0 \
            "${nspawn[@]}" >>"$T/console.log" 2>&1 </dev/null &
    else
        (
            echo "$BASHPID" >"$CGROUP/cgroup.procs"
            SYSTEMD_NSPAWN_UNIFIED_HIERARCHY=1 exec "${nspawn[@]}"
        ) >>"$T/console.log" 2>&1 </dev/null &
    fi
    track nspawn $!
    wait_for 15 ip link show "$VETH" >/dev/null 2>&1 || { echo "no $VETH"; tail -n 20 "$T/console.log"; return 1; }
    ip addr add "$HOST_IP/30" dev "$VETH"
    ip link set "$VETH" up
}

stop_box() {
    local pid
    box_close
    pid=$(<"$T/pids/nspawn")
    kill -TERM "$pid"
    wait_for 60 bash -c "! kill -0 $pid 2>/dev/null" || return 1
    rm -f "$T/pids/nspawn"
}

# The ports the rehearsal's services take: on the box's host address (free unless something
# listens on every address) and on loopback.
ports_free() {
    local port addr taken=
    for port in "$PG_PORT" "$ACNG_PORT" "$PEBBLE_PORT" "${PEBBLE_MGMT##*:}" "${DNS_ADDR##*:}" "${CHALL_MGMT##*:}"; do
        while read -r addr; do
            case ${addr%:*} in 0.0.0.0 | '*' | '[::]' | 127.0.0.1) taken+=" $addr" ;; esac
        done < <(ss -Hltun "sport = :$port" | awk '{ print $5 }')
    done
    [[ -z $taken ]] || { echo "in use on this machine:$taken"; return 1; }
}

host_key_fingerprint_on_console() {
    sed -n '/BEGIN SSH HOST KEY FINGERPRINTS/,/END SSH HOST KEY FINGERPRINTS/p' "$T/console.log" |
        grep '(ED25519)' | grep -o 'SHA256:[A-Za-z0-9+/=]*' | tail -n 1
}

step_box() {
    local tarball hash t0 fp_console fp_scan os
    host_tools
    pick_addresses
    expect "the rehearsal's ports are free" ports_free
    # Without systemd, /run is no tmpfs here, and systemd-nspawn refuses to work under it.
    if [[ $(stat -f -c %T /run/systemd/nspawn 2>/dev/null) != tmpfs ]]; then
        mkdir -p /run/systemd/nspawn
        mount -t tmpfs -o mode=0755 tmpfs /run/systemd/nspawn
        touch "$T/unmount-nspawn"
    fi
    # The rehearsal's CA (the ACME server's and the database's TLS) and the admin key pair.
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=storefn rehearsal CA" \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
        -keyout "$T/ca/ca.key" -out "$T/ca/ca.pem" 2>/dev/null
    ssh-keygen -q -t ed25519 -N '' -C storefn-admin -f "$T/keys/admin"

    hash=$( (declare -f customize_image; echo "$SUITE $MIRROR $IMAGE_PACKAGES") | sha256sum | cut -c1-12)
    tarball=$CACHE/debian-$SUITE-$hash.tar
    t0=$SECONDS
    if [[ -f $tarball ]]; then
        observe "root file system from the cache"
    else
        build_image "$tarball"
        observe "root file system built with debootstrap in $((SECONDS - t0)) s and cached"
        find "$CACHE" -maxdepth 1 -name "debian-*.tar" ! -name "${tarball##*/}" -delete
    fi
    t0=$SECONDS
    mkdir "$T/root"
    tar --numeric-owner --xattrs --xattrs-include='*' -xf "$tarball" -C "$T/root"
    prepare_copy "$T/root"
    echo "fresh copy in $((SECONDS - t0)) s"

    setup_cgroup
    t0=$SECONDS
    boot_box
    # The cloud's package mirror for the box, now that its network exists.
    mkdir -p "$CACHE/apt-cacher-ng" "$T/acng/log"
    cat >"$T/acng/acng.conf" <<EOF
CacheDir: $CACHE/apt-cacher-ng
LogDir: $T/acng/log
SupportDir: /usr/lib/apt-cacher-ng
Port: $ACNG_PORT
BindAddress: $HOST_IP
ExThreshold: 30
EOF
    /usr/sbin/apt-cacher-ng -c "$T/acng" ForeGround=1 >"$T/acng/out.log" 2>&1 &
    track acng $!

    expect "the box answers SSH at $BOX_IP" wait_for 90 port_open "$BOX_IP" 22
    # deploy/README.md step 7: the host key by ssh-keyscan, checked against the console's fingerprint.
    wait_for 10 bash -c "ssh-keyscan -T 5 -t ed25519 $BOX_IP 2>/dev/null | grep -q ssh-ed25519"
    ssh-keyscan -T 5 -t ed25519 "$BOX_IP" 2>/dev/null | grep ssh-ed25519 >"$T/keys/known_hosts"
    save HOST_KEY_LINE "$(<"$T/keys/known_hosts")"
    wait_for 10 bash -c "grep -q 'END SSH HOST KEY FINGERPRINTS' $T/console.log"
    fp_console=$(host_key_fingerprint_on_console)
    fp_scan=$(ssh-keygen -lf "$T/keys/known_hosts" | awk '{ print $2 }')
    echo "host key: console $fp_console, ssh-keyscan $fp_scan"
    expect "the keyscanned host key is the one the console printed at first boot" [ -n "$fp_console" -a "$fp_console" = "$fp_scan" ]
    expect "SSH as $ADMIN with the admin key" wait_for 30 box true
    observe "booted in $((SECONDS - t0)) s at $BOX_IP"
    # shellcheck disable=SC2016 # expanded by the box's shell
    box 'cat /etc/os-release; echo "pid1=$(ps -p 1 -o comm=)"; systemctl --version | head -n 1;
        echo "state=$(timeout 60 systemctl is-system-running --wait)"; id; sudo -n true && echo sudo=ok' | tee "$T/box-facts"
    os=$(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' "$T/box-facts")
    expect "systemd is PID 1 in the box" grep -qx 'pid1=systemd' "$T/box-facts"
    expect "the box's systemd reached 'running'" grep -qx 'state=running' "$T/box-facts"
    expect "$ADMIN has passwordless sudo" grep -qx 'sudo=ok' "$T/box-facts"
    # Key-only: the server offers nothing but publickey.
    ssh "${SSH_BASE[@]}" -o UserKnownHostsFile="$T/keys/known_hosts" -o PubkeyAuthentication=no \
        -o PreferredAuthentications=password,keyboard-interactive "$ADMIN@$BOX_IP" true >"$T/password-login.out" 2>&1 || true
    cat "$T/password-login.out"
    expect "password logins are refused (publickey only)" grep -q 'Permission denied (publickey)' "$T/password-login.out"
    expect "the memory limit is 1 GB" [ "$(cat "$CGROUP/memory.limit_in_bytes" 2>/dev/null || cat "$CGROUP/memory.max")" = "$MEMORY_LIMIT" ]
    observe "$os, $(grep -o '^systemd [0-9]*' "$T/box-facts") as PID 1, SSH key-only as $ADMIN"
}

# ---------------------------------------------------------------------------- step 2: bootstrap.sh

# Files bootstrap manages, with their modes and owners, and nginx's processes: what must not change
# on a second run.
bootstrap_snapshot() {
    box 'sudo sh -c "cd / && sha256sum /etc/nginx/sites-available/storefn /etc/nginx/snippets/storefn-security-headers.conf \
        /etc/nginx/storefn-upstream.conf /etc/nginx/storefn-dhparam.pem /etc/systemd/system/storefn@.service \
        /opt/storefn/bin/release.sh /etc/storefn/storefn.env /etc/systemd/journald.conf.d/storefn.conf \
        /etc/letsencrypt/renewal-hooks/deploy/storefn-reload-nginx /etc/letsencrypt/live/'"$DOMAIN"'/cert.pem;
        stat -c \"%n %a %U:%G\" /opt/storefn /opt/storefn/* /etc/storefn /var/lib/storefn /var/lib/storefn/* /var/log/storefn;
        ufw status verbose; pgrep -a nginx; systemctl show -p ActiveEnterTimestamp nginx systemd-journald"'
}

step_bootstrap() {
    local t0 rc
    # The ACME CA of this world: bootstrap.sh --email obtains the certificate from it.
    start_pebble
    # A listener on another port, reachable before the firewall: the probe of "another port".
    box 'sudo systemd-run --quiet --unit=rehearsal-probe /usr/bin/systemd-socket-activate -l 9999 -a --inetd /bin/echo storefn-probe'
    wait_for 10 port_open "$BOX_IP" 9999
    expect "before bootstrap, port 9999 is reachable from the host" probe_answers
    cp /proc/swaps "$T/host-swaps.before"

    # deploy/README.md step 8, as written.
    scp "${SSH_BASE[@]}" -i "$T/keys/admin" -o UserKnownHostsFile="$T/keys/known_hosts" -o StrictHostKeyChecking=yes \
        -q -r "$DEPLOY" "$ADMIN@$BOX_IP:"
    rc=0
    box "sudo ./deploy/bootstrap.sh --check --domain $DOMAIN" >"$T/bootstrap-check.out" 2>&1 || rc=$?
    cat "$T/bootstrap-check.out"
    expect "bootstrap.sh --check passes on the fresh box" [ "$rc" = 0 ]
    t0=$SECONDS
    rc=0
    box "sudo ./deploy/bootstrap.sh --domain $DOMAIN --email $EMAIL" >"$T/bootstrap1.out" 2>&1 || rc=$?
    cat "$T/bootstrap1.out"
    expect "bootstrap.sh exits 0" [ "$rc" = 0 ]
    observe "first run $((SECONDS - t0)) s"
    expect "bootstrap.sh says it is done" grep -q '^bootstrap done' "$T/bootstrap1.out"

    # Swap: a container cannot enable it; bootstrap must say so and go on.
    expect "bootstrap says a container cannot enable swap" grep -q 'swap: skipped, this system is a container' "$T/bootstrap1.out"
    expect "no swap in the box" [ "$(box 'wc -l < /proc/swaps')" = 1 ]
    expect "this machine's swap is untouched" [ "$(cat /proc/swaps)" = "$(cat "$T/host-swaps.before")" ]
    observe "swap skipped (container: bootstrap says so)"

    # The firewall, checked from outside.
    box 'sudo ufw status verbose' | tee "$T/ufw.out"
    expect "ufw is active and denies incoming" grep -q 'deny (incoming)' "$T/ufw.out"
    expect "its only rules allow 22, 80 and 443/tcp in" \
        [ "$(sed -n 's/^\(.*[^ ]\) \{2,\}ALLOW IN .*/\1/p' "$T/ufw.out" | LC_ALL=C sort | paste -sd ,)" = "22/tcp,22/tcp (v6),443/tcp,443/tcp (v6),80/tcp,80/tcp (v6)" ]
    expect "22, 80 and 443 answer from the host" ports_open 22 80 443
    expect "the probe still answers inside the box" box 'timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/9999; head -n 1 <&3"'
    expect "port 9999 is refused from the host" ports_closed 9999
    box 'sudo systemctl stop rehearsal-probe'
    observe "ufw: 22/80/443 open, 9999 refused from the host"

    box "java -version 2>&1 | head -n 1; systemctl is-active nginx; sudo nginx -t 2>&1; id storefn;
        systemctl cat storefn@blue >/dev/null && echo unit=installed; readlink /etc/nginx/sites-enabled/storefn;
        sudo stat -c '%a %U:%G' /etc/storefn/storefn.env; command -v certbot" | tee "$T/box-after.out"
    expect "OpenJDK 25 is the box's java" grep -q 'openjdk version "25' "$T/box-after.out"
    expect "nginx is active and its configuration is valid" grep -q 'test is successful' "$T/box-after.out"
    expect "nginx -t shows no warning" bash -c "! grep -q '\[warn\]' $T/box-after.out"
    expect "the storefn user, the unit, the site and the env file (0640 root:storefn) are in place" \
        bash -c "grep -q '(storefn)' $T/box-after.out && grep -q unit=installed $T/box-after.out &&
            grep -qx /etc/nginx/sites-available/storefn $T/box-after.out && grep -qx '640 root:storefn' $T/box-after.out"

    # The second run changes nothing.
    bootstrap_snapshot >"$T/snapshot1"
    rc=0
    box "sudo ./deploy/bootstrap.sh --domain $DOMAIN --email $EMAIL" >"$T/bootstrap2.out" 2>&1 || rc=$?
    cat "$T/bootstrap2.out"
    expect "the second run exits 0" [ "$rc" = 0 ]
    bootstrap_snapshot >"$T/snapshot2"
    expect "the second run does nothing (no 'doing' line)" bash -c "! grep -q '^doing' $T/bootstrap2.out"
    expect "the second run changes no file, mode, firewall rule or process" diff "$T/snapshot1" "$T/snapshot2"
    observe "second run: nothing changed"
}

# ---------------------------------------------------------------------------- step 3: certificate

start_pebble() {
    local d=$T/acme
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$HOST_IP" \
        -keyout "$d/pebble.key" -out "$d/pebble.csr" 2>/dev/null
    openssl x509 -req -in "$d/pebble.csr" -CA "$T/ca/ca.pem" -CAkey "$T/ca/ca.key" -CAcreateserial -days 2 \
        -extfile <(printf 'subjectAltName=IP:%s,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' "$HOST_IP") \
        -out "$d/pebble.pem" 2>/dev/null
    cat >"$d/pebble.json" <<EOF
{"pebble": {"listenAddress": "$HOST_IP:$PEBBLE_PORT", "managementListenAddress": "$PEBBLE_MGMT",
  "certificate": "$d/pebble.pem", "privateKey": "$d/pebble.key", "httpPort": 80, "tlsPort": 443,
  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
EOF
    # Its DNS: the box's domain resolves to the box, nothing else resolves.
    pebble-challtestsrv -defaultIPv4 "" -defaultIPv6 "" -dns01 "$DNS_ADDR" -http01 "" -https01 "" -tlsalpn01 "" \
        -management "$CHALL_MGMT" >"$d/challtestsrv.log" 2>&1 &
    track challtestsrv $!
    wait_for 10 curl -fsS -o /dev/null -d "{\"host\": \"$DOMAIN.\", \"addresses\": [\"$BOX_IP\"]}" "http://$CHALL_MGMT/add-a"
    PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$d/pebble.json" -dnsserver "$DNS_ADDR" >"$d/pebble.log" 2>&1 &
    track pebble $!
    wait_for 15 curl -fsS -o /dev/null --cacert "$T/ca/ca.pem" "https://$HOST_IP:$PEBBLE_PORT/dir"
    curl -fsS --cacert "$T/ca/ca.pem" "https://$PEBBLE_MGMT/roots/0" >"$d/roots.pem"
    curl -fsS --cacert "$T/ca/ca.pem" "https://$PEBBLE_MGMT/intermediates/0" >"$d/intermediate.pem"
}

served_certificate() { # the leaf nginx serves for the domain, as PEM
    openssl s_client -connect "$BOX_IP:443" -servername "$DOMAIN" </dev/null 2>/dev/null | openssl x509
}
serial_is_not() { [[ $(served_certificate | openssl x509 -noout -serial) != "$1" ]]; }

step_certificate() {
    local issuer pebble_ica serial1 serial2 workers1 workers2
    served_certificate >"$T/acme/served.pem"
    issuer=$(openssl x509 -in "$T/acme/served.pem" -noout -issuer | sed 's/^issuer= *//')
    pebble_ica=$(openssl x509 -in "$T/acme/intermediate.pem" -noout -subject | sed 's/^subject= *//')
    openssl x509 -in "$T/acme/served.pem" -noout -subject -issuer -serial -dates -ext subjectAltName
    expect "the served certificate was issued by Pebble's intermediate ($pebble_ica)" [ "$issuer" = "$pebble_ica" ]
    expect "it verifies against Pebble's root for $DOMAIN" \
        openssl verify -CAfile "$T/acme/roots.pem" -untrusted "$T/acme/intermediate.pem" -verify_hostname "$DOMAIN" "$T/acme/served.pem"
    observe "issuer '$issuer'"
    expect "https://$DOMAIN/ answers with a verified certificate" [ "$(code_of -D "$T/https.h" "https://$DOMAIN/api/products/")" != 000 ]
    expect "HTTPS answers carry HSTS" grep -qi '^strict-transport-security: max-age=' "$T/https.h"
    curl_https -o /dev/null -D "$T/redirect.h" "http://$DOMAIN/api/products/?page=2"
    expect "port 80 redirects to HTTPS" grep -qi "^location: https://$DOMAIN/api/products/?page=2" "$T/redirect.h"

    # Renewal: certbot's timer, a dry run, then a real renewal that must reload nginx by the hook.
    expect "certbot's renewal timer is active" box 'systemctl is-active certbot.timer'
    # --no-random-sleep-on-renew: what a terminal gets (certbot sleeps up to 8 minutes without one).
    box 'sudo certbot renew --dry-run --no-random-sleep-on-renew' >"$T/renew-dry.out" 2>&1 || true
    cat "$T/renew-dry.out"
    expect "certbot renew --dry-run succeeds" grep -q 'all simulated renewals succeeded' "$T/renew-dry.out"
    serial1=$(openssl x509 -in "$T/acme/served.pem" -noout -serial)
    workers1=$(box 'pgrep -f "nginx: worker process" | sort | tr "\n" " "')
    box 'sudo certbot renew --force-renewal --no-random-sleep-on-renew' >"$T/renew-forced.out" 2>&1 || true
    cat "$T/renew-forced.out"
    expect "a forced renewal succeeds" grep -q 'all renewals succeeded' "$T/renew-forced.out"
    expect "certbot ran bootstrap's deploy hook" \
        box "sudo grep -q 'Running deploy-hook command: /etc/letsencrypt/renewal-hooks/deploy/storefn-reload-nginx' /var/log/letsencrypt/letsencrypt.log"
    wait_for 15 serial_is_not "$serial1" || true
    serial2=$(served_certificate | openssl x509 -noout -serial)
    workers2=$(box 'pgrep -f "nginx: worker process" | sort | tr "\n" " "')
    echo "served ${serial1} -> ${serial2}; nginx workers ${workers1}-> ${workers2}"
    expect "nginx serves the renewed certificate (reloaded by the hook)" [ "$serial1" != "$serial2" ]
    expect "nginx's workers were replaced (a reload)" [ "$workers1" != "$workers2" ]
    observe "renew --dry-run ok; forced renewal: new serial served, nginx reloaded by the hook"
}

# ---------------------------------------------------------------------------- step 4: the database

psql_admin() { runuser -u postgres -- "$PG_BIN/psql" -h "$T/pg" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

step_database() {
    local d=$T/pg pw role=postgres.rehearsal out
    install -d -o postgres -g postgres -m 700 "$d"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=db.storefn.test" \
        -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
    openssl x509 -req -in "$d/server.csr" -CA "$T/ca/ca.pem" -CAkey "$T/ca/ca.key" -CAcreateserial -days 2 \
        -extfile <(printf 'subjectAltName=DNS:db.storefn.test,IP:%s\n' "$HOST_IP") -out "$d/server.pem" 2>/dev/null
    chown postgres: "$d"/server.*
    chmod 600 "$d/server.key"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$d/data" -U postgres --auth-local=peer --auth-host=reject \
        --no-locale -E UTF8 >"$d/initdb.log" 2>&1 || { cat "$d/initdb.log"; return 1; }
    cat >"$d/data/pg_hba.conf" <<EOF
local   all  postgres                peer
hostssl all  all       $BOX_IP/32    scram-sha-256
hostssl all  all       $HOST_IP/32   scram-sha-256
host    all  all       0.0.0.0/0     reject
EOF
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 30 -o "-c listen_addresses=$HOST_IP \
        -c port=$PG_PORT -c unix_socket_directories=$d -c ssl=on -c ssl_cert_file=$d/server.pem \
        -c ssl_key_file=$d/server.key -c password_encryption=scram-sha-256 -c log_connections=on" start >/dev/null
    # Supabase's pooler names its users postgres.<project>; the database is "postgres".
    pw=$(openssl rand -hex 16)
    psql_admin -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$pw'" -c "ALTER DATABASE postgres OWNER TO \"$role\"" \
        -c "ALTER SCHEMA public OWNER TO \"$role\""
    save DATABASE_URL "postgresql://$role:$pw@$HOST_IP:$PG_PORT/postgres?sslmode=require"
    expect "TLS with the password connects" \
        bash -c "[ \"\$('$PG_BIN/psql' -qAt '$DATABASE_URL' -c 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')\" = t ]"
    out=$("$PG_BIN/psql" -qAt "${DATABASE_URL%\?*}?sslmode=disable" -c 'SELECT 1' 2>&1 || true)
    echo "without TLS: $out"
    expect "a connection without TLS is refused" grep -q 'no encryption' <<<"$out"
    out=$("$PG_BIN/psql" -qAt "postgresql://$role:wrong@$HOST_IP:$PG_PORT/postgres?sslmode=require" -c 'SELECT 1' 2>&1 || true)
    echo "wrong password: $out"
    expect "a wrong password is refused" grep -q 'password authentication failed' <<<"$out"
    expect "the box reaches the database over TLS" \
        box "openssl s_client -starttls postgres -connect $HOST_IP:$PG_PORT -brief </dev/null 2>&1 | grep -q 'Protocol version'"

    # deploy/README.md step 10: DATABASE_URL into /etc/storefn/storefn.env (the editor's part done by sed).
    box "sudo sed -i 's|^#DATABASE_URL=.*|DATABASE_URL=$DATABASE_URL|' /etc/storefn/storefn.env"
    expect "DATABASE_URL is set in /etc/storefn/storefn.env, still 0640 root:storefn" \
        box "sudo grep -qx 'DATABASE_URL=$DATABASE_URL' /etc/storefn/storefn.env && [ \"\$(sudo stat -c '%a %U:%G' /etc/storefn/storefn.env)\" = '640 root:storefn' ]"
    observe "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at $HOST_IP:$PG_PORT, TLS only, scram-sha-256, user $role"
}

# ---------------------------------------------------------------------------- step 5: the deploy job

# Runs one job of a workflow as a GitHub-hosted runner would: each run: step with `bash -e`, its
# env and the job's, ${{ }} expressions from the given secrets and outputs, $GITHUB_OUTPUT; the
# artifact actions move files through a directory. Anything it does not know fails the job.
cat >"$T/gh/runjob.py" <<'PYTHON'
import json, os, re, shutil, subprocess, sys, tempfile
import yaml

workflow, job_name, workspace, artifacts, context_file = sys.argv[1:6]
ctx = json.load(open(context_file))
job = yaml.safe_load(open(workflow))["jobs"][job_name]
skip = set(ctx.get("skip_steps", []))
outputs = {}
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

def value(expr):
    for pattern, get in (
            (r"secrets\.(\w+)", lambda m: ctx["secrets"].get(m[1], "")),
            (r"needs\.([\w-]+)\.outputs\.([\w-]+)", lambda m: ctx["needs"][m[1]]["outputs"][m[2]]),
            (r"steps\.([\w-]+)\.outputs\.([\w-]+)", lambda m: outputs.get(m[1], {}).get(m[2], "")),
            (r"github\.([\w.]+)", lambda m: ctx["github"][m[1]]),
            (r"runner\.os", lambda m: "Linux")):
        m = re.fullmatch(pattern, expr)
        if m:
            return get(m)
    sys.exit(f"runjob: unsupported expression ${{{{ {expr} }}}}")

def subst(text):
    return EXPR.sub(lambda m: str(value(m[1])), str(text))

def wanted(cond, failed):
    if cond is None:
        return not failed
    c = str(cond).strip()
    m = EXPR.fullmatch(c)
    c = m[1] if m else c
    known = {"always()": True, "success()": not failed, "failure()": failed,
             # The push is to the repository itself, not to a fork.
             "!github.event.repository.fork": not failed}
    if c not in known:
        sys.exit(f"runjob: unsupported condition {cond!r}")
    return known[c]

if not wanted(job.get("if"), False):
    sys.exit("runjob: the job's condition is false")
runner_temp = tempfile.mkdtemp(prefix="runner-")
base = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": os.path.expanduser("~"),
        "LANG": "C.UTF-8", "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace,
        "GITHUB_SHA": ctx["github"]["sha"], "GITHUB_REF": ctx["github"]["ref"], "RUNNER_OS": "Linux",
        "RUNNER_TEMP": runner_temp}
for k, v in (job.get("env") or {}).items():
    base[k] = subst(v)
failed = False
for n, step in enumerate(job["steps"], 1):
    name = step.get("name") or step.get("uses") or f"step {n}"
    if name in skip:
        print(f"== {name}: skipped by the rehearsal", flush=True)
        continue
    if not wanted(step.get("if"), failed):
        print(f"== {name}: skipped (if: {step.get('if')})", flush=True)
        continue
    print(f"== {name}", flush=True)
    if "uses" in step:
        action = step["uses"].split("@")[0]
        if action in ("actions/checkout", "actions/setup-java", "actions/cache"):
            continue  # the workspace is the checkout; this machine has the JDK
        with_ = {k: subst(v) for k, v in (step.get("with") or {}).items()}
        if action == "actions/upload-artifact":
            shutil.copytree(os.path.join(workspace, with_["path"]), os.path.join(artifacts, with_["name"]), dirs_exist_ok=True)
            continue
        if action == "actions/download-artifact":
            shutil.copytree(os.path.join(artifacts, with_["name"]), os.path.join(workspace, with_["path"]), dirs_exist_ok=True)
            continue
        sys.exit(f"runjob: unsupported action {step['uses']}")
    env = dict(base)
    for k, v in (step.get("env") or {}).items():
        env[k] = subst(v)
    out_file = os.path.join(runner_temp, f"output-{n}")
    open(out_file, "w").close()
    env["GITHUB_OUTPUT"] = out_file
    script = os.path.join(runner_temp, f"step-{n}.sh")
    with open(script, "w") as f:
        f.write(subst(step["run"]))
    rc = subprocess.run(["bash", "-e", script], cwd=workspace, env=env).returncode
    if step.get("id"):
        outputs[step["id"]] = dict(line.split("=", 1) for line in open(out_file).read().splitlines() if "=" in line)
    if rc != 0:
        print(f"== {name}: exit {rc}", flush=True)
        failed = True
json.dump({k: subst(v) for k, v in (job.get("outputs") or {}).items()}, open(os.path.join(artifacts, f"{job_name}.outputs.json"), "w"))
print(f"== job {job_name}: {'failure' if failed else 'success'}", flush=True)
sys.exit(1 if failed else 0)
PYTHON

# run_job JOB CONTEXT_JSON WORKSPACE OUTPUT: in a mount namespace whose /root is a fresh home, so
# ~/.ssh is the job's own (ssh reads the passwd entry's home, not $HOME).
run_job() {
    local job=$1 ctx=$2 ws=$3 out=$4 home
    home=$(mktemp -d "$T/gh/home.XXXXXX")
    # shellcheck disable=SC2016 # the inner shell's arguments
    timeout 600 unshare --mount --propagation private -- bash -c 'mount --bind "$1" /root && shift && exec "$@"' _ "$home" \
        /usr/bin/python3 "$T/gh/runjob.py" "$T/gh/deploy.yml" "$job" "$ws" "$T/gh/artifacts" "$ctx" >"$out" 2>&1
}

# build_release JAR: the build job's packaging step (the tests step is the run this is part of).
# Sets RELEASE_ID; the tarball lands in $T/gh/artifacts/storefn-release/.
build_release() {
    local jar=$1 ws=$T/gh/build-ws
    rm -rf "$ws" "$T/gh/artifacts"
    mkdir -p "$ws/runner/target" "$ws/deploy" "$T/gh/artifacts"
    cp "$jar" "$ws/runner/target/storefn.jar"
    cp "$DEPLOY/release.sh" "$ws/deploy/release.sh"
    jq -n --arg sha "$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo 0000000000000000000000000000000000000000)" \
        '{github: {sha: $sha, ref: "refs/heads/main"}, secrets: {}, needs: {}, skip_steps: ["Build and test"]}' >"$T/gh/build.json"
    # The release id has one-second resolution: never reuse the previous one.
    while [[ $(date -u +%Y%m%d%H%M%S) == "${LAST_STAMP:-}" ]]; do sleep 0.2; done
    run_job build "$T/gh/build.json" "$ws" "$T/gh/build.out" || { cat "$T/gh/build.out"; return 1; }
    RELEASE_ID=$(jq -r '."release-id"' "$T/gh/artifacts/build.outputs.json")
    LAST_STAMP=${RELEASE_ID%%-*}
    [[ -f $T/gh/artifacts/storefn-release/storefn-$RELEASE_ID.tar.gz ]] || { cat "$T/gh/build.out"; return 1; }
    echo "built release $RELEASE_ID"
}

# deploy_job RELEASE_ID HOST_KEY_LINE OUTPUT: the deploy job with the box's secrets.
deploy_job() {
    local id=$1 host_key=$2 out=$3 ws=$T/gh/deploy-ws
    rm -rf "$ws"
    mkdir -p "$ws"
    jq -n --arg key "$(<"$T/keys/storefn-deploy")" --arg host "$BOX_IP" --arg user "$ADMIN" --arg hostkey "$host_key" \
        --arg id "$id" --arg sha "$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo 0)" \
        '{github: {sha: $sha, ref: "refs/heads/main"},
          secrets: {EC2_SSH_KEY: $key, EC2_HOST: $host, EC2_USER: $user, EC2_HOST_KEY: $hostkey},
          needs: {build: {outputs: {"release-id": $id}}}}' >"$T/gh/deploy.json"
    chmod 600 "$T/gh/deploy.json"
    run_job deploy "$T/gh/deploy.json" "$ws" "$out"
}

start_load() { # start_load NAME SECONDS PATH: hey through the front door (nginx, TLS) in the background
    hey -z "$2s" -c 2 -q 10 -host "$DOMAIN" "https://$BOX_IP$3" >"$T/hey-$1.out" 2>&1 &
    track "hey-$1" $!
}
stop_load() {
    local pid
    pid=$(<"$T/pids/hey-$1")
    kill -INT "$pid" 2>/dev/null || true
    wait_for 15 bash -c "! kill -0 $pid 2>/dev/null"
    rm -f "$T/pids/hey-$1"
}
load_clean() { # load_clean NAME: hey saw answers, all 2xx, no error
    local out=$T/hey-$1.out
    cat "$out"
    grep -q 'Status code distribution' "$out" || return 1
    [[ $(load_count "$1") -gt 0 ]] || { echo "no answer at all"; return 1; }
    ! grep -q 'Error distribution' "$out" || return 1
    ! grep -E '^\s*\[[0-9]+\]\s+[0-9]+ responses' "$out" | grep -vq '^\s*\[2[0-9][0-9]\]'
}
load_count() { grep -E '^\s*\[2[0-9][0-9]\]\s+[0-9]+ responses' "$T/hey-$1.out" | awk '{ s += $2 } END { print s + 0 }'; }

# Memory of the box's processes, sampled from this machine: "seconds blue green nginx box anon"
# lines: RSS in kB of each slot's JVM (0 when not running), nginx's PSS in kB (master and
# workers), the box's cgroup usage in bytes (page cache included) and its anonymous memory in
# bytes (what its processes hold: the part that cannot be given back but to swap).
# A process may end between being listed and being read (nginx's old workers at a reload, a slot as it stops):
# what it no longer shows counts as 0, or one empty read would end the sampling for the rest of the step.
sample_memory() {
    local pid cmd port blue green nginx pss
    while [[ -f $T/sampling ]]; do
        blue=0 green=0 nginx=0
        while read -r pid; do
            [[ -r /proc/$pid/cmdline ]] || continue
            cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
            case $cmd in
                *java*/opt/storefn/releases/*)
                    port=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^PORT=//p') || port=
                    case $port in
                        8001) blue=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || blue=0 ;;
                        8002) green=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || green=0 ;;
                    esac
                    ;;
                nginx:*)
                    pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null) || pss=0
                    nginx=$((nginx + ${pss:-0}))
                    ;;
            esac
        done < <(find "$CGROUP" -name cgroup.procs -exec cat {} + 2>/dev/null || true)
        echo "$SECONDS ${blue:-0} ${green:-0} $nginx $(box_memory_usage) $(box_memory_anon)"
        sleep 0.5
    done
}
box_memory_usage() { cat "$CGROUP/memory.usage_in_bytes" 2>/dev/null || cat "$CGROUP/memory.current"; }
box_memory_anon() { awk '$1 == "total_rss" || $1 == "anon" { print $2 }' "$CGROUP/memory.stat"; }
box_memory_peak() { cat "$CGROUP/memory.max_usage_in_bytes" 2>/dev/null || cat "$CGROUP/memory.peak"; }
reset_memory_peak() { echo 0 >"$CGROUP/memory.max_usage_in_bytes" 2>/dev/null || echo reset >"$CGROUP/memory.peak" 2>/dev/null || true; }

slot_state() { # "active enabled", "inactive disabled", ...
    local state
    state=$(box "systemctl is-active storefn@$1; systemctl is-enabled storefn@$1; true" | paste -sd ' ')
    echo "storefn@$1: $state" >&2
    echo "$state"
}

step_deploy() {
    local first second broken wrong rc
    # The workflow as committed (copied: the job's mount namespace hides /root, where a clone may live).
    cp "$REPO/.github/workflows/deploy.yml" "$T/gh/deploy.yml"
    # deploy/README.md step 11: a key pair for deploys only, authorised by the admin.
    ssh-keygen -q -t ed25519 -N '' -C storefn-deploy -f "$T/keys/storefn-deploy"
    box 'cat >> ~/.ssh/authorized_keys' <"$T/keys/storefn-deploy.pub"

    # The first release.
    build_release "$JAR"
    first=$RELEASE_ID
    save FIRST_RELEASE "$first"
    rc=0
    deploy_job "$first" "$HOST_KEY_LINE" "$T/deploy1.out" || rc=$?
    cat "$T/deploy1.out"
    expect "the deploy job succeeds" [ "$rc" = 0 ]
    expect "the job says the release is live" grep -q "::notice::release $first is live" "$T/deploy1.out"
    expect "https://$DOMAIN/health/ answers 200" wait_for 30 health_ok
    expect "$first is live on green in releases.log" box "grep -q ' $first green live' /opt/storefn/releases.log"
    expect "storefn@green is active and enabled" [ "$(slot_state green)" = "active enabled" ]
    expect "the job's incoming directory was cleaned up" box "[ ! -e ~/storefn-incoming/$first ]"
    "$PG_BIN/psql" -qAt "$DATABASE_URL" -c "SELECT ssl, count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)
        WHERE client_addr = '$BOX_IP' GROUP BY ssl" | tee "$T/app-ssl.out"
    expect "the app's database connections all use TLS" grep -qx 't|[1-9][0-9]*' "$T/app-ssl.out"
    expect "no plain connection from the box" bash -c "! grep -q '^f|' $T/app-ssl.out"
    observe "release 1 live on green"

    # A second release under load: no request may fail.
    build_release "$JAR"
    second=$RELEASE_ID
    save SECOND_RELEASE "$second"
    touch "$T/sampling"
    sample_memory >"$T/memory-release.txt" &
    track sampler $!
    reset_memory_peak
    start_load products 600 /api/products/
    start_load health 600 /health/
    sleep 2
    rc=0
    deploy_job "$second" "$HOST_KEY_LINE" "$T/deploy2.out" || rc=$?
    sleep 2
    stop_load products
    stop_load health
    rm -f "$T/sampling"
    sleep 1
    save RELEASE_PEAK "$(box_memory_peak)"
    cat "$T/deploy2.out"
    expect "the second deploy job succeeds" [ "$rc" = 0 ]
    expect "no failed or non-2xx request to /api/products/ during the release" load_clean products
    expect "no failed or non-2xx request to /health/ during the release" load_clean health
    expect "$second is live on blue" box "grep -q ' $second blue live' /opt/storefn/releases.log"
    expect "storefn@blue active and enabled, storefn@green stopped and disabled" \
        [ "$(slot_state blue),$(slot_state green)" = "active enabled,inactive disabled" ]
    expect "current and previous point at the two releases" \
        box "[ \"\$(readlink /opt/storefn/current)\" = releases/$second ] && [ \"\$(readlink /opt/storefn/previous)\" = releases/$first ]"
    observe "release 2 under load: $(($(load_count products) + $(load_count health))) requests, none failed"

    # A release that never becomes healthy: it crashes at start (migrate passes).
    mkdir -p "$T/broken"
    cat >"$T/broken/Main.java" <<'EOF'
public class Main {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("migrate")) return;
        System.err.println("broken release: cannot start");
        System.exit(1);
    }
}
EOF
    javac --release 17 -d "$T/broken" "$T/broken/Main.java"
    printf 'Main-Class: Main\n' >"$T/broken/manifest"
    jar cfm "$T/broken/storefn.jar" "$T/broken/manifest" -C "$T/broken" Main.class
    build_release "$T/broken/storefn.jar"
    broken=$RELEASE_ID
    start_load during-broken 600 /api/products/
    rc=0
    deploy_job "$broken" "$HOST_KEY_LINE" "$T/deploy3.out" || rc=$?
    sleep 1
    stop_load during-broken
    cat "$T/deploy3.out"
    expect "the deploy job of a release that never gets healthy fails" [ "$rc" != 0 ]
    expect "release.sh rolled it back" grep -q 'ROLLBACK' "$T/deploy3.out"
    expect "the job shows the failed start's own log line" grep -q 'broken release: cannot start' "$T/deploy3.out"
    expect "and no class-data sharing noise" bash -c "! grep -q '\[cds\]' $T/deploy3.out"
    expect "the job reports the failure" grep -q "::error::release $broken failed or was rolled back" "$T/deploy3.out"
    expect "releases.log records the rollback" box "grep -q ' $broken green rolled-back' /opt/storefn/releases.log"
    expect "blue still serves $second, green is stopped and disabled" \
        [ "$(slot_state blue),$(slot_state green),$(live_slot)" = "active enabled,inactive disabled,blue" ]
    expect "no failed request while it was tried" load_clean during-broken
    expect "https://$DOMAIN/health/ still answers 200" health_ok
    observe "a release that crashes at start: job failed, rolled back, $second kept serving"

    # A wrong host key: the job must refuse to connect.
    ssh-keygen -q -t ed25519 -N '' -f "$T/keys/impostor"
    build_release "$JAR"
    wrong=$RELEASE_ID
    box 'cat /opt/storefn/releases.log' >"$T/releases-before-wrong.log"
    rc=0
    deploy_job "$wrong" "$BOX_IP $(cut -d' ' -f1,2 "$T/keys/impostor.pub")" "$T/deploy4.out" || rc=$?
    cat "$T/deploy4.out"
    expect "the deploy job with a wrong host key fails" [ "$rc" != 0 ]
    expect "ssh refused the host key" grep -q 'Host key verification failed' "$T/deploy4.out"
    expect "nothing reached the box" box "[ ! -e ~/storefn-incoming/$wrong ] && [ ! -e /opt/storefn/releases/$wrong ]"
    box 'cat /opt/storefn/releases.log' >"$T/releases-after-wrong.log"
    expect "releases.log is unchanged" diff "$T/releases-before-wrong.log" "$T/releases-after-wrong.log"
    observe "wrong host key: refused"
}

# ---------------------------------------------------------------------------- step 6: systemd

step_systemd() {
    local slot pid old new t0 i nonce id restarts
    slot=$(live_slot)
    # The logs, where the runbook says they are. The request id is nginx's: a client's own is not taken.
    nonce=rehearsal$RANDOM$RANDOM
    expect "a marked request answers 200" [ "$(code_of -D "$T/marked.h" -H "X-Request-Id: forged-$nonce" \
        "https://$DOMAIN/api/products/?mark=$nonce")" = 200 ]
    id=$(sed -n 's/^x-request-id: *//Ip' "$T/marked.h" | tr -d '\r')
    expect "its request id is nginx's, not the one the client sent" grep -Eqx '[0-9a-f]{32}' <<<"$id"
    sleep 1
    expect "journalctl -u storefn@$slot has its access line" \
        box "sudo journalctl -u storefn@$slot --no-pager -o cat | grep 'request_id=$id' | grep -q 'client=$HOST_IP'"
    expect "/var/log/nginx/access.log has the request" box "sudo grep -q 'GET /api/products/?mark=$nonce' /var/log/nginx/access.log"

    # kill -9 of the live slot: systemd brings it back; nginx answers 502 JSON meanwhile and logs why.
    pid=$(main_pid "$slot")
    t0=$SECONDS
    box "sudo kill -9 $pid"
    curl_https -o "$T/outage.b" -w '%{http_code}\n' "https://$DOMAIN/api/products/" >"$T/outage.code" || true
    echo "during the outage: $(cat "$T/outage.code") $(cat "$T/outage.b")"
    expect "storefn@$slot is back after kill -9" wait_for 90 health_ok
    observe "kill -9: back in $((SECONDS - t0)) s"
    expect "it is a new process" [ "$(main_pid "$slot")" != "$pid" ]
    if grep -qx 502 "$T/outage.code"; then
        expect "the outage's 502 is JSON" grep -q '"detail"' "$T/outage.b"
        expect "/var/log/nginx/error.log says why" box "sudo grep -q 'connect() failed' /var/log/nginx/error.log"
    fi

    # More crashes in a row than any start limit allows (the old unit gave up after 5 in 300 s).
    old=$(main_pid "$slot")
    t0=$SECONDS
    for i in 1 2 3 4 5 6 7; do
        box "sudo kill -9 $old"
        new=$old
        wait_for 30 new_main_pid "$slot" "$old" ||
            { box "systemctl status storefn@$slot --no-pager" || true; expect "kill $i: systemd started storefn@$slot again" false; }
        old=$(main_pid "$slot")
        echo "kill $i: $new -> $old"
    done
    expect "after 7 kills in $((SECONDS - t0)) s, storefn@$slot serves again" wait_for 90 health_ok
    restarts=$(box "systemctl show -p NRestarts --value storefn@$slot")
    expect "systemd counted the restarts (NRestarts=$restarts) and the unit is active" \
        [ "$restarts" -ge 8 -a "$(box "systemctl is-active storefn@$slot")" = active ]
    observe "7 kills in a row: restarted every time (NRestarts=$restarts)"

    # A reboot: the container halts and boots again, and the shop comes back by itself.
    stop_box
    grep -q 'Halting system\|Power down' "$T/console.log" && echo "the box halted cleanly"
    t0=$SECONDS
    boot_box
    expect "after a reboot, https://$DOMAIN/health/ answers 200 without anyone logging in" wait_for 180 health_ok
    observe "reboot: serving again $((SECONDS - t0)) s after boot"
    expect "storefn@$slot is the one running" [ "$(slot_state "$slot")" = "active enabled" ]
    expect "the slots' journal holds no class-data sharing noise from their stops" \
        [ "$(box "sudo journalctl -u 'storefn@*' --no-pager -o cat | grep -c '\[cds\]'; true")" = 0 ]
    expect "the box's systemd is 'running' (no failed unit)" [ "$(box 'timeout 60 systemctl is-system-running --wait')" = running ]
}

# ---------------------------------------------------------------------------- step 7: the shop

# A PNG of noise (so larger than the 64k every other route may take), made with zlib.
make_png() { # make_png FILE SIDE
    /usr/bin/python3 - "$1" "$2" <<'PY'
import os, struct, sys, zlib
path, side = sys.argv[1], int(sys.argv[2])
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
raw = b"".join(b"\0" + os.urandom(side * 3) for _ in range(side))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
open(path, "wb").write(png)
PY
}

api() { # api METHOD PATH TOKEN [JSON]: prints "STATUS BODY"
    local method=$1 path=$2 token=$3 body=${4:-}
    curl_https -X "$method" -o "$T/api.b" -w '%{http_code}' ${token:+-H "Authorization: Bearer $token"} \
        ${body:+-H 'Content-Type: application/json' --data "$body"} "https://$DOMAIN$path" >"$T/api.s" || true
    echo "$method $path -> $(<"$T/api.s") $(head -c 600 "$T/api.b")"
}
status_is() { [[ $(<"$T/api.s") == "$1" ]]; }
json() { jq -er "$1" "$T/api.b"; }
# shellcheck disable=SC2016 # jq's variables
json_has_id() { jq -e --argjson id "$1" 'map(select(.id == $id)) | length == 1' "$T/api.b" >/dev/null; }
# shellcheck disable=SC2016 # jq's variables
json_cart_has() { jq -e --argjson id "$1" --argjson q "$2" '[.items[] | select(.product.id == $id and .quantity == $q)] | length == 1' "$T/api.b" >/dev/null; }

step_shop() {
    local staff_pw shopper_pw staff product image shopper order stamp violations
    stamp=$(date +%s)
    staff_pw=$(openssl rand -hex 12)
    shopper_pw=$(openssl rand -hex 12)
    # deploy/README.md step 13: the first staff user, with the live release and the box's settings.
    printf '%s\n' "$staff_pw" | box "sudo systemd-run --quiet --wait --pipe --collect -p User=storefn \
        -p EnvironmentFile=/etc/storefn/storefn.env /usr/bin/java -jar /opt/storefn/current/app/storefn.jar \
        create-staff --email staff-$stamp@example.com --password-stdin"

    api POST /api/login/ "" "{\"email\": \"staff-$stamp@example.com\", \"password\": \"$staff_pw\"}"
    expect "staff signs in" status_is 200
    staff=$(json .access)

    make_png "$T/product.png" 220
    echo "image: $(stat -c %s "$T/product.png") bytes"
    curl_https -o "$T/api.b" -w '%{http_code}' -H "Authorization: Bearer $staff" \
        -F name="Rehearsal Shirt $stamp" -F price=49.99 -F category=men -F description="A shirt from the rehearsal" \
        -F stock=5 -F "image=@$T/product.png;type=image/png" "https://$DOMAIN/api/products/create/" >"$T/api.s"
    echo "create product -> $(<"$T/api.s") $(head -c 600 "$T/api.b")"
    expect "staff creates a product with a $(($(stat -c %s "$T/product.png") / 1024)) kB image (201)" status_is 201
    product=$(json .id)
    image=$(json .image)
    expect "the image's URL is on the shop's domain" [ "${image#https://"$DOMAIN"/media/}" != "$image" ]
    curl_https -D "$T/image.h" -o "$T/image.b" "$image"
    expect "nginx serves the uploaded image, byte for byte" cmp "$T/product.png" "$T/image.b"
    expect "as image/png" grep -qi '^content-type: image/png' "$T/image.h"

    api POST /api/register/ "" "{\"email\": \"shopper-$stamp@example.com\", \"password\": \"$shopper_pw\"}"
    expect "a shopper registers (201)" status_is 201
    api POST /api/login/ "" "{\"email\": \"shopper-$stamp@example.com\", \"password\": \"$shopper_pw\"}"
    expect "the shopper signs in" status_is 200
    shopper=$(json .access)
    api GET /api/products/ ""
    expect "the product is listed" json_has_id "$product"
    api POST /api/cart/add/ "$shopper" "{\"product_id\": $product, \"quantity\": 2}"
    expect "adds it to the cart" status_is 200
    api GET /api/cart/ "$shopper"
    expect "the cart holds 2 of it" json_cart_has "$product" 2
    api POST /api/orders/create/ "$shopper" "{\"cart\": [{\"id\": $product, \"quantity\": 2}], \"payment_method\": \"cod\",
        \"address\": {\"full_name\": \"Rehearsal Shopper\", \"phone\": \"9876543210\", \"street\": \"12 Rehearsal Street\",
        \"city\": \"Kochi\", \"pincode\": \"682001\"}}"
    expect "places a cash-on-delivery order" status_is 200
    order=$(json .order_id)
    api GET /api/orders/my/ "$shopper"
    expect "the order is among the shopper's orders" json_has_id "$order"
    api GET "/api/products/$product/" ""
    expect "the stock went from 5 to 3" [ "$(json .stock)" = 3 ]
    violations=$("$PG_BIN/psql" -qAt "$DATABASE_URL" -f "$DEPLOY/invariants.sql" | awk -F '|' '{ s += $NF } END { print s + 0 }')
    expect "deploy/invariants.sql finds no violation" [ "$violations" = 0 ]
    save SHOP_PRODUCT "$product"
    observe "staff uploaded a $(($(stat -c %s "$T/product.png") / 1024)) kB image (served back by nginx), shopper registered, signed in, ordered (COD, order $order)"
    observe "storefront in Chromium: not rehearsed"
}

# ---------------------------------------------------------------------------- step 8: the box's size

step_size() {
    local peak now live nginx_pss live_rss anon anon_peak oom blue green both samples
    # During release 2 (step 5): both slots' highest RSS while both ran, the box's anonymous memory.
    read -r blue green anon_peak both samples < <(awk '$2 > 0 && $3 > 0 { n++; if ($2 > b) b = $2; if ($3 > g) g = $3 }
        { if ($6 > a) a = $6 } END { print b + 0, g + 0, a + 0, n + 0, NR + 0 }' "$T/memory-release.txt")
    echo "release samples: $samples; both slots running in $both of them"
    expect "both slots were seen running side by side during the release" [ "$blue" -gt 0 -a "$green" -gt 0 ]
    observe "during a release: blue up to $((blue / 1024)) MB and green up to $((green / 1024)) MB RSS, the box's processes up to $(mb "$anon_peak") (with page cache: peak $(mb "$RELEASE_PEAK"))"

    # After the journey, a short load on the shop's busiest reads.
    reset_memory_peak
    touch "$T/sampling"
    sample_memory >"$T/memory-load.txt" &
    track sampler $!
    start_load list 20 /api/products/
    start_load detail 20 "/api/products/$SHOP_PRODUCT/"
    sleep 21
    stop_load list
    stop_load detail
    rm -f "$T/sampling"
    sleep 1
    expect "the load on the product list was served without errors" load_clean list
    expect "the load on the product was served without errors" load_clean detail
    peak=$(box_memory_peak)
    now=$(box_memory_usage)
    anon=$(box_memory_anon)
    live=$(live_slot)
    nginx_pss=$(tail -n 1 "$T/memory-load.txt" | awk '{ print $4 }')
    live_rss=$(awk -v c="$([[ $live == blue ]] && echo 2 || echo 3)" '{ if ($c > m) m = $c } END { print m + 0 }' "$T/memory-load.txt")
    if [[ $CGROUP_V == 1 ]]; then
        oom=$(awk '/^oom_kill / { print $2 }' "$CGROUP/memory.oom_control")
    else
        oom=$(awk '/^oom_kill / { print $2 }' "$CGROUP/memory.events")
    fi
    grep -E '^(total_)?(rss|cache|shmem|swap|anon|file) ' "$CGROUP/memory.stat" || true
    expect "nothing in the box was killed for memory (oom_kill=${oom:-?})" [ "${oom:-0}" = 0 ]
    expect "the live slot's RSS was measured" [ "$live_rss" -gt 0 ]
    observe "after the journey and a 20 s load: nginx $((nginx_pss / 1024)) MB (PSS), storefn@$live $((live_rss / 1024)) MB RSS, the box's processes $(mb "$anon") (with page cache $(mb "$now"), peak $(mb "$peak")) in a $(mb "$MEMORY_LIMIT") limit, no OOM kill"
}

# ---------------------------------------------------------------------------- run

if [[ ! -f $JAR ]]; then
    echo "storefn jar not found at $JAR: build it first (./mvnw -B package) or set STOREFN_JAR" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
JAR=$(realpath "$JAR")
started=$SECONDS
echo "---- rehearsal: $DOMAIN on a Debian $SUITE box (temp dir $T)"
run_step 1 "a fresh box" step_box
run_step 2 "bootstrap.sh for real, twice" step_bootstrap 1
run_step 3 "a real certificate" step_certificate 2
run_step 4 "the managed database" step_database 2
run_step 5 "the deploy job, as GitHub runs it" step_deploy 3 4
run_step 6 "systemd does its job" step_systemd 5
run_step 7 "the shop through the front door" step_shop 6
run_step 8 "the box's size" step_size 5 7
echo "---- rehearsal took $((SECONDS - started)) s"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
