#!/usr/bin/env bash
# Starts a three-node NATS cluster on this machine, for trying the council
# set-up or testing: nodes n1, n2, n3 from node1.conf..node3.conf beside this
# script. Runs in the foreground; Ctrl-C stops all three.
#
# Usage: deploy/nats/start.sh [BASE_PORT]
#   BASE_PORT  (default 7400, or $BASE_PORT) node n uses BASE_PORT+10n+0..4:
#              +0 NATS, +1 cluster, +2 MQTT/TCP, +3 MQTT/WebSocket, +4 monitor
# Environment:
#   DATA_DIR   JetStream storage, one folder per node
#              (default ~/.local/share/co-produce/nats)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

base="${1:-${BASE_PORT:-7400}}"
data_dir="${DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/co-produce/nats}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian puts nats-server in /usr/sbin, which is not on every user's PATH.
nats_bin="$(command -v nats-server || true)"
[ -z "$nats_bin" ] && [ -x /usr/sbin/nats-server ] && nats_bin=/usr/sbin/nats-server
if [ -z "$nats_bin" ]; then
  echo "nats-server is not installed. Install it with: sudo apt-get install nats-server" >&2
  echo "(or run scripts/setup.sh --browser)" >&2
  exit 1
fi
case "$base" in ''|*[!0-9]*) echo "Not a port number: $base" >&2; exit 2 ;; esac
[ "$base" -ge 1000 ] && [ "$base" -le 65500 ] || { echo "BASE_PORT must be 1000-65500" >&2; exit 2; }

mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"

# The node configs with this run's ports (74nk -> BASE_PORT+10n+k) and storage.
for n in 1 2 3; do
  BASE="$base" DATA="$data_dir" perl -pe '
    s/\b74([1-3][0-4])\b/$ENV{BASE} + $1/ge;
    s#store_dir: "data/#store_dir: "$ENV{DATA}/#;
  ' "$here/node$n.conf" > "$data_dir/node$n.run.conf"
  "$nats_bin" -t -c "$data_dir/node$n.run.conf" >/dev/null
done

pids=()
stopping=no
stop_all() {
  stopping=yes
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop_all INT TERM EXIT

for n in 1 2 3; do
  "$nats_bin" -c "$data_dir/node$n.run.conf" > >(sed -u "s/^/[n$n] /") 2>&1 &
  pids+=("$!")
done

# Ready when every node reports JetStream healthy (a meta leader is elected).
if command -v curl >/dev/null; then
  for _ in $(seq 1 60); do
    ok=0
    for n in 1 2 3; do
      curl -fsS "http://127.0.0.1:$((base + 10 * n + 4))/healthz" >/dev/null 2>&1 && ok=$((ok + 1))
    done
    [ "$ok" -eq 3 ] && break
    sleep 1
  done
fi

ip_addr="$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n1 || true)"
[ -z "$ip_addr" ] && ip_addr=127.0.0.1
say "NATS cluster running; JetStream data in $data_dir"
for n in 1 2 3; do
  say "  node n$n: ws://$ip_addr:$((base + 10 * n + 3))/mqtt"
done
say "Ctrl-C stops all three nodes"
wait -n "${pids[@]}" || true
[ "$stopping" = no ] && say "A node stopped; stopping the others"
exit 0
