#!/usr/bin/env bash
# The shopkeeper API over a real socket (issue 15, docs/BENCHMARKS.md): seeds the load bench's
# shop (10,000 products, 100,000 movements) into an on-disk database, serves it with the release
# server, and drives it from benches/socket.rs, a load client in its own process (HTTP/1.1
# keep-alive, 1 and 32 connections). Prints the server's resident memory after the runs.
# Release builds take long here (README): CARGO_TARGET_DIR keeps them apart from the tests'.
# Run it alone on the machine: the figures are times.
set -euo pipefail
cd "$(dirname "$0")/.."
export LEPTOS_OUTPUT_NAME=boutiq
target=${CARGO_TARGET_DIR:-target}
port=${BENCH_PORT:-3900}

cargo bench --features ssr --bench load --bench socket --no-run
cargo build --release --features ssr --bin boutiq

data=$(mktemp -d)
BENCH_ONLY=seed BENCH_DIR=$data cargo bench --features ssr --bench load

BOUTIQ_LISTEN=127.0.0.1:$port BOUTIQ_DATABASE_URL=surrealkv://$data/bench.db BOUTIQ_DATA_DIR=$data \
  BOUTIQ_JWT_SECRET=socket-bench-secret-long-enough-for-hs256-0000 BOUTIQ_SITE_ROOT=target/site \
  "$target/release/boutiq" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$data"' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done

BENCH_URL=http://127.0.0.1:$port BENCH_DIR=$data cargo bench --features ssr --bench socket
echo "server resident memory: $(grep -E 'VmRSS|VmHWM' /proc/$server/status | tr -s ' \n' ' ')"
