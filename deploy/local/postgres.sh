#!/usr/bin/env bash
# A local PostgreSQL for TicketGrains: one cluster under the repo's data folder, on 127.0.0.1 only.
#
# usage: deploy/local/postgres.sh start | stop | status | url [dbname] | app-url [dbname]
#
#   start         initialise (first time) and start the cluster; creates the two roles and database ticketgrains.
#                 Safe to call when it already runs.
#   stop          fast shutdown, if it runs.
#   status        where it lives, whether it runs; exit code 3 when it does not run.
#   url [db]      print the owner role's Npgsql connection string for database db (default ticketgrains) on stdout,
#                 creating the database (owner ticketgrains) if it is missing; starts the cluster if needed.
#                 The migrate step connects with it (ConnectionStrings__TicketGrainsOwner).
#   app-url [db]  the same for the application role ticketgrains_app, which silos and front ends connect as
#                 (ConnectionStrings__TicketGrains); it may use the schema only as the migrate step grants it.
#
# Roles: ticketgrains (LOGIN CREATEDB) owns the databases and migrates them; ticketgrains_app (LOGIN, nothing else) is
# the application's. Split so that the application cannot alter, drop or disable the audit log's triggers.
#
# environment:
#   TICKETGRAINS_DATA     data root (default <repo>/.data); the cluster lives in <data root>/pg
#   TICKETGRAINS_PG_PORT  TCP port on 127.0.0.1 (default 55432)
#
# As root, PostgreSQL runs as the `postgres` OS user. If that user cannot reach <data root> (for example a
# clone under /root, mode 700), the cluster goes to /var/tmp/ticketgrains-pg-<hash of data root> instead and
# <data root>/pg.location records where. As a normal user everything runs as that user.
#
# Durability is a product promise: fsync, synchronous_commit and full_page_writes stay on.
# Progress goes to stderr; stdout carries only what `url` and `app-url` print.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
data_root="$(realpath -m "${TICKETGRAINS_DATA:-$repo/.data}")"
port="${TICKETGRAINS_PG_PORT:-55432}"
app_role="ticketgrains"
app_password="ticketgrains"
app_db="ticketgrains"
runtime_role="ticketgrains_app"
runtime_password="ticketgrains_app"
ready_deadline_seconds=60


[[ "$port" =~ ^[0-9]+$ ]] || die "TICKETGRAINS_PG_PORT must be a number, not '$port'"
is_root() { [[ "$(id -u)" == "0" ]]; }

# ---------------------------------------------------------------- binaries

bindir=""
apt_updated=0

find_bindir() {
    local initdb_path candidate
    if initdb_path="$(command -v initdb 2>/dev/null)"; then
        bindir="$(dirname "$(readlink -f "$initdb_path")")"
        [[ -x "$bindir/pg_ctl" ]] || bindir="$(dirname "$initdb_path")"
        return 0
    fi
    candidate="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
        bindir="$candidate"
        return 0
    fi
    return 1
}

install_postgres() {
    local -a sudo_cmd=()
    if ! is_root; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo_cmd=(sudo -n)
        else
            die "PostgreSQL (initdb) is not installed and installing it needs root: run 'sudo apt-get install -y postgresql' once, or run this script as root"
        fi
    fi
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL (initdb) is not installed and apt-get is not available to install it"
    if ((apt_updated == 0)); then
        say "installing PostgreSQL with apt-get (update first)"
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        apt_updated=1
    fi
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

ensure_binaries() {
    if ! find_bindir; then
        install_postgres
        find_bindir || die "PostgreSQL was installed but no initdb was found on PATH or under /usr/lib/postgresql/*/bin"
    fi
}

tool() {
    # A client tool from the server's bin folder when it is there, otherwise from PATH.
    if [[ -x "$bindir/$1" ]]; then printf '%s\n' "$bindir/$1"; else command -v "$1" || die "$1 not found"; fi
}

# ---------------------------------------------------------------- where the cluster lives

pg_dir=""      # the cluster folder: data/ (PGDATA), postgres.log, and the unix socket
pg_user=""     # the OS user that owns and runs the cluster
pointer_file="$data_root/pg.location"

short_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

user_can_reach() { # user dir: can `user` traverse every folder down to dir?
    (cd / && runuser -u "$1" -- test -x "$2") 2>/dev/null
}

owner_of() { stat -c '%U' "$1"; }

choose_location() {
    if ! is_root; then
        pg_dir="$data_root/pg"
        pg_user="$(id -un)"
        return
    fi
    id postgres >/dev/null 2>&1 || ensure_binaries
    id postgres >/dev/null 2>&1 || die "there is no 'postgres' OS user to run PostgreSQL as; install the postgresql package"

    if [[ -s "$pointer_file" ]]; then
        pg_dir="$(head -n 1 "$pointer_file")"
    elif [[ -d "$data_root/pg" ]]; then
        pg_dir="$data_root/pg"
    else
        mkdir -p "$data_root"
        if user_can_reach postgres "$data_root"; then
            pg_dir="$data_root/pg"
        else
            pg_dir="/var/tmp/ticketgrains-pg-$(short_hash "$data_root")"
            say "the postgres OS user cannot reach $data_root; the cluster lives in $pg_dir (recorded in $pointer_file)"
            printf '%s\n' "$pg_dir" >"$pointer_file"
        fi
    fi
    # A cluster made earlier by a normal user keeps running as that user; otherwise it is postgres's.
    if [[ -d "$pg_dir" && "$(owner_of "$pg_dir")" != "root" ]]; then
        pg_user="$(owner_of "$pg_dir")"
    else
        pg_user="postgres"
    fi
}

pgdata() { printf '%s\n' "$pg_dir/data"; }
log_file() { printf '%s\n' "$pg_dir/postgres.log"; }

socket_dir() {
    # Unix socket paths are limited to ~107 bytes; a deep data folder gets a short one in /tmp instead.
    local candidate="$pg_dir"
    if ((${#candidate} + 16 > 100)); then
        candidate="/tmp/ticketgrains-pg-sock-$(short_hash "$pg_dir")"
    fi
    printf '%s\n' "$candidate"
}

as_pg() { # run a command as the cluster's OS user, from a folder that user can enter
    # fd 9 is the start lock: the server must not inherit it, or it would hold the lock for its lifetime.
    if is_root && [[ "$pg_user" != "root" ]]; then
        (cd / && runuser -u "$pg_user" -- "$@") 9>&-
    else
        (cd / && "$@") 9>&-
    fi
}

owned_by_someone_else() {
    [[ -e "$pg_dir" ]] && ! is_root && [[ "$(owner_of "$pg_dir")" != "$(id -un)" ]]
}

# ---------------------------------------------------------------- server state

postmaster_pid() { as_pg head -n 1 "$(pgdata)/postmaster.pid" 2>/dev/null; }

# The port the running server listens on: postmaster.pid's fourth line, which may differ from TICKETGRAINS_PG_PORT when
# the cluster was started with another one.
postmaster_port() { as_pg sed -n 4p "$(pgdata)/postmaster.pid" 2>/dev/null; }

refuse_other_port() { # when the running cluster listens on another port than asked for, waiting on ours would never end
    local running_port
    running_port="$(postmaster_port)"
    [[ -z "$running_port" || "$running_port" == "$port" ]] && return 0
    die "PostgreSQL ($(pgdata)) is already running on 127.0.0.1:$running_port, not on the requested 127.0.0.1:$port; use it with TICKETGRAINS_PG_PORT=$running_port, or stop it first ($0 stop)"
}

pg_running() { # the pid in postmaster.pid is a live postgres process
    local pid
    pid="$(postmaster_pid)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "postgres" ]]
}

remove_stale_pid_file() {
    # After a crash or reboot the recorded pid may belong to an unrelated process, which makes postgres
    # refuse to start. No postgres process has that pid, so the file is stale.
    if [[ -n "$(postmaster_pid)" ]] && ! pg_running; then
        say "removing the stale $(pgdata)/postmaster.pid (pid $(postmaster_pid) is not a postgres process)"
        as_pg rm -f "$(pgdata)/postmaster.pid"
    fi
}

port_answers() { "$(tool pg_isready)" -q -h 127.0.0.1 -p "${1:-$port}" -t 2 >/dev/null 2>&1; } # [port]

app_login_works() {
    PGPASSWORD="$app_password" PGCONNECT_TIMEOUT=3 "$(tool psql)" -X -q -h 127.0.0.1 -p "$port" -U "$app_role" -d "$app_db" \
        -tAc 'SELECT 1' >/dev/null 2>&1
}

runtime_login_works() { # db
    PGPASSWORD="$runtime_password" PGCONNECT_TIMEOUT=3 "$(tool psql)" -X -q -h 127.0.0.1 -p "$port" -U "$runtime_role" -d "$1" \
        -tAc 'SELECT 1' >/dev/null 2>&1
}

wait_until_ready() {
    local deadline=$((SECONDS + ready_deadline_seconds))
    until port_answers; do
        if ((SECONDS >= deadline)); then
            say "PostgreSQL did not accept connections on 127.0.0.1:$port within ${ready_deadline_seconds} s; end of $(log_file):"
            as_pg tail -n 30 "$(log_file)" >&2 || true
            exit 1
        fi
        sleep 0.2
    done
}

superuser_psql() { # SQL on stdin, as the cluster's superuser over the unix socket (peer authentication)
    as_pg "$(tool psql)" -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$port" -U "$pg_user" -d postgres
}

write_settings() {
    local sock
    sock="$(socket_dir)"
    # Rewritten on every start, so a changed port or socket folder takes effect.
    as_pg tee "$(pgdata)/ticketgrains.conf" >/dev/null <<EOF
# Written by deploy/local/postgres.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
max_connections = 400
shared_buffers = 256MB
# Durability is a product promise: acknowledged writes are on disk.
fsync = on
synchronous_commit = on
full_page_writes = on
EOF
}

init_cluster() {
    say "initialising a new PostgreSQL cluster in $(pgdata) (as OS user $pg_user)"
    if is_root; then
        mkdir -p "$pg_dir"
        chown "$pg_user:" "$pg_dir"
    else
        mkdir -p "$pg_dir"
    fi
    chmod 700 "$pg_dir"
    as_pg "$(tool initdb)" -D "$(pgdata)" -U "$pg_user" --encoding=UTF8 --locale=C \
        --auth-local=peer --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; die "initdb failed"; }
    printf "\ninclude_if_exists = 'ticketgrains.conf'\n" | as_pg tee -a "$(pgdata)/postgresql.conf" >/dev/null
}

ensure_role_and_database() {
    superuser_psql <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$app_role') THEN
        CREATE ROLE $app_role LOGIN CREATEDB PASSWORD '$app_password';
    ELSE
        ALTER ROLE $app_role LOGIN CREATEDB PASSWORD '$app_password';
    END IF;
    -- The application role: it may log in, and nothing else until the migrate step grants it the schema.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$runtime_role') THEN
        CREATE ROLE $runtime_role LOGIN NOCREATEDB NOCREATEROLE PASSWORD '$runtime_password';
    ELSE
        ALTER ROLE $runtime_role LOGIN NOCREATEDB NOCREATEROLE NOSUPERUSER PASSWORD '$runtime_password';
    END IF;
END
\$\$;
-- The owner may act for the application role (never the other way round): DROP DATABASE ... WITH (FORCE), as the
-- integration tests drop theirs, must be able to end the application role's sessions.
GRANT $runtime_role TO $app_role;
SELECT 'CREATE DATABASE $app_db OWNER $app_role'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$app_db') \gexec
SQL
}

# ---------------------------------------------------------------- commands

lock() {
    # Concurrent starts (run.sh, test.sh, bench.sh at once) are serialised.
    mkdir -p "$data_root" 2>/dev/null || true
    if [[ -w "$data_root" ]] && command -v flock >/dev/null 2>&1; then
        exec 9>>"$data_root/.pg.lock"
        flock -w 120 9 || die "another postgres.sh holds $data_root/.pg.lock for over 120 s"
    fi
}

cmd_start() {
    ensure_binaries
    lock
    choose_location
    if owned_by_someone_else; then
        if port_answers && app_login_works; then
            say "PostgreSQL on 127.0.0.1:$port (cluster $pg_dir, owned by $(owner_of "$pg_dir")) is running; using it"
            return 0
        fi
        die "$pg_dir belongs to $(owner_of "$pg_dir"); start it as root (or that user), or set TICKETGRAINS_DATA to a folder of yours"
    fi
    if [[ -s "$(pgdata)/PG_VERSION" ]] && pg_running; then
        refuse_other_port
        say "PostgreSQL is already running ($(pgdata), 127.0.0.1:$port)"
    else
        if port_answers; then
            # Another checkout's local PostgreSQL (same role and password) on this port serves as well.
            if app_login_works; then
                say "another PostgreSQL already serves 127.0.0.1:$port and accepts the $app_role role; using it ($pg_dir stays stopped)"
                return 0
            fi
            die "something else already answers on 127.0.0.1:$port; stop it or set TICKETGRAINS_PG_PORT"
        fi
        if [[ ! -s "$(pgdata)/PG_VERSION" ]]; then
            init_cluster
        fi
        remove_stale_pid_file
        write_settings
        local sock
        sock="$(socket_dir)"
        if [[ "$sock" != "$pg_dir" ]]; then
            if is_root; then install -d -m 700 -o "$pg_user" "$sock"; else install -d -m 700 "$sock"; fi
        fi
        say "starting PostgreSQL ($(pgdata), 127.0.0.1:$port, log $(log_file))"
        if ! as_pg "$(tool pg_ctl)" start -D "$(pgdata)" -l "$(log_file)" -w -t "$ready_deadline_seconds" >/dev/null; then
            say "pg_ctl start failed; end of $(log_file):"
            as_pg tail -n 30 "$(log_file)" >&2 || true
            exit 1
        fi
    fi
    wait_until_ready
    ensure_role_and_database
    say "PostgreSQL is ready on 127.0.0.1:$port (owner role $app_role, application role $runtime_role, database $app_db; cluster folder $pg_dir)"
}

cmd_stop() {
    ensure_binaries
    choose_location
    if [[ ! -s "$(pgdata)/PG_VERSION" ]] && ! owned_by_someone_else; then
        say "no cluster in $pg_dir; nothing to stop"
        return 0
    fi
    if owned_by_someone_else; then
        die "$pg_dir belongs to $(owner_of "$pg_dir"); stop it as root or as that user"
    fi
    if pg_running; then
        say "stopping PostgreSQL ($(pgdata))"
        as_pg "$(tool pg_ctl)" stop -D "$(pgdata)" -m fast -w -t "$ready_deadline_seconds" >/dev/null
        say "stopped"
    else
        say "PostgreSQL ($(pgdata)) is not running"
    fi
}

cmd_status() {
    ensure_binaries
    choose_location
    local running=no listen_port="$port"
    if owned_by_someone_else; then
        if port_answers; then running=yes; fi
    elif [[ -s "$(pgdata)/PG_VERSION" ]] && pg_running; then
        running=yes
        listen_port="$(postmaster_port)"
        listen_port="${listen_port:-$port}"
    fi
    printf 'cluster folder: %s\n' "$pg_dir"
    printf 'data:           %s\n' "$(pgdata)"
    printf 'log:            %s\n' "$(log_file)"
    printf 'OS user:        %s\n' "$(if owned_by_someone_else; then owner_of "$pg_dir"; else printf '%s' "$pg_user"; fi)"
    printf 'listen:         127.0.0.1:%s (unix socket in %s)\n' "$listen_port" "$(socket_dir)"
    if [[ "$listen_port" != "$port" ]]; then
        printf 'note:           TICKETGRAINS_PG_PORT asks for %s, but the cluster runs on %s\n' "$port" "$listen_port"
    fi
    printf 'binaries:       %s\n' "$bindir"
    if [[ "$running" == "yes" ]]; then
        printf 'state:          running%s\n' "$(port_answers "$listen_port" && echo ', accepting connections' || echo ', not accepting connections yet')"
        printf 'connection:     Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s (owner; migrate)\n' "$listen_port" "$app_role" "$app_password" "$app_db"
        printf 'application:    Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s (silos, front ends)\n' "$listen_port" "$runtime_role" "$runtime_password" "$app_db"
        return 0
    fi
    if [[ -s "$(pgdata)/PG_VERSION" ]] || owned_by_someone_else; then
        printf 'state:          stopped\n'
    else
        printf 'state:          not initialised (run: %s start)\n' "$0"
    fi
    if port_answers && app_login_works; then
        printf "note:           another PostgreSQL on 127.0.0.1:%s accepts the %s role; 'start' and 'url' use it\n" "$port" "$app_role"
    elif port_answers; then
        printf 'note:           something else answers on 127.0.0.1:%s\n' "$port"
    fi
    return 3
}

cmd_url() {
    local db="${1:-$app_db}"
    [[ "$db" =~ ^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$ ]] || die "database name '$db' is not allowed: use letters, digits, _ and -"
    ensure_binaries
    if ! { port_answers && app_login_works; }; then
        cmd_start
    fi
    local psql
    psql="$(tool psql)"
    local exists
    run_app_sql() {
        PGPASSWORD="$app_password" "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$app_role" -d "$app_db" -tA -v db="$db"
    }
    exists="$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'db';" | run_app_sql)"
    if [[ "$exists" != "1" ]]; then
        # The role has CREATEDB, so the new database is owned by ticketgrains.
        if ! printf '%s\n' 'CREATE DATABASE :"db";' | run_app_sql 2>/dev/null; then
            # Another caller may have created it at the same moment; only a still-missing database is an error.
            exists="$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'db';" | run_app_sql)"
            [[ "$exists" == "1" ]] || die "could not create database $db"
        else
            say "created database $db (owner $app_role)"
        fi
    fi
    printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s\n' "$port" "$app_role" "$app_password" "$db"
}

cmd_app_url() {
    local db="${1:-$app_db}"
    # Makes sure the cluster runs and the database exists, exactly as `url` does; only the role printed differs.
    cmd_url "$db" >/dev/null
    if ! runtime_login_works "$db"; then
        # A cluster started by an older postgres.sh has no application role yet; start creates it.
        cmd_start
        runtime_login_works "$db" || die "the application role $runtime_role cannot log in to $db"
    fi
    printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s\n' "$port" "$runtime_role" "$runtime_password" "$db"
}

usage() {
    sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) shift; cmd_url "$@" ;;
    app-url) shift; cmd_app_url "$@" ;;
    -h | --help | help) usage ;;
    *) usage ;;
esac
