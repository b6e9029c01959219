import Testing
import DeadlineKit

@testable import DeadlineDelivery

@Suite("Classifying SMTP and HTTP results")
struct ClassifierTests {
    static let redactor = SecretRedactor(["s3cr3t-pass"])

    static func reply(_ code: Int, _ text: String) -> SMTPReply { SMTPReply(code: code, lines: [text]) }

    static func smtp(
        _ code: Int, _ message: String = "", _ exchanges: [SMTPExchange], security: SMTPSecurity = .starttls(.required)
    )
        -> DeliveryOutcome
    {
        SMTPClassifier.classify(
            SMTPAttempt(
                curlCode: code, curlMessage: message, transcript: exchanges, newConnections: 1, security: security),
            channel: "smtp", host: "mail.example.org:587", redactor: redactor)
    }

    static let greeting = SMTPExchange(command: .greeting, replies: [reply(220, "mail.example.org ESMTP")])
    static let mailFrom = SMTPExchange(command: .mailFrom("nhacviec@hanoi.gov.vn"), replies: [reply(250, "2.1.0 Ok")])

    @Test("delivered: the final reply, accepted and rejected recipients")
    func delivered() {
        let outcome = Self.smtp(
            CurlCode.ok, "",
            [
                Self.greeting, Self.mailFrom,
                SMTPExchange(command: .recipient("a@x.vn"), replies: [Self.reply(250, "2.1.5 Ok")]),
                SMTPExchange(
                    command: .recipient("ghost@x.vn"), replies: [Self.reply(550, "5.1.1 <ghost@x.vn>: unknown mailbox")]
                ),
                SMTPExchange(command: .recipient("later@x.vn"), replies: [Self.reply(450, "4.2.1 mailbox busy")]),
                SMTPExchange(
                    command: .data,
                    replies: [Self.reply(354, "go ahead"), Self.reply(250, "2.0.0 Ok: queued as 4F2A1")]),
            ])
        let receipt = outcome.receipt
        #expect(receipt?.response == "250 2.0.0 Ok: queued as 4F2A1")
        #expect(receipt?.acceptedRecipients == ["a@x.vn"])
        #expect(
            receipt?.rejectedRecipients == [
                RecipientRejection(address: "ghost@x.vn", reply: "550 5.1.1 <ghost@x.vn>: unknown mailbox", code: 550),
                RecipientRejection(address: "later@x.vn", reply: "450 4.2.1 mailbox busy", code: 450),
            ])
        #expect(receipt?.rejectedRecipients.map { $0.isTemporary } == [false, true])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var code: Int
        var message: String = ""
        var exchanges: [SMTPExchange]
        var temporary: Bool
        var kind: DeliveryError.Kind
        var cause: String
        var testDescription: String { name }
    }

    static let smtpCases: [Case] = [
        Case(
            name: "connection refused", code: CurlCode.couldNotConnect,
            message: "Failed to connect to 127.0.0.1 port 9: Connection refused", exchanges: [], temporary: true,
            kind: .connectionFailed,
            cause:
                "cannot connect (Failed to connect to 127.0.0.1 port 9: Connection refused): is the server running, and are the host and port right?"
        ),
        Case(
            name: "timeout", code: CurlCode.operationTimedOut, message: "Operation timed out after 2000 milliseconds",
            exchanges: [Self.greeting], temporary: true, kind: .timedOut,
            cause: "no complete answer within the time limit (Operation timed out after 2000 milliseconds)"),
        Case(
            name: "resolve", code: CurlCode.couldNotResolveHost, message: "Could not resolve host: mail.invalid",
            exchanges: [], temporary: true, kind: .resolveFailed,
            cause: "cannot resolve the host name (Could not resolve host: mail.invalid): check the host setting and DNS"
        ),
        Case(
            name: "TLS handshake interrupted", code: CurlCode.sslConnectError,
            message: "OpenSSL SSL_connect: Connection reset by peer", exchanges: [], temporary: true,
            kind: .tlsHandshakeFailed,
            cause: "the TLS handshake did not complete (OpenSSL SSL_connect: Connection reset by peer)"),
        Case(
            name: "untrusted certificate", code: CurlCode.peerFailedVerification,
            message: "SSL certificate problem: unable to get local issuer certificate", exchanges: [], temporary: false,
            kind: .certificateRejected,
            cause:
                "the server's certificate is not trusted (SSL certificate problem: unable to get local issuer certificate): add its CA with ca_file"
        ),
        Case(
            name: "wrong host name", code: CurlCode.peerFailedVerification,
            message: "SSL: no alternative certificate subject name matches target host name '127.0.0.1'", exchanges: [],
            temporary: false, kind: .certificateRejected,
            cause:
                "the server's certificate is for another host name (SSL: no alternative certificate subject name matches target host name '127.0.0.1'): connect using a name the certificate lists, or have the certificate reissued"
        ),
        Case(
            name: "STARTTLS not offered", code: CurlCode.useSSLFailed, message: "STARTTLS not supported.",
            exchanges: [Self.greeting, SMTPExchange(command: .hello, replies: [Self.reply(250, "HELP")])],
            temporary: false, kind: .starttlsUnavailable,
            cause:
                "the server does not offer STARTTLS, which starttls = \"required\" demands: use smtps (implicit TLS, usually port 465) if the server offers it, or set starttls = \"opportunistic\" only if the network path to the server is trusted"
        ),
        Case(
            name: "wrong password", code: CurlCode.loginDenied, message: "Authentication failed: 535",
            exchanges: [
                Self.greeting,
                SMTPExchange(
                    command: .auth(mechanism: "PLAIN"),
                    replies: [Self.reply(535, "5.7.8 Authentication credentials invalid")]),
            ], temporary: false, kind: .authenticationFailed,
            cause:
                "the server rejected the username or password (535 5.7.8 Authentication credentials invalid): check username and password_file"
        ),
        Case(
            name: "auth temporarily unavailable", code: CurlCode.loginDenied,
            exchanges: [
                SMTPExchange(command: .auth(mechanism: "LOGIN"), replies: [Self.reply(334, "VXNlcm5hbWU6")]),
                SMTPExchange(
                    command: .authContinuation, replies: [Self.reply(454, "4.7.0 Temporary authentication failure")]),
            ], temporary: true, kind: .authenticationFailed,
            cause: "the server rejected the username or password (454 4.7.0 Temporary authentication failure)"),
        Case(
            name: "sender refused", code: CurlCode.weirdServerReply,
            exchanges: [
                Self.greeting,
                SMTPExchange(
                    command: .mailFrom("x@y.vn"),
                    replies: [Self.reply(553, "5.7.1 Sender address rejected: not owned by user")]),
            ], temporary: false, kind: .senderRejected,
            cause:
                "the server refused the sender <x@y.vn>: 553 5.7.1 Sender address rejected: not owned by user: use a sender address this server accepts (from)"
        ),
        Case(
            name: "authentication required", code: CurlCode.weirdServerReply,
            exchanges: [
                SMTPExchange(command: .mailFrom("x@y.vn"), replies: [Self.reply(530, "5.7.0 Authentication required")])
            ], temporary: false, kind: .senderRejected,
            cause:
                "the server refused the sender <x@y.vn>: 530 5.7.0 Authentication required: the server requires authentication; set username and password_file"
        ),
        Case(
            name: "every recipient refused", code: CurlCode.sendError, message: "RCPT failed: 550 (last error)",
            exchanges: [
                Self.mailFrom, SMTPExchange(command: .recipient("a@x.vn"), replies: [Self.reply(550, "5.1.1 unknown")]),
                SMTPExchange(command: .recipient("b@x.vn"), replies: [Self.reply(550, "5.1.1 unknown")]),
            ], temporary: false, kind: .recipientsRejected,
            cause: "the server refused every recipient: a@x.vn: 550 5.1.1 unknown; b@x.vn: 550 5.1.1 unknown"),
        Case(
            name: "every recipient deferred", code: CurlCode.sendError,
            exchanges: [
                Self.mailFrom,
                SMTPExchange(command: .recipient("a@x.vn"), replies: [Self.reply(451, "4.3.0 try later")]),
            ], temporary: true, kind: .recipientsRejected,
            cause: "the server refused every recipient: a@x.vn: 451 4.3.0 try later"),
        Case(
            name: "message deferred after DATA", code: CurlCode.weirdServerReply,
            exchanges: [
                Self.mailFrom, SMTPExchange(command: .recipient("a@x.vn"), replies: [Self.reply(250, "Ok")]),
                SMTPExchange(
                    command: .data, replies: [Self.reply(354, "go"), Self.reply(451, "4.3.0 queue file write error")]),
            ], temporary: true, kind: .messageRejected,
            cause: "the server did not accept the message for now: 451 4.3.0 queue file write error"),
        Case(
            name: "message refused after DATA", code: CurlCode.weirdServerReply,
            exchanges: [
                SMTPExchange(
                    command: .data,
                    replies: [Self.reply(354, "go"), Self.reply(552, "5.3.4 Message size exceeds fixed limit")])
            ], temporary: false, kind: .messageRejected,
            cause: "the server refused the message: 552 5.3.4 Message size exceeds fixed limit"),
        Case(
            name: "service shutting down (421) at any stage", code: CurlCode.weirdServerReply,
            exchanges: [
                SMTPExchange(command: .mailFrom("x@y.vn"), replies: [Self.reply(421, "4.3.2 Service shutting down")])
            ], temporary: true, kind: .serverUnavailable,
            cause: "the server is closing the connection: 421 4.3.2 Service shutting down"),
        Case(
            name: "greeting 554", code: CurlCode.weirdServerReply,
            exchanges: [SMTPExchange(command: .greeting, replies: [Self.reply(554, "5.7.1 no service for you")])],
            temporary: false, kind: .serverUnavailable,
            cause: "the server refused the connection: 554 5.7.1 no service for you"),
        Case(
            name: "secrets in replies are redacted", code: CurlCode.loginDenied,
            exchanges: [
                SMTPExchange(command: .auth(mechanism: "PLAIN"), replies: [Self.reply(535, "bad password s3cr3t-pass")])
            ], temporary: false, kind: .authenticationFailed,
            cause:
                "the server rejected the username or password (535 bad password [redacted]): check username and password_file"
        ),
        Case(
            name: "cancelled", code: CurlCode.abortedByCallback, exchanges: [], temporary: true, kind: .cancelled,
            cause: "the delivery was cancelled while running (shutting down)"),
        Case(
            name: "unknown libcurl error is retried", code: 9999, message: "something odd", exchanges: [],
            temporary: true, kind: .unknown,
            cause: "libcurl error 9999 (something odd)"),
    ]

    @Test("SMTP failures", arguments: smtpCases)
    func smtpFailures(_ testCase: Case) throws {
        let outcome = Self.smtp(testCase.code, testCase.message, testCase.exchanges)
        let error = try #require(outcome.error)
        #expect(outcome.isTemporaryFailure == testCase.temporary)
        #expect(error.kind == testCase.kind)
        #expect(error.cause == testCase.cause)
        #expect(error.description == "smtp mail.example.org:587: " + testCase.cause)
    }

    @Test("a reused connection that broke before DATA is retried once on a fresh one")
    func staleConnection() {
        let broken = SMTPAttempt(
            curlCode: CurlCode.sendError, curlMessage: "", transcript: [SMTPExchange(command: .mailFrom("a@b"))],
            newConnections: 0, security: .starttls(.off))
        #expect(SMTPTransferJob.failedOnStaleConnection(broken))
        var fresh = broken
        fresh.newConnections = 1
        #expect(!SMTPTransferJob.failedOnStaleConnection(fresh))
        var afterData = broken
        afterData.transcript.append(SMTPExchange(command: .data, replies: [SMTPReply(code: 354, lines: [])]))
        #expect(!SMTPTransferJob.failedOnStaleConnection(afterData))
    }

    // MARK: HTTP

    static func http(
        status: Int, headers: [String] = [], body: String = "", code: Int = CurlCode.ok, message: String = ""
    )
        -> DeliveryOutcome
    {
        WebhookClassifier.classify(
            HTTPAttempt(
                curlCode: code, curlMessage: message, status: status, headerLines: headers, body: Array(body.utf8),
                newConnections: 0, nowUnixSeconds: 784_111_747),
            channel: "webhook", host: "hooks.example.org:443",
            redactor: SecretRedactor(["/bot1:TOKEN/send", "1:TOKEN"]))
    }

    @Test(
        "HTTP status table",
        arguments: [
            (200, "delivered"), (201, "delivered"), (204, "delivered"),
            (301, "permanent"), (302, "permanent"), (307, "permanent"), (308, "permanent"),
            (400, "permanent"), (401, "permanent"), (403, "permanent"), (404, "permanent"), (410, "permanent"),
            (422, "permanent"),
            (408, "temporary"), (429, "temporary"), (500, "temporary"), (502, "temporary"), (503, "temporary"),
            (504, "temporary"),
            (100, "temporary"),
        ])
    func httpStatuses(status: Int, expected: String) {
        let outcome = Self.http(status: status, headers: ["HTTP/1.1 \(status) X"])
        let actual = outcome.receipt != nil ? "delivered" : outcome.isTemporaryFailure ? "temporary" : "permanent"
        #expect(actual == expected)
    }

    @Test("2xx receipt quotes status and a short excerpt")
    func httpDelivered() {
        let outcome = Self.http(status: 200, headers: ["HTTP/1.1 200 OK"], body: "{\"ok\":true,\n  \"result\":{}}")
        #expect(outcome.receipt?.response == "200 OK: {\"ok\":true, \"result\":{}}")
        let long = Self.http(status: 200, headers: ["HTTP/1.1 200 OK"], body: String(repeating: "é", count: 500))
        #expect(long.receipt?.response == "200 OK: " + String(repeating: "é", count: 200) + "…")
    }

    @Test("429 and 503 honour Retry-After in seconds and as an HTTP-date")
    func retryAfter() throws {
        let seconds = Self.http(
            status: 429, headers: ["HTTP/1.1 429 Too Many Requests", "Retry-After: 2"], body: "slow down")
        guard case .temporaryFailure(let error, let retryAfter) = seconds else {
            Issue.record("not temporary")
            return
        }
        #expect(retryAfter == .seconds(2))
        #expect(
            error.cause
                == "the server is rate-limiting requests: 429 Too Many Requests: slow down (the server asks to retry after 2 s)"
        )
        let date = Self.http(
            status: 503, headers: ["HTTP/1.1 503 Service Unavailable", "retry-after: Sun, 06 Nov 1994 08:49:37 GMT"])
        guard case .temporaryFailure(let dateError, let dateRetry) = date else {
            Issue.record("not temporary")
            return
        }
        #expect(dateRetry == .seconds(30))
        #expect(dateError.kind == .serverUnavailable)
        let none = Self.http(status: 500, headers: ["HTTP/1.1 500 Internal Server Error"])
        guard case .temporaryFailure(_, let noRetry) = none else {
            Issue.record("not temporary")
            return
        }
        #expect(noRetry == nil)
    }

    @Test("a redirect names its target's origin only, with a hint")
    func redirect() throws {
        let outcome = Self.http(
            status: 301,
            headers: ["HTTP/1.1 301 Moved Permanently", "Location: https://new.example.org/bot1:TOKEN/send"])
        let error = try #require(outcome.error)
        #expect(outcome.isPermanentFailure && error.kind == .redirectNotFollowed)
        #expect(
            error.cause
                == "the server redirects (301 Moved Permanently) to https://new.example.org/…: update the URL to the new address, or set follow_redirects = true if the redirect is expected"
        )
    }

    @Test("4xx quotes the body with a hint, redacting secrets")
    func clientError() throws {
        let outcome = Self.http(
            status: 404, headers: ["HTTP/1.1 404 Not Found"],
            body: "{\"ok\":false,\"description\":\"Not Found: /bot1:TOKEN/send\"}")
        let error = try #require(outcome.error)
        #expect(
            error.cause
                == "the server refused the request: 404 Not Found: {\"ok\":false,\"description\":\"Not Found: [redacted]\"}; check the URL"
        )
    }

    @Test("transport failures: refused and timeout temporary, certificate permanent")
    func transport() {
        #expect(Self.http(status: 0, code: CurlCode.couldNotConnect).isTemporaryFailure)
        #expect(Self.http(status: 0, code: CurlCode.operationTimedOut).isTemporaryFailure)
        #expect(Self.http(status: 0, code: CurlCode.gotNothing).isTemporaryFailure)
        #expect(Self.http(status: 0, code: CurlCode.peerFailedVerification).isPermanentFailure)
        #expect(Self.http(status: 0, code: CurlCode.sslCACertificateBadFile).isPermanentFailure)
    }
}
