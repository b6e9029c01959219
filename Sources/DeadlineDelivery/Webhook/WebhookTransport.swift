import CCurl
import Platform

/// POSTs webhooks to one endpoint over libcurl, up to ``connections`` at once, keeping each connection alive
/// between requests.
///
/// Like ``SMTPTransport``, it owns a small pool of dedicated threads (``CurlWorkerPool``), each with one libcurl
/// easy handle, so consecutive requests on a thread reuse its connection (HTTP/1.1 keep-alive, one TLS
/// handshake); threads start as concurrent requests need them. Each request is signed per
/// Standard Webhooks when the endpoint has a key. Use one transport per endpoint for the life of the daemon;
/// call ``shutdown()`` when stopping.
package final class WebhookTransport: Sendable {
    /// The endpoint this transport posts to.
    package let endpoint: WebhookEndpoint
    private let url: WebhookURL
    private let headerLines: [String]
    private let core: CurlTransport
    /// The most requests in flight at once, each on its own connection.
    package var connections: Int { core.workers.threadLimit }

    /// Largest body accepted (1 MiB; the spec recommends staying under 20 KiB).
    package static let maximumBodySize = 1024 * 1024

    /// Checks the settings and reads `caFile`. Nothing is sent and no thread runs yet.
    ///
    /// - Parameters:
    ///   - connections: how many requests may be in flight at once, each on a connection (and a thread) of its
    ///     own; at least 1.
    ///   - queueCapacity: how many ``send(_:)`` calls may wait for a free connection; more fail at once as
    ///     temporary failures.
    package init(
        endpoint: WebhookEndpoint, connections: Int = 1, queueCapacity: Int = 64
    ) throws(DeliveryConfigurationError) {
        let url = try WebhookURL(endpoint.url)
        self.url = url
        self.headerLines = try endpoint.staticHeaderLines()
        var redactor = SecretRedactor(url.secrets)
        for header in endpoint.headers where header.value.utf8.count >= 6 {
            redactor.add(header.value)
            // `Bearer <token>`: the token alone, too.
            if let space = header.value.lastIndex(of: " ") {
                let token = String(header.value[space...].dropFirst())
                if token.utf8.count >= 6 { redactor.add(token) }
            }
        }
        self.endpoint = endpoint
        self.core = try CurlTransport(
            channel: endpoint.channelName, host: url.hostAndPort, caFile: endpoint.caFile, redactor: redactor,
            threadName: "deadlined-http", connections: connections, queueCapacity: queueCapacity,
            waiting: "requests are waiting for this endpoint")
    }

    deinit {
        core.workers.shutdownWithoutWaiting()
    }

    /// `host:port` of the endpoint, as errors show it.
    package var hostAndPort: String { url.hostAndPort }

    /// POSTs one request and classifies the answer. Cancelling the task aborts the transfer (temporary failure).
    package func send(_ request: WebhookRequest) async -> DeliveryOutcome {
        do {
            try request.validate()
        } catch {
            return core.permanent(error.description)
        }
        guard request.body.count <= Self.maximumBodySize else {
            return core.permanent("the body has \(request.body.count) bytes, more than \(Self.maximumBodySize)")
        }
        let job = WebhookTransferJob(
            endpoint: endpoint, url: url, headerLines: headerLines, trust: core.trust, redactor: core.redactor,
            request: request)
        return await core.run { easy, cancellation throws(CurlOptionError) in
            try job.run(on: easy, cancellation: cancellation)
        }
    }

    /// Lets queued requests finish, closes the connections and stops the threads.
    package func shutdown() async {
        await core.shutdown()
    }
}

/// Everything one webhook transfer needs, handed to a worker thread.
struct WebhookTransferJob: Sendable {
    var endpoint: WebhookEndpoint
    var url: WebhookURL
    var headerLines: [String]
    var trust: TrustAnchors
    var redactor: SecretRedactor
    var request: WebhookRequest

    /// Runs on a worker thread: posts the request and classifies the answer.
    func run(on easy: CurlEasy, cancellation: CancellationFlag) throws(CurlOptionError) -> DeliveryOutcome {
        let attempt = try perform(on: easy, cancellation: cancellation)
        return WebhookClassifier.classify(
            attempt, channel: endpoint.channelName, host: url.hostAndPort, redactor: redactor)
    }

    private func perform(on easy: CurlEasy, cancellation: CancellationFlag) throws(CurlOptionError) -> HTTPAttempt {
        let timestamp = request.timestampUnixSeconds ?? WallClock.seconds()
        var lines = headerLines
        lines.append("webhook-id: \(request.id)")
        lines.append("webhook-timestamp: \(timestamp)")
        if let key = endpoint.signingKey {
            lines.append(
                "webhook-signature: \(key.signature(id: request.id, timestamp: timestamp, body: request.body))")
        }
        let headers = CurlStringList(lines)

        easy.reset()
        try easy.set(CURLOPT_URL, url.text, name: "CURLOPT_URL")
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https", name: "CURLOPT_PROTOCOLS_STR")
        try easy.set(
            CURLOPT_REDIR_PROTOCOLS_STR, url.scheme == "https" ? "https" : "http,https",
            name: "CURLOPT_REDIR_PROTOCOLS_STR")
        try easy.set(CURLOPT_FOLLOWLOCATION, endpoint.followRedirects ? 1 : 0, name: "CURLOPT_FOLLOWLOCATION")
        try easy.set(CURLOPT_MAXREDIRS, 5, name: "CURLOPT_MAXREDIRS")
        try easy.set(
            CURLOPT_POSTREDIR, Int(CURL_REDIR_POST_301 | CURL_REDIR_POST_302), name: "CURLOPT_POSTREDIR")
        try easy.applyTLS(trust)
        if let proxy = endpoint.proxy {
            try easy.set(CURLOPT_PROXY, proxy, name: "CURLOPT_PROXY")
        }
        try easy.applyTimeouts(connect: endpoint.connectTimeout, total: endpoint.totalTimeout)
        try easy.set(CURLOPT_USERAGENT, "deadlined", name: "CURLOPT_USERAGENT")
        try easy.set(CURLOPT_HTTPHEADER, headers, name: "CURLOPT_HTTPHEADER")
        try easy.set(CURLOPT_POST, 1, name: "CURLOPT_POST")
        try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, size: Int64(request.body.count), name: "CURLOPT_POSTFIELDSIZE_LARGE")
        try easy.setCopiedPostFields(request.body)
        let state = CurlTransferState(cancellation: cancellation)
        try easy.install(state, read: false, write: true, header: true, debug: false)
        let code = withExtendedLifetime((headers, state)) { easy.perform() }
        return HTTPAttempt(
            curlCode: Int(code.rawValue),
            curlMessage: code == CURLE_OK ? "" : redactor.redact(easy.errorMessage(for: code)),
            status: easy.responseCode, headerLines: state.headerLines, body: state.body,
            newConnections: easy.newConnections, nowUnixSeconds: WallClock.seconds())
    }
}
