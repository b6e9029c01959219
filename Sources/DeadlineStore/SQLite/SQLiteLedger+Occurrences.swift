import DeadlineKit
import GRDB

extension SQLiteLedger {
    /// See ``Ledger/markDone(_:units:by:note:at:)``.
    public func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) -> [UnitMark] {
        try LedgerText.validate(user: user, units: units)
        let path = self.path
        return try await write { db in
            try Self.ensureOccurrence(db, id, at: now)
            let marks = try Self.marks(db, id, path: path)
            var already: [UnitMark] = []
            for unit in units {
                if let mark = marks.first(where: { ($0.unit == unit || $0.unit == PlannerState.everyUnit) && $0.doneAt != nil }) {
                    already.append(mark)
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO occurrence_units (deadline_id, occurrence, unit, done_at, done_by, done_note, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                            done_at = excluded.done_at, done_by = excluded.done_by, done_note = excluded.done_note,
                            updated_at = excluded.updated_at
                        """,
                    arguments: [id.deadlineID, id.date.iso, unit, now.secondsSinceEpoch, user, note, now.secondsSinceEpoch])
                try Self.skipOpenRows(db, id, unit: unit, sendBefore: nil, reason: LedgerText.doneReason(id, unit: unit, by: user), at: now)
                try Self.logEvent(db, id, unit: unit, .done, user: user, note: note, until: nil, at: now)
            }
            return already
        }
    }

    /// See ``Ledger/markUndone(_:units:allUnits:by:note:at:)``.
    public func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let path = self.path
        try await write { db in
            let marks = try Self.marks(db, id, path: path)
            let seconds = now.secondsSinceEpoch
            let every = marks.first { $0.unit == PlannerState.everyUnit && $0.doneAt != nil }
            if let every {
                // Split the mark on every unit: the other units keep it, as they were.
                for other in allUnits where !units.contains(other) && !marks.contains(where: { $0.unit == other && $0.doneAt != nil }) {
                    try db.execute(
                        sql: """
                            INSERT INTO occurrence_units (deadline_id, occurrence, unit, done_at, done_by, done_note, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                                done_at = excluded.done_at, done_by = excluded.done_by, done_note = excluded.done_note
                            """,
                        arguments: [
                            id.deadlineID, id.date.iso, other, every.doneAt?.secondsSinceEpoch, every.doneBy, every.doneNote, seconds,
                        ])
                }
            }
            var undone = 0
            for unit in every == nil ? units : units + [PlannerState.everyUnit] {
                try db.execute(
                    sql: """
                        UPDATE occurrence_units SET done_at = NULL, done_by = NULL, done_note = NULL, updated_at = ?
                        WHERE deadline_id = ? AND occurrence = ? AND unit = ? AND done_at IS NOT NULL
                        """, arguments: [seconds, id.deadlineID, id.date.iso, unit])
                guard unit != PlannerState.everyUnit, db.changesCount == 1 || every != nil else { continue }
                undone += 1
                try Self.logEvent(db, id, unit: unit, .undone, user: user, note: note, until: nil, at: now)
            }
            guard undone > 0 else { throw StoreError(.notFound, LedgerText.notDone(id, units: units)) }
        }
    }

    /// See ``Ledger/snooze(_:units:until:by:note:at:)``.
    public func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        try await write { db in
            try Self.ensureOccurrence(db, id, at: now)
            for unit in units {
                try db.execute(
                    sql: """
                        INSERT INTO occurrence_units (deadline_id, occurrence, unit, snoozed_until, snoozed_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                            snoozed_until = excluded.snoozed_until, snoozed_by = excluded.snoozed_by,
                            updated_at = excluded.updated_at
                        """,
                    arguments: [id.deadlineID, id.date.iso, unit, until.secondsSinceEpoch, user, now.secondsSinceEpoch])
                try Self.skipOpenRows(
                    db, id, unit: unit, sendBefore: until, reason: LedgerText.snoozeReason(id, unit: unit, until: until, by: user), at: now)
                try Self.logEvent(db, id, unit: unit, .snoozed, user: user, note: note, until: until, at: now)
            }
        }
    }

    /// See ``Ledger/unitMarks(_:)``.
    public func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark] {
        let path = self.path
        return try await read { db in try Self.marks(db, id, path: path) }
    }

    /// See ``Ledger/plannerState()``.
    public func plannerState() async throws(StoreError) -> PlannerState {
        let path = self.path
        return try await read { db in
            var state = PlannerState()
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT deadline_id, occurrence, unit, done_at, snoozed_until FROM occurrence_units
                    WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
                    """)
            for row in rows {
                let id = OccurrenceID(
                    deadlineID: try row.decode(forColumn: "deadline_id"),
                    date: try SQLiteRows.date(row.decode(forColumn: "occurrence"), path: path))
                let unit: String = try row.decode(forColumn: "unit")
                if let done = try SQLiteRows.optionalInstant(row, "done_at") { state.markDone(id, unit: unit, at: done) }
                if let until = try SQLiteRows.optionalInstant(row, "snoozed_until") { state.snooze(id, unit: unit, until: until) }
            }
            return state
        }
    }

    static func marks(_ db: Database, _ id: OccurrenceID, path: String) throws -> [UnitMark] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT unit, done_at, done_by, done_note, snoozed_until, snoozed_by FROM occurrence_units
                WHERE deadline_id = ? AND occurrence = ? AND (done_at IS NOT NULL OR snoozed_until IS NOT NULL)
                ORDER BY unit
                """, arguments: [id.deadlineID, id.date.iso]
        ).map { row in
            UnitMark(
                unit: try row.decode(forColumn: "unit"), doneAt: try SQLiteRows.optionalInstant(row, "done_at"),
                doneBy: try row.decode(forColumn: "done_by"), doneNote: try row.decode(forColumn: "done_note"),
                snoozedUntil: try SQLiteRows.optionalInstant(row, "snoozed_until"),
                snoozedBy: try row.decode(forColumn: "snoozed_by"))
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

    /// A unit's rows of an occurrence that would still be sent (`pending`, `retry`, or `sending` left by a crash whose
    /// lease has run out), with a send time before `sendBefore` if given, become `skipped`.
    private static func skipOpenRows(
        _ db: Database, _ id: OccurrenceID, unit: String, sendBefore: Instant?, reason: String, at now: Instant
    ) throws {
        let open = """
            deadline_id = ? AND occurrence = ? AND unit = ? AND send_at < ?
            AND (state IN ('pending', 'retry') OR (state = 'sending' AND next_attempt_at <= ?))
            """
        let arguments: StatementArguments = [
            id.deadlineID, id.date.iso, unit, sendBefore?.secondsSinceEpoch ?? Int64.max, now.secondsSinceEpoch,
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
        _ db: Database, _ id: OccurrenceID, unit: String, _ action: OccurrenceAction, user: String, note: String?,
        until: Instant?, at now: Instant
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO occurrence_events (
                    deadline_id, occurrence, unit, action, actor, note, snoozed_until, happened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.deadlineID, id.date.iso, unit, action.rawValue, user, note, until?.secondsSinceEpoch,
                now.secondsSinceEpoch,
            ])
        try db.execute(sql: "UPDATE counters SET value = value + 1 WHERE name = 'changes'")
    }
}
