/// Why a delivery failed, in words an administrator can act on.
///
/// The text names the channel, the server's `host:port` and the cause with a remedy where there is one, e.g.
/// `smtp mail.hanoi.gov.vn:587: the server's certificate is not trusted (unable to get local issuer certificate):
/// add its CA with ca_file`. It never contains a password, token, URL path or query: transports pass every text
/// from libcurl or the server through a redactor before it lands here.
package struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The channel, e.g. `smtp` or `webhook` (or the name the caller gave the transport).
    package var channel: String
    /// `host:port` of the server; never a URL path, query or user name.
    package var host: String
    /// What went wrong and, where possible, what to do about it.
    package var cause: String
    /// A machine-readable category, for tests, metrics and the scheduler.
    package var kind: Kind

    /// Creates an error; `cause` must already be secret-free.
    package init(channel: String, host: String, kind: Kind, cause: String) {
        self.channel = channel
        self.host = host
        self.kind = kind
        self.cause = cause
    }

    /// `channel host: cause`.
    package var description: String { "\(channel) \(host): \(cause)" }

    /// A growable set of failure categories (a struct wrapping a private enum, as swift-nio's `FileSystemError.Code`).
    package struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case configuration, resolveFailed, connectionFailed, timedOut, connectionLost
            case tlsHandshakeFailed, certificateRejected, starttlsUnavailable, authenticationFailed
            case senderRejected, recipientsRejected, messageRejected, serverUnavailable
            case httpStatus, redirectNotFollowed, cancelled, queueFull, protocolError, unknown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The transport's own settings are unusable (bad URL, unreadable `ca_file`, header with CR/LF).
        package static let configuration = Kind(.configuration)
        /// The host name could not be resolved.
        package static let resolveFailed = Kind(.resolveFailed)
        /// Nothing accepted the TCP connection (refused, unreachable).
        package static let connectionFailed = Kind(.connectionFailed)
        /// A connect or total timeout ran out.
        package static let timedOut = Kind(.timedOut)
        /// The connection broke while sending or receiving.
        package static let connectionLost = Kind(.connectionLost)
        /// The TLS handshake did not complete (not a certificate problem).
        package static let tlsHandshakeFailed = Kind(.tlsHandshakeFailed)
        /// The server's certificate failed verification: untrusted, wrong name, expired.
        package static let certificateRejected = Kind(.certificateRejected)
        /// STARTTLS was required and the server does not offer it.
        package static let starttlsUnavailable = Kind(.starttlsUnavailable)
        /// The server refused the credentials.
        package static let authenticationFailed = Kind(.authenticationFailed)
        /// The SMTP server refused `MAIL FROM`.
        package static let senderRejected = Kind(.senderRejected)
        /// The SMTP server refused every recipient.
        package static let recipientsRejected = Kind(.recipientsRejected)
        /// The SMTP server refused the message itself (after `DATA`).
        package static let messageRejected = Kind(.messageRejected)
        /// The server said it cannot serve now: SMTP 421, HTTP 503 and the like.
        package static let serverUnavailable = Kind(.serverUnavailable)
        /// An HTTP status that is not success (see the cause for which).
        package static let httpStatus = Kind(.httpStatus)
        /// The HTTP server answered with a redirect and following redirects is off.
        package static let redirectNotFollowed = Kind(.redirectNotFollowed)
        /// The caller's task was cancelled (shutdown) while the transfer was running or queued.
        package static let cancelled = Kind(.cancelled)
        /// The transport's bounded queue was full or the transport was shut down.
        package static let queueFull = Kind(.queueFull)
        /// The server answered something the protocol does not allow.
        package static let protocolError = Kind(.protocolError)
        /// Anything else; treated as temporary.
        package static let unknown = Kind(.unknown)

        /// The category's name, e.g. `certificateRejected`.
        package var description: String { base.rawValue }
    }
}

/// A transport's settings cannot be used: thrown by transport initialisers and message renderers, before any
/// network traffic. The message says which setting and why; it never contains a secret's value.
package struct DeliveryConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting or field at fault, e.g. `url`, `ca_file`, `header "X-Api-Key"`.
    package var setting: String
    /// What is wrong with it and how to fix it.
    package var problem: String

    /// Creates an error; `problem` must not quote secret values.
    package init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    /// `setting: problem`.
    package var description: String { "\(setting): \(problem)" }
}
