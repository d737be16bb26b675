# Sourced by ./run.sh, ./test.sh and deploy/local/*.sh: the preamble they share.
#
#   repo                 the repository root (every script cd's there or builds paths from it)
#   say / die            progress and fatal errors on stderr, prefixed with the calling script's name
#   require_dotnet       stop with a clear message when the .NET SDK is missing
#   use_local_secrets    the development token key and the master key every local process must share
#   use_local_postgres   ConnectionStrings__TicketGrains: as configured, else the local cluster under .data/
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
        return
    fi
    "$repo/deploy/local/postgres.sh" start
    ConnectionStrings__TicketGrains="$("$repo/deploy/local/postgres.sh" url | tail -n 1)"
    export ConnectionStrings__TicketGrains
}
