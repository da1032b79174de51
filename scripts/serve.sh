#!/usr/bin/env bash
# Builds Co-produce for release and serves it from a sub-folder on 127.0.0.1,
# as any static host would. Usage: scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
port="${1:-8080}"

trunk build --release
site=target/site
rm -rf "$site" && mkdir -p "$site"
cp -r dist "$site/co-produce"
printf '\n\033[1mCo-produce is at http://127.0.0.1:%s/co-produce/\033[0m  (Ctrl-C stops it)\n\n' "$port"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
