import DeadlineKit
import GRDB

extension SQLiteLedger {
    /// See ``Ledger/markDone(_:by:note:at:)``.
    public func markDone(_ id: OccurrenceID, by user: String, note: String?, at now: Instant) async throws(StoreError) {
        try LedgerText.validate(user: user)
        try await write { db in
            try Self.ensureOccurrence(db, id, at: now)
            try db.execute(
                sql: """
                    UPDATE occurrences SET done_at = ?, done_by = ?, done_note = ?, updated_at = ?
                    WHERE deadline_id = ? AND occurrence = ? AND done_at IS NULL
                    """,
                arguments: [now.secondsSinceEpoch, user, note, now.secondsSinceEpoch, id.deadlineID, id.date.iso])
            try Self.skipOpenRows(db, id, sendBefore: nil, reason: "\(id) was marked done by \(user)", at: now)
            try Self.logEvent(db, id, .done, user: user, note: note, until: nil, at: now)
        }
    }

    /// See ``Ledger/markUndone(_:by:note:at:)``.
    public func markUndone(
        _ id: OccurrenceID, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user)
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE occurrences SET done_at = NULL, done_by = NULL, done_note = NULL, updated_at = ?
                    WHERE deadline_id = ? AND occurrence = ? AND done_at IS NOT NULL
                    """, arguments: [now.secondsSinceEpoch, id.deadlineID, id.date.iso])
            guard db.changesCount == 1 else {
                throw StoreError(.notFound, "\(id) is not marked done; there is nothing to undo")
            }
            try Self.logEvent(db, id, .undone, user: user, note: note, until: nil, at: now)
        }
    }

    /// See ``Ledger/snooze(_:until:by:note:at:)``.
    public func snooze(
        _ id: OccurrenceID, until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user)
        try await write { db in
            try Self.ensureOccurrence(db, id, at: now)
            try db.execute(
                sql: """
                    UPDATE occurrences SET snoozed_until = ?, snoozed_by = ?, updated_at = ?
                    WHERE deadline_id = ? AND occurrence = ?
                    """,
                arguments: [until.secondsSinceEpoch, user, now.secondsSinceEpoch, id.deadlineID, id.date.iso])
            try Self.skipOpenRows(
                db, id, sendBefore: until, reason: "\(id) was snoozed until \(until.utcText) by \(user)", at: now)
            try Self.logEvent(db, id, .snoozed, user: user, note: note, until: until, at: now)
        }
    }

    /// See ``Ledger/plannerState()``.
    public func plannerState() async throws(StoreError) -> PlannerState {
        let path = self.path
        return try await read { db in
            var state = PlannerState()
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT deadline_id, occurrence, done_at, snoozed_until FROM occurrences
                    WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
                    """)
            for row in rows {
                let id = OccurrenceID(
                    deadlineID: try row.decode(forColumn: "deadline_id"),
                    date: try SQLiteRows.date(row.decode(forColumn: "occurrence"), path: path))
                state.done[id] = try SQLiteRows.optionalInstant(row, "done_at")
                state.snoozedUntil[id] = try SQLiteRows.optionalInstant(row, "snoozed_until")
            }
            return state
        }
    }

    /// See ``Ledger/occurrenceEvents(deadlineID:)``.
    public func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent] {
        let path = self.path
        return try await read { db in
            let rows =
                if let deadlineID {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM occurrence_events WHERE deadline_id = ? ORDER BY sequence",
                        arguments: [deadlineID])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM occurrence_events ORDER BY sequence")
                }
            return try rows.map { try SQLiteRows.event($0, path: path) }
        }
    }

    /// See ``Ledger/changeCounter()``: a row in `counters`, bumped in the admin action's transaction.
    public func changeCounter() async throws(StoreError) -> Int64 {
        try await read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'changes'") ?? 0
        }
    }

    private static func ensureOccurrence(_ db: Database, _ id: OccurrenceID, at now: Instant) throws {
        try db.execute(
            sql: """
                INSERT INTO occurrences (deadline_id, occurrence, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (deadline_id, occurrence) DO NOTHING
                """, arguments: [id.deadlineID, id.date.iso, now.secondsSinceEpoch])
    }

    /// An occurrence's rows that would still be sent (`pending`, `retry`, or `sending` left by a crash whose
    /// lease has run out), with a send time before `sendBefore` if given, become `skipped`.
    private static func skipOpenRows(
        _ db: Database, _ id: OccurrenceID, sendBefore: Instant?, reason: String, at now: Instant
    ) throws {
        let open = """
            deadline_id = ? AND occurrence = ? AND send_at < ?
            AND (state IN ('pending', 'retry') OR (state = 'sending' AND next_attempt_at <= ?))
            """
        let arguments: StatementArguments = [
            id.deadlineID, id.date.iso, sendBefore?.secondsSinceEpoch ?? Int64.max, now.secondsSinceEpoch,
        ]
        try db.execute(
            sql: """
                UPDATE attempts SET finished_at = ?, outcome = 'interrupted', detail = ?
                WHERE finished_at IS NULL AND reminder_key IN (SELECT reminder_key FROM reminders WHERE \(open))
                """, arguments: [now.secondsSinceEpoch, LedgerText.interrupted] + arguments)
        try db.execute(
            sql: """
                UPDATE reminders SET state = 'skipped', reason = ?, next_attempt_at = NULL, claimed_by = NULL,
                    lease_until = NULL, claim_token = NULL, updated_at = ?
                WHERE \(open)
                """, arguments: [LedgerText.capped(reason), now.secondsSinceEpoch] + arguments)
    }

    /// Appends to the audit log and bumps the change counter, in the caller's transaction.
    private static func logEvent(
        _ db: Database, _ id: OccurrenceID, _ action: OccurrenceAction, user: String, note: String?, until: Instant?,
        at now: Instant
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO occurrence_events (deadline_id, occurrence, action, actor, note, snoozed_until, happened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.deadlineID, id.date.iso, action.rawValue, user, note, until?.secondsSinceEpoch,
                now.secondsSinceEpoch,
            ])
        try db.execute(sql: "UPDATE counters SET value = value + 1 WHERE name = 'changes'")
    }
}
