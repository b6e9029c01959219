package import DeadlineKit

/// Done, undone, snooze and the audit log: the rules are ``OccurrenceRules``'; here they run in one transaction.
extension SQLiteLedger {
    /// See ``Ledger/markDone(_:units:by:note:at:)``.
    package func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) -> [UnitMark] {
        try LedgerText.validate(user: user, units: units)
        let path = self.path
        return try await write { db in
            let change = OccurrenceRules.markDone(
                id, units: units, marks: try Self.marks(db, id, path: path), by: user, note: note, at: now)
            for statement in change.statements { try db.run(statement) }
            return change.alreadyDone
        }
    }

    /// See ``Ledger/markUndone(_:units:allUnits:by:note:at:)``.
    package func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let path = self.path
        try await write { db in
            let change = try OccurrenceRules.markUndone(
                id, units: units, allUnits: allUnits, marks: try Self.marks(db, id, path: path), by: user, note: note,
                at: now)
            for statement in change.statements { try db.run(statement) }
        }
    }

    /// See ``Ledger/snooze(_:units:until:by:note:at:)``.
    package func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        try await write { db in
            for statement in OccurrenceRules.snooze(id, units: units, until: until, by: user, note: note, at: now)
                .statements
            {
                try db.run(statement)
            }
        }
    }

    /// See ``Ledger/unitMarks(_:)``.
    package func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark] {
        let path = self.path
        return try await read { db in try Self.marks(db, id, path: path) }
    }

    /// See ``Ledger/plannerState()``.
    package func plannerState() async throws(StoreError) -> PlannerState {
        let path = self.path
        return try await read { db in
            var state = PlannerState()
            for cells in try db.rows(LedgerSQL.plannerState).cells(path) { try LedgerRows.addMark(cells, to: &state) }
            return state
        }
    }

    /// See ``Ledger/occurrenceEvents(deadlineID:)``.
    package func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent] {
        let path = self.path
        return try await read { db in
            try db.rows(LedgerSQL.events(deadlineID: deadlineID)).cells(path).map(LedgerRows.event)
        }
    }

    /// See ``Ledger/changeCounter()``: a row in `counters`, bumped in the admin action's transaction.
    package func changeCounter() async throws(StoreError) -> Int64 {
        try await read { db in try db.integer(LedgerSQL.changeCounter.sql) ?? 0 }
    }

    static func marks(_ db: SQLiteConnection, _ id: OccurrenceID, path: String) throws -> [UnitMark] {
        try db.rows(LedgerSQL.marks(id)).cells(path).map(LedgerRows.mark)
    }
}
