#!/usr/bin/env bash
# The speech bench: voice notes synthesised with flite (voices slt, rms, awb, kal at three speeds, a third with pink
# noise mixed in by sox, in WAV, 8 kHz AMR-NB and MP3), saying order numbers and mainland mobile numbers digit by digit
# inside sentences, read by the pocketsphinx reader in each mode; prints the digit-string exact match and the time per
# note (p50 / p99), overall and by format, noise, voice, speed and kind of number. No silo or database: the reader alone.
# The generated audio lives in a temporary directory and is deleted afterwards.
#
# usage: deploy/local/speech-bench.sh [--notes 72] [--seed 12] [--modes digits,general] [--verbose]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet
require_speech_tools

say "building the bench (Release)"
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet
dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll speech "$@"
