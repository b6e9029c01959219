import Logging
import PostgresNIO

/// One connection to the ledger's PostgreSQL database: opened when first needed, used by one caller (one
/// transaction) at a time, and opened again after it breaks.
///
/// Why one connection and not PostgresNIO's pool (`PostgresClient`): a daemon runs one scheduler loop, a lease
/// renewer and its heartbeat, so it never needs two connections for queries at once (`LISTEN` has its own, see
/// ``PostgresChangeFeed``); and during an outage the pool holds each query for up to a minute before it fails
/// and retries on its own schedule, whereas the daemon must fail fast, log the outage once, and learn at once
/// when the server is back.
///
/// After a failure to connect it waits before trying again: 0.5 s, doubling up to ``maximumBackoffSeconds``;
/// calls made before the next try fail at once with ``StoreError/Code/unavailable``. The outage and the
/// reconnection are logged once each (journald under the daemon).
actor PostgresLink {
    /// The longest wait between two attempts to connect.
    static let maximumBackoffSeconds = 10.0

    let configuration: PostgresLedgerConfiguration
    /// For queries and PostgresNIO's own background messages: only its errors are worth a journal line.
    nonisolated let queryLogger: Logger
    private let logger: Logger
    private let settings: PostgresConnection.Configuration
    private var connection: PostgresConnection?
    private var connectionCount = 0
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var outage: Outage?
    private var closed = false

    /// Since when the server cannot be reached, and when to try again.
    private struct Outage {
        let since: ContinuousClock.Instant
        var failures: Int
        var retryAt: ContinuousClock.Instant
        var reason: String
    }

    init(configuration: PostgresLedgerConfiguration, logger: Logger) throws(StoreError) {
        self.configuration = configuration
        self.logger = logger
        var quiet = logger
        quiet.logLevel = .error
        queryLogger = quiet
        settings = try configuration.connectionConfiguration()
    }

    deinit {
        // A ledger dropped without close(): close the connection, keeping it alive until it is closed.
        if let connection {
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    /// How long one operation may go unanswered before the connection is given up (``GuardedQuery``): above the
    /// server's `statement_timeout` (60 s), so that a slow statement is reported by the server first.
    static let operationLimit = Duration.seconds(75)

    /// Runs `body` with the connection, alone; maps every error to a ``StoreError``. An operation that gets no
    /// answer (the connection closed under it, or `limit` passed) is given up and reported as unavailable.
    func run<T: Sendable>(
        limit: Duration = operationLimit, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        await acquire()
        defer { release() }
        let connection = try await connected()
        do {
            return try await GuardedQuery.run(on: connection, limit: limit, body)
        } catch {
            let failure = PostgresFailure(error, database: configuration.displayName)
            if failure.connectionLost || connection.isClosed { lost(connection, reason: failure.error.message) }
            throw failure.error
        }
    }

    /// Runs `body` in one transaction (`BEGIN` ... `COMMIT`, `ROLLBACK` if it throws), at READ COMMITTED.
    func transaction<T: Sendable>(
        limit: Duration = operationLimit, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let logger = queryLogger
        return try await run(limit: limit) { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Closes the connection; later calls fail.
    func close() async {
        closed = true
        if let connection { try? await connection.close() }
        connection = nil
    }

    // MARK: The connection

    private func connected() async throws(StoreError) -> PostgresConnection {
        if closed { throw StoreError(.cancelled, "\(configuration.displayName): the ledger was closed") }
        if let connection, !connection.isClosed { return connection }
        if let stale = connection {
            lost(stale, reason: "the server closed the connection")
        }
        let now = ContinuousClock.now
        if let outage, now < outage.retryAt {
            let wait = Self.seconds(now.duration(to: outage.retryAt))
            throw PostgresFailure.unreachable(
                configuration.displayName,
                "\(outage.reason); down for \(Self.seconds(outage.since.duration(to: now))) s, next try in \(wait) s")
        }
        connectionCount += 1
        do {
            let opened = try await PostgresConnection.connect(
                configuration: settings, id: connectionCount, logger: queryLogger)
            if let outage {
                let seconds = Self.seconds(outage.since.duration(to: .now))
                let attempts = "\(outage.failures) failed attempt\(outage.failures == 1 ? "" : "s")"
                logger.notice(
                    "reconnected to the ledger's database \(configuration.displayName) after \(seconds) s (\(attempts))"
                )
            }
            outage = nil
            connection = opened
            return opened
        } catch {
            let failure = PostgresFailure(error, database: configuration.displayName)
            failed(reason: failure.error.message)
            throw failure.error
        }
    }

    /// The connection broke while in use or idle: forget it; the next call connects again at once.
    private func lost(_ broken: PostgresConnection, reason: String) {
        if connection === broken { connection = nil }
        broken.close().whenComplete { _ in withExtendedLifetime(broken) {} }
        guard outage == nil else { return }
        logger.error("lost the connection to the ledger's database: \(reason); reconnecting")
        outage = Outage(since: .now, failures: 0, retryAt: .now, reason: reason)
    }

    /// An attempt to connect failed: wait longer before the next.
    private func failed(reason: String) {
        let now = ContinuousClock.now
        var current = outage ?? Outage(since: now, failures: 0, retryAt: now, reason: reason)
        current.failures += 1
        current.reason = reason
        let backoff = Self.backoffSeconds(failures: current.failures)
        current.retryAt = now + .milliseconds(Int64(backoff * 1000))
        if current.failures == 1 {
            logger.error("\(reason); trying again in \(backoff) s, then at most every \(Self.maximumBackoffSeconds) s")
        } else if current.failures.nonzeroBitCount == 1 {
            let down = Self.seconds(current.since.duration(to: now))
            logger.warning(
                "still cannot reach the ledger's database \(configuration.displayName) after \(down) s (\(current.failures) attempts): \(reason)"
            )
        }
        outage = current
    }

    /// 0.5 s after the first failure, doubling, at most ``maximumBackoffSeconds``.
    static func backoffSeconds(failures: Int) -> Double {
        min(maximumBackoffSeconds, 0.5 * Double(1 << min(max(failures - 1, 0), 10)))
    }

    static func seconds(_ duration: Duration) -> Int64 {
        max(0, duration.components.seconds + (duration.components.attoseconds > 500_000_000_000_000_000 ? 1 : 0))
    }

    // MARK: One caller at a time

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
