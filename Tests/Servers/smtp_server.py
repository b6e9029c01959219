#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for deadlined's delivery tests (aiosmtpd, Debian's python3-aiosmtpd).

Binds a free port, prints "READY <port>" on stdout, then serves until SIGTERM, until its parent process goes
away, or until --lifetime seconds have passed (so a crashed test run never leaves it behind).

Every event is appended to --log as one JSON object per line:
  {"event": "connect", "count": N, "open": K}     (K: connections open at once, this one included)
  {"event": "message", "mail_from": ..., "rcpt_tos": [...], "data_b64": ..., "tls": bool, "auth_user": ...}
  {"event": "auth", "tls": bool, "auth_user": ...}     (every AUTH the client attempted, right or wrong)

Run with /usr/bin/python3: Debian's aiosmtpd is installed for the system Python only.
"""
import argparse
import asyncio
import base64
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--log", required=True, help="JSON-lines file for connections and messages")
    parser.add_argument("--cert", help="server certificate (PEM); enables STARTTLS, or implicit TLS")
    parser.add_argument("--key", help="server private key (PEM)")
    parser.add_argument("--require-starttls", action="store_true", help="refuse MAIL before STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    parser.add_argument("--user", help="AUTH user name (enables AUTH PLAIN/LOGIN after TLS)")
    parser.add_argument("--password", help="AUTH password")
    parser.add_argument("--auth-required", action="store_true", help="refuse MAIL before AUTH (530)")
    parser.add_argument("--auth-without-tls", action="store_true",
                        help="offer AUTH on a plain connection too (to prove a client never uses it there)")
    parser.add_argument("--reject", action="append", default=[], help="refuse this recipient with 550 5.1.1")
    parser.add_argument("--tempfail-once", action="append", default=[],
                        help="answer 451 to this recipient the first time only (a retry is accepted)")
    parser.add_argument("--tempfail", choices=["none", "rcpt", "data"], default="none",
                        help="answer 451 to every RCPT, or to the message after DATA")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before answering each DATA")
    parser.add_argument("--port", type=int, default=0, help="listen on this port (default: a free one)")
    parser.add_argument("--lifetime", type=float, default=300.0, help="exit after this many seconds")
    return parser.parse_args()


class Recorder:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
        self.connections = 0
        self.open = 0
        self.messages = 0

    def write(self, record):
        self.file.write(json.dumps(record, ensure_ascii=True) + "\n")
        self.file.flush()


class Handler:
    def __init__(self, arguments, recorder):
        self.arguments = arguments
        self.recorder = recorder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.arguments.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: unknown mailbox" % address
        if self.arguments.tempfail == "rcpt":
            return "451 4.3.0 <%s>: Temporary local problem, try again later" % address
        if address in self.arguments.tempfail_once:
            self.arguments.tempfail_once.remove(address)
            return "451 4.2.0 <%s>: Mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        if self.arguments.delay > 0:
            await asyncio.sleep(self.arguments.delay)
        if self.arguments.tempfail == "data":
            return "451 4.3.0 Error: queue file write error, try again later"
        self.recorder.messages += 1
        data = envelope.original_content if envelope.original_content is not None else envelope.content
        auth_user = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            auth_user = session.auth_data.login.decode("utf-8", "replace")
        self.recorder.write({
            "event": "message",
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data_b64": base64.b64encode(data).decode("ascii"),
            # session.ssl is set by STARTTLS; implicit TLS shows on the transport.
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "auth_user": auth_user,
        })
        return "250 2.0.0 Ok: queued as DL%05d" % self.recorder.messages


def make_authenticator(arguments, recorder):
    expected_user = (arguments.user or "").encode("utf-8")
    expected_password = (arguments.password or "").encode("utf-8")

    def authenticate(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode("utf-8", "replace") if isinstance(auth_data, LoginPassword) else None
        recorder.write({"event": "auth", "tls": session.ssl is not None
                        or server.transport.get_extra_info("ssl_object") is not None, "auth_user": login})
        if (isinstance(auth_data, LoginPassword) and auth_data.login == expected_user
                and auth_data.password == expected_password):
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)

    return authenticate


async def serve(arguments):
    recorder = Recorder(arguments.log)
    handler = Handler(arguments, recorder)
    context = None
    if arguments.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(arguments.cert, arguments.key)
    loop = asyncio.get_running_loop()

    class CountingSMTP(SMTP):
        def connection_lost(self, error):
            recorder.open -= 1
            super().connection_lost(error)

    def factory():
        recorder.connections += 1
        recorder.open += 1
        recorder.write({"event": "connect", "count": recorder.connections, "open": recorder.open})
        options = dict(hostname="smtp.test.invalid", ident="deadlined test SMTP", loop=loop)
        if arguments.user:
            # aiosmtpd only knows of TLS that STARTTLS began; over implicit TLS (smtps) the whole session is
            # already encrypted, so AUTH is offered from the start there.
            options.update(authenticator=make_authenticator(arguments, recorder),
                           auth_require_tls=not (arguments.implicit_tls or arguments.auth_without_tls),
                           auth_required=arguments.auth_required)
        if context is not None and not arguments.implicit_tls:
            options.update(tls_context=context, require_starttls=arguments.require_starttls)
        return CountingSMTP(handler, **options)

    server = await loop.create_server(
        factory, host="127.0.0.1", port=arguments.port, ssl=context if arguments.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    os.write(1, b"READY %d\n" % port)  # one write: the reader may close the pipe after it

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    parent = os.getppid()
    deadline = loop.time() + arguments.lifetime
    # Bounded: one check a second until stopped, orphaned, or out of lifetime.
    while not stop.is_set() and loop.time() < deadline and os.getppid() == parent:
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except asyncio.TimeoutError:
            pass
    server.close()


def main():
    arguments = parse_arguments()
    if arguments.cert and not arguments.key:
        sys.exit("--cert needs --key")
    asyncio.run(serve(arguments))


if __name__ == "__main__":
    main()
