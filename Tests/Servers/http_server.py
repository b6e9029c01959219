#!/usr/bin/python3
"""A real HTTP/1.1 server on 127.0.0.1 for deadlined's webhook tests (Python standard library only).

Binds a free port, prints "READY <port>" on stdout, then serves until SIGTERM, until its parent process goes
away, or until --lifetime seconds have passed.

Responses follow --script, a JSON list of {"status": int, "headers": {name: value}, "body": str, "delay": s},
one per request in order; once the list is used up its last entry repeats. Keep-alive is on (HTTP/1.1 with a
Content-Length on every response), so consecutive requests can share one TCP connection.

Every event is appended to --log as one JSON object per line:
  {"event": "connect", "count": N, "open": K}     (K: connections open at once, this one included)
  {"event": "request", "method": ..., "path": ..., "headers": [[name, value], ...], "body_b64": ...,
   "signature_valid": true/false/null}
With --webhook-secret (whsec_... or raw), the server checks the Standard Webhooks signature itself
(HMAC-SHA256 over "id.timestamp.body") and records whether it is valid.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--log", required=True)
    parser.add_argument("--script", default='[{"status": 200, "body": "{\\"ok\\":true}"}]')
    parser.add_argument("--cert", help="serve HTTPS with this certificate (PEM)")
    parser.add_argument("--key", help="the certificate's private key (PEM)")
    parser.add_argument("--webhook-secret", help="verify Standard Webhooks signatures with this secret")
    parser.add_argument("--lifetime", type=float, default=300.0)
    return parser.parse_args()


def signing_key(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode("utf-8")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, arguments):
        super().__init__(("127.0.0.1", 0), Handler)
        self.arguments = arguments
        self.script = json.loads(arguments.script)
        self.lock = threading.Lock()
        self.log = open(arguments.log, "a", encoding="utf-8")
        self.connections = 0
        self.open = 0
        self.requests = 0
        self.key = signing_key(arguments.webhook_secret) if arguments.webhook_secret else None
        if arguments.cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(arguments.cert, arguments.key)
            self.socket = context.wrap_socket(self.socket, server_side=True)

    def get_request(self):
        connection, address = super().get_request()  # for HTTPS, the handshake happens here
        with self.lock:
            self.connections += 1
            self.open += 1
            self.write({"event": "connect", "count": self.connections, "open": self.open})
        return connection, address

    def shutdown_request(self, request):
        with self.lock:
            self.open -= 1
        super().shutdown_request(request)

    def handle_error(self, request, client_address):
        pass  # a client that drops the connection is part of the tests

    def write(self, record):
        self.log.write(json.dumps(record, ensure_ascii=True) + "\n")
        self.log.flush()

    def next_response(self):
        with self.lock:
            index = min(self.requests, len(self.script) - 1)
            self.requests += 1
            return self.script[index]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30

    def do_POST(self):
        self.respond()

    def do_GET(self):
        self.respond()

    def respond(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        server = self.server
        valid = None
        if server.key is not None:
            valid = self.signature_valid(server.key, body)
        with server.lock:
            server.write({
                "event": "request",
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body_b64": base64.b64encode(body).decode("ascii"),
                "signature_valid": valid,
            })
        spec = server.next_response()
        if spec.get("delay"):
            time.sleep(float(spec["delay"]))
        payload = spec.get("body", "").encode("utf-8")
        self.send_response(int(spec.get("status", 200)))
        for name, value in spec.get("headers", {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def signature_valid(self, key, body):
        message_id = self.headers.get("webhook-id")
        timestamp = self.headers.get("webhook-timestamp")
        signatures = self.headers.get("webhook-signature") or ""
        if not message_id or not timestamp:
            return False
        signed = message_id.encode() + b"." + timestamp.encode() + b"." + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        for candidate in signatures.split(" "):
            version, _, value = candidate.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return True
        return False

    def log_message(self, format, *args):
        pass


def main():
    arguments = parse_arguments()
    server = Server(arguments)
    os.write(1, b"READY %d\n" % server.server_address[1])  # one write, see smtp_server.py
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    parent = os.getppid()
    deadline = time.monotonic() + arguments.lifetime
    # Bounded: one check a second until stopped, orphaned, or out of lifetime.
    while not stop.is_set() and time.monotonic() < deadline and os.getppid() == parent:
        stop.wait(1.0)
    server.shutdown()
    sys.exit(0)


if __name__ == "__main__":
    main()
