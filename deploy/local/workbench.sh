#!/usr/bin/env bash
# Builds the agent workbench (client-api/workbench/, TypeScript bundled by esbuild) into client-api/workbench/dist/,
# which the API's build copies next to its binaries and serves at /app. Nothing built is committed.
#
# usage: deploy/local/workbench.sh [build|force]
#   build (default)  only when dist/ is missing or older than a source, package.json or the lock file
#   force            always
# Node.js and npm come from apt when missing; packages come from the npm registry at the versions of package-lock.json.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
workbench="$repo/client-api/workbench"
stamp="$workbench/dist/.built"

is_stale() {
    [[ -f "$stamp" ]] || return 0
    [[ -n "$(find "$workbench/src" "$workbench/test" "$workbench/package.json" "$workbench/package-lock.json" "$workbench/build.mjs" \
        "$workbench/tsconfig.json" -newer "$stamp" -print -quit)" ]]
}

if [[ "${1:-build}" != "force" ]] && ! is_stale; then
    exit 0
fi

require_apt_tool node nodejs
require_apt_tool npm npm
cd "$workbench"
# npm ci again only when the lock file changed since node_modules was filled.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing the workbench's packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
fi
say "type-checking and building the workbench"
npx --no-install tsc --noEmit -p .
node test/run.mjs
node build.mjs
