#!/usr/bin/python3
"""A NOTIFY_SOCKET listener for the start-up and idle benchmarks (standard library only).

Binds an AF_UNIX datagram socket at --socket (what systemd gives a Type=notify service as $NOTIFY_SOCKET), prints
"READY <path>", and appends one JSON line per datagram to --log, stamped with its receive time:
  {"t": 1700000000.123456, "monotonic": 12345.678, "fields": ["READY=1", "STATUS=..."]}
Stops on SIGTERM, when its parent goes away, or after --lifetime seconds.
"""
import argparse
import json
import os
import select
import signal
import socket
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--socket", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--lifetime", type=float, default=900.0)
    arguments = parser.parse_args()
    try:
        os.unlink(arguments.socket)
    except FileNotFoundError:
        pass
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(arguments.socket)
    log = open(arguments.log, "a", encoding="utf-8", buffering=1)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    os.write(1, ("READY %s\n" % arguments.socket).encode())
    parent = os.getppid()
    end = time.monotonic() + arguments.lifetime
    while not stopping and time.monotonic() < end and os.getppid() == parent:
        try:
            readable, _, _ = select.select([sock], [], [], 1.0)
        except InterruptedError:
            continue
        if not readable:
            continue
        data = sock.recv(65536)
        log.write(json.dumps({"t": time.time(), "monotonic": time.monotonic(),
                              "fields": data.decode("utf-8", "replace").split("\n")}) + "\n")
    sock.close()
    os.unlink(arguments.socket)


if __name__ == "__main__":
    main()
