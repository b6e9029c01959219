package import DeadlineKit

/// A reminder as the ledger records it: the planner's decision, resolved to plain values.
///
/// Build one from the planner with ``init(_:planner:)``. ``key`` is the stable identity
/// (``ReminderPlanner/key(of:)``): the ledger never records the same key twice.
package struct LedgerReminder: Sendable, Hashable {
    /// `deadline|occurrence|rule|unit|channel[|recipient]`.
    package var key: String
    /// The deadline's id from the config.
    package var deadlineID: String
    /// The occurrence's nominal due day.
    package var occurrence: CivilDate
    /// The rule that produced it: `7d`, `3wd`, `due`, `overdue-2`, `escalation-1`.
    package var rule: String
    /// Before, due, overdue or escalation.
    package var kind: ReminderKind
    /// The responsible unit's id.
    package var unit: String
    /// The channel's name from the config.
    package var channel: String
    /// Email addresses (empty for a webhook). None may contain a line break.
    package var recipients: [String]
    /// The occurrence's due moment.
    package var due: Instant
    /// When the planner wanted it sent.
    package var sendAt: Instant

    /// A reminder from plain values.
    package init(
        key: String, deadlineID: String, occurrence: CivilDate, rule: String, kind: ReminderKind, unit: String,
        channel: String, recipients: [String], due: Instant, sendAt: Instant
    ) {
        self.key = key
        self.deadlineID = deadlineID
        self.occurrence = occurrence
        self.rule = rule
        self.kind = kind
        self.unit = unit
        self.channel = channel
        self.recipients = recipients
        self.due = due
        self.sendAt = sendAt
    }

    /// The ledger's record of a reminder the planner made; recipients are kept as bare addresses.
    package init(_ reminder: PlannedReminder, planner: ReminderPlanner) {
        let target = planner.target(of: reminder)
        self.init(
            key: planner.key(of: reminder), deadlineID: planner.deadlineID(of: reminder),
            occurrence: reminder.occurrence, rule: reminder.rule.description, kind: reminder.kind,
            unit: target.unitID, channel: target.channel, recipients: target.recipients.map(\.address),
            due: reminder.due, sendAt: reminder.sendAt)
    }

    /// The occurrence this reminder belongs to.
    package var occurrenceID: OccurrenceID { OccurrenceID(deadlineID: deadlineID, date: occurrence) }
}
