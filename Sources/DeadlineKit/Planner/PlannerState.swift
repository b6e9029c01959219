/// One occurrence of a deadline: the deadline's id and the occurrence's nominal due day.
///
/// A one-off deadline has one occurrence; a monthly report has one per month. `deadlinectl done`
/// marks occurrences, so that reminders for one month stop while next month's still come.
public struct OccurrenceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let deadlineID: String
    public let date: CivilDate

    public init(deadlineID: String, date: CivilDate) {
        self.deadlineID = deadlineID
        self.date = date
    }

    public static func < (lhs: OccurrenceID, rhs: OccurrenceID) -> Bool {
        (lhs.deadlineID, lhs.date) < (rhs.deadlineID, rhs.date)
    }

    /// `5418-de-xuat@2020-12-10`
    public var description: String { "\(deadlineID)@\(date.iso)" }
}

/// What the ledger knows that changes the plan: which units finished which occurrences, and snoozes.
///
/// Completion is per unit: a deadline given to a group (`cac-so-nganh`) is finished by each member on its own
/// day, and only the units still working on it are urged. The unit ``everyUnit`` (`*`) stands for every unit of
/// the occurrence: ledgers written before per-unit completion marked whole occurrences so.
public struct PlannerState: Sendable {
    /// Per occurrence, the moment each unit finished it (for on-time/late reports).
    public var done: [OccurrenceID: [String: Instant]]
    /// Per occurrence, until when each unit's reminders are paused.
    public var snoozedUntil: [OccurrenceID: [String: Instant]]

    /// The unit that stands for every unit of an occurrence.
    public static let everyUnit = "*"

    public init(done: [OccurrenceID: [String: Instant]] = [:], snoozedUntil: [OccurrenceID: [String: Instant]] = [:]) {
        self.done = done
        self.snoozedUntil = snoozedUntil
    }

    public static let empty = PlannerState()

    /// When `unit` finished the occurrence, if it did.
    public func doneAt(_ id: OccurrenceID, unit: String) -> Instant? {
        guard let marks = done[id] else { return nil }
        return marks[unit] ?? marks[PlannerState.everyUnit]
    }

    public func isDone(_ id: OccurrenceID, unit: String) -> Bool { doneAt(id, unit: unit) != nil }

    /// Whether every one of `units` finished the occurrence (an occurrence of no unit: only when marked for all).
    public func isDone(_ id: OccurrenceID, units: [String]) -> Bool {
        guard let marks = done[id] else { return false }
        if marks[PlannerState.everyUnit] != nil { return true }
        return !units.isEmpty && units.allSatisfy { marks[$0] != nil }
    }

    /// Until when `unit`'s reminders for the occurrence are paused, if they are.
    public func snoozedUntil(_ id: OccurrenceID, unit: String) -> Instant? {
        guard let marks = snoozedUntil[id] else { return nil }
        switch (marks[unit], marks[PlannerState.everyUnit]) {
        case (let own?, let all?): return max(own, all)
        case (let own, let all): return own ?? all
        }
    }

    /// Whether anything is known about the occurrence (a fast path for the planner: most occurrences have nothing).
    public func hasMarks(_ id: OccurrenceID) -> Bool { done[id] != nil || snoozedUntil[id] != nil }

    /// Records that `unit` finished the occurrence at `at` (keeps an earlier mark).
    public mutating func markDone(_ id: OccurrenceID, unit: String, at: Instant) {
        if done[id]?[unit] == nil { done[id, default: [:]][unit] = at }
    }

    /// Records that `unit`'s reminders are paused until `until`.
    public mutating func snooze(_ id: OccurrenceID, unit: String, until: Instant) {
        snoozedUntil[id, default: [:]][unit] = until
    }
}
