import DeadlineKit

/// One admin action on an occurrence, from the append-only audit log.
public struct OccurrenceEvent: Sendable, Hashable {
    /// Increasing with each action: the log's order.
    public var sequence: Int64
    /// The occurrence acted on.
    public var occurrence: OccurrenceID
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
        sequence: Int64, occurrence: OccurrenceID, action: OccurrenceAction, user: String, note: String?,
        snoozedUntil: Instant?, at: Instant
    ) {
        self.sequence = sequence
        self.occurrence = occurrence
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
