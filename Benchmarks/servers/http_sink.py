#!/usr/bin/python3
"""A lean HTTP/1.1 keep-alive sink on 127.0.0.1 for the webhook benchmarks (standard library asyncio only).

Answers every request 200 with a small JSON body and Content-Length, keeping the connection open (HTTP/1.1),
and stamps every event with its own receive time (time.time(), once the whole body has been read):
  {"event": "connect", "t": ..., "conn": N}
  {"event": "request", "t": ..., "path": "/hook", "bytes": 1234, "conn": N, "alerts": k}
"alerts" is the number of alerts in an Alertmanager webhook body (0 for other bodies). Prints "READY <port>".
Stops on SIGTERM, when its parent goes away, or after --lifetime seconds.
"""
import argparse
import asyncio
import json
import os
import signal
import time

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"


class Sink:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8", buffering=1)
        self.connections = 0

    def write(self, record):
        self.file.write(json.dumps(record) + "\n")


async def handle(reader, writer, sink):
    sink.connections += 1
    conn = sink.connections
    sink.write({"event": "connect", "t": time.time(), "conn": conn})
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "?"
            length = 0
            chunked = False
            close = False
            for line in lines[1:]:
                name, _, value = line.partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value.strip())
                elif name == "transfer-encoding" and "chunked" in value.lower():
                    chunked = True
                elif name == "connection" and value.strip().lower() == "close":
                    close = True
            if chunked:
                body = b""
                while True:
                    size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
                    chunk = await reader.readexactly(size + 2)
                    if size == 0:
                        break
                    body += chunk[:-2]
            else:
                body = await reader.readexactly(length) if length else b""
            now = time.time()
            alerts = 0
            if path.startswith("/alertmanager"):
                try:
                    alerts = len(json.loads(body).get("alerts", []))
                except ValueError:
                    alerts = -1
            sink.write({"event": "request", "t": now, "path": path, "bytes": len(body), "conn": conn,
                        "alerts": alerts})
            writer.write(RESPONSE)
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def serve(arguments):
    sink = Sink(arguments.log)
    server = await asyncio.start_server(lambda r, w: handle(r, w, sink), host="127.0.0.1", port=arguments.port)
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
    sink.file.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--log", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=900.0)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
