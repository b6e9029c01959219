import DeadlineKit
import PostgresNIO

/// Reading PostgreSQL rows back into ledger values; the same checks as ``SQLiteRows`` (an unknown state or a
/// malformed date is ``StoreError/Code/corrupt``).
enum PostgresRows {
    /// The select list for ``entry(_:database:)``, in the order it reads.
    static let entryColumns = """
        reminder_key, deadline_id, occurrence, rule, kind, unit, channel, recipients, due_at, send_at, state, \
        attempts, next_attempt_at, last_error, reason, response, sent_at, claimed_by, created_at, updated_at, \
        requeued_at, requeued_after
        """

    /// All rows of a query.
    static func all(
        _ query: PostgresQuery, on connection: PostgresConnection, logger: Logger
    ) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    static func entry(_ row: PostgresRow, database: String) throws -> LedgerEntry {
        let cells = Cells(row: row.makeRandomAccess(), database: database)
        let recipients = try cells.text(7)
        let reminder = LedgerReminder(
            key: try cells.text(0), deadlineID: try cells.text(1),
            occurrence: try SQLiteRows.date(cells.text(2), path: database), rule: try cells.text(3),
            kind: try SQLiteRows.enumValue(cells.text(4), path: database), unit: try cells.text(5),
            channel: try cells.text(6),
            recipients: recipients.isEmpty ? [] : recipients.split(separator: "\n").map(String.init),
            due: try cells.instant(8), sendAt: try cells.instant(9))
        return LedgerEntry(
            reminder: reminder, state: try SQLiteRows.enumValue(cells.text(10), path: database),
            attempts: try cells.int(11), nextAttemptAt: try cells.optionalInstant(12),
            lastError: try cells.optionalText(13), reason: try cells.optionalText(14),
            response: try cells.optionalText(15), sentAt: try cells.optionalInstant(16),
            claimedBy: try cells.optionalText(17), createdAt: try cells.instant(18), updatedAt: try cells.instant(19),
            requeuedAt: try cells.optionalInstant(20), requeuedAfter: try cells.int(21))
    }

    /// `reminder_key, attempt, owner, started_at, finished_at, outcome, detail`.
    static let attemptColumns = "reminder_key, attempt, owner, started_at, finished_at, outcome, detail"

    static func attempt(_ row: PostgresRow, database: String) throws -> (key: String, record: AttemptRecord) {
        let cells = Cells(row: row.makeRandomAccess(), database: database)
        let outcome = try cells.optionalText(5)
        let record = AttemptRecord(
            number: try cells.int(1), owner: try cells.text(2), startedAt: try cells.instant(3),
            finishedAt: try cells.optionalInstant(4),
            outcome: try outcome.map { try SQLiteRows.enumValue($0, path: database) }, detail: try cells.optionalText(6))
        return (try cells.text(0), record)
    }

    /// `sequence, deadline_id, occurrence, action, actor, note, snoozed_until, happened_at, unit`.
    static let eventColumns = "sequence, deadline_id, occurrence, action, actor, note, snoozed_until, happened_at, unit"

    static func event(_ row: PostgresRow, database: String) throws -> OccurrenceEvent {
        let cells = Cells(row: row.makeRandomAccess(), database: database)
        return OccurrenceEvent(
            sequence: try cells.int64(0),
            occurrence: OccurrenceID(
                deadlineID: try cells.text(1), date: try SQLiteRows.date(cells.text(2), path: database)),
            unit: try cells.text(8),
            action: try SQLiteRows.enumValue(cells.text(3), path: database), user: try cells.text(4),
            note: try cells.optionalText(5), snoozedUntil: try cells.optionalInstant(6), at: try cells.instant(7))
    }

    /// `instance_id, host, pid, started_at, heartbeat_at, config_loaded_at, config_summary, status`.
    static let instanceColumns =
        "instance_id, host, pid, started_at, heartbeat_at, config_loaded_at, config_summary, status"

    static func instance(_ row: PostgresRow, database: String) throws -> InstanceRecord {
        let cells = Cells(row: row.makeRandomAccess(), database: database)
        return InstanceRecord(
            instanceID: try cells.text(0), host: try cells.text(1), pid: Int32(truncatingIfNeeded: try cells.int64(2)),
            startedAt: try cells.instant(3), heartbeatAt: try cells.instant(4),
            configLoadedAt: try cells.optionalInstant(5), configSummary: try cells.text(6), status: try cells.text(7))
    }

    /// Typed access to one row's cells by position.
    struct Cells {
        let row: PostgresRandomAccessRow
        let database: String

        func text(_ index: Int) throws -> String { try row[index].decode(String.self) }
        func optionalText(_ index: Int) throws -> String? { try row[index].decode(String?.self) }
        func int(_ index: Int) throws -> Int { try row[index].decode(Int.self) }
        func int64(_ index: Int) throws -> Int64 { try row[index].decode(Int64.self) }
        func instant(_ index: Int) throws -> Instant { Instant(secondsSinceEpoch: try int64(index)) }
        func optionalInstant(_ index: Int) throws -> Instant? {
            try row[index].decode(Int64?.self).map(Instant.init(secondsSinceEpoch:))
        }
    }
}
