#!/usr/bin/env bash
# TicketGrains quick start: one silo with the REST API co-hosted, on a real PostgreSQL.
#
# usage: ./run.sh [extra silo options, e.g. --Orleans:ClusterId=dev]
#
# Without ConnectionStrings__TicketGrains, a local PostgreSQL is started under .data/ (deploy/local/postgres.sh).
# The schema is migrated first, as the owner role (ConnectionStrings__TicketGrainsOwner: `TicketGrains.Silo.dll migrate`);
# the silo then runs as the application role (ConnectionStrings__TicketGrains), which owns nothing. With your own
# ConnectionStrings__TicketGrains, set ConnectionStrings__TicketGrainsOwner too.
# The address defaults to http://127.0.0.1:5080; set TICKETGRAINS_URL to change it. Ctrl-C stops the silo.
# HTTPS is served too, on https://127.0.0.1:5443 (TICKETGRAINS_HTTPS_URL; empty: none), with the certificate in
# Kestrel__Certificates__Default__Path (+ __KeyPath or __Password), else a self-signed one made in .data/tls/
# (deploy/local/certs.sh). Orleans traffic is mutual TLS with ClusterTls__CertificatePath, else .data/tls/cluster.crt.
# The development token issuer (POST /api/v1/dev/tokens) is switched on here, signing with a key kept in
# .data/dev-signing-key; set Auth__SigningKeys__0 (and Auth__DevIssuer=false) to use your own key instead.
# The SMTP listener of the e-mail channels is on, on 127.0.0.1:2525 (Channels__Email__SmtpPort, __ListenAddress).
# Personal data is encrypted at rest under the master key in .data/master-key (created when missing, mode 0600);
# set Encryption__MasterKey (base64 of 32 bytes) to use your own.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/deploy/local/common.bash"
cd "$repo"
require_dotnet
# Voice notes on tickets are read with pocketsphinx and sox.
require_speech_tools
# Screenshots are read with tesseract (Chinese and English) after ImageMagick prepared them (POST /api/v1/extract).
require_apt_tool /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata tesseract-ocr tesseract-ocr-chi-sim
# ImageMagick's own file, not a `convert` on PATH: a machine may carry a stand-in of that name that only prints PNGs.
require_apt_tool /usr/bin/convert imagemagick
use_local_postgres
use_local_secrets

# The local self-signed certificates, for whatever is not configured already.
eval "$(deploy/local/certs.sh env)"

# The agent workbench (/app): its TypeScript is built when dist/ is missing or older than its sources, before the API's
# build copies it next to the binaries.
deploy/local/workbench.sh
say "building (Release)"
dotnet build TicketGrains.sln -c Release -nologo -v quiet

url="${TICKETGRAINS_URL:-http://127.0.0.1:5080}"
url="${url%/}"
https_url="${TICKETGRAINS_HTTPS_URL-https://127.0.0.1:5443}"
https_url="${https_url%/}"
https_line=""
if [[ -n "$https_url" ]]; then
    https_line="  REST API over HTTPS   $https_url/api/v1   (local certificate: curl --cacert .data/tls/api.crt)"
fi
export Channels__Email__SmtpPort="${Channels__Email__SmtpPort:-2525}"
export Channels__Email__ListenAddress="${Channels__Email__ListenAddress:-127.0.0.1}"
smtp_line="  SMTP (e-mail channels) $Channels__Email__ListenAddress:$Channels__Email__SmtpPort"
silo_dll="silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
[[ -f "$silo_dll" ]] || { say "the build produced no $silo_dll"; exit 1; }
use_intent_model

cat <<EOF

TicketGrains is starting (one silo, REST API co-hosted). Ctrl-C stops it.

  REST API              $url/api/v1
  agent workbench       $url/app/  (sign in with the development issuer)
  interactive API page  $url/docs
  OpenAPI document      $url/openapi/v1.json
  Orleans dashboard     $url/dashboard  (signs you in as operator through $url/dashboard-login)
  liveness / readiness  $url/livez  $url/readyz
  Prometheus metrics    $url/metrics
$https_line
$smtp_line

Every API call needs a credential. Get a development token (admin of the shop "default") and use it:

  TOKEN=\$(curl -s -X POST $url/api/v1/dev/tokens -H 'Content-Type: application/json' \\
    -d '{"tenant":"default","subject":"me","roles":["admin"]}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -s $url/api/v1/tickets -H "Authorization: Bearer \$TOKEN"

EOF

# The connection string travels in the environment, not on the command line (no password in `ps`).
# A second ./run.sh on the same ports would join the first one's cluster under the same silo address and get both
# declared dead, so refuse early and say what is already there.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_of() { local rest="${1##*:}"; printf '%s' "${rest%%/*}"; }
ports=("$(port_of "$url")" "${Orleans__SiloPort:-11111}" "${Orleans__GatewayPort:-30000}" "$Channels__Email__SmtpPort")
if [[ -n "${https_url:-}" ]]; then ports+=("$(port_of "$https_url")"); fi
for port in "${ports[@]}"; do
    if port_in_use "$port"; then
        say "port $port is already in use (another ./run.sh or silo?); stop it or set TICKETGRAINS_URL / TICKETGRAINS_HTTPS_URL / Orleans__SiloPort / Orleans__GatewayPort / Channels__Email__SmtpPort."
        exit 1
    fi
done

migrate_as_owner "$silo_dll"

# Local use: webhooks and the channels' platform APIs may point at servers on this machine or its network (refused by
# default, see ADR 0008 and ADR 0016).
export Webhooks__AllowPrivateNetworks="${Webhooks__AllowPrivateNetworks:-true}"
export PlatformApis__AllowPrivateNetworks="${PlatformApis__AllowPrivateNetworks:-true}"
# The silo gets only the application role's connection string, never the owner's.
exec env -u ConnectionStrings__TicketGrainsOwner dotnet "$silo_dll" --urls "$url${https_url:+;$https_url}" "$@"
