#!/usr/bin/env bash
# Starts mosquitto for one Co-produce room, in the foreground (Ctrl-C stops it
# and saves retained ballots to disk).
#
# Usage: deploy/mosquitto/start.sh [WS_PORT [TCP_PORT]]
#   WS_PORT   WebSocket port for the room (default 9001, or $WS_PORT)
#   TCP_PORT  plain MQTT port, this machine only (default 1884, or $TCP_PORT)
# Environment:
#   DATA_DIR       where retained ballots are kept
#                  (default ~/.local/share/co-produce/mosquitto)
#   PASSWORD_FILE  a file made with mosquitto_passwd: clients must then log in
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

ws_port="${1:-${WS_PORT:-9001}}"
tcp_port="${2:-${TCP_PORT:-1884}}"
data_dir="${DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/co-produce/mosquitto}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian puts mosquitto in /usr/sbin, which is not on every user's PATH.
mosquitto_bin="$(command -v mosquitto || true)"
[ -z "$mosquitto_bin" ] && [ -x /usr/sbin/mosquitto ] && mosquitto_bin=/usr/sbin/mosquitto
if [ -z "$mosquitto_bin" ]; then
  echo "mosquitto is not installed. Install it with: sudo apt-get install mosquitto" >&2
  echo "(or run scripts/setup.sh --browser)" >&2
  exit 1
fi

for p in "$ws_port" "$tcp_port"; do
  case "$p" in ''|*[!0-9]*) echo "Not a port number: $p" >&2; exit 2 ;; esac
done
[ "$ws_port" = "$tcp_port" ] && { echo "The WebSocket and TCP ports must differ" >&2; exit 2; }

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
conf="$data_dir/mosquitto.run.conf"

# The config beside this script, with this run's ports and absolute paths.
sed -e "s#^listener 1884 #listener $tcp_port #" \
    -e "s#^listener 9001\$#listener $ws_port#" \
    -e "s#^persistence_location .*#persistence_location $data_dir/#" \
    -e "s#^acl_file .*#acl_file $here/acl#" \
    "$here/mosquitto.conf" > "$conf"
if [ -n "${PASSWORD_FILE:-}" ]; then
  pw="$(cd "$(dirname "$PASSWORD_FILE")" && pwd)/$(basename "$PASSWORD_FILE")"
  [ -r "$pw" ] || { echo "Cannot read PASSWORD_FILE $pw" >&2; exit 2; }
  sed -i -e "s#^\#password_file .*#password_file $pw#" \
         -e "s#^allow_anonymous true#allow_anonymous false#" "$conf"
fi
# Started as root, mosquitto switches to the "mosquitto" user: let it write.
if [ "$(id -u)" -eq 0 ]; then
  if id mosquitto >/dev/null 2>&1; then
    chown -R mosquitto: "$data_dir"
  else
    echo "user root" >> "$conf"
  fi
fi

# The address tablets can reach: this machine's first LAN address.
ip_addr="$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n1 || true)"
if [ -z "$ip_addr" ] && command -v ip >/dev/null; then
  ip_addr="$(ip -4 -o addr show scope global 2>/dev/null | awk '{sub(/\/.*/, "", $4); print $4; exit}')"
fi
[ -z "$ip_addr" ] && ip_addr=127.0.0.1

say "Starting mosquitto; retained ballots are kept in $data_dir"
say "Type this into \"Go live\":  ws://$ip_addr:$ws_port"
say "(plain MQTT for tools on this machine: mqtt://127.0.0.1:$tcp_port; Ctrl-C stops)"
exec "$mosquitto_bin" -c "$conf"
