import Logging
package import DeadlineKit
import PostgresNIO

/// Done, undone, snooze and the audit log: the rules are ``OccurrenceRules``'; here they run in one transaction,
/// and every daemon on the database hears of the change (``LedgerChange/occurrencesChanged``) when it commits.
extension PostgresLedger {
    /// See ``Ledger/markDone(_:units:by:note:at:)``.
    package func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) -> [UnitMark] {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            let marks = try await Self.marks(id, on: connection, database: database, logger)
            let change = OccurrenceRules.markDone(id, units: units, marks: marks, by: user, note: note, at: now)
            try await Self.apply(change, on: connection, logger)
            return change.alreadyDone
        }
    }

    /// See ``Ledger/markUndone(_:units:allUnits:by:note:at:)``.
    package func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            let marks = try await Self.marks(id, on: connection, database: database, logger)
            let change = try OccurrenceRules.markUndone(
                id, units: units, allUnits: allUnits, marks: marks, by: user, note: note, at: now)
            try await Self.apply(change, on: connection, logger)
        }
    }

    /// See ``Ledger/snooze(_:units:until:by:note:at:)``.
    package func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try LedgerText.validate(user: user, units: units)
        let logger = queryLogger
        try await link.transaction { connection in
            try await Self.apply(
                OccurrenceRules.snooze(id, units: units, until: until, by: user, note: note, at: now), on: connection,
                logger)
        }
    }

    /// See ``Ledger/unitMarks(_:)``.
    package func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in try await Self.marks(id, on: connection, database: database, logger) }
    }

    /// See ``Ledger/plannerState()``.
    package func plannerState() async throws(StoreError) -> PlannerState {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var state = PlannerState()
            for cells in try await connection.rows(LedgerSQL.plannerState, location: database, logger: logger) {
                try LedgerRows.addMark(cells, to: &state)
            }
            return state
        }
    }

    /// See ``Ledger/occurrenceEvents(deadlineID:)``.
    package func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.events(deadlineID: deadlineID), location: database, logger: logger)
                .map(LedgerRows.event)
        }
    }

    /// See ``Ledger/changeCounter()``.
    package func changeCounter() async throws(StoreError) -> Int64 {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.changeCounter, location: database, logger: logger).first?.int64(0) ?? 0
        }
    }

    private static func marks(
        _ id: OccurrenceID, on connection: PostgresConnection, database: String, _ logger: Logger
    ) async throws -> [UnitMark] {
        try await connection.rows(LedgerSQL.marks(id), location: database, logger: logger).map(LedgerRows.mark)
    }

    /// Runs a change's statements and, when the audit log grew, announces it to every listening daemon.
    private static func apply(
        _ change: OccurrenceRules.Change, on connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for statement in change.statements { try await connection.run(statement, logger: logger) }
        if change.logged { try await announce(.occurrencesChanged, on: connection, logger: logger) }
    }
}
