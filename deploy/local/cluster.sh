#!/usr/bin/env bash
# A local multi-process TicketGrains cluster for SREs: pure silos plus API front ends on one PostgreSQL.
#
# usage: deploy/local/cluster.sh start N M     N silos and M API front ends (background)
#        deploy/local/cluster.sh add-silo      one more silo with the next free index (same database as start)
#        deploy/local/cluster.sh remove-silo [i] graceful removal of silo i (default: the newest): SIGTERM, and wait
#                                      until it has handed its grains over and left (kill -9 after 60 s, as Kubernetes)
#        deploy/local/cluster.sh kill-silo [i] kill -9 silo i (default: the newest running silo)
#        deploy/local/cluster.sh kill-api [j]  kill -9 API front end j (default: the newest running one)
#        deploy/local/cluster.sh stop          stop every process of the cluster (graceful, then kill)
#        deploy/local/cluster.sh status        the processes and what their /readyz says
#
# silo i (i = 1, 2, ...): SiloPort 11111+i, GatewayPort 30000+i, dashboard, /livez, /readyz and /metrics on http://127.0.0.1:5100+i
# api j  (j = 1, 2, ...): REST API, dashboard, /livez, /readyz and /metrics on http://127.0.0.1:5090+j, and HTTPS on https://127.0.0.1:5443+j
# TICKETGRAINS_CLUSTER_PORT_OFFSET (default 0) is added to every one of these ports, for a second cluster on the machine.
#
# Warm start: by default the processes run a ReadyToRun publish (.data/cluster/publish/{silo,api}, made by `start` and
# `add-silo` when missing or older than the Release build), as the Docker images do: a silo that joins under load runs
# precompiled code instead of JIT-compiling its first minute (docs/benchmarks.md, "Adding and removing silos under load").
# TICKETGRAINS_READY_TO_RUN=0 runs the plain Release build instead.
# TICKETGRAINS_JOIN_NICE=10 starts an added silo at that niceness and gives it the normal priority back once it is
# ready, so that on shared cores its start-up waits for the running silos (default 0: measured, it did not lower the
# p99 while joining, because placements reach the silo before /readyz says so; docs/benchmarks.md).
#
# TLS: Orleans traffic between all processes is mutual TLS with the cluster certificate (ClusterTls__CertificatePath,
# else the self-signed .data/tls/cluster.crt); HTTPS uses Kestrel__Certificates__Default__Path, else .data/tls/api.crt
# (both made by deploy/local/certs.sh when missing).
#
# PostgreSQL: ConnectionStrings__TicketGrains (the application role) with ConnectionStrings__TicketGrainsOwner (the owner
# role) when set, else the local one's two roles (deploy/local/postgres.sh). `start` runs the migrate step as the owner
# first; every process gets only the application role's string. `start` records it (and Orleans__ClusterId/ServiceId) in
# .data/cluster/cluster.env for add-silo.
# Other Orleans__* / Sla__* / EventLog__* / Auth__* / RateLimits__* / ClusterTls__* / Kestrel__* / Encryption__*
# variables in the environment are passed on to every process.
# Without Auth__SigningKeys__0 every process runs the development token issuer with the key in .data/dev-signing-key,
# so a token from any front end is valid on all of them (start prints how to get one). Without Encryption__MasterKey every
# process uses the master key in .data/master-key (created when missing, mode 0600).
# Pids and logs: .data/cluster/{silo,api}-<index>.{pid,log}.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"

state_dir="$repo/.data/cluster"
built_silo_dll="$repo/silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
built_api_dll="$repo/client-api/TicketGrains.Api/bin/Release/net10.0/TicketGrains.Api.dll"
publish_dir="$state_dir/publish"
if [[ "${TICKETGRAINS_READY_TO_RUN:-1}" == "0" ]]; then
    silo_dll="$built_silo_dll"
    api_dll="$built_api_dll"
else
    silo_dll="$publish_dir/silo/TicketGrains.Silo.dll"
    api_dll="$publish_dir/api/TicketGrains.Api.dll"
fi
health_deadline_seconds="${TICKETGRAINS_HEALTH_DEADLINE:-120}"
stop_grace_seconds=30
# As terminationGracePeriodSeconds of the silo pods (deploy/k8s/silo.yaml).
remove_grace_seconds=60
port_offset="${TICKETGRAINS_CLUSTER_PORT_OFFSET:-0}"
[[ "$port_offset" =~ ^[0-9]+$ ]] || { echo "TICKETGRAINS_CLUSTER_PORT_OFFSET must be a number" >&2; exit 2; }


usage() {
    sed -n '2,36p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

silo_port() { echo $((11111 + port_offset + $1)); }
gateway_port() { echo $((30000 + port_offset + $1)); }
silo_http_port() { echo $((5100 + port_offset + $1)); }
api_http_port() { echo $((5090 + port_offset + $1)); }
api_https_port() { echo $((5443 + port_offset + $1)); }

http_port_of() { # role index
    if [[ "$1" == "silo" ]]; then silo_http_port "$2"; else api_http_port "$2"; fi
}

# ---------------------------------------------------------------- processes

pid_file() { printf '%s/%s-%s.pid\n' "$state_dir" "$1" "$2"; }
log_file() { printf '%s/%s-%s.log\n' "$state_dir" "$1" "$2"; }

dll_of() { if [[ "$1" == "silo" ]]; then printf '%s\n' "$silo_dll"; else printf '%s\n' "$api_dll"; fi; }

alive() { # pid role: the pid runs (not a zombie) and is still our dotnet process of that role
    local pid="$1" role="$2" stat state
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    state="${stat##*) }"
    state="${state%% *}"
    [[ "$state" != "Z" && "$state" != "X" ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$(basename "$(dll_of "$role")")"
}

pid_of() { # role index -> pid when it is running
    local file pid
    file="$(pid_file "$1" "$2")"
    [[ -f "$file" ]] || return 1
    pid="$(head -n 1 "$file")"
    alive "$pid" "$1" || return 1
    printf '%s\n' "$pid"
}

indexes_of() { # role -> the indexes that have a pid file, ascending
    local f name
    shopt -s nullglob
    for f in "$state_dir/$1"-*.pid; do
        name="$(basename "$f" .pid)"
        printf '%s\n' "${name#"$1"-}"
    done | sort -n
    shopt -u nullglob
}

running_indexes() { # role -> indexes whose process runs
    local i
    for i in $(indexes_of "$1"); do
        if pid_of "$1" "$i" >/dev/null; then printf '%s\n' "$i"; fi
    done
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

health_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/readyz" 2>/dev/null || true; }

# ---------------------------------------------------------------- prerequisites

ensure_built() {
    require_dotnet
    if [[ ! -f "$built_silo_dll" || ! -f "$built_api_dll" ]]; then
        say "building (Release)"
        dotnet build TicketGrains.sln -c Release -nologo -v quiet
    fi
    if [[ "$silo_dll" != "$built_silo_dll" ]]; then
        publish_ready_to_run silo/TicketGrains.Silo/TicketGrains.Silo.csproj "$built_silo_dll" "$silo_dll"
        publish_ready_to_run client-api/TicketGrains.Api/TicketGrains.Api.csproj "$built_api_dll" "$api_dll"
    fi
    [[ -f "$silo_dll" ]] || die "no $silo_dll after the build"
    [[ -f "$api_dll" ]] || die "no $api_dll after the build"
    use_intent_model
}

cluster_env_file="$state_dir/cluster.env"

ensure_database() { # start: choose the database and remember it for later add-silo calls
    use_local_secrets
    eval "$("$repo/deploy/local/certs.sh" env)"
    use_local_postgres
    mkdir -p "$state_dir"
    (
        umask 077
        # A silo added later must present the same cluster certificate, or the others refuse it.
        for name in ConnectionStrings__TicketGrains Orleans__ClusterId Orleans__ServiceId Auth__DevIssuer Auth__DevKeyFile Encryption__MasterKeyFile \
            ClusterTls__CertificatePath ClusterTls__KeyPath ClusterTls__CertificatePassword \
            Kestrel__Certificates__Default__Path Kestrel__Certificates__Default__KeyPath Kestrel__Certificates__Default__Password; do
            if [[ -n "${!name:-}" ]]; then printf 'export %s=%q\n' "$name" "${!name}"; fi
        done >"$cluster_env_file"
    )
}

join_database() { # add-silo: the database and cluster ids the cluster was started with
    if [[ -f "$cluster_env_file" ]] && [[ -n "$(running_indexes silo)" ]]; then
        # shellcheck source=/dev/null
        source "$cluster_env_file"
        say "joining the running cluster (settings from $cluster_env_file)"
    else
        ensure_database
    fi
}

# ---------------------------------------------------------------- starting

wait_healthy() { # role index pid
    local role="$1" index="$2" pid="$3" port code=""
    port="$(http_port_of "$role" "$index")"
    local deadline=$((SECONDS + health_deadline_seconds))
    while :; do
        code="$(health_code "$port")"
        [[ "$code" == "200" ]] && return 0
        if ! alive "$pid" "$role"; then
            say "$role $index (pid $pid) exited before /readyz answered; end of $(log_file "$role" "$index"):"
            tail -n 40 "$(log_file "$role" "$index")" >&2 || true
            return 1
        fi
        if ((SECONDS >= deadline)); then
            say "$role $index (pid $pid): no 200 from http://127.0.0.1:$port/readyz within ${health_deadline_seconds} s (last: ${code:-none}); end of its log:"
            tail -n 40 "$(log_file "$role" "$index")" >&2 || true
            return 1
        fi
        sleep 0.5
    done
}

launch() { # role index [nice]
    local role="$1" index="$2" niceness="${3:-0}" port pid
    local -a args
    port="$(http_port_of "$role" "$index")"
    if pid="$(pid_of "$role" "$index")"; then
        say "$role $index already runs (pid $pid)"
        return 0
    fi
    if port_busy "$port"; then die "port $port (for $role $index) is already in use"; fi
    if [[ "$role" == "silo" ]]; then
        for p in "$(silo_port "$index")" "$(gateway_port "$index")"; do
            if port_busy "$p"; then die "port $p (for silo $index) is already in use"; fi
        done
        args=("$silo_dll" --urls "http://127.0.0.1:$port" --Silo:HostApi=false
            "--Orleans:SiloPort=$(silo_port "$index")" "--Orleans:GatewayPort=$(gateway_port "$index")")
    else
        if port_busy "$(api_https_port "$index")"; then die "port $(api_https_port "$index") (for api $index) is already in use"; fi
        args=("$api_dll" --urls "http://127.0.0.1:$port;https://127.0.0.1:$(api_https_port "$index")")
    fi
    mkdir -p "$state_dir"
    # setsid: the process outlives this script and a Ctrl-C in the terminal that started it.
    # The connection string is inherited from the environment (no password on the command line); the owner's is not.
    env -u ConnectionStrings__TicketGrainsOwner setsid nice -n "$niceness" dotnet "${args[@]}" >"$(log_file "$role" "$index")" 2>&1 </dev/null &
    pid=$!
    printf '%s\n%s\n' "$pid" "$(date +%s%N)" >"$(pid_file "$role" "$index")"
    say "started $role $index (pid $pid, http://127.0.0.1:$port, log $(log_file "$role" "$index"))"
    wait_healthy "$role" "$index" "$pid"
    if ((niceness != 0)); then normal_priority "$pid"; fi
    say "$role $index is healthy"
}

normal_priority() { # pid: every thread back to nice 0 (niceness is per thread on Linux; new threads inherit it)
    local task
    for task in /proc/"$1"/task/*; do
        renice -n 0 -p "${task##*/}" >/dev/null 2>&1 || { say "could not renice pid $1 to 0 (lowering niceness needs root or CAP_SYS_NICE); it keeps running at its start-up niceness"; return 0; }
    done
}

next_free_silo_index() {
    local i=1
    while :; do
        if ! pid_of silo "$i" >/dev/null && ! port_busy "$(silo_port "$i")" && ! port_busy "$(gateway_port "$i")" \
            && ! port_busy "$(silo_http_port "$i")"; then
            echo "$i"
            return
        fi
        i=$((i + 1))
    done
}

cmd_start() {
    [[ $# -eq 2 && "$1" =~ ^[0-9]+$ && "$2" =~ ^[0-9]+$ ]] || usage
    local silos="$1" apis="$2" i j
    ((silos >= 1)) || die "a cluster needs at least one silo"
    ensure_built
    ensure_database
    mkdir -p "$state_dir"
    migrate_as_owner "$silo_dll" "$state_dir/migrate.log"
    # Silos first: a front end only becomes healthy once it reaches the cluster.
    for ((i = 1; i <= silos; i++)); do launch silo "$i"; done
    for ((j = 1; j <= apis; j++)); do launch api "$j"; done
    cmd_status
    if [[ "${Auth__DevIssuer:-}" == "true" ]] && ((apis > 0)); then
        say "HTTPS: https://127.0.0.1:$(api_https_port 1)/api/v1 (local certificate: curl --cacert .data/tls/api.crt)"
        say "get a token: curl -s -X POST http://127.0.0.1:$(api_http_port 1)/api/v1/dev/tokens -H 'Content-Type: application/json' -d '{\"tenant\":\"default\",\"subject\":\"sre\",\"roles\":[\"admin\"]}'"
    fi
}

cmd_add_silo() {
    ensure_built
    join_database
    local index
    index="$(next_free_silo_index)"
    launch silo "$index" "${TICKETGRAINS_JOIN_NICE:-0}"
}

newest_index() { # role -> the index of the newest running process of that role
    local role="$1" index="" newest_stamp=0 stamp i
    for i in $(running_indexes "$role"); do
        stamp="$(sed -n 2p "$(pid_file "$role" "$i")")"
        stamp="${stamp:-0}"
        if ((stamp >= newest_stamp)); then newest_stamp="$stamp"; index="$i"; fi
    done
    [[ -n "$index" ]] || die "no $role is running"
    echo "$index"
}

running_pid() { # role [index] -> the pid of that process (default: the newest), or die
    local role="$1" index="${2:-}"
    [[ -n "$index" ]] || index="$(newest_index "$role")"
    [[ "$index" =~ ^[0-9]+$ ]] || die "$role index must be a number, not '$index'"
    pid_of "$role" "$index" || die "$role $index is not running"
}

kill_role() { # role [index]
    local role="$1" pid
    pid="$(running_pid "$@")"
    kill -9 "$pid"
    local deadline=$((SECONDS + 10))
    while alive "$pid" "$role" && ((SECONDS < deadline)); do sleep 0.1; done
    say "killed $role (pid $pid) with SIGKILL"
}

cmd_kill_silo() {
    kill_role silo "$@"
    say "the cluster declares the killed silo dead after missed probes"
}

cmd_remove_silo() { # [index]: what Kubernetes does to a pod it removes, SIGTERM and the grace period
    local pid started
    pid="$(running_pid silo "$@")"
    started="$(date +%s%N)"
    kill -TERM "$pid"
    local deadline=$((SECONDS + remove_grace_seconds))
    while alive "$pid" silo && ((SECONDS < deadline)); do sleep 0.1; done
    if alive "$pid" silo; then
        kill -KILL "$pid" 2>/dev/null || true
        die "silo pid $pid did not leave within ${remove_grace_seconds} s; killed it"
    fi
    say "silo pid $pid left the cluster gracefully in $((($(date +%s%N) - started) / 1000000)) ms"
}

stop_role() {
    local role="$1" i pid
    local -a pids=()
    for i in $(indexes_of "$role"); do
        if pid="$(pid_of "$role" "$i")"; then
            say "stopping $role $i (pid $pid)"
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
    done
    local deadline=$((SECONDS + stop_grace_seconds))
    for pid in "${pids[@]}"; do
        while alive "$pid" "$role" && ((SECONDS < deadline)); do sleep 0.2; done
        if alive "$pid" "$role"; then
            say "$role pid $pid did not stop within ${stop_grace_seconds} s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    for i in $(indexes_of "$role"); do rm -f "$(pid_file "$role" "$i")"; done
}

cmd_stop() {
    # Front ends first, then the silos (they leave the membership table gracefully on SIGTERM).
    stop_role api
    stop_role silo
    say "stopped"
}

cmd_status() {
    local role i pid port code any=0
    printf '%-5s %5s %8s  %-7s  %-24s %s\n' ROLE INDEX PID STATE HTTP HEALTHZ
    for role in silo api; do
        for i in $(indexes_of "$role"); do
            any=1
            port="$(http_port_of "$role" "$i")"
            if pid="$(pid_of "$role" "$i")"; then
                code="$(health_code "$port")"
                printf '%-5s %5s %8s  %-7s  %-24s %s\n' "$role" "$i" "$pid" running "127.0.0.1:$port" "${code:-none}"
            else
                printf '%-5s %5s %8s  %-7s  %-24s %s\n' "$role" "$i" "$(head -n 1 "$(pid_file "$role" "$i")")" dead "127.0.0.1:$port" -
            fi
        done
    done
    ((any == 1)) || echo "(no cluster processes; start one with: deploy/local/cluster.sh start N M)"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    add-silo) cmd_add_silo ;;
    remove-silo) shift; cmd_remove_silo "$@" ;;
    kill-silo) shift; cmd_kill_silo "$@" ;;
    kill-api) shift; kill_role api "$@" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) usage ;;
esac
