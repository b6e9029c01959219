import Foundation

/// A real SMTP server (aiosmtpd) on 127.0.0.1 for one test: `Tests/Servers/smtp_server.py`.
///
/// ```swift
/// let server = try SMTPTestServer(.init(tls: .starttls(required: true), user: "u", password: "p"))
/// defer { server.stop() }
/// // … send to 127.0.0.1:server.port …
/// let messages = try server.messages()
/// ```
package final class SMTPTestServer: Sendable {
    /// How the server offers TLS.
    package enum TLS: Sendable {
        /// Plain text; no STARTTLS offered.
        case none
        /// STARTTLS offered (with the shared ``TestCertificates``); `required` refuses MAIL before it.
        case starttls(required: Bool)
        /// TLS from the first byte (smtps).
        case implicit
        /// STARTTLS with the certificate for the wrong host name.
        case starttlsWrongName
    }

    /// Where a 451 temporary failure is answered.
    package enum TemporaryFailure: String, Sendable {
        case none, rcpt, data
    }

    /// The server's behaviour.
    package struct Options: Sendable {
        package var tls: TLS
        /// AUTH user and password (AUTH is offered only after TLS).
        package var user: String?
        package var password: String?
        /// Refuse MAIL before AUTH (530).
        package var authRequired: Bool
        /// Recipients refused with `550 5.1.1 … unknown mailbox`.
        package var rejectedRecipients: [String]
        /// Recipients answered `451 4.2.0` the first time only; a retry is accepted.
        package var temporarilyRefusedOnce: [String] = []
        package var temporaryFailure: TemporaryFailure
        /// Listen on this port instead of a free one (for a server that comes up later on a known port).
        package var port: Int?
        /// Seconds the server waits before accepting each message (a slow server, for crash tests).
        package var delay: Double = 0
        /// Offer AUTH on an unencrypted connection too, so that a test can prove a client never uses it there.
        package var authWithoutTLS = false

        package init(
            tls: TLS = .none, user: String? = nil, password: String? = nil, authRequired: Bool = false,
            rejectedRecipients: [String] = [], temporaryFailure: TemporaryFailure = .none
        ) {
            self.tls = tls
            self.user = user
            self.password = password
            self.authRequired = authRequired
            self.rejectedRecipients = rejectedRecipients
            self.temporaryFailure = temporaryFailure
        }
    }

    /// The port the server listens on, on 127.0.0.1.
    package let port: Int
    private let process: LoopbackServerProcess

    /// Starts the server and waits (bounded) until it listens.
    package init(_ options: Options = Options()) throws {
        var arguments: [String] = ["--tempfail", options.temporaryFailure.rawValue]
        switch options.tls {
        case .none:
            break
        case .starttls(let required):
            let certificates = try TestCertificates.shared()
            arguments += ["--cert", certificates.serverCertificate, "--key", certificates.serverKey]
            if required { arguments.append("--require-starttls") }
        case .implicit:
            let certificates = try TestCertificates.shared()
            arguments += ["--cert", certificates.serverCertificate, "--key", certificates.serverKey, "--implicit-tls"]
        case .starttlsWrongName:
            let certificates = try TestCertificates.shared()
            arguments += ["--cert", certificates.wrongNameCertificate, "--key", certificates.wrongNameKey]
        }
        if let user = options.user, let password = options.password {
            arguments += ["--user", user, "--password", password]
            if options.authRequired { arguments.append("--auth-required") }
            if options.authWithoutTLS { arguments.append("--auth-without-tls") }
        }
        for recipient in options.rejectedRecipients { arguments += ["--reject", recipient] }
        for recipient in options.temporarilyRefusedOnce { arguments += ["--tempfail-once", recipient] }
        if let port = options.port { arguments += ["--port", String(port)] }
        if options.delay > 0 { arguments += ["--delay", String(options.delay)] }
        process = try LoopbackServerProcess(script: "smtp_server.py", arguments: arguments)
        port = process.port
    }

    /// The server's PID.
    package var pid: Int32 { process.pid }

    /// The messages received so far, in order.
    package func messages() throws -> [SMTPReceivedMessage] {
        try process.events().filter { $0.event == "message" }.map { event in
            SMTPReceivedMessage(
                mailFrom: event.mail_from ?? "", recipients: event.rcpt_tos ?? [],
                data: Array(Data(base64Encoded: event.data_b64 ?? "") ?? Data()), tls: event.tls ?? false,
                authenticatedUser: event.auth_user)
        }
    }

    /// Every AUTH the client attempted (right or wrong): the user, and whether the session was encrypted.
    package func authAttempts() throws -> [(user: String?, tls: Bool)] {
        try process.events().filter { $0.event == "auth" }.map { ($0.auth_user, $0.tls ?? false) }
    }

    /// How many TCP connections the server has accepted.
    package func connectionCount() throws -> Int {
        try process.connectionCount()
    }

    /// The most TCP connections that were open at the same time.
    package func maximumOpenConnections() throws -> Int {
        try process.maximumOpenConnections()
    }

    /// The server's stderr, for failure messages.
    package var standardError: String { process.standardError }

    /// Stops the server by PID. Also done on deinit.
    package func stop() {
        process.stop()
    }
}

/// A message as the SMTP server received it (after dot-unstuffing).
package struct SMTPReceivedMessage: Sendable, Equatable {
    package var mailFrom: String
    package var recipients: [String]
    /// The raw message bytes, exactly as sent between DATA and the final dot.
    package var data: [UInt8]
    /// Whether the session was encrypted (STARTTLS or implicit TLS).
    package var tls: Bool
    /// The AUTH user, if the client authenticated.
    package var authenticatedUser: String?
}
