#!/usr/bin/env bash
# Builds the category model (ADR 0020) from deploy/intents when it is missing or a training file is newer than it (a pull
# that brought new lines): the built silo's `train-intents` command,
# seeded, so the same data always gives the same model. The model is not in the repository; ./run.sh, ./test.sh,
# deploy/local/cluster.sh and the benches call this before they start silos (about 6 s of one core when it trains).
#
# usage: deploy/local/intent-model.sh [--force]
#   INTENT_MODEL   where the model goes (default .data/intents/intent-model.zip)
#   INTENT_SEED    the training seed (default: the trainer's, 20261111)
# Prints the model's path as its last line. Build first (dotnet build TicketGrains.sln -c Release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

model="${INTENT_MODEL:-$repo/.data/intents/intent-model.zip}"
silo_dll="$repo/silo/TicketGrains.Silo/bin/Release/net10.0/TicketGrains.Silo.dll"
# The files train-intents reads (never eval/, which only measures).
stale() { [[ -n "$(find "$repo/deploy/intents" -maxdepth 1 -type f \( -name '*-examples.tsv' -o -name 'bitext-train.csv' \) -newer "$model")" ]]; }
if [[ "${1:-}" == "--force" || ! -f "$model" ]] || stale; then
    require_dotnet
    [[ -f "$silo_dll" ]] || die "$silo_dll is missing; build first: dotnet build TicketGrains.sln -c Release"
    say "training the category model into $model"
    dotnet "$silo_dll" train-intents --data "$repo/deploy/intents" --out "$model" ${INTENT_SEED:+--seed "$INTENT_SEED"} >&2 \
        || die "training the category model failed"
fi
printf '%s\n' "$model"
