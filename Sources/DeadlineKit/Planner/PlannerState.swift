/// One occurrence of a deadline: the deadline's id and the occurrence's nominal due day.
///
/// A one-off deadline has one occurrence; a monthly report has one per month. `deadlinectl done`
/// marks occurrences, so that reminders for one month stop while next month's still come.
package struct OccurrenceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let deadlineID: String
    package let date: CivilDate

    package init(deadlineID: String, date: CivilDate) {
        self.deadlineID = deadlineID
        self.date = date
    }

    package static func < (lhs: OccurrenceID, rhs: OccurrenceID) -> Bool {
        (lhs.deadlineID, lhs.date) < (rhs.deadlineID, rhs.date)
    }

    /// `5418-de-xuat@2020-12-10`
    package var description: String { "\(deadlineID)@\(date.iso)" }
}

/// What the ledger knows that changes the plan: which units finished which occurrences, and snoozes.
///
/// Completion is per unit: a deadline given to a group (`cac-so-nganh`) is finished by each member on its own
/// day, and only the units still working on it are urged. The unit ``everyUnit`` (`*`) stands for every unit of
/// the occurrence: ledgers written before per-unit completion marked whole occurrences so.
package struct PlannerState: Sendable {
    /// Per occurrence, the moment each unit finished it (for on-time/late reports).
    package var done: [OccurrenceID: [String: Instant]]
    /// Per occurrence, until when each unit's reminders are paused.
    package var snoozedUntil: [OccurrenceID: [String: Instant]]

    /// The unit that stands for every unit of an occurrence.
    package static let everyUnit = "*"

    package init(done: [OccurrenceID: [String: Instant]] = [:], snoozedUntil: [OccurrenceID: [String: Instant]] = [:]) {
        self.done = done
        self.snoozedUntil = snoozedUntil
    }

    package static let empty = PlannerState()

    /// When `unit` finished the occurrence, if it did.
    package func doneAt(_ id: OccurrenceID, unit: String) -> Instant? {
        guard let marks = done[id] else { return nil }
        return marks[unit] ?? marks[PlannerState.everyUnit]
    }

    package func isDone(_ id: OccurrenceID, unit: String) -> Bool { doneAt(id, unit: unit) != nil }

    /// Whether every one of `units` finished the occurrence (an occurrence of no unit: only when marked for all).
    package func isDone(_ id: OccurrenceID, units: [String]) -> Bool {
        guard let marks = done[id] else { return false }
        if marks[PlannerState.everyUnit] != nil { return true }
        return !units.isEmpty && units.allSatisfy { marks[$0] != nil }
    }

    /// Until when `unit`'s reminders for the occurrence are paused, if they are.
    package func snoozedUntil(_ id: OccurrenceID, unit: String) -> Instant? {
        guard let marks = snoozedUntil[id] else { return nil }
        switch (marks[unit], marks[PlannerState.everyUnit]) {
        case (let own?, let all?): return max(own, all)
        case (let own, let all): return own ?? all
        }
    }

    /// Whether anything is known about the occurrence (a fast path for the planner: most occurrences have nothing).
    package func hasMarks(_ id: OccurrenceID) -> Bool { done[id] != nil || snoozedUntil[id] != nil }

    /// Records that `unit` finished the occurrence at `at` (keeps an earlier mark).
    package mutating func markDone(_ id: OccurrenceID, unit: String, at: Instant) {
        if done[id]?[unit] == nil { done[id, default: [:]][unit] = at }
    }

    /// Records that `unit`'s reminders are paused until `until`.
    package mutating func snooze(_ id: OccurrenceID, unit: String, until: Instant) {
        snoozedUntil[id, default: [:]][unit] = until
    }
}
