import CCurl

/// What every transport over libcurl shares, written once: the worker threads and their bounded queue, the trust
/// anchors and the TLS settings, the redactor, the timeouts, and the shape of one transfer on a worker thread
/// (no handle, cancelled before it began, an option libcurl refused). ``SMTPTransport`` and ``WebhookTransport``
/// add only what their protocol needs.
struct CurlTransport: Sendable {
    /// The channel's name and `host:port`, as every ``DeliveryError`` names them.
    let channel: String
    let host: String
    let trust: TrustAnchors
    let redactor: SecretRedactor
    let workers: CurlWorkerPool
    /// What waits in the queue, for the error when it is full: `messages are waiting for this server`.
    let waiting: String

    /// Reads `caFile` (if any) and sets up a pool of at most `connections` threads. Nothing runs yet.
    init(
        channel: String, host: String, caFile: String?, redactor: SecretRedactor, threadName: String,
        connections: Int, queueCapacity: Int, waiting: String
    ) throws(DeliveryConfigurationError) {
        self.channel = channel
        self.host = host
        self.trust =
            try caFile.map { path throws(DeliveryConfigurationError) in try TrustAnchors.adding(caFile: path) }
            ?? .system
        self.redactor = redactor
        self.workers = CurlWorkerPool(name: threadName, threads: max(1, connections), capacity: queueCapacity)
        self.waiting = waiting
    }

    /// A failure that sending again cannot mend: the message, the request or the settings are at fault.
    func permanent(_ cause: String) -> DeliveryOutcome {
        .permanentFailure(DeliveryError(channel: channel, host: host, kind: .configuration, cause: cause))
    }

    /// Runs `transfer` on a free worker thread's handle and returns its outcome; a full queue (or a transport shut
    /// down) is a temporary failure at once. Cancelling the calling task aborts the transfer.
    func run(
        _ transfer: @escaping @Sendable (CurlEasy, CancellationFlag) throws(CurlOptionError) -> DeliveryOutcome
    )
        async -> DeliveryOutcome
    {
        let cancellation = CancellationFlag()
        let (channel, host, waiting) = (self.channel, self.host, self.waiting)
        return await workers.run(cancellation: cancellation) {
            .temporaryFailure(
                DeliveryError(
                    channel: channel, host: host, kind: .queueFull,
                    cause: "too many \(waiting), or the transport was shut down"),
                retryAfter: nil)
        } _: { easy in
            Self.attempt(on: easy, channel: channel, host: host, cancellation: cancellation, transfer)
        }
    }

    /// One transfer on a worker thread: no handle or a cancelled task is a temporary failure; an option libcurl
    /// refuses is a permanent one (this libcurl cannot do what the settings ask).
    static func attempt(
        on easy: CurlEasy?, channel: String, host: String, cancellation: CancellationFlag,
        _ transfer: (CurlEasy, CancellationFlag) throws(CurlOptionError) -> DeliveryOutcome
    ) -> DeliveryOutcome {
        guard let easy else {
            return .temporaryFailure(
                DeliveryError(channel: channel, host: host, kind: .unknown, cause: "libcurl could not be initialised"),
                retryAfter: nil)
        }
        guard !cancellation.isCancelled else {
            return .temporaryFailure(
                DeliveryError(channel: channel, host: host, kind: .cancelled, cause: "cancelled before sending"),
                retryAfter: nil)
        }
        do {
            return try transfer(easy, cancellation)
        } catch {
            return .permanentFailure(
                DeliveryError(
                    channel: channel, host: host, kind: .configuration,
                    cause: "libcurl \(CurlGlobal.versionString) refused \(error.option): \(error.message)"))
        }
    }

    /// Lets queued transfers finish, closes the connections and stops the threads.
    func shutdown() async {
        await workers.shutdown()
    }
}

extension CurlEasy {
    /// The TLS every transport insists on, in one place: the peer's certificate verified against `trust` and its
    /// name against the host, TLS 1.2 at least.
    func applyTLS(_ trust: TrustAnchors) throws(CurlOptionError) {
        try set(CURLOPT_SSL_VERIFYPEER, 1, name: "CURLOPT_SSL_VERIFYPEER")
        try set(CURLOPT_SSL_VERIFYHOST, 2, name: "CURLOPT_SSL_VERIFYHOST")
        try set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2), name: "CURLOPT_SSLVERSION")
        if let bundle = trust.bundle {
            try set(CURLOPT_CAINFO_BLOB, blob: bundle, name: "CURLOPT_CAINFO_BLOB")
        }
    }

    /// The connect and whole-transfer limits, and TCP keep-alive on the kept connection.
    func applyTimeouts(connect: Duration, total: Duration) throws(CurlOptionError) {
        try set(CURLOPT_CONNECTTIMEOUT_MS, connect.wholeMilliseconds, name: "CURLOPT_CONNECTTIMEOUT_MS")
        try set(CURLOPT_TIMEOUT_MS, total.wholeMilliseconds, name: "CURLOPT_TIMEOUT_MS")
        try set(CURLOPT_TCP_KEEPALIVE, 1, name: "CURLOPT_TCP_KEEPALIVE")
    }
}

extension Duration {
    /// The duration in whole milliseconds, at least 1 for a positive duration, clamped to `Int` range.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        if millis <= 0 { return 0 }
        return Int(min(max(millis.rounded(.up), 1), Double(Int32.max)))
    }
}
