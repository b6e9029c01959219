import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// See ``Ledger/markDone(_:by:note:at:)``. Announces ``LedgerChange/occurrencesChanged`` on commit.
    public func markDone(_ id: OccurrenceID, by user: String, note: String?, at now: Instant) async throws(StoreError) {
        try LedgerText.validate(user: user)
        let logger = queryLogger
        try await link.transaction { connection in
            try await Self.ensureOccurrence(id, on: connection, at: now, logger)
            try await connection.query(
                """
                UPDATE occurrences SET done_at = \(now.secondsSinceEpoch), done_by = \(user), done_note = \(note),
                    updated_at = \(now.secondsSinceEpoch)
                WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND done_at IS NULL
                """, logger: logger)
            try await Self.skipOpenRows(
                id, sendBefore: nil, reason: "\(id) was marked done by \(user)", on: connection, at: now, logger)
            try await Self.logEvent(id, .done, user: user, note: note, until: nil, on: connection, at: now, logger)
        }
    }

    /// See ``Ledger/markUndone(_:by:note:at:)``.
    public func markUndone(
        _ id: OccurrenceID, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user)
        let logger = queryLogger
        try await link.transaction { connection in
            let changed = try await PostgresRows.all(
                """
                UPDATE occurrences SET done_at = NULL, done_by = NULL, done_note = NULL,
                    updated_at = \(now.secondsSinceEpoch)
                WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND done_at IS NOT NULL
                RETURNING deadline_id
                """, on: connection, logger: logger)
            guard changed.count == 1 else {
                throw StoreError(.notFound, "\(id) is not marked done; there is nothing to undo")
            }
            try await Self.logEvent(id, .undone, user: user, note: note, until: nil, on: connection, at: now, logger)
        }
    }

    /// See ``Ledger/snooze(_:until:by:note:at:)``.
    public func snooze(
        _ id: OccurrenceID, until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user)
        let logger = queryLogger
        try await link.transaction { connection in
            try await Self.ensureOccurrence(id, on: connection, at: now, logger)
            try await connection.query(
                """
                UPDATE occurrences SET snoozed_until = \(until.secondsSinceEpoch), snoozed_by = \(user),
                    updated_at = \(now.secondsSinceEpoch)
                WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso)
                """, logger: logger)
            try await Self.skipOpenRows(
                id, sendBefore: until, reason: "\(id) was snoozed until \(until.utcText) by \(user)", on: connection,
                at: now, logger)
            try await Self.logEvent(id, .snoozed, user: user, note: note, until: until, on: connection, at: now, logger)
        }
    }

    /// See ``Ledger/plannerState()``.
    public func plannerState() async throws(StoreError) -> PlannerState {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var state = PlannerState()
            let rows = try await PostgresRows.all(
                """
                SELECT deadline_id, occurrence, done_at, snoozed_until FROM occurrences
                WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
                """, on: connection, logger: logger)
            for row in rows {
                let cells = PostgresRows.Cells(row: row.makeRandomAccess(), database: database)
                let id = OccurrenceID(
                    deadlineID: try cells.text(0), date: try SQLiteRows.date(cells.text(1), path: database))
                state.done[id] = try cells.optionalInstant(2)
                state.snoozedUntil[id] = try cells.optionalInstant(3)
            }
            return state
        }
    }

    /// See ``Ledger/occurrenceEvents(deadlineID:)``.
    public func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            let query: PostgresQuery = """
                SELECT \(unescaped: PostgresRows.eventColumns) FROM occurrence_events
                WHERE \(deadlineID)::text IS NULL OR deadline_id = \(deadlineID) ORDER BY sequence
                """
            return try await PostgresRows.all(query, on: connection, logger: logger)
                .map { try PostgresRows.event($0, database: database) }
        }
    }

    /// See ``Ledger/changeCounter()``.
    public func changeCounter() async throws(StoreError) -> Int64 {
        let logger = queryLogger
        return try await link.run { connection in
            var value: Int64 = 0
            for try await counter in try await connection.query(
                "SELECT value FROM counters WHERE name = 'changes'", logger: logger
            ).decode(Int64.self) {
                value = counter
            }
            return value
        }
    }

    private static func ensureOccurrence(
        _ id: OccurrenceID, on connection: PostgresConnection, at now: Instant, _ logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO occurrences (deadline_id, occurrence, updated_at)
            VALUES (\(id.deadlineID), \(id.date.iso), \(now.secondsSinceEpoch))
            ON CONFLICT (deadline_id, occurrence) DO NOTHING
            """, logger: logger)
    }

    /// An occurrence's rows that would still be sent (`pending`, `retry`, or `sending` whose lease has run out),
    /// with a send time before `sendBefore` if given, become `skipped`. A row being sent now is left to finish.
    private static func skipOpenRows(
        _ id: OccurrenceID, sendBefore: Instant?, reason: String, on connection: PostgresConnection, at now: Instant,
        _ logger: Logger
    ) async throws {
        let before = sendBefore?.secondsSinceEpoch ?? Int64.max
        let seconds = now.secondsSinceEpoch
        try await connection.query(
            """
            UPDATE attempts SET finished_at = \(seconds), outcome = 'interrupted', detail = \(LedgerText.interrupted)
            WHERE finished_at IS NULL AND reminder_key IN (
                SELECT reminder_key FROM reminders
                WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND send_at < \(before)
                    AND state = 'sending' AND next_attempt_at <= \(seconds))
            """, logger: logger)
        try await connection.query(
            """
            UPDATE reminders SET state = 'skipped', reason = \(LedgerText.capped(reason)), next_attempt_at = NULL,
                claimed_by = NULL, lease_until = NULL, claim_token = NULL, updated_at = \(seconds)
            WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND send_at < \(before)
                AND (state IN ('pending', 'retry') OR (state = 'sending' AND next_attempt_at <= \(seconds)))
            """, logger: logger)
    }

    /// Appends to the audit log, bumps the change counter and announces the change, in the caller's transaction.
    private static func logEvent(
        _ id: OccurrenceID, _ action: OccurrenceAction, user: String, note: String?, until: Instant?,
        on connection: PostgresConnection, at now: Instant, _ logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO occurrence_events (deadline_id, occurrence, action, actor, note, snoozed_until, happened_at)
            VALUES (\(id.deadlineID), \(id.date.iso), \(action.rawValue), \(user), \(note),
                \(until?.secondsSinceEpoch), \(now.secondsSinceEpoch))
            """, logger: logger)
        try await connection.query("UPDATE counters SET value = value + 1 WHERE name = 'changes'", logger: logger)
        try await announce(.occurrencesChanged, on: connection, logger: logger)
    }
}
