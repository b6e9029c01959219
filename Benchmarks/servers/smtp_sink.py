#!/usr/bin/python3
"""A lean SMTP sink on 127.0.0.1 for the delivery benchmarks (standard library asyncio only).

Tests/Servers/smtp_server.py (aiosmtpd) checks what deadlined sends; this one only has to be faster than any
sender it measures, so it speaks just the plain-text subset a client uses to hand over mail (EHLO/HELO, MAIL,
RCPT, DATA, RSET, NOOP, QUIT; no TLS, no AUTH), keeps no bodies, and stamps every event with its own receive time
(time.time(), once the message's final "." has been read), so latency is measured on the server's clock:
  {"event": "connect", "t": 1700000000.123456, "conn": 1}
  {"event": "message", "t": 1700000000.234567, "rcpt": 1, "bytes": 1834, "conn": 1}
Prints "READY <port>" once listening. Stops on SIGTERM, when its parent goes away, or after --lifetime seconds.
"""
import argparse
import asyncio
import json
import os
import signal
import time


class Sink:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8", buffering=1)
        self.connections = 0
        self.messages = 0

    def write(self, record):
        self.file.write(json.dumps(record) + "\n")


async def session(reader, writer, sink):
    sink.connections += 1
    conn = sink.connections
    sink.write({"event": "connect", "t": time.time(), "conn": conn})
    writer.write(b"220 smtp.bench.invalid ESMTP deadlined bench sink\r\n")
    rcpt = 0
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO",):
                writer.write(b"250-smtp.bench.invalid\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n")
            elif verb == b"HELO":
                writer.write(b"250 smtp.bench.invalid\r\n")
            elif verb == b"MAIL":
                rcpt = 0
                writer.write(b"250 2.1.0 Ok\r\n")
            elif verb == b"RCPT":
                rcpt += 1
                writer.write(b"250 2.1.5 Ok\r\n")
            elif verb == b"DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                size = 0
                while True:
                    data = await reader.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    size += len(data)
                sink.messages += 1
                sink.write({"event": "message", "t": time.time(), "rcpt": rcpt, "bytes": size, "conn": conn})
                writer.write(b"250 2.0.0 Ok: queued as B%07d\r\n" % sink.messages)
            elif verb == b"RSET":
                rcpt = 0
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == b"NOOP":
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 2.0.0 Bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"502 5.5.2 Command not recognized\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def serve(arguments):
    sink = Sink(arguments.log)
    server = await asyncio.start_server(lambda r, w: session(r, w, sink), host="127.0.0.1", port=arguments.port)
    os.write(1, b"READY %d\n" % server.sockets[0].getsockname()[1])
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    parent = os.getppid()
    deadline = loop.time() + arguments.lifetime
    while not stop.is_set() and loop.time() < deadline and os.getppid() == parent:
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except asyncio.TimeoutError:
            pass
    server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--log", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=900.0)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
