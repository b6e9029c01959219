/// What happened to one delivery attempt on one channel.
///
/// Channels never throw for delivery problems: they classify every result into one of three cases, as
/// Alertmanager's notifiers say whether a failure is retryable. The scheduler retries
/// ``temporaryFailure(_:retryAfter:)`` with backoff (no sooner than `retryAfter` when the server asked for it) and
/// gives up on ``permanentFailure(_:)``, which needs an administrator.
package enum DeliveryOutcome: Sendable, Equatable {
    /// The server accepted the message; the receipt carries its answer.
    case delivered(DeliveryReceipt)
    /// Worth retrying later: the server or the network may recover. `retryAfter` is the delay the server asked for
    /// (HTTP `Retry-After`), if any.
    case temporaryFailure(DeliveryError, retryAfter: Duration?)
    /// Retrying the same request cannot succeed until something is changed: configuration, address, credentials.
    case permanentFailure(DeliveryError)

    /// The receipt, when delivered.
    package var receipt: DeliveryReceipt? {
        if case .delivered(let receipt) = self { return receipt }
        return nil
    }

    /// The error, when the delivery failed either way.
    package var error: DeliveryError? {
        switch self {
        case .delivered: return nil
        case .temporaryFailure(let error, _), .permanentFailure(let error): return error
        }
    }

    /// `true` for ``temporaryFailure(_:retryAfter:)``.
    package var isTemporaryFailure: Bool {
        if case .temporaryFailure = self { return true }
        return false
    }

    /// `true` for ``permanentFailure(_:)``.
    package var isPermanentFailure: Bool {
        if case .permanentFailure = self { return true }
        return false
    }
}

/// The server's answer to a delivered message.
package struct DeliveryReceipt: Sendable, Equatable {
    /// The channel that delivered it, e.g. `smtp` or `webhook`.
    package var channel: String
    /// `host:port` of the server.
    package var host: String
    /// The server's final answer: the SMTP reply to the message (`250 2.0.0 Ok: queued as 4F2A1`) or the HTTP
    /// status line with a short body excerpt (`200 OK: {"ok":true}`). Secret-free.
    package var response: String
    /// The SMTP reply code or HTTP status code of ``response``.
    package var statusCode: Int
    /// SMTP only: the recipients the server accepted, in the order given.
    package var acceptedRecipients: [String]
    /// SMTP only: the recipients the server refused while accepting the others, with its reasons.
    /// Empty when everyone was accepted.
    package var rejectedRecipients: [RecipientRejection]
    /// How many new connections the transfer opened: `0` when an existing connection was reused.
    package var newConnections: Int

    /// Creates a receipt; transports fill it in.
    package init(
        channel: String, host: String, response: String, statusCode: Int,
        acceptedRecipients: [String] = [], rejectedRecipients: [RecipientRejection] = [], newConnections: Int
    ) {
        self.channel = channel
        self.host = host
        self.response = response
        self.statusCode = statusCode
        self.acceptedRecipients = acceptedRecipients
        self.rejectedRecipients = rejectedRecipients
        self.newConnections = newConnections
    }
}

/// One recipient an SMTP server refused while the message went to the others.
package struct RecipientRejection: Sendable, Equatable, CustomStringConvertible {
    /// The refused address, as given in the envelope.
    package var address: String
    /// The server's reply to `RCPT TO`, e.g. `550 5.1.1 <x@example.org>: unknown mailbox`.
    package var reply: String
    /// The reply code, e.g. `550`.
    package var code: Int

    /// `true` for a 4xx reply: this recipient may accept the message later, so resending to it alone is worth it.
    package var isTemporary: Bool { (400..<500).contains(code) }

    /// Creates a rejection record.
    package init(address: String, reply: String, code: Int) {
        self.address = address
        self.reply = reply
        self.code = code
    }

    /// `x@example.org: 550 5.1.1 unknown mailbox`.
    package var description: String { "\(address): \(reply)" }
}
