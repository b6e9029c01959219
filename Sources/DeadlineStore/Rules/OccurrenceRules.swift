import DeadlineKit

/// What `done`, `undone` and `snooze` change, decided once for every backend from the occurrence's marks as they
/// stand (read in the same transaction): the statements to run, in order, and what the admin should be told.
enum OccurrenceRules {
    /// The statements of one change, and the units that were already done (with their first mark).
    struct Change: Sendable {
        var statements: [LedgerStatement] = []
        var alreadyDone: [UnitMark] = []
        /// Whether the audit log grew (a shared ledger announces it).
        var logged = false
    }

    /// Marks `units` done; a unit already done (or covered by a mark on every unit) keeps its first mark.
    static func markDone(
        _ id: OccurrenceID, units: [String], marks: [UnitMark], by user: String, note: String?, at now: Instant
    ) -> Change {
        var change = Change(statements: [LedgerSQL.ensureOccurrence(id, at: now)])
        for unit in units {
            if let mark = marks.first(where: {
                ($0.unit == unit || $0.unit == PlannerState.everyUnit) && $0.doneAt != nil
            }) {
                change.alreadyDone.append(mark)
                continue
            }
            change.statements.append(LedgerSQL.setDone(id, unit: unit, at: now, by: user, note: note, now: now))
            change.statements += LedgerSQL.skipOpenRows(
                id, unit: unit, sendBefore: nil, reason: LedgerText.doneReason(id, unit: unit, by: user), at: now)
            change.statements += LedgerSQL.logEvent(id, unit: unit, .done, user: user, note: note, until: nil, at: now)
            change.logged = true
        }
        return change
    }

    /// Takes `done` back for `units`. A mark on every unit is split: the other units of `allUnits` keep it, as it
    /// was. Throws ``StoreError/Code/notFound`` when none of `units` is done.
    static func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], marks: [UnitMark], by user: String, note: String?,
        at now: Instant
    ) throws(StoreError) -> Change {
        var change = Change()
        func isDone(_ unit: String) -> Bool { marks.contains { $0.unit == unit && $0.doneAt != nil } }
        let every = marks.first { $0.unit == PlannerState.everyUnit && $0.doneAt != nil }
        let undone = every == nil ? units.filter(isDone) : units
        guard !undone.isEmpty else { throw StoreError(.notFound, LedgerText.notDone(id, units: units)) }
        if let every {
            for other in allUnits where !units.contains(other) && !isDone(other) {
                change.statements.append(
                    LedgerSQL.setDone(
                        id, unit: other, at: every.doneAt, by: every.doneBy, note: every.doneNote, now: now))
            }
            change.statements.append(LedgerSQL.clearDone(id, unit: PlannerState.everyUnit, at: now))
        }
        for unit in undone {
            if isDone(unit) { change.statements.append(LedgerSQL.clearDone(id, unit: unit, at: now)) }
            change.statements += LedgerSQL.logEvent(
                id, unit: unit, .undone, user: user, note: note, until: nil, at: now)
        }
        change.logged = true
        return change
    }

    /// Pauses `units`' reminders until `until`; their open rows due before it are skipped.
    static func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) -> Change {
        var change = Change(statements: [LedgerSQL.ensureOccurrence(id, at: now)], logged: true)
        for unit in units {
            change.statements.append(LedgerSQL.setSnooze(id, unit: unit, until: until, by: user, at: now))
            change.statements += LedgerSQL.skipOpenRows(
                id, unit: unit, sendBefore: until,
                reason: LedgerText.snoozeReason(id, unit: unit, until: until, by: user),
                at: now)
            change.statements += LedgerSQL.logEvent(
                id, unit: unit, .snoozed, user: user, note: note, until: until, at: now)
        }
        return change
    }
}
