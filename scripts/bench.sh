#!/usr/bin/env bash
# Prints the figures the issues ask for: the app shell's gzipped size, the
# host timings of aggregation, export and import for 10,000 participants, the
# presenter window's delay behind the facilitator (tests/bench/*.bench.mjs), and
# live mode under load through mosquitto and a NATS cluster (last section).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release >/dev/null 2>&1
scripts/size_budget.sh
cargo bench --bench aggregate
npx playwright test --config playwright.bench.config.mjs

# --- Live mode load (200 tablets × 2/s × 60 s, mosquitto and NATS) -----------
# Starts mosquitto (ports 19401-19402) and the three-node NATS cluster (ports
# 17810-17834) from deploy/, runs benches/live_load.rs against each (NATS:
# tablets on node 2, the presenter on node 1) and prints p50/p95/p99 latency
# from publish to the presenter's new figures, updates lost (must be 0) and the
# presenter's CPU per ballot. Needs mosquitto and nats-server (Debian packages;
# "scripts/setup.sh --browser" installs them): says so clearly if missing.
# TABLETS, RATE and SECONDS change the load. Takes about 3 minutes.
echo
echo "== Live mode load (200 tablets × 2/s × 60 s, mosquitto and NATS)"
node tests/bench/live_load.mjs
