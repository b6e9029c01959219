#!/usr/bin/python3
"""Starts a program the way systemd's socket activation does, for tests: a TCP socket listening on 127.0.0.1
(a free port unless --port says which) is handed over as file descriptor 3 with LISTEN_FDS=1, LISTEN_PID (this
very process: it execs the program in its place, so the pid stays) and LISTEN_FDNAMES. The port is written to
--port-file before the exec. The service manager itself is never started.

Usage: socket_activate.py --port-file FILE [--port N] [--name web] -- PROGRAM ARGS...
"""
import argparse
import os
import socket
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--name", default="web")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no program to start")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    port = listener.getsockname()[1]
    if listener.fileno() != 3:
        os.dup2(listener.fileno(), 3)
        listener.close()
    os.set_inheritable(3, True)
    os.environ["LISTEN_FDS"] = "1"
    os.environ["LISTEN_PID"] = str(os.getpid())
    os.environ["LISTEN_FDNAMES"] = args.name
    with open(args.port_file + ".tmp", "w") as f:
        f.write(f"{port}\n")
    os.rename(args.port_file + ".tmp", args.port_file)
    sys.stdout.flush()
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
