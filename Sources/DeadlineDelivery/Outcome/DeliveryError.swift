/// Why a delivery failed, in words an administrator can act on.
///
/// The text names the channel, the server's `host:port` and the cause with a remedy where there is one, e.g.
/// `smtp mail.hanoi.gov.vn:587: the server's certificate is not trusted (unable to get local issuer certificate):
/// add its CA with ca_file`. It never contains a password, token, URL path or query: transports pass every text
/// from libcurl or the server through a redactor before it lands here.
public struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The channel, e.g. `smtp` or `webhook` (or the name the caller gave the transport).
    public var channel: String
    /// `host:port` of the server; never a URL path, query or user name.
    public var host: String
    /// What went wrong and, where possible, what to do about it.
    public var cause: String
    /// A machine-readable category, for tests, metrics and the scheduler.
    public var kind: Kind

    /// Creates an error; `cause` must already be secret-free.
    public init(channel: String, host: String, kind: Kind, cause: String) {
        self.channel = channel
        self.host = host
        self.kind = kind
        self.cause = cause
    }

    /// `channel host: cause`.
    public var description: String { "\(channel) \(host): \(cause)" }

    /// A growable set of failure categories (a struct wrapping a private enum, as swift-nio's `FileSystemError.Code`).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case configuration, resolveFailed, connectionFailed, timedOut, connectionLost
            case tlsHandshakeFailed, certificateRejected, starttlsUnavailable, authenticationFailed
            case senderRejected, recipientsRejected, messageRejected, serverUnavailable
            case httpStatus, redirectNotFollowed, cancelled, queueFull, protocolError, unknown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The transport's own settings are unusable (bad URL, unreadable `ca_file`, header with CR/LF).
        public static let configuration = Kind(.configuration)
        /// The host name could not be resolved.
        public static let resolveFailed = Kind(.resolveFailed)
        /// Nothing accepted the TCP connection (refused, unreachable).
        public static let connectionFailed = Kind(.connectionFailed)
        /// A connect or total timeout ran out.
        public static let timedOut = Kind(.timedOut)
        /// The connection broke while sending or receiving.
        public static let connectionLost = Kind(.connectionLost)
        /// The TLS handshake did not complete (not a certificate problem).
        public static let tlsHandshakeFailed = Kind(.tlsHandshakeFailed)
        /// The server's certificate failed verification: untrusted, wrong name, expired.
        public static let certificateRejected = Kind(.certificateRejected)
        /// STARTTLS was required and the server does not offer it.
        public static let starttlsUnavailable = Kind(.starttlsUnavailable)
        /// The server refused the credentials.
        public static let authenticationFailed = Kind(.authenticationFailed)
        /// The SMTP server refused `MAIL FROM`.
        public static let senderRejected = Kind(.senderRejected)
        /// The SMTP server refused every recipient.
        public static let recipientsRejected = Kind(.recipientsRejected)
        /// The SMTP server refused the message itself (after `DATA`).
        public static let messageRejected = Kind(.messageRejected)
        /// The server said it cannot serve now: SMTP 421, HTTP 503 and the like.
        public static let serverUnavailable = Kind(.serverUnavailable)
        /// An HTTP status that is not success (see the cause for which).
        public static let httpStatus = Kind(.httpStatus)
        /// The HTTP server answered with a redirect and following redirects is off.
        public static let redirectNotFollowed = Kind(.redirectNotFollowed)
        /// The caller's task was cancelled (shutdown) while the transfer was running or queued.
        public static let cancelled = Kind(.cancelled)
        /// The transport's bounded queue was full or the transport was shut down.
        public static let queueFull = Kind(.queueFull)
        /// The server answered something the protocol does not allow.
        public static let protocolError = Kind(.protocolError)
        /// Anything else; treated as temporary.
        public static let unknown = Kind(.unknown)

        /// The category's name, e.g. `certificateRejected`.
        public var description: String { base.rawValue }
    }
}

/// A transport's settings cannot be used: thrown by transport initialisers and message renderers, before any
/// network traffic. The message says which setting and why; it never contains a secret's value.
public struct DeliveryConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting or field at fault, e.g. `url`, `ca_file`, `header "X-Api-Key"`.
    public var setting: String
    /// What is wrong with it and how to fix it.
    public var problem: String

    /// Creates an error; `problem` must not quote secret values.
    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    /// `setting: problem`.
    public var description: String { "\(setting): \(problem)" }
}
