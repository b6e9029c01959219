import DeadlineKit

/// One admin action on an occurrence, from the append-only audit log.
public struct OccurrenceEvent: Sendable, Hashable {
    /// Increasing with each action: the log's order.
    public var sequence: Int64
    /// The occurrence acted on.
    public var occurrence: OccurrenceID
    /// The unit it was done for; ``PlannerState/everyUnit`` (`*`) for every unit (events before per-unit
    /// completion).
    public var unit: String
    /// What was done.
    public var action: OccurrenceAction
    /// The Unix user who did it.
    public var user: String
    /// The admin's note, if any.
    public var note: String?
    /// For a snooze: until when.
    public var snoozedUntil: Instant?
    /// When.
    public var at: Instant

    /// An event from plain values.
    public init(
        sequence: Int64, occurrence: OccurrenceID, unit: String = PlannerState.everyUnit, action: OccurrenceAction,
        user: String, note: String?, snoozedUntil: Instant?, at: Instant
    ) {
        self.sequence = sequence
        self.occurrence = occurrence
        self.unit = unit
        self.action = action
        self.user = user
        self.note = note
        self.snoozedUntil = snoozedUntil
        self.at = at
    }
}

/// An admin action on an occurrence.
public enum OccurrenceAction: String, Sendable, Hashable, CaseIterable {
    /// `deadlinectl done`: reminders for the occurrence stop.
    case done
    /// `deadlinectl undone`: a mistaken `done` is taken back.
    case undone
    /// `deadlinectl snooze`: reminders pause until a moment.
    case snoozed
}

/// One unit's standing on an occurrence: done (when, by whom, with what note) and snoozed (until when, by whom).
public struct UnitMark: Sendable, Hashable {
    /// The unit's id; ``PlannerState/everyUnit`` (`*`) for a mark on every unit.
    public var unit: String
    public var doneAt: Instant?
    public var doneBy: String?
    public var doneNote: String?
    public var snoozedUntil: Instant?
    public var snoozedBy: String?

    public init(
        unit: String, doneAt: Instant? = nil, doneBy: String? = nil, doneNote: String? = nil, snoozedUntil: Instant? = nil,
        snoozedBy: String? = nil
    ) {
        self.unit = unit
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.doneNote = doneNote
        self.snoozedUntil = snoozedUntil
        self.snoozedBy = snoozedBy
    }
}
