import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// See ``Ledger/markDone(_:units:by:note:at:)``. Announces ``LedgerChange/occurrencesChanged`` on commit.
    public func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) -> [UnitMark] {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            try await Self.ensureOccurrence(id, on: connection, at: now, logger)
            let marks = try await Self.marks(id, on: connection, database: database, logger)
            var already: [UnitMark] = []
            for unit in units {
                if let mark = marks.first(where: { ($0.unit == unit || $0.unit == PlannerState.everyUnit) && $0.doneAt != nil }) {
                    already.append(mark)
                    continue
                }
                try await connection.query(
                    """
                    INSERT INTO occurrence_units (deadline_id, occurrence, unit, done_at, done_by, done_note, updated_at)
                    VALUES (\(id.deadlineID), \(id.date.iso), \(unit), \(now.secondsSinceEpoch), \(user), \(note),
                        \(now.secondsSinceEpoch))
                    ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                        done_at = excluded.done_at, done_by = excluded.done_by, done_note = excluded.done_note,
                        updated_at = excluded.updated_at
                    """, logger: logger)
                try await Self.skipOpenRows(
                    id, unit: unit, sendBefore: nil, reason: LedgerText.doneReason(id, unit: unit, by: user), on: connection,
                    at: now, logger)
                try await Self.logEvent(id, unit: unit, .done, user: user, note: note, until: nil, on: connection, at: now, logger)
            }
            return already
        }
    }

    /// See ``Ledger/markUndone(_:units:allUnits:by:note:at:)``.
    public func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            let marks = try await Self.marks(id, on: connection, database: database, logger)
            let seconds = now.secondsSinceEpoch
            let every = marks.first { $0.unit == PlannerState.everyUnit && $0.doneAt != nil }
            if let every {
                // Split the mark on every unit: the other units keep it, as they were.
                for other in allUnits where !units.contains(other) && !marks.contains(where: { $0.unit == other && $0.doneAt != nil }) {
                    try await connection.query(
                        """
                        INSERT INTO occurrence_units (deadline_id, occurrence, unit, done_at, done_by, done_note, updated_at)
                        VALUES (\(id.deadlineID), \(id.date.iso), \(other), \(every.doneAt?.secondsSinceEpoch), \(every.doneBy),
                            \(every.doneNote), \(seconds))
                        ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                            done_at = excluded.done_at, done_by = excluded.done_by, done_note = excluded.done_note
                        """, logger: logger)
                }
            }
            var undone = 0
            for unit in every == nil ? units : units + [PlannerState.everyUnit] {
                let changed = try await PostgresRows.all(
                    """
                    UPDATE occurrence_units SET done_at = NULL, done_by = NULL, done_note = NULL, updated_at = \(seconds)
                    WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND unit = \(unit)
                        AND done_at IS NOT NULL
                    RETURNING unit
                    """, on: connection, logger: logger)
                guard unit != PlannerState.everyUnit, changed.count == 1 || every != nil else { continue }
                undone += 1
                try await Self.logEvent(id, unit: unit, .undone, user: user, note: note, until: nil, on: connection, at: now, logger)
            }
            guard undone > 0 else { throw StoreError(.notFound, LedgerText.notDone(id, units: units)) }
        }
    }

    /// See ``Ledger/snooze(_:units:until:by:note:at:)``.
    public func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        try await link.transaction { connection in
            try await Self.ensureOccurrence(id, on: connection, at: now, logger)
            for unit in units {
                try await connection.query(
                    """
                    INSERT INTO occurrence_units (deadline_id, occurrence, unit, snoozed_until, snoozed_by, updated_at)
                    VALUES (\(id.deadlineID), \(id.date.iso), \(unit), \(until.secondsSinceEpoch), \(user),
                        \(now.secondsSinceEpoch))
                    ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                        snoozed_until = excluded.snoozed_until, snoozed_by = excluded.snoozed_by,
                        updated_at = excluded.updated_at
                    """, logger: logger)
                try await Self.skipOpenRows(
                    id, unit: unit, sendBefore: until, reason: LedgerText.snoozeReason(id, unit: unit, until: until, by: user),
                    on: connection, at: now, logger)
                try await Self.logEvent(id, unit: unit, .snoozed, user: user, note: note, until: until, on: connection, at: now, logger)
            }
        }
    }

    /// See ``Ledger/unitMarks(_:)``.
    public func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in try await Self.marks(id, on: connection, database: database, logger) }
    }

    /// See ``Ledger/plannerState()``.
    public func plannerState() async throws(StoreError) -> PlannerState {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var state = PlannerState()
            let rows = try await PostgresRows.all(
                """
                SELECT deadline_id, occurrence, unit, done_at, snoozed_until FROM occurrence_units
                WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
                """, on: connection, logger: logger)
            for row in rows {
                let cells = PostgresRows.Cells(row: row.makeRandomAccess(), database: database)
                let id = OccurrenceID(
                    deadlineID: try cells.text(0), date: try SQLiteRows.date(cells.text(1), path: database))
                let unit = try cells.text(2)
                if let done = try cells.optionalInstant(3) { state.markDone(id, unit: unit, at: done) }
                if let until = try cells.optionalInstant(4) { state.snooze(id, unit: unit, until: until) }
            }
            return state
        }
    }

    private static func marks(
        _ id: OccurrenceID, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> [UnitMark] {
        try await PostgresRows.all(
            """
            SELECT unit, done_at, done_by, done_note, snoozed_until, snoozed_by FROM occurrence_units
            WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso)
                AND (done_at IS NOT NULL OR snoozed_until IS NOT NULL)
            ORDER BY unit
            """, on: connection, logger: logger
        ).map { row in
            let cells = PostgresRows.Cells(row: row.makeRandomAccess(), database: database)
            return UnitMark(
                unit: try cells.text(0), doneAt: try cells.optionalInstant(1), doneBy: try cells.optionalText(2),
                doneNote: try cells.optionalText(3), snoozedUntil: try cells.optionalInstant(4),
                snoozedBy: try cells.optionalText(5))
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
        _ id: OccurrenceID, unit: String, sendBefore: Instant?, reason: String, on connection: PostgresConnection,
        at now: Instant, _ logger: Logger
    ) async throws {
        let before = sendBefore?.secondsSinceEpoch ?? Int64.max
        let seconds = now.secondsSinceEpoch
        try await connection.query(
            """
            UPDATE attempts SET finished_at = \(seconds), outcome = 'interrupted', detail = \(LedgerText.interrupted)
            WHERE finished_at IS NULL AND reminder_key IN (
                SELECT reminder_key FROM reminders
                WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND unit = \(unit)
                    AND send_at < \(before) AND state = 'sending' AND next_attempt_at <= \(seconds))
            """, logger: logger)
        try await connection.query(
            """
            UPDATE reminders SET state = 'skipped', reason = \(LedgerText.capped(reason)), next_attempt_at = NULL,
                claimed_by = NULL, lease_until = NULL, claim_token = NULL, updated_at = \(seconds)
            WHERE deadline_id = \(id.deadlineID) AND occurrence = \(id.date.iso) AND unit = \(unit)
                AND send_at < \(before)
                AND (state IN ('pending', 'retry') OR (state = 'sending' AND next_attempt_at <= \(seconds)))
            """, logger: logger)
    }

    /// Appends to the audit log, bumps the change counter and announces the change, in the caller's transaction.
    private static func logEvent(
        _ id: OccurrenceID, unit: String, _ action: OccurrenceAction, user: String, note: String?, until: Instant?,
        on connection: PostgresConnection, at now: Instant, _ logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO occurrence_events (
                deadline_id, occurrence, unit, action, actor, note, snoozed_until, happened_at)
            VALUES (\(id.deadlineID), \(id.date.iso), \(unit), \(action.rawValue), \(user), \(note),
                \(until?.secondsSinceEpoch), \(now.secondsSinceEpoch))
            """, logger: logger)
        try await connection.query("UPDATE counters SET value = value + 1 WHERE name = 'changes'", logger: logger)
        try await announce(.occurrencesChanged, on: connection, logger: logger)
    }
}
