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
# 17810-17834) from deploy/, runs benches/live_load/ against each (NATS:
# tablets on node 2, the presenter on node 1) and prints p50/p95/p99 latency
# from publish to the presenter's new figures, updates lost (must be 0) and the
# presenter's CPU per ballot. Needs mosquitto and nats-server (Debian packages;
# "scripts/setup.sh --browser" installs them): says so clearly if missing.
# TABLETS, RATE and SECONDS change the load. Takes about 3 minutes.
echo
echo "== Live mode load (200 tablets × 2/s × 60 s, mosquitto and NATS)"
node tests/bench/live_load.mjs

# --- Live mode under a bad network (root only) -------------------------------
# The same load with the tablets in a network namespace of the bench's own:
# 5% of their packets lost and the rest delayed 200 ms on their side, and the
# broker killed twice for 5 s (mosquitto; the NATS node the tablets use).
# Prints p50/p95/p99, updates lost (must be 0) and, per restart, how long until
# every tablet was seen again. Ports 29401-29402 and 29810-29834. Needs root and
# iproute2 ("scripts/setup.sh --brokers" installs it); skipped otherwise.
# Takes about 4 minutes.
echo
if [ "$(id -u)" -eq 0 ]; then
  echo "== Live mode under a bad network (5% loss, 200 ms, two broker restarts)"
  node tests/bench/live_load.mjs --bad-network
else
  echo "== Live mode under a bad network: skipped (makes a network namespace, so needs root)"
fi
