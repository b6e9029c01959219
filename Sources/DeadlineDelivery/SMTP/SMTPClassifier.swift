import DeadlineKit
/// What one SMTP transfer produced, before classification: libcurl's result and the reply transcript.
struct SMTPAttempt: Sendable, Equatable {
    /// libcurl's result code (``CurlCode``).
    var curlCode: Int
    /// libcurl's error message, already redacted.
    var curlMessage: String
    /// The commands sent and the replies received (credentials never recorded).
    var transcript: [SMTPExchange]
    /// `CURLINFO_NUM_CONNECTS`: `0` when the transfer reused a connection.
    var newConnections: Int
    /// The security setting the transfer used (for STARTTLS hints).
    var security: SMTPSecurity
}

/// Turns an ``SMTPAttempt`` into a ``DeliveryOutcome``. Pure: no I/O, same input, same answer.
///
/// Reply codes decide first, since they say what the server meant: 2xx/3xx go on, 4xx are temporary, 5xx
/// permanent. libcurl's result code decides when no reply explains the failure (connection, TLS, timeout).
/// A message accepted for some recipients is ``DeliveryOutcome/delivered(_:)``, with the refused ones (and the
/// server's reasons) in ``DeliveryReceipt/rejectedRecipients``.
enum SMTPClassifier {
    static func classify(
        _ attempt: SMTPAttempt, channel: String, host: String, redactor: SecretRedactor
    )
        -> DeliveryOutcome
    {
        let transcript = attempt.transcript
        func redacted(_ reply: SMTPReply) -> String { redactor.redact(reply.description) }
        func failure(_ kind: DeliveryError.Kind, _ cause: String, temporary: Bool) -> DeliveryOutcome {
            let error = DeliveryError(channel: channel, host: host, kind: kind, cause: cause)
            return temporary ? .temporaryFailure(error, retryAfter: nil) : .permanentFailure(error)
        }

        let recipients = transcript.recipientReplies
        let accepted = recipients.filter { $0.reply?.isPositive == true }.map(\.address)
        let rejected = recipients.compactMap { entry -> RecipientRejection? in
            guard let reply = entry.reply, !reply.isPositive else { return nil }
            return RecipientRejection(address: entry.address, reply: redacted(reply), code: reply.code)
        }

        if attempt.curlCode == CurlCode.ok {
            let reply = transcript.messageReply
            return .delivered(
                DeliveryReceipt(
                    channel: channel, host: host, response: reply.map(redacted) ?? "250 (no reply text recorded)",
                    statusCode: reply?.code ?? 250, acceptedRecipients: accepted, rejectedRecipients: rejected,
                    newConnections: attempt.newConnections))
        }

        // The exchange libcurl stopped on, ignoring the RSET/QUIT it may send while cleaning up.
        let stop = transcript.last { exchange in
            switch exchange.command {
            case .reset, .quit: return false
            default: return true
            }
        }
        if let stop, let reply = stop.finalReply, !reply.isPositive {
            let text = redacted(reply)
            let temporary = reply.isTransient
            if reply.code == 421 {
                return failure(.serverUnavailable, "the server is closing the connection: \(text)", temporary: true)
            }
            switch stop.command {
            case .greeting:
                return failure(.serverUnavailable, "the server refused the connection: \(text)", temporary: temporary)
            case .hello:
                return failure(.protocolError, "the server refused EHLO: \(text)", temporary: temporary)
            case .starttls:
                return failure(.tlsHandshakeFailed, "the server could not start TLS: \(text)", temporary: temporary)
            case .auth, .authContinuation:
                let remedy = temporary ? "" : ": check username and password_file"
                return failure(
                    .authenticationFailed, "the server rejected the username or password (\(text))\(remedy)",
                    temporary: temporary)
            case .mailFrom(let sender):
                let remedy =
                    reply.code == 530
                    ? ": the server requires authentication; set username and password_file"
                    : temporary ? "" : ": use a sender address this server accepts (from)"
                return failure(
                    .senderRejected, "the server refused the sender <\(sender)>: \(text)\(remedy)",
                    temporary: temporary)
            case .recipient:
                let list = rejected.map(\.description).joined(separator: "; ")
                return failure(
                    .recipientsRejected, "the server refused every recipient: \(list)",
                    temporary: rejected.contains { $0.isTemporary })
            case .data:
                let cause =
                    temporary
                    ? "the server did not accept the message for now: \(text)"
                    : "the server refused the message: \(text)"
                return failure(.messageRejected, cause, temporary: temporary)
            case .reset, .quit, .other:
                break
            }
        }

        if attempt.curlCode == CurlCode.useSSLFailed, attempt.security == .starttls(.opportunistic) {
            return failure(
                .starttlsUnavailable,
                "the server does not offer STARTTLS, and deadlined never sends the password unencrypted: nothing was"
                    + " sent. Enable STARTTLS on the server, use smtps (implicit TLS, usually port 465), or remove"
                    + " username and password_file if the server needs no login",
                temporary: false)
        }
        if attempt.curlCode == CurlCode.useSSLFailed {
            return failure(
                .starttlsUnavailable,
                "the server does not offer STARTTLS, which starttls = \"required\" demands: use smtps (implicit"
                    + " TLS, usually port 465) if the server offers it, or set starttls = \"opportunistic\" only if"
                    + " the network path to the server is trusted",
                temporary: false)
        }
        if let failure = CurlFailure(code: attempt.curlCode, message: attempt.curlMessage) {
            return .failure(failure, channel: channel, host: host)
        }
        return failure(.unknown, "the transfer failed without a reason", temporary: true)
    }
}
