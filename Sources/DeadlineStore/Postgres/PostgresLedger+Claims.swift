import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// The row's claim-relevant part, locked for the rest of the transaction (`FOR UPDATE`); with `skipLocked`,
    /// `nil` also when another transaction holds the row's lock (it is being claimed or written right now).
    static func lockedRow(
        _ key: String, on connection: PostgresConnection, skipLocked: Bool, database: String, _ logger: Logger
    ) async throws -> OpenRow? {
        let query: PostgresQuery = """
            SELECT state, attempts, next_attempt_at, claimed_by FROM reminders WHERE reminder_key = \(key)
            FOR UPDATE \(unescaped: skipLocked ? "SKIP LOCKED" : "")
            """
        guard let row = try await PostgresRows.all(query, on: connection, logger: logger).first else { return nil }
        let cells = PostgresRows.Cells(row: row.makeRandomAccess(), database: database)
        return OpenRow(
            key: key, state: try SQLiteRows.enumValue(cells.text(0), path: database), attempts: try cells.int(1),
            nextAttemptAt: try cells.optionalInstant(2), claimedBy: try cells.optionalText(3), path: database)
    }

    /// Why ``lockedRow(_:on:skipLocked:database:_:)`` found nothing to lock: no such key, or its lock is held.
    static func missing(
        _ key: String, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> StoreError {
        let exists = try await PostgresRows.all(
            "SELECT 1 FROM reminders WHERE reminder_key = \(key)", on: connection, logger: logger)
        if exists.isEmpty { return StoreError(.notFound, "no reminder '\(key)' in the ledger \(database)") }
        return StoreError(
            .notClaimable, "reminder '\(key)' cannot be claimed: another instance is claiming or writing it right now")
    }

    /// Closes an attempt that its daemon left open (crash, lost lease): its result is unknown.
    static func markInterrupted(
        _ key: String, on connection: PostgresConnection, at now: Instant, _ logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE attempts SET finished_at = \(now.secondsSinceEpoch), outcome = 'interrupted',
                detail = \(LedgerText.interrupted)
            WHERE reminder_key = \(key) AND finished_at IS NULL
            """, logger: logger)
    }

    /// Why a fenced result write changed nothing; the same words as the SQLite ledger's.
    static func fencingError(
        _ claim: AttemptClaim, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> StoreError {
        guard let row = try await lockedRow(claim.key, on: connection, skipLocked: false, database: database, logger)
        else {
            return StoreError(.notFound, "no reminder '\(claim.key)' in the ledger \(database)")
        }
        let now = row.state == .sending ? ", now attempt \(row.attempts) by \(row.claimedBy ?? "another instance")" : ""
        return StoreError(
            .fenced,
            "the result of attempt \(claim.attempt) of reminder '\(claim.key)' was not recorded: the reminder is "
                + "\(row.state.rawValue)\(now); the claim's lease ended at \(claim.leaseUntil.utcText)")
    }
}
