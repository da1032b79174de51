#!/usr/bin/env bash
# Lighthouse report of the built app: performance, accessibility and best-practices
# scores (mobile profile) per screen, and every audit not passed. Builds nothing:
# run `trunk build --release` first (node_modules/.bin on PATH, as scripts/test.sh does).
# Serves the build from a sub-folder on a free 127.0.0.1 port, like a static host,
# in Debian's Chromium. A report, not a test: exits 0 whatever the scores.
#
#   scripts/lighthouse.sh [DIST-FOLDER] [#/route ...]     default: dist/  #/setup #/area/1 #/participants
#   GZIP=1 scripts/lighthouse.sh                          serve compressed, as most hosts do
# JSON reports go to target/lighthouse/ (LIGHTHOUSE_OUT to change); open one in
# https://googlechrome.github.io/lighthouse/viewer/ for the details.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
exec node scripts/lighthouse-report.mjs "$@"
