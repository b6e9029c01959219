import DeadlineKit

extension SQLiteLedger {
    /// A row's ``RowStanding``, read in the caller's write transaction.
    static func standing(_ db: SQLiteConnection, key: String, path: String) throws -> RowStanding {
        guard let row = try db.rows(LedgerSQL.standing(key)).first else {
            throw LedgerText.noSuchReminder(key, in: path)
        }
        return try RowStanding(key: key, SQLiteCells(row: row, location: path))
    }

    /// Closes an attempt that a crash left open: its result is unknown.
    static func markInterrupted(_ db: SQLiteConnection, key: String, at now: Instant) throws {
        try db.run(LedgerSQL.markInterrupted(key, at: now))
    }

    /// Why a fenced result write changed nothing.
    static func fencingError(_ db: SQLiteConnection, claim: AttemptClaim, path: String) throws -> StoreError {
        LedgerText.fenced(claim, standing: try standing(db, key: claim.key, path: path))
    }
}
