# Sourced by ./run.sh, ./test.sh and deploy/local/*.sh: the preamble they share.
#
#   repo                 the repository root (every script cd's there or builds paths from it)
#   say / die            progress and fatal errors on stderr, prefixed with the calling script's name
#   require_dotnet       stop with a clear message when the .NET SDK is missing
#   use_local_secrets    the development token key and the master key every local process must share
#   use_local_postgres   ConnectionStrings__TicketGrains (application role) and __TicketGrainsOwner (owner role): as
#                        configured, else the local cluster's two roles under .data/
#   migrate_as_owner     the migrate step (TicketGrains.Silo.dll migrate) as the owner role
#   start_bench_silo     a latency bench's silo: own database, Release build published ReadyToRun (unless
#                        TICKETGRAINS_READY_TO_RUN=0), migrated, started, ready (sets silo_pid and bench_owner_conn)
#   publish_ready_to_run a project published ReadyToRun, when missing or made from another Release build
#   bench_admin_token    a development token of a tenant's admin, exported as TICKETGRAINS_TOKEN
#   require_apt_tool     a command (or a file, given by its absolute path) the tests need, installed with apt-get when missing
#   require_speech_tools what the speech reader needs (pocketsphinx, its en-us model, sox with AMR and MP3) and flite,
#                        which speaks the tests' and the speech bench's voice notes
#   use_intent_model     Intents__ModelPath: as configured, else the local category model, trained when missing
#   raw_insert_rate      PostgreSQL's own single-row durable insert rate (pgbench), the limit benches compare with
#   start_local_cluster  a timeline bench's cluster (cluster.sh start after a Release build), stopped when the script exits
#   pg_super             psql as the local cluster's superuser (args: psql's), on $TICKETGRAINS_PG_PORT
#   with_pg_statements   loads pg_stat_statements into the local cluster now and unloads it when the script exits (a
#                        restart each way), so the other benches find the cluster as they expect it
# shellcheck shell=bash

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
script_name="$(basename "${BASH_SOURCE[1]:-$0}")"

say() { printf '[%s] %s\n' "$script_name" "$*" >&2; }
die() { say "error: $*"; exit 1; }

require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        die "the .NET 10 SDK is required but 'dotnet' is not on PATH (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
    fi
}

use_local_secrets() {
    # Every process must accept the same tokens: one configured key, or the shared development key.
    if [[ -z "${Auth__SigningKeys__0:-}" ]]; then
        export Auth__DevIssuer="${Auth__DevIssuer:-true}"
        export Auth__DevKeyFile="${Auth__DevKeyFile:-$repo/.data/dev-signing-key}"
    fi
    # Every process must open what the others sealed: one master key, kept in .data/master-key (mode 0600).
    if [[ -z "${Encryption__MasterKey:-}" ]]; then
        Encryption__MasterKeyFile="$("$repo/deploy/local/master-key.sh" "${Encryption__MasterKeyFile:-$repo/.data/master-key}")"
        export Encryption__MasterKeyFile
    fi
}

use_local_postgres() {
    if [[ -n "${ConnectionStrings__TicketGrains:-}" ]]; then
        say "using PostgreSQL from ConnectionStrings__TicketGrains"
        [[ -n "${ConnectionStrings__TicketGrainsOwner:-}" ]] \
            || die "set ConnectionStrings__TicketGrainsOwner as well: the schema's owner role, which the migrate step connects as"
        return
    fi
    "$repo/deploy/local/postgres.sh" start
    # The owner migrates; silos and front ends connect as the application role (see deploy/local/postgres.sh).
    ConnectionStrings__TicketGrainsOwner="$("$repo/deploy/local/postgres.sh" url | tail -n 1)"
    ConnectionStrings__TicketGrains="$("$repo/deploy/local/postgres.sh" app-url | tail -n 1)"
    export ConnectionStrings__TicketGrains ConnectionStrings__TicketGrainsOwner
}

use_intent_model() { # after the build: every silo loads the category model at start (ADR 0020)
    if [[ -z "${Intents__ModelPath:-}" ]]; then
        Intents__ModelPath="$("$repo/deploy/local/intent-model.sh" | tail -n 1)"
        export Intents__ModelPath
    fi
}

require_apt_tool() { # command-or-file package...: install the Debian packages when the command (or absolute file) is missing (root or passwordless sudo)
    { command -v "$1" >/dev/null 2>&1 || [[ "$1" == /* && -e "$1" ]]; } && return 0
    local -a sudo_cmd=()
    if [[ "$(id -u)" != "0" ]]; then
        sudo -n true 2>/dev/null || die "$1 is required: sudo apt-get install -y ${*:2}"
        sudo_cmd=(sudo -n)
    fi
    say "installing ${*:2} with apt-get"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${@:2}" >&2 \
        || { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
            && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${@:2}" >&2; } \
        || die "could not install ${*:2} with apt-get"
}

require_speech_tools() {
    require_apt_tool pocketsphinx_continuous pocketsphinx
    require_apt_tool /usr/share/pocketsphinx/model/en-us/en-us.lm.bin pocketsphinx-en-us
    require_apt_tool sox sox
    # Checked by the MP3 plugin: Debian 12's libsox-fmt-base (a dependency of sox) already holds the AMR ones.
    require_apt_tool "/usr/lib/$(uname -m)-linux-gnu/sox/libsox_fmt_mp3.so" libsox-fmt-all
    require_apt_tool flite flite
}

migrate_as_owner() { # silo_dll [log file]: the migrate step, with the owner's connection string from use_local_postgres
    say "migrating the schema (as the owner role)"
    if [[ -n "${2:-}" ]]; then
        dotnet "$1" migrate >"$2" 2>&1 || { tail -n 20 "$2" >&2; die "the migrate step failed (log: $2)"; }
    else
        dotnet "$1" migrate || die "the migrate step failed"
    fi
}

# Stops a process this script started: TERM (a silo then leaves its cluster), KILL after 20 s. Does nothing for "".
stop_process() { # pid
    local pid="$1"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        say "stopping pid $pid"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

# A latency bench's silo with the co-hosted API, on a database of its own: builds the silo and the bench (Release),
# migrates as the owner role, starts the silo in the background (silo_pid, for stop_process) and waits until $url is
# ready. The silo's output goes to .data/bench/<name>-silo.log; bench_owner_conn is the database's owner connection
# string, for a bench that reads the events itself.
start_bench_silo() { # url database name silo_port gateway_port [silo options...]
    local url="$1" database="$2" name="$3" silo_port="$4" gateway_port="$5"
    shift 5
    local log_dir="$repo/.data/bench" built_dll="$repo/silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll" silo_dll
    local ready="curl -s -o /dev/null -w %{http_code} --max-time 5 $url/readyz"
    [[ "$($ready || true)" == "200" ]] && die "something already answers on $url; stop it first (or set TICKETGRAINS_BENCH_URL)"
    "$repo/deploy/local/postgres.sh" start
    local owner_conn app_conn
    owner_conn="$("$repo/deploy/local/postgres.sh" url "$database" | tail -n 1)"
    bench_owner_conn="$owner_conn"
    app_conn="$("$repo/deploy/local/postgres.sh" app-url "$database" | tail -n 1)"
    use_local_secrets
    say "building (Release)"
    dotnet build "$repo/silo/TicketGrains.Silo" -c Release -nologo -v quiet
    dotnet build "$repo/tests/TicketGrains.Bench" -c Release -nologo -v quiet
    # ReadyToRun as the image ships it: a JIT-compiled silo spends its first minute compiling (a third of a core still
    # at 25-40 s under the inbound bench's 400 messages/s), which every short run would measure.
    silo_dll="$built_dll"
    if [[ "${TICKETGRAINS_READY_TO_RUN:-1}" != "0" ]]; then
        silo_dll="$log_dir/publish/silo/TicketGrains.Silo.dll"
        publish_ready_to_run "$repo/silo/TicketGrains.Silo/TicketGrains.Silo.csproj" "$built_dll" "$silo_dll"
    fi
    use_intent_model
    mkdir -p "$log_dir"
    ConnectionStrings__TicketGrainsOwner="$owner_conn" ConnectionStrings__TicketGrains="$app_conn" \
        migrate_as_owner "$silo_dll" "$log_dir/$name-migrate.log"
    say "starting the silo on $url (log: .data/bench/$name-silo.log)"
    dotnet "$silo_dll" --urls "$url" "--ConnectionStrings:TicketGrains=$app_conn" \
        "--Orleans:SiloPort=$silo_port" "--Orleans:GatewayPort=$gateway_port" "--Orleans:ClusterId=bench-$name" \
        "$@" >"$log_dir/$name-silo.log" 2>&1 &
    silo_pid=$!
    local deadline=$((SECONDS + 120))
    until [[ "$($ready || true)" == "200" ]]; do
        kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$log_dir/$name-silo.log" >&2; die "the silo exited before it became ready"; }
        ((SECONDS < deadline)) || { tail -n 40 "$log_dir/$name-silo.log" >&2; die "no 200 from $url/readyz within 120 s"; }
        sleep 0.5
    done
}

publish_ready_to_run() { # project built_dll published_dll: publish when missing or made from another build
    local project="$1" built="$2" published="$3" source stamp
    # The build a publish was made from is the content of the project's own assemblies, not a file time: a change inside
    # the grains alone does not rewrite the silo's dll, and two worktrees sharing .data (an A/B) must not run each
    # other's publish.
    source="$(cat "$(dirname "$built")"/TicketGrains.*.dll | sha256sum | cut -d' ' -f1)"
    stamp="$(dirname "$published")/.built-from"
    [[ -f "$published" && -f "$stamp" && "$(cat "$stamp")" == "$source" ]] && return 0
    say "publishing $(basename "$project" .csproj) ReadyToRun into $(dirname "$published") (once per build)"
    # Into an empty folder: publish copies a file only when it is newer than the one it finds there, which kept another
    # worktree's newer assemblies in place.
    [[ "$(dirname "$published")" == */publish/* ]] || die "refusing to empty $(dirname "$published"): not a publish folder"
    rm -rf "$(dirname "$published")"
    dotnet publish "$project" -c Release -r "linux-$(dotnet_arch)" --self-contained false -p:PublishReadyToRun=true \
        -p:UseAppHost=false -o "$(dirname "$published")" -nologo -v quiet >&2
    echo "$source" >"$stamp"
}

dotnet_arch() { case "$(uname -m)" in aarch64 | arm64) echo arm64 ;; *) echo x64 ;; esac; }

cpu_ticks() { # pids...: user + system CPU of the given processes, summed, in clock ticks (getconf CLK_TCK a second)
    local total=0 pid
    for pid in "$@"; do
        [[ -r "/proc/$pid/stat" ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}

local_postgres_ticks() { # the CPU of the local cluster's server and its backends, as postgres.sh placed it, in clock ticks
    local data_root="${TICKETGRAINS_DATA:-$repo/.data}" pg_dir postmaster
    pg_dir="$data_root/pg"
    [[ -s "$data_root/pg.location" ]] && pg_dir="$(head -n 1 "$data_root/pg.location")"
    postmaster="$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || echo 0)"
    # shellcheck disable=SC2046
    cpu_ticks "$postmaster" $(pgrep -P "$postmaster" | tr '\n' ' ')
}

# In the environment, not on the command line: a token is a credential.
bench_admin_token() { # url tenant [lifetime minutes, default 120]
    TICKETGRAINS_TOKEN="$(curl -s --max-time 10 -X POST "$1/api/v1/dev/tokens" -H 'Content-Type: application/json' \
        -d "{\"tenant\":\"$2\",\"subject\":\"bench\",\"roles\":[\"admin\"],\"lifetimeMinutes\":${3:-120}}" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')"
    [[ -n "$TICKETGRAINS_TOKEN" ]] || die "the development token issuer gave no token"
    export TICKETGRAINS_TOKEN
}

# PostgreSQL's own single-row durable insert rate on this machine (pgbench), the limit a bench compares itself with: an
# event-shaped row (Chinese ticket text as jsonb) into a table of its own (wrk_raw_inserts) of the given database.
raw_insert_rate() { # npgsql_owner_connection_string clients seconds work_dir -> prints transactions per second
    local conn="$1" clients="$2" seconds="$3" work_dir="$4" libpq
    # The Npgsql connection string as libpq keywords.
    libpq="$(sed -E 's/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/;/ /g' <<<"$conn")"
    psql -X -q "$libpq" -c "CREATE TABLE IF NOT EXISTS wrk_raw_inserts (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id text NOT NULL, stream_id text NOT NULL, version integer NOT NULL, data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (tenant_id, stream_id, version))" >/dev/null
    cat >"$work_dir/raw-insert.sql" <<'SQL'
INSERT INTO wrk_raw_inserts (tenant_id, stream_id, version, data)
VALUES ('wrk', gen_random_uuid()::text, 1,
        '{"subject":"快递三天没动，什么时候能到","body":"订单号 2202611110000012345，快递三天没动。麻烦尽快处理，谢谢！","category":"logistics","priority":"normal"}');
SQL
    pgbench -n -c "$clients" -j 2 -T "$seconds" -f "$work_dir/raw-insert.sql" "$libpq" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p'
}

# A timeline bench's cluster: a Release build, then deploy/local/cluster.sh start SILOS APIS from a clean slate; the
# cluster is stopped when the calling script exits. Defines `cluster` (deploy/local/cluster.sh).
start_local_cluster() { # silos apis
    cluster() { "$repo/deploy/local/cluster.sh" "$@"; }
    trap 'cluster stop >/dev/null 2>&1 || true' EXIT
    trap 'exit 130' INT TERM
    say "building (Release)"
    dotnet build "$repo/TicketGrains.sln" -c Release -nologo -v quiet >/dev/null
    cluster stop >/dev/null 2>&1 || true
    cluster start "$1" "$2"
}

pg_super() {
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$repo/.data/pg" -p "${TICKETGRAINS_PG_PORT:-55432}" "$@"
}

restart_local_postgres() { "$repo/deploy/local/postgres.sh" stop >/dev/null && "$repo/deploy/local/postgres.sh" start >/dev/null; }

with_pg_statements() {
    "$repo/deploy/local/postgres.sh" start >/dev/null
    pg_super -d postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    restart_local_postgres
    # The library defines this setting, so it can be set only once the library is loaded.
    pg_super -d postgres -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
}

# Called by the profile scripts' EXIT traps, after they stopped their silo.
without_pg_statements() {
    # The library first: the setting below is refused if the library never got loaded, and psql stops at an error.
    pg_super -d postgres -c "ALTER SYSTEM RESET shared_preload_libraries" >/dev/null 2>&1 && restart_local_postgres || true
    pg_super -d postgres -c "ALTER SYSTEM RESET pg_stat_statements.track_planning" >/dev/null 2>&1 || true
}
