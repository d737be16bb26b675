#!/usr/bin/env bash
# Creates the local master key of the encryption at rest when it is missing: 32 random bytes, base64, mode 0600.
# Everything encrypted in the local database depends on it: deleting the file makes that data unreadable.
#
# usage: deploy/local/master-key.sh [file]   (default .data/master-key); prints the file's path
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
file="${1:-$repo/.data/master-key}"

if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    # Written aside and moved in without overwriting: processes starting together end up with one key.
    aside="$(mktemp "$file.XXXXXX")"
    (umask 077; head -c 32 /dev/urandom | base64 >"$aside")
    chmod 600 "$aside"
    if ! mv -n "$aside" "$file" || [[ -e "$aside" ]]; then
        rm -f "$aside"
    fi
    printf '[master-key.sh] created %s (mode 0600)\n' "$file" >&2
fi
printf '%s\n' "$file"
