#!/usr/bin/env bash
# The OCR bench: order-page screenshots generated with ImageMagick (WenQuanYi Micro Hei and Zen Hei, Droid Sans Fallback
# where installed and able to draw Latin letters and digits, which Debian's is not; sizes 20-39 px, blur, JPEG quality,
# rotation up to 3 degrees, noise, light and dark themes; PNG, JPEG and WebP), read one at a time by the tesseract
# reader (chi_sim+eng, after ImageMagick's preparation) and the field extractor; prints the exact match per field
# (overall and by theme) and the OCR time per item (p50 / p99). No silo or
# database: the reader alone. The images are made in memory and never written to the repository.
#
# usage: deploy/local/ocr-bench.sh [--items 60] [--seed 12] [--no-preprocess] [--misses]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
cd "$repo"
require_dotnet
require_apt_tool /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata tesseract-ocr tesseract-ocr-chi-sim
# ImageMagick's own file, not a `convert` on PATH: a machine may carry a stand-in of that name that only prints PNGs.
require_apt_tool /usr/bin/convert imagemagick
require_apt_tool /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei
require_apt_tool /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc fonts-wqy-zenhei

say "building the bench (Release)"
dotnet build tests/TicketGrains.Bench -c Release -nologo -v quiet
dotnet tests/TicketGrains.Bench/bin/Release/net10.0/TicketGrains.Bench.dll ocr "$@"
