#!/usr/bin/env bash
# Builds Co-produce for release and serves it from a sub-folder on 127.0.0.1,
# as any static host would, with a local MQTT broker (mosquitto) beside it so
# live mode works out of the box. Usage: scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --brokers
export PATH="$PWD/node_modules/.bin:$PATH"
port="${1:-8080}"
broker_port="${BROKER_PORT:-9001}"

trunk build --release
site=target/site
rm -rf "$site" && mkdir -p "$site"
cp -r dist "$site/co-produce"

# The broker runs as long as the web server does. If its port is taken (say,
# a broker is already running), the app still works; live mode uses that one.
broker_note="not started (port $broker_port is in use; live mode can use what is there)"
if ! (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null; then
  DATA_DIR="$PWD/target/mosquitto" deploy/mosquitto/start.sh "$broker_port" "$((broker_port + 1))" \
    > target/mosquitto.log 2>&1 &
  broker_pid=$!
  trap 'kill "$broker_pid" 2>/dev/null || true' EXIT INT TERM
  broker_note="ws://127.0.0.1:$broker_port  (type this into \"Go live\" on Results; log: target/mosquitto.log)"
fi
printf '\n\033[1mCo-produce is at http://127.0.0.1:%s/co-produce/\033[0m  (Ctrl-C stops it)\n' "$port"
printf 'Live mode broker: %s\n\n' "$broker_note"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
