#!/usr/bin/env bash
# Build the console into frontend/dist — only what changed:
#   * `npm ci` when node_modules was not installed from the current package-lock.json;
#   * `npm run build` when a source, config or the lock file changed since the last build
#     (or dist/ is missing).
# Both checks are content hashes kept in stamp files, so a no-op run takes well under a second.
set -euo pipefail

FRONTEND="$(cd "$(dirname "${BASH_SOURCE[0]}")/../frontend" && pwd)"
cd "$FRONTEND"

for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "build-console: $tool is not installed (Node.js >= 20.19 is needed)" >&2; exit 1; }
done

hash_files() {
    # Content hash of the given files and directories (names included, order fixed).
    find "$@" -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

lock_hash=$(hash_files package-lock.json)
lock_stamp=node_modules/.jinkong-lock.sha256
if [[ ! -f $lock_stamp || $(cat "$lock_stamp") != "$lock_hash" ]]; then
    echo "build-console: npm ci (package-lock.json changed or node_modules missing)…"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" >"$lock_stamp"
fi

source_hash=$(hash_files src public index.html package.json package-lock.json tsconfig.json tsconfig.node.json vite.config.ts ../sdk/typescript/src/schema.d.ts)
build_stamp=.build-stamp
if [[ ! -f dist/index.html || ! -f $build_stamp || $(cat "$build_stamp") != "$source_hash" ]]; then
    echo "build-console: npm run build…"
    npm run --silent build
    echo "$source_hash" >"$build_stamp"
else
    echo "build-console: frontend/dist is up to date"
fi
