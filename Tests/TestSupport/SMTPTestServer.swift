import Foundation

/// A real SMTP server (aiosmtpd) on 127.0.0.1 for one test: `Tests/Servers/smtp_server.py`.
///
/// ```swift
/// let server = try SMTPTestServer(.init(tls: .starttls(required: true), user: "u", password: "p"))
/// defer { server.stop() }
/// // … send to 127.0.0.1:server.port …
/// let messages = try server.messages()
/// ```
public final class SMTPTestServer: Sendable {
    /// How the server offers TLS.
    public enum TLS: Sendable {
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
    public enum TemporaryFailure: String, Sendable {
        case none, rcpt, data
    }

    /// The server's behaviour.
    public struct Options: Sendable {
        public var tls: TLS
        /// AUTH user and password (AUTH is offered only after TLS).
        public var user: String?
        public var password: String?
        /// Refuse MAIL before AUTH (530).
        public var authRequired: Bool
        /// Recipients refused with `550 5.1.1 … unknown mailbox`.
        public var rejectedRecipients: [String]
        /// Recipients answered `451 4.2.0` the first time only; a retry is accepted.
        public var temporarilyRefusedOnce: [String] = []
        public var temporaryFailure: TemporaryFailure
        /// Listen on this port instead of a free one (for a server that comes up later on a known port).
        public var port: Int?
        /// Seconds the server waits before accepting each message (a slow server, for crash tests).
        public var delay: Double = 0
        /// Offer AUTH on an unencrypted connection too, so that a test can prove a client never uses it there.
        public var authWithoutTLS = false

        public init(
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
    public let port: Int
    private let process: LoopbackServerProcess

    /// Starts the server and waits (bounded) until it listens.
    public init(_ options: Options = Options()) throws {
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
    public var pid: Int32 { process.pid }

    /// The messages received so far, in order.
    public func messages() throws -> [SMTPReceivedMessage] {
        try process.events().filter { $0.event == "message" }.map { event in
            SMTPReceivedMessage(
                mailFrom: event.mail_from ?? "", recipients: event.rcpt_tos ?? [],
                data: Array(Data(base64Encoded: event.data_b64 ?? "") ?? Data()), tls: event.tls ?? false,
                authenticatedUser: event.auth_user)
        }
    }

    /// Every AUTH the client attempted (right or wrong): the user, and whether the session was encrypted.
    public func authAttempts() throws -> [(user: String?, tls: Bool)] {
        try process.events().filter { $0.event == "auth" }.map { ($0.auth_user, $0.tls ?? false) }
    }

    /// How many TCP connections the server has accepted.
    public func connectionCount() throws -> Int {
        try process.connectionCount()
    }

    /// The most TCP connections that were open at the same time.
    public func maximumOpenConnections() throws -> Int {
        try process.maximumOpenConnections()
    }

    /// The server's stderr, for failure messages.
    public var standardError: String { process.standardError }

    /// Stops the server by PID. Also done on deinit.
    public func stop() {
        process.stop()
    }
}

/// A message as the SMTP server received it (after dot-unstuffing).
public struct SMTPReceivedMessage: Sendable, Equatable {
    public var mailFrom: String
    public var recipients: [String]
    /// The raw message bytes, exactly as sent between DATA and the final dot.
    public var data: [UInt8]
    /// Whether the session was encrypted (STARTTLS or implicit TLS).
    public var tls: Bool
    /// The AUTH user, if the client authenticated.
    public var authenticatedUser: String?
}
