#!/usr/bin/env bash
# Rebuilds the read model (tg_tickets) from the event log (tg_events) alone and swaps it in. The cluster may keep
# running: appends pause only for the moments of the final catch-up and the swap (see docs/architecture.md).
#
# usage: deploy/local/rebuild-read-model.sh [--Key=value ...]
#
# PostgreSQL: ConnectionStrings__TicketGrainsOwner when set (the role that owns the schema), else the local one
# (deploy/local/postgres.sh). Runs the built silo's `rebuild-read-model` command; build first (./run.sh or
# dotnet build TicketGrains.sln -c Release). Exit code 0 when the new table is in place; otherwise tg_tickets is unchanged.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

silo_dll="$repo/silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
require_dotnet
[[ -f "$silo_dll" ]] || die "$silo_dll is missing; build first: dotnet build TicketGrains.sln -c Release"
use_local_postgres

exec dotnet "$silo_dll" rebuild-read-model "$@"
