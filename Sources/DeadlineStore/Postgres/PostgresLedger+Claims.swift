import Logging
import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// The row's ``RowStanding``, locked for the rest of the transaction (`FOR UPDATE`); with `skipLocked`, `nil`
    /// also when another transaction holds the row's lock (it is being claimed or written right now).
    static func lockedRow(
        _ key: String, on connection: PostgresConnection, skipLocked: Bool, database: String, _ logger: Logger
    ) async throws -> RowStanding? {
        let standing = LedgerSQL.standing(key)
        let locked = LedgerStatement(
            standing.sql + " FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""), standing.arguments)
        guard let cells = try await connection.rows(locked, location: database, logger: logger).first else {
            return nil
        }
        return try RowStanding(key: key, cells)
    }

    /// Why ``lockedRow(_:on:skipLocked:database:_:)`` found nothing to lock: no such key, or its lock is held.
    static func missing(
        _ key: String, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> StoreError {
        let exists = try await connection.rows(LedgerSQL.standing(key), location: database, logger: logger)
        if exists.isEmpty { return LedgerText.noSuchReminder(key, in: database) }
        return StoreError(
            .notClaimable, "reminder '\(key)' cannot be claimed: another instance is claiming or writing it right now")
    }

    /// Why a fenced result write changed nothing; the same words as the SQLite ledger's.
    static func fencingError(
        _ claim: AttemptClaim, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> StoreError {
        guard
            let standing = try await lockedRow(claim.key, on: connection, skipLocked: false, database: database, logger)
        else {
            return LedgerText.noSuchReminder(claim.key, in: database)
        }
        return LedgerText.fenced(claim, standing: standing)
    }
}
