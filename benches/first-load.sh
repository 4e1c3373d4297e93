#!/usr/bin/env bash
# The first load on slow 3G and Lighthouse on the release bundle (issue 13, docs/BENCHMARKS.md):
# builds the release bundle and the server, then prints the 3G timings and bytes
# (end2end/bench/first-load.bench.ts) and the Lighthouse scores (end2end/bench/lighthouse.mjs).
# Run it alone on the machine: the figures are times.
set -euo pipefail
cd "$(dirname "$0")/.."
site=${BOUTIQ_BENCH_SITE:-/tmp/boutiq-site}

# Release builds need wasm-opt: npm's binaryen (Debian's 108 breaks hydration; README).
if ! command -v wasm-opt >/dev/null; then
  npm install --silent --no-audit --no-fund --prefix target/binaryen binaryen@132
  export PATH="$PWD/target/binaryen/node_modules/.bin:$PATH"
fi
LEPTOS_SITE_ROOT=$site cargo leptos build --release --precompress --frontend-only
cargo leptos build

(cd end2end && BOUTIQ_E2E_SITE_ROOT=$site npx playwright test -c bench.config.ts first-load)

# Lighthouse, against a server of its own on an empty in-memory database.
data=$(mktemp -d)
BOUTIQ_LISTEN=127.0.0.1:3300 BOUTIQ_DATABASE_URL=mem:// BOUTIQ_DATA_DIR=$data BOUTIQ_SITE_ROOT=$site \
  target/debug/boutiq >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 120); do curl -sf http://127.0.0.1:3300/readyz >/dev/null && break; sleep 1; done
node end2end/bench/lighthouse.mjs http://127.0.0.1:3300
