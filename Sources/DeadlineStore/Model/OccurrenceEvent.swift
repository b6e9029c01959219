package import DeadlineKit

/// One admin action on an occurrence, from the append-only audit log.
package struct OccurrenceEvent: Sendable, Hashable {
    /// Increasing with each action: the log's order.
    package var sequence: Int64
    /// The occurrence acted on.
    package var occurrence: OccurrenceID
    /// The unit it was done for; ``PlannerState/everyUnit`` (`*`) for every unit (events before per-unit
    /// completion).
    package var unit: String
    /// What was done.
    package var action: OccurrenceAction
    /// The Unix user who did it.
    package var user: String
    /// The admin's note, if any.
    package var note: String?
    /// For a snooze: until when.
    package var snoozedUntil: Instant?
    /// When.
    package var at: Instant

    /// An event from plain values.
    package init(
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
package enum OccurrenceAction: String, Sendable, Hashable, CaseIterable {
    /// `deadlinectl done`: reminders for the occurrence stop.
    case done
    /// `deadlinectl undone`: a mistaken `done` is taken back.
    case undone
    /// `deadlinectl snooze`: reminders pause until a moment.
    case snoozed
}

/// One unit's standing on an occurrence: done (when, by whom, with what note) and snoozed (until when, by whom).
package struct UnitMark: Sendable, Hashable {
    /// The unit's id; ``PlannerState/everyUnit`` (`*`) for a mark on every unit.
    package var unit: String
    package var doneAt: Instant?
    package var doneBy: String?
    package var doneNote: String?
    package var snoozedUntil: Instant?
    package var snoozedBy: String?

    package init(
        unit: String, doneAt: Instant? = nil, doneBy: String? = nil, doneNote: String? = nil,
        snoozedUntil: Instant? = nil,
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
