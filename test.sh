#!/usr/bin/env bash
# Runs the whole TicketGrains test suite: unit, in-process cluster, and integration tests against a real
# PostgreSQL (started here with deploy/local/postgres.sh) with real HTTP and real processes.
#
# usage: ./test.sh [extra dotnet test options]
#   e.g. ./test.sh --filter "FullyQualifiedName~Domain"
#
# Ends with one line "N passed, N failed" (", N skipped" when some were skipped). The exit code is non-zero
# when a test failed, when the test run itself failed, or when no test ran at all.
# The full console output is kept in .data/test-results/dotnet-test.log.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/deploy/local/common.bash"
cd "$repo"
require_dotnet
# The e-mail channel's tests hold real SMTP sessions with swaks.
require_apt_tool swaks swaks
# The web widget's browser tests drive Debian's chromium with Playwright (which never downloads a browser here).
require_apt_tool chromium chromium
# Voice notes are read with pocketsphinx and sox; the speech tests speak theirs with flite.
require_speech_tools
# OCR reads screenshots with tesseract (Chinese and English) after ImageMagick prepared them; the tests draw them in WenQuanYi.
require_apt_tool /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata tesseract-ocr tesseract-ocr-chi-sim
# ImageMagick's own file, not a `convert` on PATH: a machine may carry a stand-in of that name that only prints PNGs.
require_apt_tool /usr/bin/convert imagemagick
require_apt_tool /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei

deploy/local/postgres.sh start
# Admin use: a role with LOGIN CREATEDB; the integration tests create their own databases with it and migrate them as
# their owner. Silos and front ends under test connect as the application role, as in production.
TICKETGRAINS_TEST_PG="$(deploy/local/postgres.sh url ticketgrains | tail -n 1)"
TICKETGRAINS_TEST_PG_APP="$(deploy/local/postgres.sh app-url ticketgrains | tail -n 1)"
export TICKETGRAINS_TEST_PG TICKETGRAINS_TEST_PG_APP

# The agent workbench (/app): built with Node.js and npm (installed from apt when missing; its browser tests check it
# with axe-core from its npm packages); its TypeScript is built when dist/ is missing or older than its sources, before the API's
# build copies it next to the binaries.
deploy/local/workbench.sh
say "building (Release)"
dotnet build TicketGrains.sln -c Release -nologo -v quiet
# The silos under test load the category model (tests/TicketGrains.IntegrationTests: NodeLauncher); trained when missing.
use_intent_model

results="$repo/.data/test-results"
mkdir -p "$results"
log="$results/dotnet-test.log"

say "running the tests"
set +e
dotnet test TicketGrains.sln -c Release --no-build --nologo \
    --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
test_exit=${PIPESTATUS[0]}
set -e

# Each test assembly ends with a line like
#   Passed!  - Failed:     0, Passed:    42, Skipped:     1, Total:    43, Duration: 3 s - TicketGrains.Tests.dll (net10.0)
# Their counts are summed (colour codes stripped first).
read -r passed failed skipped assemblies < <(
    sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
        /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+, +Total: +[0-9]+/ {
            line = $0
            sub(/.*Failed: +/, "", line); f += line + 0
            line = $0
            sub(/.*Passed: +/, "", line); p += line + 0
            line = $0
            sub(/.*Skipped: +/, "", line); s += line + 0
            n++
        }
        END { printf "%d %d %d %d\n", p, f, s, n }'
)

# CI shows only the end of this output, where a failed test's process logs would be: name each failed test and the
# start of its error message here, after them.
if ((failed > 0)); then
    echo
    echo "failed tests (their whole output is above and in $log):"
    sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
        /^ *Failed [^!]/ { sub(/^ */, ""); print "  " $0; inmessage = 0; shown = 0; next }
        /^ *Error Message:/ { inmessage = 1; next }
        /^ *(Stack Trace|Standard Output Messages):/ { inmessage = 0; next }
        inmessage && shown < 12 { print "      " $0; shown++ }'
fi

echo
if ((assemblies == 0)); then
    say "no test assembly reported a result (dotnet test exit code $test_exit); see $log"
fi
if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi

if ((failed > 0)); then
    exit 1
fi
if ((passed + failed == 0)); then
    say "no test ran"
    exit 1
fi
if ((test_exit != 0)); then
    say "dotnet test exited with code $test_exit (a test host crashed or the run was aborted); see $log"
    exit "$test_exit"
fi
