#!/usr/bin/env bash
# Installs what building and testing Co-produce needs, skipping what is already
# there. Safe to run again. Usage: scripts/setup.sh [--browser] [--brokers]
set -euo pipefail
cd "$(dirname "$0")/.."

# --browser: also Chromium and the MQTT brokers (for the tests);
# --brokers: also the MQTT brokers (for live mode beside the served app).
want_browser=no
want_brokers=no
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=yes; want_brokers=yes ;;
    --brokers) want_brokers=yes ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

trunk_version=0.21.14
if ! command -v trunk >/dev/null || [ "$(trunk --version | awk '{print $2}')" != "$trunk_version" ]; then
  say "Installing trunk $trunk_version (takes about 7 minutes)"
  cargo install --locked trunk --version "$trunk_version"
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$wbg_version" ]; then
  say "Installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wasm-opt, Playwright, axe)"
  npm ci --no-audit --no-fund
fi

# Chromium for the browser tests, and zbarimg to read the room's screen's QR code back.
if [ "$want_browser" = yes ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/zbarimg ]; }; then
  say "Installing Chromium and zbar-tools from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver zbar-tools
fi

# MQTT brokers for live mode's tests and deploy/ (see deploy/README.md).
# Debian installs them in /usr/sbin, which is not on every user's PATH.
have_sbin() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ]; }
if [ "$want_brokers" = yes ] && { ! have_sbin mosquitto || ! have_sbin nats-server; }; then
  say "Installing the mosquitto and nats-server MQTT brokers from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  # On a machine with systemd the packages also start system services, on
  # ports 1883 (mosquitto, this machine only) and 4222 (nats-server); our
  # scripts and tests use other ports, so those can stay or be disabled with
  # "systemctl disable --now mosquitto nats-server".
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq mosquitto nats-server
fi
# iproute2 (ip, tc) for the bad-network benchmark (tests/bench/bad_network.mjs);
# part of most Debian installs, missing from some slim container images.
if [ "$want_brokers" = yes ] && ! have_sbin ip; then
  say "Installing iproute2 from Debian (the bad-network benchmark)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq iproute2
fi
