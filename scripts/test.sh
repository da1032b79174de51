#!/usr/bin/env bash
# Runs every check and test of Co-produce: formatting, the module graph, lints on host and wasm,
# the domain's host tests, a release build, and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"
# A full run starts cold (CI) or re-checks everything: incremental caches only
# cost time and disk here (2.3 GB of the 7 GB a run once left behind).
export CARGO_INCREMENTAL=0
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting"
cargo fmt --all -- --check
step "Module graph (no cycles, no upward imports)"
python3 scripts/check_modules.py --self-test
python3 scripts/check_modules.py
step "Component length (none over 100 lines)"
python3 scripts/check_components.py --self-test
python3 scripts/check_components.py
step "Lints (host)"
cargo clippy --all-targets -- -D warnings
step "Lints (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
step "Domain tests (host)"
cargo test
step "Naming the builds (self-test)"
python3 scripts/name_builds.py --self-test
step "Release build"
trunk build --release
step "Size budget (gzipped app shell)"
scripts/size_budget.sh --self-test
scripts/size_budget.sh
step "Browser tests (headless Chromium, 768x1024 touch)"
npx playwright test
