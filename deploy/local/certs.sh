#!/usr/bin/env bash
# Self-signed certificates for a local TicketGrains (run.sh, cluster.sh): never for production.
#
# usage: deploy/local/certs.sh ensure      create the missing ones under .data/tls/ (existing ones are kept)
#        deploy/local/certs.sh env         ensure, then print `export` lines pointing the unset Kestrel__Certificates__Default__*
#                                          and ClusterTls__* variables at them: eval "$(deploy/local/certs.sh env)"
#        deploy/local/certs.sh show        their paths and SHA-256 thumbprints
#
#   .data/tls/api.crt, api.key          HTTPS for the REST API: localhost, 127.0.0.1 and ::1
#   .data/tls/cluster.crt, cluster.key  Orleans TLS between silos and front ends; every process of the local cluster
#                                       presents it and accepts only it (the pinned thumbprint is its own)
#
# Keys are written mode 0600. A certificate within 30 days of its end is made anew.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
tls_dir="${TICKETGRAINS_TLS_DIR:-$repo/.data/tls}"
valid_days=825
renew_seconds=$((30 * 24 * 3600))


command -v openssl >/dev/null 2>&1 || die "openssl is required to make the local certificates (apt-get install openssl)"

fresh() { # name: the pair exists and stays valid for a while
    [[ -f "$tls_dir/$1.crt" && -f "$tls_dir/$1.key" ]] && openssl x509 -checkend "$renew_seconds" -noout -in "$tls_dir/$1.crt" >/dev/null 2>&1
}

make_pair() { # name subject extended-key-usage subject-alt-names
    local name="$1" subject="$2" usage="$3" names="$4"
    mkdir -p "$tls_dir"
    chmod 700 "$tls_dir"
    # Written aside and moved in, so a process starting meanwhile never reads half a key.
    (
        umask 077
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days "$valid_days" \
            -subj "$subject" -addext "extendedKeyUsage=$usage" -addext "subjectAltName=$names" \
            -addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature" \
            -keyout "$tls_dir/$name.key.new" -out "$tls_dir/$name.crt.new" 2>/dev/null
    )
    mv "$tls_dir/$name.key.new" "$tls_dir/$name.key"
    mv "$tls_dir/$name.crt.new" "$tls_dir/$name.crt"
    say "made $tls_dir/$name.crt (self-signed, $valid_days days)"
}

ensure_api() { fresh api || make_pair api "/CN=localhost" serverAuth "DNS:localhost,IP:127.0.0.1,IP:::1"; }

ensure_cluster() { fresh cluster || make_pair cluster "/CN=ticketgrains-cluster" "serverAuth,clientAuth" "DNS:ticketgrains-cluster"; }

cmd_env() { # a certificate configured in the environment wins over the local one
    if [[ -z "${Kestrel__Certificates__Default__Path:-}" ]]; then
        ensure_api
        printf 'export Kestrel__Certificates__Default__Path=%q Kestrel__Certificates__Default__KeyPath=%q\n' "$tls_dir/api.crt" "$tls_dir/api.key"
    fi
    if [[ -z "${ClusterTls__CertificatePath:-}" ]]; then
        ensure_cluster
        printf 'export ClusterTls__CertificatePath=%q ClusterTls__KeyPath=%q\n' "$tls_dir/cluster.crt" "$tls_dir/cluster.key"
    fi
}

cmd_show() {
    local name
    for name in api cluster; do
        if [[ -f "$tls_dir/$name.crt" ]]; then
            printf '%-8s %s  sha256 %s\n' "$name" "$tls_dir/$name.crt" \
                "$(openssl x509 -noout -fingerprint -sha256 -in "$tls_dir/$name.crt" | sed 's/.*=//; s/://g')"
        else
            printf '%-8s (none; deploy/local/certs.sh ensure makes it)\n' "$name"
        fi
    done
}

case "${1:-}" in
    ensure) ensure_api; ensure_cluster ;;
    env) cmd_env ;;
    show) cmd_show ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
