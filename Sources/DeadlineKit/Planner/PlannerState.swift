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

/// What the ledger knows that changes the plan: occurrences marked done, and snoozes.
public struct PlannerState: Sendable {
    /// Done occurrences, with the moment they were marked done (for on-time/late reports).
    public var done: [OccurrenceID: Instant]
    /// Reminders for an occurrence are paused until this moment.
    public var snoozedUntil: [OccurrenceID: Instant]

    public init(done: [OccurrenceID: Instant] = [:], snoozedUntil: [OccurrenceID: Instant] = [:]) {
        self.done = done
        self.snoozedUntil = snoozedUntil
    }

    public static let empty = PlannerState()

    public func isDone(_ id: OccurrenceID) -> Bool { done[id] != nil }
}
