#!/usr/bin/env python3
"""A lossy, slow network link in user space, for kernels built without netem
(`tc qdisc ... netem` answers "Specified qdisc kind is unknown").

Opens two TUN devices and copies IP packets between them, like the two ends
of a cable. Packets the tablets send (read from TABLETS_DEV) are dropped with
probability LOSS % and the rest held DELAY ms each, in order, as netem with a
fixed delay does on the tablets' interface; packets to the tablets pass at
once. Prints "ready" when both devices exist (tests/bench/bad_network.mjs then
moves TABLETS_DEV into the tablets' namespace and gives both addresses). The
devices go when this process exits: on SIGTERM, or when stdin closes because
the script that started it has gone.

  lossy_link.py HOST_DEV TABLETS_DEV --loss 5 --delay-ms 200
"""
import argparse
import collections
import fcntl
import os
import random
import select
import signal
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def write(fd, packet):
    try:
        os.write(fd, packet)
    except OSError:
        pass  # the device is down or going: a cable drops the packet too


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("host_dev")
    ap.add_argument("tablets_dev")
    ap.add_argument("--loss", type=float, default=5.0, help="percent of the tablets' packets dropped")
    ap.add_argument("--delay-ms", type=float, default=200.0, help="added to each of the tablets' packets")
    args = ap.parse_args()

    host = open_tun(args.host_dev)
    tablets = open_tun(args.tablets_dev)
    delay = args.delay_ms / 1000.0
    held = collections.deque()  # (when to deliver, packet), in order
    counts = {"out": 0, "dropped": 0, "in": 0}

    def finish(*_):
        sys.stderr.write(
            f"lossy_link: {counts['out']} packets from the tablets, {counts['dropped']} dropped "
            f"({100.0 * counts['dropped'] / max(counts['out'], 1):.1f}%), the rest delayed "
            f"{args.delay_ms:.0f} ms; {counts['in']} packets to the tablets\n")
        sys.exit(0)

    signal.signal(signal.SIGTERM, finish)
    print("ready", flush=True)
    watched = [host, tablets, sys.stdin.fileno()]
    while True:
        now = time.monotonic()
        while held and held[0][0] <= now:
            write(host, held.popleft()[1])
        timeout = max(0.0, held[0][0] - now) if held else 1.0
        ready, _, _ = select.select(watched, [], [], timeout)
        for fd in ready:
            if fd == sys.stdin.fileno():
                if not os.read(fd, 4096):
                    finish()
                continue
            while True:
                try:
                    packet = os.read(fd, 65535)
                except OSError:
                    break  # nothing more to read (or the device is going)
                if fd == host:
                    counts["in"] += 1
                    write(tablets, packet)
                    continue
                counts["out"] += 1
                if random.random() * 100.0 < args.loss:
                    counts["dropped"] += 1
                    continue
                held.append((time.monotonic() + delay, packet))


if __name__ == "__main__":
    main()
