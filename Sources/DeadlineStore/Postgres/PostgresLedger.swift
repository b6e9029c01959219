package import Logging
import DeadlineKit
import PostgresNIO
import Synchronization

/// The ``Ledger`` in a PostgreSQL database that several daemons share (an active/active pair or more), through
/// PostgresNIO.
///
/// Why PostgresNIO: it is the maintained PostgreSQL client for Swift on Linux (the Vapor and swift-server
/// community's), written on SwiftNIO with async/await, so no query blocks a thread of Swift's cooperative pool
/// (unlike a libpq wrapper, whose calls block); it speaks TLS through swift-nio-ssl, SCRAM-SHA-256 logins, and
/// `LISTEN`/`NOTIFY` as an `AsyncSequence`. Its connection pool is not used (see ``PostgresLink``).
///
/// How several daemons share the outbox without sending a reminder twice:
/// - Every daemon plans from the same configuration and records due reminders with
///   `INSERT ... ON CONFLICT (reminder_key) DO NOTHING`: the first one records, the others find it recorded.
/// - ``beginAttempt(key:owner:leaseUntil:at:)`` locks the row with `SELECT ... FOR UPDATE SKIP LOCKED` (a row
///   another daemon is claiming at that moment is skipped, not waited for), checks it is claimable, and writes
///   the claim: owner (`claimed_by`), lease (`lease_until`) and a random token, in one transaction.
/// - The daemon renews its leases while it sends (``renewLeases(_:until:at:)``); a daemon that dies or hangs stops
///   renewing, and once the lease has run out another daemon claims the row (announcing
///   ``LedgerChange/leaseTakenOver(key:from:by:)``).
/// - Results are fenced: they are written only while the row still carries the claim's token, so a daemon that
///   wakes up late (SIGSTOP, a paused VM) cannot record over the attempt of the daemon that took over.
///
/// The one window in which a reminder can go out twice is the one documented on ``Ledger``.
package final class PostgresLedger: SharedLedger {
    /// The database, without password, for messages: `postgresql://deadlined@db.example.vn:5432/deadlined`.
    package let displayName: String
    let link: PostgresLink
    let configuration: PostgresLedgerConfiguration
    let logger: Logger
    /// The configuration time last written by each instance's heartbeat from this process: a change is announced.
    let loadedAt = Mutex<[String: Int64]>([:])

    /// Connects to the database and brings its schema up to date (``LedgerSchema``), or throws: the server cannot
    /// be reached, refuses the login, or holds a newer schema.
    ///
    /// - Parameter logger: where outages and reconnections are logged (journald under the daemon).
    package convenience init(configuration: PostgresLedgerConfiguration, logger: Logger) async throws(StoreError) {
        try await self.init(configuration: configuration, logger: logger, schema: LedgerSchema.steps)
    }

    /// Connects without logging outages (for commands and tests, which report the errors they get).
    package convenience init(configuration: PostgresLedgerConfiguration) async throws(StoreError) {
        try await self.init(configuration: configuration, schema: LedgerSchema.steps)
    }

    /// Connects without logging, with the given schema steps (tests build older and newer databases with them).
    convenience init(configuration: PostgresLedgerConfiguration, schema: [LedgerSchema.Step]) async throws(StoreError) {
        var logger = Logger(label: "deadlined.ledger")
        logger.logLevel = .critical
        try await self.init(configuration: configuration, logger: logger, schema: schema)
    }

    /// Opens with the given schema steps (tests build older and newer databases with them).
    init(
        configuration: PostgresLedgerConfiguration, logger: Logger, schema: [LedgerSchema.Step]
    ) async throws(StoreError) {
        self.configuration = configuration
        self.logger = logger
        displayName = configuration.displayName
        link = try PostgresLink(configuration: configuration, logger: logger)
        do {
            try await PostgresMigrator.migrate(link, steps: schema)
        } catch {
            await link.close()
            throw error
        }
    }

    /// See ``SharedLedger/close()``.
    package func close() async {
        await link.close()
    }

    /// The query logger (PostgresNIO's messages at error level only).
    var queryLogger: Logger { link.queryLogger }

    /// Announces a change to every listening daemon, in the caller's transaction (delivered on commit).
    static func announce(_ change: LedgerChange, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(LedgerChange.channel), \(change.payload))", logger: logger)
    }

    /// Runs raw SQL outside a transaction: for tests that build odd databases, never for the daemon.
    func execute(_ sql: String) async throws(StoreError) {
        let logger = queryLogger
        try await link.run { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// The first column of every row of a query, as text: for tests.
    func texts(_ sql: String) async throws(StoreError) -> [String] {
        let logger = queryLogger
        return try await link.run { connection in
            var texts: [String] = []
            for try await text in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                .decode(String.self)
            {
                texts.append(text)
            }
            return texts
        }
    }
}
