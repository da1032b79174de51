#!/usr/bin/env bash
# Prints the figures the issues ask for: the app shell's gzipped size and the
# host timings of aggregation, export and import for 10,000 participants.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release >/dev/null 2>&1
total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-50s %9d bytes raw %9d bytes gzipped\n' "$f" "$raw" "$gz"
done
printf 'app shell (wasm + js + css + html) gzipped: %d bytes (%.1f KB)\n' "$total" "$(echo "$total/1024" | bc -l)"
cargo bench --bench aggregate
npx playwright test --config playwright.bench.config.mjs
