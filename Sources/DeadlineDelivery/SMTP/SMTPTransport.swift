import CCurl
import DeadlineKit

/// Submits messages to one SMTP server over libcurl, up to ``connections`` at once, reusing each connection
/// between messages.
///
/// Each transport owns a small pool of dedicated threads (``CurlWorkerPool``), each with one libcurl easy handle
/// and so one connection; ``send(_:envelope:)`` hops to a free thread and back, so blocking network I/O never
/// occupies Swift's cooperative pool. Threads start as concurrent sends need them, so messages sent one after
/// another all go over one connection. A connection is reused (no new TCP/TLS handshake, no new AUTH) while it
/// is younger than ``SMTPServer/connectionReuseLimit``. Every recipient goes in one transaction with
/// `CURLOPT_MAIL_RCPT_ALLOWFAILS`, so one refused address does not stop the others.
///
/// libcurl performs SMTP dot-stuffing on upload (a body line starting with `.` is sent as `..` and arrives
/// intact) and ends the data with `CRLF.CRLF`: pass the message as rendered, CRLF line endings, unstuffed.
///
/// Use one transport per server and keep it for the life of the daemon; call ``shutdown()`` when stopping.
package final class SMTPTransport: Sendable {
    /// The server this transport submits to.
    package let server: SMTPServer
    private let url: String
    private let core: CurlTransport
    /// The most messages in flight at once, each on its own connection.
    package var connections: Int { core.workers.threadLimit }

    /// Largest message accepted for upload (25 MiB, a common server limit).
    package static let maximumMessageSize = 25 * 1024 * 1024

    /// Checks the settings and reads `caFile`. Nothing is sent and no thread runs yet.
    ///
    /// - Parameters:
    ///   - connections: how many messages may be in flight at once, each on a connection (and a thread) of its
    ///     own; at least 1.
    ///   - queueCapacity: how many ``send(_:envelope:)`` calls may wait for a free connection; more fail at
    ///     once as temporary failures.
    package init(server: SMTPServer, connections: Int = 1, queueCapacity: Int = 64) throws(DeliveryConfigurationError) {
        self.url = try server.url()
        var redactor = SecretRedactor()
        if let credentials = server.credentials {
            guard !credentials.password.bytes.contains(0), !credentials.password.bytes.isEmpty else {
                throw DeliveryConfigurationError(
                    setting: "password_file", problem: "the password is empty or contains a NUL byte")
            }
            guard !credentials.username.isEmpty, !credentials.username.utf8.contains(where: { $0 < 0x20 }) else {
                throw DeliveryConfigurationError(
                    setting: "username", problem: "the user name is empty or contains a control character")
            }
            redactor.add(String(decoding: credentials.password.bytes, as: UTF8.self))
        }
        self.server = server
        self.core = try CurlTransport(
            channel: server.channelName, host: server.hostAndPort, caFile: server.caFile, redactor: redactor,
            threadName: "deadlined-smtp", connections: connections, queueCapacity: queueCapacity,
            waiting: "messages are waiting for this server")
    }

    deinit {
        core.workers.shutdownWithoutWaiting()
    }

    /// Submits one message to every recipient of `envelope` and classifies the result.
    ///
    /// - Parameters:
    ///   - message: the complete RFC 5322 message, CRLF line endings (see ``EmailMessage/render()``).
    ///   - envelope: `MAIL FROM` and every `RCPT TO` (To, Cc and Bcc alike).
    /// - Returns: delivered (with the server's final reply, e.g. `250 2.0.0 Ok: queued as 4F2A1`, and any
    ///   recipients it refused), or a temporary or permanent failure. Cancelling the task aborts the transfer
    ///   and returns a temporary failure.
    package func send(_ message: [UInt8], envelope: SMTPEnvelope) async -> DeliveryOutcome {
        do {
            try envelope.validate()
        } catch {
            return core.permanent(error.description)
        }
        guard message.count <= Self.maximumMessageSize else {
            return core.permanent("the message has \(message.count) bytes, more than \(Self.maximumMessageSize)")
        }
        let job = SMTPTransferJob(
            server: server, url: url, trust: core.trust, redactor: core.redactor, message: message,
            envelope: envelope)
        return await core.run { easy, cancellation throws(CurlOptionError) in
            try job.run(on: easy, cancellation: cancellation)
        }
    }

    /// Renders `message` and submits it to its envelope (every To, Cc and Bcc address). A message that cannot
    /// be rendered (see ``MessageFormatError``) is a permanent failure of kind `configuration`.
    package func send(_ message: EmailMessage) async -> DeliveryOutcome {
        let bytes: [UInt8]
        do {
            bytes = try message.render()
        } catch {
            return core.permanent("the message cannot be rendered: \(error)")
        }
        return await send(bytes, envelope: message.envelope)
    }

    /// Lets queued messages finish, closes the connections (QUIT) and stops the threads.
    package func shutdown() async {
        await core.shutdown()
    }
}

/// Everything one SMTP transfer needs, handed to a worker thread.
struct SMTPTransferJob: Sendable {
    var server: SMTPServer
    var url: String
    var trust: TrustAnchors
    var redactor: SecretRedactor
    var message: [UInt8]
    var envelope: SMTPEnvelope

    /// Runs on a worker thread: performs the transfer (once more on a fresh connection if a reused one turned
    /// out to be dead before the message was sent) and classifies it.
    func run(on easy: CurlEasy, cancellation: CancellationFlag) throws(CurlOptionError) -> DeliveryOutcome {
        var attempt = try perform(on: easy, freshConnection: false, cancellation: cancellation)
        if Self.failedOnStaleConnection(attempt) {
            attempt = try perform(on: easy, freshConnection: true, cancellation: cancellation)
        }
        return SMTPClassifier.classify(
            attempt, channel: server.channelName, host: server.hostAndPort, redactor: redactor)
    }

    /// A reused connection that broke before `DATA`: nothing was delivered, so a fresh connection is safe.
    static func failedOnStaleConnection(_ attempt: SMTPAttempt) -> Bool {
        let broken = [CurlCode.sendError, CurlCode.receiveError, CurlCode.gotNothing, CurlCode.weirdServerReply]
        return attempt.newConnections == 0 && broken.contains(attempt.curlCode)
            && !attempt.transcript.contains { $0.command == .data }
            && !attempt.transcript.contains { $0.finalReply?.isPositive == false }
    }

    private func perform(
        on easy: CurlEasy, freshConnection: Bool, cancellation: CancellationFlag
    ) throws(CurlOptionError)
        -> SMTPAttempt
    {
        easy.reset()
        try easy.set(CURLOPT_URL, url, name: "CURLOPT_URL")
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps", name: "CURLOPT_PROTOCOLS_STR")
        let useSSL: curl_usessl
        switch server.security {
        case .starttls(.required), .implicitTLS: useSSL = CURLUSESSL_ALL
        // A password never goes out unencrypted: with credentials, "opportunistic" insists on STARTTLS, and a server
        // that does not offer it fails the delivery (CURLE_USE_SSL_FAILED) before AUTH is sent.
        case .starttls(.opportunistic): useSSL = server.credentials == nil ? CURLUSESSL_TRY : CURLUSESSL_ALL
        case .starttls(.off): useSSL = CURLUSESSL_NONE
        }
        try easy.set(CURLOPT_USE_SSL, Int(useSSL.rawValue), name: "CURLOPT_USE_SSL")
        try easy.applyTLS(trust)
        if let credentials = server.credentials {
            try easy.set(CURLOPT_USERNAME, credentials.username, name: "CURLOPT_USERNAME")
            let password = credentials.password.bytes + [0]
            let code = password.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { easy.setRaw(CURLOPT_PASSWORD, $0.baseAddress) }
            }
            guard code == CURLE_OK else { throw CurlOptionError(option: "CURLOPT_PASSWORD", code: code) }
        }
        try easy.applyTimeouts(connect: server.connectTimeout, total: server.totalTimeout)
        // Each reply, and above all the one to QUIT when the connection is closed (at a stop or reload, after a
        // timeout), which CURLOPT_TIMEOUT does not bound: without this, libcurl waits up to 120 s for a server that
        // has stopped answering.
        try easy.set(
            CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, Int((server.totalTimeout.wholeMilliseconds + 999) / 1000)),
            name: "CURLOPT_SERVER_RESPONSE_TIMEOUT")
        try easy.set(
            CURLOPT_MAXAGE_CONN, max(1, server.connectionReuseLimit.wholeMilliseconds / 1000),
            name: "CURLOPT_MAXAGE_CONN")
        try easy.set(CURLOPT_FRESH_CONNECT, freshConnection ? 1 : 0, name: "CURLOPT_FRESH_CONNECT")
        try easy.set(CURLOPT_MAIL_FROM, "<\(envelope.sender)>", name: "CURLOPT_MAIL_FROM")
        let recipients = CurlStringList(envelope.recipients.map { "<\($0)>" })
        try easy.set(CURLOPT_MAIL_RCPT, recipients, name: "CURLOPT_MAIL_RCPT")
        try easy.setMailRecipientsAllowFails(true)
        try easy.set(CURLOPT_UPLOAD, 1, name: "CURLOPT_UPLOAD")
        try easy.set(CURLOPT_INFILESIZE_LARGE, size: Int64(message.count), name: "CURLOPT_INFILESIZE_LARGE")
        let state = CurlTransferState(upload: message, cancellation: cancellation)
        try easy.install(state, read: true, write: false, header: false, debug: true)
        let code = withExtendedLifetime((recipients, state)) { easy.perform() }
        return SMTPAttempt(
            curlCode: Int(code.rawValue),
            curlMessage: code == CURLE_OK ? "" : redactor.redact(easy.errorMessage(for: code)),
            transcript: state.transcript.exchanges, newConnections: easy.newConnections, security: server.security)
    }
}
